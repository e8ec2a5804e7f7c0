package org.alignlab.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alignlab.core.Provenance;
import org.alignlab.core.study.Settings;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;

/**
 * Runs any study the same way: check the configuration, run it against a context on its folder,
 * print the result, and write results.json and report.html. Every command that runs a study goes
 * through here, so none repeats this sequence.
 */
public final class StudyRunner {
    private StudyRunner() {
    }

    /**
     * Runs {@code study} with {@code config} in {@code dir}.
     *
     * @param budget   the budget the config came from ("custom" when settings were changed)
     * @param log      progress and messages (standard error)
     * @param terminal whether {@code log} is a terminal
     * @param out      where the result is printed (standard output), or null to print nothing
     */
    public static <C extends Record> StoredStudy run(Study<C> study, C config, String budget, Path dir, PrintStream log,
                                                     boolean terminal, PrintWriter out) throws Exception {
        study.validate(config);
        // Finished steps are reused under the same settings; how many threads ran them changes no result, so it is
        // left out (a run resumed on a machine with other cores, or with --threads, reuses them).
        com.fasterxml.jackson.databind.JsonNode settings = StudyReports.json().valueToTree(config);
        if (settings instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.remove("threads");
        }
        String configJson = StudyReports.json().writer().withoutFeatures(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(settings);
        StudyResult result;
        int resumed;
        try (StudyContext ctx = new StudyContext(dir, log, terminal, configJson)) {
            result = study.run(config, ctx);
            resumed = ctx.resumedSteps();
            ctx.recordFindings(result, budget);
        } catch (Exception | Error e) {
            // A failed run leaves no progress behind to pass for a running one; an earlier result stays as it was.
            try {
                Files.deleteIfExists(dir.resolve(StudyContext.PROGRESS));
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup); // e.g. the folder could not be made: the cause is what the person needs to read
            }
            throw e;
        }
        if (resumed > 0) {
            log.printf("%d steps were taken from an earlier run of the same settings (%s).%n", resumed,
                    dir.resolve(StudyContext.STEPS));
        }
        StoredStudy stored = new StoredStudy(study.name(), budget, Settings.of(config), Provenance.now(), resumed, result);
        StudyReports.write(dir, stored);
        if (out != null) {
            print(result, dir, out);
        }
        return stored;
    }

    /** Prints {@code result} and the files it was written to in {@code dir}. */
    public static void print(StudyResult result, Path dir, PrintWriter out) {
        StudyReports.print(result, out);
        out.printf("%nWrote %s, %s and %s.%n", dir.resolve(StudyReports.REPORT), dir.resolve(StudyReports.RESULTS),
                dir.resolve("results.duckdb"));
        out.flush();
    }
}
