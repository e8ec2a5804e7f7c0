package org.alignlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alignlab.core.study.Budget;
import org.alignlab.rlhf.FixGamingRecipe;
import org.alignlab.rlhf.FooledRatersRecipe;
import org.alignlab.rlhf.OfflineAblationRecipe;
import org.alignlab.rlhf.OveroptimisationRecipe;
import org.alignlab.rlhf.PluralismRecipe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alignlab rlhf}: learning rewards from preferences on the gridworlds, and how it gets gamed. */
@Command(name = "rlhf", mixinStandardHelpOptions = true,
        description = {"Learning from preferences on the safety gridworlds, where the true objective is known exactly. "
            + "Each recipe writes report.html, results.json and results.duckdb to --out/RECIPE. Each is also a study ('alignlab study list'), with budgets.", "",
            "Recipes: fix-gaming, overoptimization, fooled-raters, offline-ablation, pluralism."},
        subcommands = {RlhfCommand.FixGaming.class, RlhfCommand.Overoptimization.class, RlhfCommand.FooledRaters.class,
            RlhfCommand.OfflineAblation.class, RlhfCommand.Pluralism.class, CommandLine.HelpCommand.class})
final class RlhfCommand extends CommandGroup {
    /** What every recipe takes. */
    static final class RecipeOptions {
        @Option(names = "--ppo-steps",
                description = "PPO steps each time a policy is optimised. Default: the recipe's own (30,000; 250,000 "
                        + "for fix-gaming, whose ceiling needs them).")
        Long ppoSteps;

        /** The steps asked for, or the recipe's default. */
        long ppoSteps(long recipeDefault) {
            return ppoSteps == null ? recipeDefault : ppoSteps;
        }

        @Option(names = "--ceiling-steps",
                description = "Steps of the true-objective ceiling every recipe but fix-gaming reports beside its "
                        + "policies (PPO on the hidden reward with an entropy weight falling from 0.5 to 0, on seeds 10 "
                        + "above the run's). Default: 250,000. Fix-gaming trains its ceiling with --ppo-steps.")
        Long ceilingSteps;

        /** The ceiling's steps asked for, or the recipe's default. */
        long ceilingSteps(long recipeDefault) {
            return ceilingSteps == null ? recipeDefault : ceilingSteps;
        }

        @Option(names = "--seed", description = "Seed (the first of several where the recipe runs several). Default: "
                + "the recipe's own (1; 11 for fix-gaming, whose PPO settings were chosen on seeds 1-3).")
        Long seed;

        /** The seed asked for, or the recipe's default. */
        long seed(long recipeDefault) {
            return seed == null ? recipeDefault : seed;
        }

        @Option(names = "--seeds", description = "How many seeds, from --seed on: the recipe runs once per seed and "
                + "reports each number as its mean with a 95%% interval over the seeds (1 to 100). Default: the "
                + "recipe's own (3).")
        Integer seeds;

        /** The number of seeds asked for, or the recipe's default. */
        int seeds(int recipeDefault) {
            return seeds == null ? recipeDefault : seeds;
        }

        @Option(names = "--out", defaultValue = "audit-results/rlhf", description = "Output folder. Default: ${DEFAULT-VALUE}.")
        Path out;
    }

    @Command(name = "overoptimization", mixinStandardHelpOptions = true,
            description = {"Proxy (reward model) and gold (hidden performance) scores against d = sqrt(KL) for best-of-n "
                + "and for PPO with a KL penalty, across reward-model capacity and number of comparisons, with the fits "
                + "of Gao, Schulman and Hilton (2022) and a prediction from small n checked at the largest n. "
                + "Three seeds; about 3 minutes with the defaults."})
    static final class Overoptimization extends CliCommand implements Callable<Integer> {
        @Mixin
        RecipeOptions common;

        @Option(names = "--env", defaultValue = "boat_race:default", paramLabel = "ENV[:VARIANT]",
                description = "The environment. Default: ${DEFAULT-VALUE}.")
        String env;

        @Option(names = "--episodes", defaultValue = "2000", description = "Reference episodes for best-of-n. Default: ${DEFAULT-VALUE}.")
        int episodes;

        @Override
        public Integer call() throws Exception {
            var study = new OveroptimisationRecipe();
            OveroptimisationRecipe.Config d = study.config(Budget.DEFAULT);
            return StudyCommand.runAsCommand(spec, study, new OveroptimisationRecipe.Config(env, d.hiddenUnits(),
                    d.comparisons(), d.segmentLength(), episodes, d.bestOfN(), d.klCoefficients(), common.ppoSteps(d.ppoSteps()),
                    common.ceilingSteps(d.ceilingSteps()), common.seed(d.seed()), common.seeds(d.seeds())), common.out.resolve("overoptimization"));
        }
    }

