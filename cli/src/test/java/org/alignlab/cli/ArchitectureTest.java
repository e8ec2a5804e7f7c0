package org.alignlab.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/ARCHITECTURE.md, checked on the compiled classes: each module reaches
 * only the modules below it, gridworlds and core know no other module, only the command line (and the
 * dashboard) reach the report layer, only the command line reaches the dashboard, nothing reaches the command line, and there are no cycles.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.alignlab");

    @Test
    void eachModuleReachesOnlyTheModulesBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("gridworlds").definedBy("org.alignlab.gridworlds..")
                .layer("core").definedBy("org.alignlab.core..")
                .layer("rl").definedBy("org.alignlab.rl..")
                .layer("audit").definedBy("org.alignlab.audit..")
                .layer("corrigibility").definedBy("org.alignlab.corrigibility..")
                .layer("oversight").definedBy("org.alignlab.oversight..")
                .layer("recsys").definedBy("org.alignlab.recsys..")
                .layer("scalable").definedBy("org.alignlab.scalable..")
                .layer("llm").definedBy("org.alignlab.llm..")
                .layer("organisms").definedBy("org.alignlab.organisms..")
                .layer("interp").definedBy("org.alignlab.interp..")
                .layer("rlhf").definedBy("org.alignlab.rlhf..")
                .layer("report").definedBy("org.alignlab.report..")
                .layer("web").definedBy("org.alignlab.web..")
                .layer("cli").definedBy("org.alignlab.cli..")
                .whereLayer("gridworlds").mayNotAccessAnyLayer()
                .whereLayer("core").mayNotAccessAnyLayer()
                .whereLayer("rl").mayOnlyAccessLayers("gridworlds", "core")
                .whereLayer("audit").mayOnlyAccessLayers("rl", "gridworlds", "core")
                .whereLayer("corrigibility").mayOnlyAccessLayers("rl", "gridworlds", "core")
                .whereLayer("oversight").mayOnlyAccessLayers("llm", "core")
                .whereLayer("recsys").mayOnlyAccessLayers("rlhf", "rl", "gridworlds", "core")
                .whereLayer("scalable").mayOnlyAccessLayers("core")
                .whereLayer("llm").mayOnlyAccessLayers("core")
                .whereLayer("organisms").mayOnlyAccessLayers("llm", "core")
                .whereLayer("interp").mayOnlyAccessLayers("organisms", "rl", "gridworlds", "core")
                .whereLayer("rlhf").mayOnlyAccessLayers("rl", "gridworlds", "core")
                .whereLayer("report").mayOnlyAccessLayers("core")
                .whereLayer("report").mayOnlyBeAccessedByLayers("web", "cli")
                .whereLayer("web").mayOnlyAccessLayers("report", "audit", "llm", "rlhf", "rl", "gridworlds", "core")
                .whereLayer("web").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .check(CLASSES);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("org.alignlab.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
