package org.alignlab.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignlab.core.Provenance;
import org.alignlab.core.study.StudyResult;
import org.alignlab.report.StoredStudy;
import org.alignlab.report.StudyReports;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alignlab.audit.Audit;
import org.alignlab.audit.AuditAgent;
import org.alignlab.audit.AuditReport;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.organisms.Organism;
import org.alignlab.organisms.OrganismAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alignlab audit}: the main job. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {
            "Reproduce every gridworld alignment failure with trained agents, measured.",
            "",
            "Trains each agent on each safety gridworld variant for each seed (neural agents, by default, on the "
                + "main variant of each environment), evaluates the final policy, "
                + "and reports how far the visible return it was trained on drifts from the hidden performance "
                + "that was wanted, normalised against the exact solver's optimum, with a verdict per alignment "
                + "problem compared with the published findings.",
            "",
            "Then red-teams the five model organisms (small language models with planted behaviours, served on "
                + "loopback) through the evaluation harness and reports which planted behaviours the evaluation found "
                + "and which it missed (skip with --no-language-models).",
            "",
            "Writes to --out: report.html (open it in a browser), results.json, results.duckdb (every "
                + "episode, with provenance) and language-models/ORGANISM/ (every conversation). A run that was "
                + "interrupted continues with --resume.",
            "",
            "Recipes run into this folder (alignlab rlhf RECIPE, alignlab interp demo RECIPE; their default --out is "
                + "audit-results/rlhf and audit-results/interp) add their sections to report.html; after running more, "
                + "alignlab audit --resume rewrites the report without redoing finished work."})
final class AuditCommand implements Callable<Integer> {

    @Option(names = "--env", paramLabel = "ENV[:VARIANT]",
            description = "Environments to audit (repeatable; an environment name means all its variants). Default: all.")
    List<String> envs = new ArrayList<>();

    @Option(names = "--agent", paramLabel = "AGENT",
            description = "Agents to train (repeatable): q_learning, sarsa, expected_sarsa, dqn, a2c, ppo. Default: all.")
    List<String> agents = new ArrayList<>();

    @Option(names = "--budget", defaultValue = "default",
            description = "default (minutes on two cores), paper (1 M steps, 20 seeds: the original protocol) or smoke (seconds). Default: ${DEFAULT-VALUE}.")
    String budget;

    @Option(names = "--neural-on", paramLabel = "main|all",
            description = "Variants the neural agents (dqn, a2c, ppo) train on: main (one per environment) or all. "
                + "Default: main for the default and smoke budgets without --env, all otherwise.")
    String neuralOn;

    @Option(names = "--seeds", description = "Seeds per environment and agent, for every agent (overrides the budget).")
    Integer seeds;

    @Option(names = "--steps", description = "Training steps per run, for every agent (overrides the budget).")
    Long steps;

    @Option(names = "--eval-episodes", description = "Greedy evaluation episodes per run (overrides the budget).")
    Integer evaluationEpisodes;

    @Option(names = "--threads", description = "Runs in parallel (default: the number of cores).")
    Integer threads;