    @Command(name = "fooled-raters", mixinStandardHelpOptions = true,
            description = {"Raters who see only what the agent observes, on tomato_watering (the bucket makes every "
                + "tomato look watered), against an honest oracle: a reward model from each rater's comparisons, "
                + "optimised by PPO with a decreasing KL penalty; the gap between looking good (visible) and being good "
                + "(hidden) against optimisation strength. Three seeds; about 2.5 minutes with the defaults."})
    static final class FooledRaters extends CliCommand implements Callable<Integer> {
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

        @Override
        public Integer call() throws Exception {
            var study = new FooledRatersRecipe();
            var d = study.config(Budget.DEFAULT);
            return StudyCommand.runAsCommand(spec, study, new FooledRatersRecipe.Config(env,
                    raters.isEmpty() ? d.raters() : raters.toArray(String[]::new), comparisons, d.segmentLength(),
                    d.klCoefficients(), common.ppoSteps(d.ppoSteps()), common.ceilingSteps(d.ceilingSteps()), common.seed(d.seed()),
                    common.seeds(d.seeds())), common.out.resolve("fooled-raters"));
        }
    }

    @Command(name = "offline-ablation", mixinStandardHelpOptions = true,
            description = {"Online reward learning (rounds of: collect from the current policy, ask about the pairs the "
                + "ensemble disagrees on, refit, re-optimise) against an offline reward model fitted once on the reference "
                + "policy's segments with as many labels. Three seeds; about 1 minute with the defaults."})
    static final class OfflineAblation extends CliCommand implements Callable<Integer> {
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

        @Override
        public Integer call() throws Exception {
            var study = new OfflineAblationRecipe();
            var d = study.config(Budget.DEFAULT);
            return StudyCommand.runAsCommand(spec, study, new OfflineAblationRecipe.Config(env, rater, rounds,
                    labelsPerRound, d.segmentLength(), d.klCoefficient(), common.ppoSteps(d.ppoSteps()), common.ceilingSteps(d.ceilingSteps()),
                    common.seed(d.seed()), common.seeds(d.seeds())), common.out.resolve("offline-ablation"));
        }
    }

    @Command(name = "fix-gaming", mixinStandardHelpOptions = true,
            description = {"Does preference learning from an honest rater remove the reward gaming the audit finds? PPO "
                + "trained on the visible reward, on the true objective, and on reward models fitted to 100 and 1,000 "
                + "oracle comparisons, on boat_race, side_effects_sokoban and absent_supervisor (--env replaces the "
                + "list: name tomato_watering:default and rocks_diamonds:level1 too for all five), over 3 seeds: the "
                + "hidden performance of each as a mean with its 95%% interval, beside random play and the best "
                + "achievable. About 4 minutes with the defaults on two cores."})
    static final class FixGaming extends CliCommand implements Callable<Integer> {
        @Mixin
        RecipeOptions common;

        @Option(names = "--env", paramLabel = "ENV:VARIANT",
                description = "Environments (repeatable). Default: the recipe's three.")
        List<String> envs = new ArrayList<>();

        @Option(names = "--threads", paramLabel = "N", description = "Environment-and-seed runs trained at once (the "
                + "numbers do not depend on it). Default: the cores.")
        Integer threads;

        @Override
        public Integer call() throws Exception {
            if (common.ceilingSteps != null) {
                throw new IllegalArgumentException("fix-gaming trains its ceiling with the policies' --ppo-steps; "
                        + "--ceiling-steps is for the other recipes");
            }
            var study = new FixGamingRecipe();
            var d = study.config(Budget.DEFAULT);
            return StudyCommand.runAsCommand(spec, study, new FixGamingRecipe.Config(
                    envs.isEmpty() ? d.variants() : envs.toArray(String[]::new), d.comparisons(), d.segmentLength(),
                    d.klCoefficient(), common.ppoSteps(d.ppoSteps()), common.seed(d.seed()), common.seeds(d.seeds()),
                    threads == null ? d.threads() : threads), common.out.resolve("fix-gaming"));
        }
    }

    @Command(name = "pluralism", mixinStandardHelpOptions = true,
            description = {"Two or more rater populations with different values compare the same segments; aggregation "
                + "rules (pooled labels, mean of per-group models, max-min over mixtures) and lock-in (one group's model "
                + "for all), with each group's welfare under each. Three seeds; about 2 minutes with the defaults."})
    static final class Pluralism extends CliCommand implements Callable<Integer> {
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

        @Override
        public Integer call() throws Exception {
            var study = new PluralismRecipe(); // it refuses fewer than two groups
            var d = study.config(Budget.DEFAULT);
            return StudyCommand.runAsCommand(spec, study, new PluralismRecipe.Config(env,
                    groups.isEmpty() ? d.groups() : groups.toArray(String[]::new), comparisons, d.segmentLength(),
                    d.mixtures(), d.klCoefficient(), common.ppoSteps(d.ppoSteps()), common.ceilingSteps(d.ceilingSteps()), common.seed(d.seed()),
                    common.seeds(d.seeds())), common.out.resolve("pluralism"));
        }
    }
}
