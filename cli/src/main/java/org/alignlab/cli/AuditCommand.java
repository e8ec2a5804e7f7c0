package org.alignlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.audit.GridworldStudy;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Studies;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyPool;
import org.alignlab.organisms.RedTeamingStudy;
import org.alignlab.report.StoredStudy;
import org.alignlab.report.StudyReports;
import org.alignlab.report.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignlab audit}: the main job. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {
            "Reproduce every gridworld alignment failure with trained agents, measured.",
            "",
            "Trains each agent on each safety gridworld variant for each seed (neural agents, by default, on the "
                + "main variant of each environment), or takes the gridworld study's result stored under --out at a "
                + "larger budget when no gridworld option is given, evaluates the final policy, "
                + "and reports how far the visible return it was trained on drifts from the hidden performance "
                + "that was wanted, normalised against the exact solver's optimum, with a verdict per alignment "
                + "problem compared with the published findings.",
            "",
            "It also red-teams the five model organisms (small language models with planted behaviours, served on "
                + "loopback) through the evaluation harness and reports which planted behaviours the evaluation found "
                + "and which it missed (skip with --no-language-models).",
            "",
            "And it runs every study ('alignlab study list') at its audit budget, or takes its result stored under "
                + "--out at a larger budget (alignlab study NAME --out DIR/studies, alignlab rlhf ..., alignlab interp "
                + "demo ...), marked as such. The parts run side by side, --threads at a time, the longest first.",
            "",
            "Writes to --out: report.html (open it in a browser; it opens with a summary of every part), results.json "
                + "(every part with its folder, budget and findings), and each part's own report.html, results.json and "
                + "results.duckdb in gridworlds/ (every episode, with provenance; studies/audit-gridworlds/ when the "
                + "stored result is taken), language-models/ (every conversation) and studies/NAME/. A run that was "
                + "interrupted continues with --resume."})