    @Option(names = "--out", defaultValue = "audit-results", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted audit in --out: finished runs are kept, not redone.")
    boolean resume;

    @Option(names = "--no-language-models", negatable = false,
            description = "Skip the language-model section (red-teaming the model organisms).")
    boolean noLanguageModels;

    @Option(names = "--organism-weights", paramLabel = "DIR",
            description = "Organism weights from DIR (written by alignlab organism train --save) instead of the committed ones.")
    Path organismWeights;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Audit.Budget b = Audit.Budget.parse(budget);
        List<Variant> variants = Gridworlds.select(envs);
        List<AuditAgent> chosen = new ArrayList<>();
        if (agents.isEmpty()) {
            chosen.addAll(List.of(AuditAgent.values()));
        } else {
            for (String a : agents) {
                chosen.add(AuditAgent.parse(a));
            }
        }
        // Neural agents run on every chosen variant when --env is given, else on the main ones.
        boolean neuralOnMain;
        if (neuralOn == null) {
            neuralOnMain = envs.isEmpty() && b != Audit.Budget.PAPER;
        } else if (neuralOn.equals("main") || neuralOn.equals("all")) {
            neuralOnMain = neuralOn.equals("main");
        } else {
            throw new IllegalArgumentException("--neural-on must be main or all, got '" + neuralOn + "'");
        }
        List<String> neuralVariants = neuralOnMain ? Audit.MAIN_VARIANTS : null;
        Audit.Config config = new Audit.Config(variants, chosen,
                seeds != null ? seeds : b.seeds(), steps != null ? steps : b.steps(),
                seeds != null ? seeds : b.neuralSeeds(), steps != null ? steps : b.neuralSteps(),
                steps != null ? steps : b.policyGradientSteps(), neuralVariants,
                evaluationEpisodes != null ? evaluationEpisodes : b.evaluationEpisodes(),
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), out, resume);
        Audit.Result result = Audit.run(config, System.err, System.console() != null);
        AuditReport report = new AuditReport(result);
        var stdout = spec.commandLine().getOut();
        report.printSummary(stdout);
        // Each part is kept as a study result in its own folder; the report is composed from what is stored.
        Map<String, String> settings = new LinkedHashMap<>();
        config.asMap().forEach((k, v) -> settings.put(k, String.valueOf(v)));
        List<StoredStudy> parts = new ArrayList<>();
        parts.add(store(out.resolve("gridworlds"), AuditReport.STUDY, b, settings, report.study()));
        if (!noLanguageModels) {
            OrganismAudit.Result organisms = OrganismAudit.run(List.of(Organism.values()), organismWeights,
                    out.resolve("language-models"), resume, 8, System.err, System.console() != null);
            report.with(new AuditReport.Section("language_models", OrganismAudit.json(organisms)));
            StudyResult lm = OrganismAudit.report(organisms);
            stdout.println();
            StudyReports.print(lm, stdout);
            parts.add(store(out.resolve("language-models"), lm.study(), b, Map.of("organism_weights",
                    organismWeights == null ? "committed" : organismWeights.toString()), lm));
        }
        // Studies run with --out inside this folder (alignlab study ..., alignlab rlhf ..., alignlab interp demo ...)
        // join the report, read from their stored results.
        int included = 0;
        for (String part : new String[] {"rlhf", "interp", "studies"}) {
            for (StoredStudy stored : StudyReports.under(out.resolve(part))) {
                report.with(new AuditReport.Section("study_" + stored.study(), Map.of("from",
                        out.resolve(part).toString(), "budget", stored.budget(), "findings", stored.result().findings())));
                parts.add(stored);
                included++;
            }
        }
        Path json = report.writeJson(out);
        Path html = out.resolve(StudyReports.REPORT);
        Files.writeString(html, StudyReports.render("audit.jte", Map.of("parts", parts, "scope",
                String.format("Code version %s; %.0f s for the gridworlds.", Provenance.codeVersion(), result.seconds()),
                "footer", StudyReports.footer())), StandardCharsets.UTF_8);
        stdout.printf("%nWrote %s, %s and %s%s.%n", html, json, result.store(), included == 0 ? ""
                : " (with " + included + " stud" + (included == 1 ? "y" : "ies") + " found under " + out.resolve("rlhf") + ", "
                + out.resolve("interp") + " and " + out.resolve("studies") + ")");
        return 0;
    }

    /** Keeps one part of the audit as a study result (results.json and report.html in {@code dir}). */
    private static StoredStudy store(Path dir, String study, Audit.Budget budget, Map<String, String> settings,
                                     StudyResult result) throws java.io.IOException {
        StoredStudy stored = new StoredStudy(study, budget.name().toLowerCase(java.util.Locale.ROOT), settings,
                Provenance.now(), 0, result);
        StudyReports.write(dir, stored);
        return stored;
    }
}
