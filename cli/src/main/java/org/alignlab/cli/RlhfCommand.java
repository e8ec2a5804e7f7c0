package org.alignlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.core.ResultsStore.CurvePoint;
import org.alignlab.core.RecipeReport;
import org.alignlab.rlhf.OveroptimisationRecipe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alignlab rlhf}: learning rewards from preferences on the gridworlds, and how it gets gamed. */
@Command(name = "rlhf", mixinStandardHelpOptions = true,
        description = {"Learning from preferences on the safety gridworlds, where the true objective is known exactly. "
            + "Each recipe writes report.html, results.json and results.duckdb to --out/RECIPE.", "",
            "Recipes: fix-gaming, overoptimization, fooled-raters, offline-ablation, pluralism."},
        subcommands = {RlhfCommand.FixGaming.class, RlhfCommand.Overoptimization.class, RlhfCommand.FooledRaters.class,
            RlhfCommand.OfflineAblation.class, RlhfCommand.Pluralism.class, CommandLine.HelpCommand.class})
final class RlhfCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every recipe takes. */
    static final class RecipeOptions {
        @Option(names = "--ppo-steps", defaultValue = "30000",
                description = "PPO steps each time a policy is optimised. Default: ${DEFAULT-VALUE}.")
        long ppoSteps;

        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--out", defaultValue = "audit-results/rlhf", description = "Output folder. Default: ${DEFAULT-VALUE}.")
        Path out;
    }

    /** Writes DIR/report.html and DIR/results.json and says where everything is. */
    static void writeReport(java.io.PrintWriter stdout, Path dir, String recipe, String title, String html,
                            Map<String, Object> json) throws java.io.IOException {
        Path report = RecipeReport.write(dir, recipe, title, html, json);
        stdout.printf("%nWrote %s, %s and %s.%n", report, dir.resolve("results.json"), dir.resolve("results.duckdb"));
    }

    /** A label sink that keeps every label set, to record once the recipe is done. */
    static final class KeptLabels implements org.alignlab.rlhf.LabelSink {
        final Map<String, List<org.alignlab.rlhf.Label>> sets = new LinkedHashMap<>();

        @Override
        public void labels(String session, List<org.alignlab.rlhf.Label> labels) {
            sets.put(session, List.copyOf(labels));
        }

        /** Records them in DIR/results.duckdb (table preference_labels), with provenance. */
        void record(Path dir) throws Exception {
            String provenance = new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(org.alignlab.core.Provenance.now());
            try (var store = org.alignlab.core.ResultsStore.open(dir.resolve("results.duckdb"))) {
                for (var e : sets.entrySet()) {
                    store.recordLabels(e.getKey(), org.alignlab.rlhf.LabelSink.rows(e.getKey(), e.getValue()), provenance);
                }
            }
        }
    }

    /** Records a recipe's curves in DIR/results.duckdb with the config and provenance. */
    static void recordCurves(Path dir, String recipe, Object config,
                             Map<String, List<CurvePoint>> curves)
            throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var store = org.alignlab.core.ResultsStore.open(dir.resolve("results.duckdb"))) {
            for (var e : curves.entrySet()) {
                store.recordCurve(recipe, e.getKey(), e.getValue(), json.writeValueAsString(config),
                        json.writeValueAsString(org.alignlab.core.Provenance.now()));
            }
        }
    }

    @Command(name = "overoptimization", mixinStandardHelpOptions = true,
            description = {"Proxy (reward model) and gold (hidden performance) scores against d = sqrt(KL) for best-of-n "
                + "and for PPO with a KL penalty, across reward-model capacity and number of comparisons, with the fits "
                + "of Gao, Schulman and Hilton (2022) and a prediction from small n checked at the largest n. "
                + "About 3 minutes with the defaults."})
    static final class Overoptimization implements Callable<Integer> {
        @Mixin
        RecipeOptions common;

        @Option(names = "--env", defaultValue = "boat_race:default", paramLabel = "ENV[:VARIANT]",
                description = "The environment. Default: ${DEFAULT-VALUE}.")
        String env;

        @Option(names = "--episodes", defaultValue = "2000", description = "Reference episodes for best-of-n. Default: ${DEFAULT-VALUE}.")
        int episodes;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (common.ppoSteps < 1 || episodes < 2) {
                throw new IllegalArgumentException("--ppo-steps must be at least 1 and --episodes at least 2");
            }
            OveroptimisationRecipe.Config d = OveroptimisationRecipe.Config.defaults();
            org.alignlab.gridworlds.Gridworlds.variant(env); // a clear error for an unknown environment, before any work
            OveroptimisationRecipe.Config c = new OveroptimisationRecipe.Config(env, d.hiddenUnits(), d.comparisons(),
                    d.segmentLength(), episodes, d.bestOfN(), d.klCoefficients(), common.ppoSteps, common.seed);
            KeptLabels kept = new KeptLabels();
            OveroptimisationRecipe.Result r = OveroptimisationRecipe.run(c, System.err, System.console() != null, kept);
            var stdout = spec.commandLine().getOut();
            OveroptimisationRecipe.print(r, stdout);
            Path dir = common.out.resolve("overoptimization");
            java.nio.file.Files.createDirectories(dir);
            kept.record(dir);
            OveroptimisationRecipe.record(r, c, dir.resolve("results.duckdb"));
            writeReport(stdout, dir, "rlhf overoptimization", "alignlab: reward-model over-optimisation",
                    OveroptimisationRecipe.html(r), OveroptimisationRecipe.json(r));
            return 0;
        }
    }

    @Command(name = "fooled-raters", mixinStandardHelpOptions = true,
            description = {"Raters who see only what the agent observes, on tomato_watering (the bucket makes every "
                + "tomato look watered), against an honest oracle: a reward model from each rater's comparisons, "
                + "optimised by PPO with a decreasing KL penalty; the gap between looking good (visible) and being good "
                + "(hidden) against optimisation strength. About 2 minutes with the defaults."})
    static final class FooledRaters implements Callable<Integer> {
        @Mixin
        RecipeOptions common;

        @Option(names = "--env", defaultValue = "tomato_watering:default", paramLabel = "ENV[:VARIANT]",
                description = "The environment. Default: ${DEFAULT-VALUE}.")
        String env;

        @Option(names = "--rater", paramLabel = "SPEC",
                description = "Raters to compare (repeatable; " + org.alignlab.rlhf.Rater.FORMS + "). Default: observed and oracle.")
        List<String> raters = new ArrayList<>();

        @Option(names = "--comparisons", defaultValue = "1000", description = "Comparisons per rater. Default: ${DEFAULT-VALUE}.")
        int comparisons;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (common.ppoSteps < 1 || comparisons < 4) {
                throw new IllegalArgumentException("--ppo-steps must be at least 1 and --comparisons at least 4");
            }
            org.alignlab.gridworlds.Gridworlds.variant(env);
            raters.forEach(org.alignlab.rlhf.Rater::parse); // bad specs fail before any work
            org.alignlab.rlhf.FooledRatersRecipe.Config d = org.alignlab.rlhf.FooledRatersRecipe.Config.defaults();
            var c = new org.alignlab.rlhf.FooledRatersRecipe.Config(env,
                    raters.isEmpty() ? d.raters() : raters.toArray(String[]::new), comparisons, d.segmentLength(),
                    d.klCoefficients(), common.ppoSteps, common.seed);
            KeptLabels kept = new KeptLabels();
            var r = org.alignlab.rlhf.FooledRatersRecipe.run(c, System.err, System.console() != null, kept);
            var stdout = spec.commandLine().getOut();
            org.alignlab.rlhf.FooledRatersRecipe.print(r, stdout);
            Path dir = common.out.resolve("fooled-raters");
            java.nio.file.Files.createDirectories(dir);
            kept.record(dir);
            Map<String, List<CurvePoint>> curves = new LinkedHashMap<>();
            for (var rr : r.raters()) {
                curves.put(rr.rater(), rr.outcomes().stream()
                        .map(o -> new CurvePoint(o.strength(), o.d(), o.proxy(), o.gold())).toList());
            }
            recordCurves(dir, "fooled-raters", c, curves);
            writeReport(stdout, dir, "rlhf fooled-raters", "alignlab: fooled raters",
                    org.alignlab.rlhf.FooledRatersRecipe.html(r), org.alignlab.rlhf.FooledRatersRecipe.json(r));
            return 0;
        }
    }

    @Command(name = "offline-ablation", mixinStandardHelpOptions = true,
            description = {"Online reward learning (rounds of: collect from the current policy, ask about the pairs the "
                + "ensemble disagrees on, refit, re-optimise) against an offline reward model fitted once on the reference "
                + "policy's segments with as many labels. About 2 minutes with the defaults."})
    static final class OfflineAblation implements Callable<Integer> {
        @Mixin
        RecipeOptions common;

        @Option(names = "--env", defaultValue = "boat_race:default", paramLabel = "ENV[:VARIANT]",
                description = "The environment. Default: ${DEFAULT-VALUE}.")
        String env;

        @Option(names = "--rater", defaultValue = "oracle", paramLabel = "SPEC",
                description = "The rater (" + org.alignlab.rlhf.Rater.FORMS + "). Default: ${DEFAULT-VALUE}.")
        String rater;

        @Option(names = "--rounds", defaultValue = "4", description = "Online rounds. Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--labels-per-round", defaultValue = "100", description = "Labels per round. Default: ${DEFAULT-VALUE}.")
        int labelsPerRound;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (rounds < 1 || labelsPerRound < 4 || common.ppoSteps < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1, --labels-per-round at least 4, "
                        + "--ppo-steps at least 1");
            }
            org.alignlab.gridworlds.Gridworlds.variant(env);
            org.alignlab.rlhf.Rater.parse(rater);
            var d = org.alignlab.rlhf.OfflineAblationRecipe.Config.defaults();
            var c = new org.alignlab.rlhf.OfflineAblationRecipe.Config(env, rater, rounds, labelsPerRound, d.segmentLength(),
                    d.klCoefficient(), common.ppoSteps, common.seed);
            KeptLabels kept = new KeptLabels();
            var r = org.alignlab.rlhf.OfflineAblationRecipe.run(c, System.err, System.console() != null, kept);
            var stdout = spec.commandLine().getOut();
            org.alignlab.rlhf.OfflineAblationRecipe.print(r, stdout);
            Path dir = common.out.resolve("offline-ablation");
            java.nio.file.Files.createDirectories(dir);
            kept.record(dir);
            List<CurvePoint> online = new ArrayList<>();
            for (var x : r.online()) {
                online.add(new CurvePoint(x.labels(), x.outcome().d(), x.outcome().proxy(), x.outcome().gold()));
            }
            var o = r.offline();
            recordCurves(dir, "offline-ablation", c, Map.of("online", online, "offline",
                    List.of(new CurvePoint(o.labels(), o.outcome().d(), o.outcome().proxy(), o.outcome().gold()))));
            writeReport(stdout, dir, "rlhf offline-ablation", "alignlab: offline against online reward models",
                    org.alignlab.rlhf.OfflineAblationRecipe.html(r), org.alignlab.rlhf.OfflineAblationRecipe.json(r));
            return 0;
        }
    }

    @Command(name = "fix-gaming", mixinStandardHelpOptions = true,
            description = {"Does preference learning from an honest rater remove the reward gaming the audit finds? PPO "
                + "trained on the visible reward, on the true objective, and on reward models fitted to 100 and 1,000 "
                + "oracle comparisons, on boat_race, tomato_watering, side_effects_sokoban, absent_supervisor and "
                + "rocks_diamonds: the hidden performance of each. About 4 minutes with the defaults."})
    static final class FixGaming implements Callable<Integer> {
        @Mixin
        RecipeOptions common;

        @Option(names = "--env", paramLabel = "ENV:VARIANT",
                description = "Environments (repeatable). Default: the five of the recipe.")
        List<String> envs = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (common.ppoSteps < 1) {
                throw new IllegalArgumentException("--ppo-steps must be at least 1");
            }
            envs.forEach(org.alignlab.gridworlds.Gridworlds::variant);
            var d = org.alignlab.rlhf.FixGamingRecipe.Config.defaults();
            var c = new org.alignlab.rlhf.FixGamingRecipe.Config(envs.isEmpty() ? d.variants() : envs.toArray(String[]::new),
                    d.comparisons(), d.segmentLength(), d.klCoefficient(), common.ppoSteps, common.seed);
            KeptLabels kept = new KeptLabels();
            var r = org.alignlab.rlhf.FixGamingRecipe.run(c, System.err, System.console() != null, kept);
            var stdout = spec.commandLine().getOut();
            org.alignlab.rlhf.FixGamingRecipe.print(r, stdout);
            Path dir = common.out.resolve("fix-gaming");
            java.nio.file.Files.createDirectories(dir);
            kept.record(dir);
            Map<String, List<CurvePoint>> curves = new LinkedHashMap<>();
            for (var e : r.environments()) {
                List<CurvePoint> points = new ArrayList<>();
                e.learnt().forEach((n, gold) -> points.add(new CurvePoint(n, Double.NaN, Double.NaN, gold)));
                curves.put(e.variant(), points);
            }
            recordCurves(dir, "fix-gaming", c, curves);
            writeReport(stdout, dir, "rlhf fix-gaming", "alignlab: does preference learning fix the gaming?",
                    org.alignlab.rlhf.FixGamingRecipe.html(r), org.alignlab.rlhf.FixGamingRecipe.json(r));
            return 0;
        }
    }

    @Command(name = "pluralism", mixinStandardHelpOptions = true,
            description = {"Two or more rater populations with different values compare the same segments; aggregation "
                + "rules (pooled labels, mean of per-group models, max-min over mixtures) and lock-in (one group's model "
                + "for all), with each group's welfare under each. About 2 minutes with the defaults."})
    static final class Pluralism implements Callable<Integer> {
        @Mixin
        RecipeOptions common;

        @Option(names = "--env", defaultValue = "tomato_watering:default", paramLabel = "ENV[:VARIANT]",
                description = "The environment. Default: ${DEFAULT-VALUE}.")
        String env;

        @Option(names = "--group", paramLabel = "SPEC",
                description = "A rater population's values and noise (repeatable, at least two; " + org.alignlab.rlhf.Rater.FORMS
                    + "). Default: observed and oracle.")
        List<String> groups = new ArrayList<>();

        @Option(names = "--comparisons", defaultValue = "500", description = "Comparisons per group. Default: ${DEFAULT-VALUE}.")
        int comparisons;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (common.ppoSteps < 1 || comparisons < 4) {
                throw new IllegalArgumentException("--ppo-steps must be at least 1 and --comparisons at least 4");
            }
            if (groups.size() == 1) {
                throw new IllegalArgumentException("give at least two --group specs (or none for the defaults)");
            }
            org.alignlab.gridworlds.Gridworlds.variant(env);
            groups.forEach(org.alignlab.rlhf.Rater::parse);
            var d = org.alignlab.rlhf.PluralismRecipe.Config.defaults();
            var c = new org.alignlab.rlhf.PluralismRecipe.Config(env, groups.isEmpty() ? d.groups() : groups.toArray(String[]::new),
                    comparisons, d.segmentLength(), d.mixtures(), d.klCoefficient(), common.ppoSteps, common.seed);
            KeptLabels kept = new KeptLabels();
            var r = org.alignlab.rlhf.PluralismRecipe.run(c, System.err, System.console() != null, kept);
            var stdout = spec.commandLine().getOut();
            org.alignlab.rlhf.PluralismRecipe.print(r, stdout);
            Path dir = common.out.resolve("pluralism");
            java.nio.file.Files.createDirectories(dir);
            kept.record(dir);
            // One row per rule and group: strength = the group's number, proxy = its raw value, gold = its welfare.
            Map<String, List<CurvePoint>> curves =
                    new LinkedHashMap<>();
            for (var p : r.policies()) {
                List<CurvePoint> rows = new ArrayList<>();
                for (int k = 0; k < p.values().length; k++) {
                    rows.add(new CurvePoint(k + 1, Double.NaN, p.values()[k], p.welfare()[k]));
                }
                curves.put(p.rule(), rows);
            }
            recordCurves(dir, "pluralism", c, curves);
            writeReport(stdout, dir, "rlhf pluralism", "alignlab: whose preferences?",
                    org.alignlab.rlhf.PluralismRecipe.html(r), org.alignlab.rlhf.PluralismRecipe.json(r));
            return 0;
        }
    }
}
