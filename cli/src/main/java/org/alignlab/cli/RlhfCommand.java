package org.alignlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alignlab.core.RecipeReport;
import org.alignlab.rlhf.OveroptimisationRecipe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alignlab rlhf}: learning rewards from preferences on the gridworlds, and how it gets gamed. */
@Command(name = "rlhf", mixinStandardHelpOptions = true,
        description = {"Learning from preferences on the safety gridworlds, where the true objective is known exactly. "
            + "Each recipe writes report.html, results.json and results.duckdb to --out/RECIPE.", "",
            "Recipes: overoptimization, fooled-raters (more to come: fix-gaming, offline-ablation, pluralism)."},
        subcommands = {RlhfCommand.Overoptimization.class, RlhfCommand.FooledRaters.class, CommandLine.HelpCommand.class})
final class RlhfCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "overoptimization", mixinStandardHelpOptions = true,
            description = {"Proxy (reward model) and gold (hidden performance) scores against d = sqrt(KL) for best-of-n "
                + "and for PPO with a KL penalty, across reward-model capacity and number of comparisons, with the fits "
                + "of Gao, Schulman and Hilton (2022) and a prediction from small n checked at the largest n. "
                + "About 3 minutes with the defaults."})
    static final class Overoptimization implements Callable<Integer> {
        @Option(names = "--env", defaultValue = "boat_race:default", paramLabel = "ENV[:VARIANT]",
                description = "The environment. Default: ${DEFAULT-VALUE}.")
        String env;

        @Option(names = "--ppo-steps", defaultValue = "30000", description = "PPO steps per KL coefficient. Default: ${DEFAULT-VALUE}.")
        long ppoSteps;

        @Option(names = "--episodes", defaultValue = "2000", description = "Reference episodes for best-of-n. Default: ${DEFAULT-VALUE}.")
        int episodes;

        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--out", defaultValue = "rlhf-results", description = "Output folder. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (ppoSteps < 1 || episodes < 2) {
                throw new IllegalArgumentException("--ppo-steps must be at least 1 and --episodes at least 2");
            }
            OveroptimisationRecipe.Config d = OveroptimisationRecipe.Config.defaults();
            org.alignlab.gridworlds.Gridworlds.variant(env); // a clear error for an unknown environment, before any work
            OveroptimisationRecipe.Config c = new OveroptimisationRecipe.Config(env, d.hiddenUnits(), d.comparisons(),
                    d.segmentLength(), episodes, d.bestOfN(), d.klCoefficients(), ppoSteps, seed);
            OveroptimisationRecipe.Result r = OveroptimisationRecipe.run(c, System.err, System.console() != null);
            var stdout = spec.commandLine().getOut();
            OveroptimisationRecipe.print(r, stdout);
            Path dir = out.resolve("overoptimization");
            java.nio.file.Files.createDirectories(dir);
            OveroptimisationRecipe.record(r, c, dir.resolve("results.duckdb"));
            Path report = RecipeReport.write(dir, "rlhf overoptimization", "alignlab: reward-model over-optimisation",
                    OveroptimisationRecipe.html(r), OveroptimisationRecipe.json(r));
            stdout.printf("%nWrote %s, %s and %s.%n", report, dir.resolve("results.json"), dir.resolve("results.duckdb"));
            return 0;
        }
    }

    @Command(name = "fooled-raters", mixinStandardHelpOptions = true,
            description = {"Raters who see only what the agent observes, on tomato_watering (the bucket makes every "
                + "tomato look watered), against an honest oracle: a reward model from each rater's comparisons, "
                + "optimised by PPO with a decreasing KL penalty; the gap between looking good (visible) and being good "
                + "(hidden) against optimisation strength. About 2 minutes with the defaults."})
    static final class FooledRaters implements Callable<Integer> {
        @Option(names = "--env", defaultValue = "tomato_watering:default", paramLabel = "ENV[:VARIANT]",
                description = "The environment. Default: ${DEFAULT-VALUE}.")
        String env;

        @Option(names = "--rater", paramLabel = "SPEC",
                description = "Raters to compare (repeatable; " + org.alignlab.rlhf.Rater.FORMS + "). Default: observed and oracle.")
        java.util.List<String> raters = new java.util.ArrayList<>();

        @Option(names = "--comparisons", defaultValue = "1000", description = "Comparisons per rater. Default: ${DEFAULT-VALUE}.")
        int comparisons;

        @Option(names = "--ppo-steps", defaultValue = "30000", description = "PPO steps per KL coefficient. Default: ${DEFAULT-VALUE}.")
        long ppoSteps;

        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--out", defaultValue = "rlhf-results", description = "Output folder. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (ppoSteps < 1 || comparisons < 4) {
                throw new IllegalArgumentException("--ppo-steps must be at least 1 and --comparisons at least 4");
            }
            org.alignlab.gridworlds.Gridworlds.variant(env);
            raters.forEach(org.alignlab.rlhf.Rater::parse); // bad specs fail before any work
            org.alignlab.rlhf.FooledRatersRecipe.Config d = org.alignlab.rlhf.FooledRatersRecipe.Config.defaults();
            var c = new org.alignlab.rlhf.FooledRatersRecipe.Config(env,
                    raters.isEmpty() ? d.raters() : raters.toArray(String[]::new), comparisons, d.segmentLength(),
                    d.klCoefficients(), ppoSteps, seed);
            var r = org.alignlab.rlhf.FooledRatersRecipe.run(c, System.err, System.console() != null);
            var stdout = spec.commandLine().getOut();
            org.alignlab.rlhf.FooledRatersRecipe.print(r, stdout);
            Path dir = out.resolve("fooled-raters");
            java.nio.file.Files.createDirectories(dir);
            try (var store = org.alignlab.core.ResultsStore.open(dir.resolve("results.duckdb"))) {
                String provenance = new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(org.alignlab.core.Provenance.now());
                String config = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(c);
                for (var rr : r.raters()) {
                    store.recordCurve("fooled-raters", rr.rater(), rr.outcomes().stream()
                            .map(o -> new org.alignlab.core.ResultsStore.CurvePoint(o.strength(), o.d(), o.proxy(), o.gold()))
                            .toList(), config, provenance);
                }
            }
            Path report = RecipeReport.write(dir, "rlhf fooled-raters", "alignlab: fooled raters",
                    org.alignlab.rlhf.FooledRatersRecipe.html(r), org.alignlab.rlhf.FooledRatersRecipe.json(r));
            stdout.printf("%nWrote %s, %s and %s.%n", report, dir.resolve("results.json"), dir.resolve("results.duckdb"));
            return 0;
        }
    }
}
