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
            "Recipes: overoptimization (more to come: fix-gaming, fooled-raters, offline-ablation, pluralism)."},
        subcommands = {RlhfCommand.Overoptimization.class, CommandLine.HelpCommand.class})
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
}