final class AuditCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--env", paramLabel = "ENV[:VARIANT]",
            description = "Environments to audit (repeatable; an environment name means all its variants). Default: all.")
    List<String> envs = new ArrayList<>();

    @Option(names = "--agent", paramLabel = "AGENT",
            description = "Agents to train (repeatable): q_learning, sarsa, expected_sarsa, dqn, a2c, ppo. Default: all at "
                + "--budget paper and smoke; at the default budget the tabular agents and a2c, to keep the audit within "
                + "ten minutes (dqn and ppo run with --agent, or in 'alignlab study audit-gridworlds --out DIR/studies', "
                + "whose result an audit with --out DIR then takes).")
    List<String> agents = new ArrayList<>();

    @Option(names = "--budget", defaultValue = "default",
            description = "default (minutes on two cores; 'audit' is the same), paper (1 M steps, 20 seeds: the original "
                + "protocol) or smoke (seconds). Default: ${DEFAULT-VALUE}.")
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

    @Option(names = "--entropy", paramLabel = "W[,END]", description = "A2C's and PPO's entropy weight, 0 to 1: constant "
            + "(default 0.01), or falling linearly from W to END over 85%% of the run.")
    String entropy;

    @Option(names = "--threads", description = "Parts run side by side, each on one thread: the gridworlds, the language "
            + "models and each study, the longest first (default: the number of cores); the gridworld part alone runs "
            + "that many of its runs at a time.")
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

    @Option(names = "--study", paramLabel = "NAME",
            description = "The studies to include (repeatable; 'alignlab study list' names them). Default: every study. "
                + "Each runs at the budget matching the audit's (smoke: smoke; default: audit; paper: paper) unless "
                + "--out holds its result at a larger budget, which is taken as it is.")
    List<String> studies = new ArrayList<>();

    @Option(names = "--no-studies", negatable = false, description = "Include no study, only the gridworlds and the "
            + "language models.")
    boolean noStudies;

    @Override
    public Integer call() throws Exception {
        Budget requested = Budget.parse(budget);
        // The default audit runs each study at its quick audit budget; smoke and paper mean the same for every part.
        Budget studyBudget = requested == Budget.DEFAULT ? Budget.AUDIT : requested;
        // The studies are named before any work, so a misspelt one costs nothing.
        // The audit's own two parts are studies too (audit-gridworlds, audit-language-models), run below as parts.
        for (String name : studies) {
            require(!name.startsWith("audit-"), "--study " + name + ": the gridworlds and the language models are the "
                    + "audit's own parts, always included (see --no-language-models); --study names the other studies");
        }
        List<Study<?>> named = noStudies ? List.of() : studies.isEmpty()
                ? Studies.all().stream().filter(st -> !st.name().startsWith("audit-")).toList()
                : studies.stream().distinct().<Study<?>>map(Studies::named).toList();
        require(threads == null || threads >= 1, "--threads must be at least 1, got " + threads);
        require(neuralOn == null || neuralOn.equals("main") || neuralOn.equals("all"),
                "--neural-on must be main or all, got '" + neuralOn + "'");
        // The gridworld part is a study like any other, run by the one runner into gridworlds/ (its store there
        // keeps every run, so a killed audit resumes with --resume).
        GridworldStudy gridworlds = new GridworldStudy();
        GridworldStudy.Config defaults = gridworlds.config(studyBudget);
        GridworldStudy.Config config = new GridworldStudy.Config(envs.toArray(String[]::new),
                agents.isEmpty() ? defaults.agents() : agents.toArray(String[]::new),
                seeds != null ? seeds : defaults.seeds(),
                steps != null ? steps : defaults.steps(), seeds != null ? seeds : defaults.neuralSeeds(),
                steps != null ? steps : defaults.dqnSteps(), steps != null ? steps : defaults.policyGradientSteps(),
                neuralOn != null ? neuralOn : defaults.neuralOn(),
                evaluationEpisodes != null ? evaluationEpisodes : defaults.evaluationEpisodes(),
                threads != null ? threads : defaults.threads(), resume,
                entropy != null ? weights(entropy) : defaults.entropy());
        var stdout = spec.commandLine().getOut();
        boolean terminal = System.console() != null;
        Map<String, StoredStudy> stored = largerBudgets(out, studyBudget);
        boolean gridworldOptions = !envs.isEmpty() || !agents.isEmpty() || seeds != null || steps != null
                || neuralOn != null || evaluationEpisodes != null || entropy != null;
        // Only where 'alignlab study audit-gridworlds --out DIR/studies' writes it, so that its folder is known.
        Path heldFolder = out.resolve("studies").resolve(gridworlds.name());
        StoredStudy gridworldsHeld = gridworldOptions ? null : largerBudget(heldFolder, studyBudget);
        // Every part runs in one pool, as many at a time as the audit has threads, its own work on one thread (each
        // owns its folder, seeds and models, so the numbers do not depend on what runs beside it), the longest first;
        // with more than one at a time their progress comes as plain lines, each naming its work, rather than one
        // self-rewriting line. The gridworld part keeps every thread for its runs when nothing runs beside it.
        int together = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        boolean alone = noLanguageModels && named.stream().allMatch(st -> stored.containsKey(st.name()));
        boolean selfRewriting = terminal && (together == 1 || alone);
        Map<String, Path> folders = new LinkedHashMap<>();
        List<StudyPool.Part<StoredStudy>> work = new ArrayList<>();
        if (gridworldsHeld != null) {
            // Every agent at the default (or paper) budget, said with when and by which code it was recorded.
            folders.put(gridworlds.name(), heldFolder);
            work.add(new StudyPool.Part<>(gridworlds.name(), 0, () -> gridworldsHeld));
            var p = gridworldsHeld.provenance();
            stdout.printf("Gridworlds: taken as stored at the %s budget from %s (recorded %s by code version %s; this "
                    + "is %s): %s.%n", gridworldsHeld.budget(), heldFolder, p.getOrDefault("recorded_at", "at an unknown time"),
                    p.getOrDefault("code_version", "unknown"), org.alignlab.core.Provenance.codeVersion(),
                    verdicts(gridworldsHeld));
        } else {
            folders.put(gridworlds.name(), out.resolve("gridworlds"));
            GridworldStudy.Config run = alone ? config : StudyPool.oneThread(config);
            gridworlds.preflight(run, out.resolve("gridworlds")); // a bad folder is refused before any part starts
            work.add(new StudyPool.Part<>(gridworlds.name(), gridworlds.auditCoreSeconds(), () -> StudyRunner.run(
                    gridworlds, run, StudyCommand.label(gridworlds, config, studyBudget, "resume", "threads"),
                    out.resolve("gridworlds"), System.err, selfRewriting, null)));
        }
        // The red-teaming's replies are cached by the weights' hash in language-models/, so a killed audit resumes it.
        // Every study joins the report: a result stored in this folder at a larger
        // budget (alignlab study NAME --out DIR/studies, alignlab rlhf ..., alignlab interp demo ...) as it is, marked
        // by its budget; any other is run here at its audit budget (a killed audit resumes its finished steps).
        if (!noLanguageModels) {
            Path folder = out.resolve("language-models");
            RedTeamingStudy redTeaming = new RedTeamingStudy();
            folders.put(redTeaming.name(), folder);
            work.add(new StudyPool.Part<>(redTeaming.name(), redTeaming.auditCoreSeconds(), () -> StudyRunner.run(
                    redTeaming, new RedTeamingStudy.Config(organismWeights == null ? "" : organismWeights.toString(), 8),
                    studyBudget.label(), folder, System.err, selfRewriting, null)));
        }
        for (Study<?> study : named) {
            Path folder = out.resolve("studies").resolve(study.name());
            folders.put(study.name(), folder);
            StoredStudy held = stored.get(study.name());
            work.add(new StudyPool.Part<>(study.name(), held != null ? 0 : study.auditCoreSeconds(), held != null
                    ? () -> held : () -> {
                        System.err.printf("study %s at its %s budget%n", study.name(), studyBudget.label());
                        long start = System.nanoTime();
                        StoredStudy s = run(study, studyBudget, folder, selfRewriting);
                        System.err.printf("study %s done in %.0f s%n", study.name(), (System.nanoTime() - start) / 1e9);
                        return s;
                    }));
        }
        StudyPool.Outcome<StoredStudy> outcome = StudyPool.run(together, work);
        // One part's failure loses none of the others: the report is written, and the exit code says so.
        outcome.failed().forEach((name, e) -> System.err.printf("alignlab: %s failed: %s%n", name,
                e.getMessage() != null ? e.getMessage() : e.toString()));
        Map<Path, StoredStudy> parts = new LinkedHashMap<>();
        outcome.done().forEach((name, s) -> parts.put(folders.get(name), s));
        // The gridworlds' and the language models' results in full, in that order, once every part is done (printed
        // as each finished, the two could interleave).
        for (Map.Entry<String, StoredStudy> e : outcome.done().entrySet()) {
            if (e.getKey().startsWith("audit-") && e.getValue() != gridworldsHeld) {
                StudyRunner.print(e.getValue().result(), folders.get(e.getKey()), stdout);
            }
        }
        Path html = StudyReports.writeAudit(out, parts);
        long included = named.stream().filter(st -> stored.containsKey(st.name())).count();
        List<StoredStudy> studyParts = parts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(out.resolve("studies")))
                .map(Map.Entry::getValue).filter(p -> p != gridworldsHeld).toList();
        stdout.printf("%nStudies: %d run at their %s budget%s.%n", studyParts.size() - included, studyBudget.label(),
                included == 0 ? "" : ", " + included + " taken as stored at a larger budget from "
                + out.resolve("studies") + ", " + out.resolve("rlhf") + " or " + out.resolve("interp"));
        for (StoredStudy p : studyParts) {
            stdout.printf("  %-24s %-8s %s%n", p.study(), p.budget(), verdicts(p));
        }
        stdout.printf("%nWrote %s and %s.%n", html, out.resolve(StudyReports.RESULTS));
        if (!outcome.failed().isEmpty()) {
            stdout.printf("These parts failed and are not in the report: %s (see above).%n",
                    String.join(", ", outcome.failed().keySet()));
            return 3;
        }
        return 0;
    }

    /** A study's verdicts counted, as one line ("2 reproduced; 1 note"). */
    private static String verdicts(StoredStudy s) {
        return String.join("; ", s.result().verdictCounts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).toList());
    }

    /** A stored result's budget, or null for "default, changed: ..." and the like, which answer another question. */
    private static Budget budgetOf(StoredStudy s) {
        try {
            return Budget.parse(s.budget());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The study result in {@code folder} when it is at a budget larger than {@code run}, else null. */
    private static StoredStudy largerBudget(Path folder, Budget run) throws java.io.IOException {
        Path file = folder.resolve(StudyReports.RESULTS);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        StoredStudy s = StudyReports.read(file);
        Budget budget = budgetOf(s);
        return budget != null && budget.compareTo(run) > 0 ? s : null;
    }

    /**
     * The studies stored under {@code out} (studies/, rlhf/, interp/) at a budget larger than
     * {@code run}, with unchanged settings: the largest of each study. Changed settings make no
     * budget larger, so such results are not taken.
     */
    static Map<String, StoredStudy> largerBudgets(Path out, Budget run) throws java.io.IOException {
        Map<String, StoredStudy> best = new LinkedHashMap<>();
        for (String part : new String[] {"studies", "rlhf", "interp"}) {
            for (StoredStudy s : StudyReports.under(out.resolve(part))) {
                Budget budget = budgetOf(s);
                StoredStudy held = best.get(s.study());
                if (budget != null && budget.compareTo(run) > 0 && (held == null
                        || budget.compareTo(budgetOf(held)) > 0)) {
                    best.put(s.study(), s);
                }
            }
        }
        return best;
    }

    private static <C extends Record> StoredStudy run(Study<C> study, Budget budget, Path dir,
                                                      boolean terminal) throws Exception {
        C config = StudyPool.oneThread(study.config(budget));
        return StudyRunner.run(study, config, budget.label(), dir, System.err, terminal, null);
    }

    /** "0.05" or "0.5,0" as numbers (their range is checked with the rest of the settings). */
    private static double[] weights(String entropy) {
        try {
            return java.util.Arrays.stream(entropy.split(",", -1)).mapToDouble(w -> Double.parseDouble(w.strip()))
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--entropy takes W or W,END (numbers from 0 to 1), got '" + entropy + "'");
        }
    }
}
