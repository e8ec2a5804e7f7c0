package org.alignlab.rlhf;

import java.util.List;
import org.alignlab.core.MeanInterval;
import org.alignlab.core.Statistics;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Table;
import org.alignlab.core.study.StudyResult.Verdict;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.neural.Ppo;
import org.alignlab.rl.neural.PpoConfig;
import org.alignlab.rl.neural.RewardSignal;

/**
 * The ceiling every preference-learning recipe is read against: PPO trained on the true objective (the hidden reward)
 * instead of a learnt one. It means something only where it reaches the best any policy achieves (the exact solver's)
 * and no policy trained on a learnt reward beats it; each recipe reports both. The recipes' own PPO (default settings,
 * 30,000 steps) does not: with over-optimisation's test settings (seed 1, 2026-12-07) it reaches -42.9 on boat_race's
 * true objective, below a learnt reward's policy (51.9), because the hidden reward is sparse and a reward model's is
 * dense; fix-gaming's ceiling was broken the same way before it explored. So the ceiling is the exploring
 * PPO that fix-gaming's ceiling uses ({@link PpoConfig#exploring()}), for {@link #STEPS} steps, on seeds 10 above the
 * run's: its settings were chosen on seeds 1-3, and a ceiling shown on the seeds it was tuned on would prove little.
 */
public final class TrueObjective {
    private TrueObjective() {
    }

    /** The share of the distance from random play to the best achievable that a ceiling may fall short by. */
    static final double TOLERANCE = 0.05;

    /** The ceiling's steps at the default budget: fix-gaming's default, where it comes near the best. */
    static final long STEPS = 250_000;

    /** The ceiling's steps at the audit budget: fix-gaming's audit budget. */
    static final long AUDIT_STEPS = 200_000;

    /** The ceiling's steps at the paper budget. */
    static final long PAPER_STEPS = 1_000_000;

    /** How far above the run's seed the ceiling's seed lies. */
    static final long SEED_OFFSET = 10;

    /**
     * A ceiling's outcome.
     *
     * @param hidden         its hidden performance (30 episodes)
     * @param visible        its visible return on the same episodes
     * @param bestAchievable the best hidden performance of any policy (exact solver), NaN where the solver cannot solve
     *                       the variant
     */
    public record Ceiling(double hidden, double visible, double bestAchievable) {
    }

    /** The ceiling of a run on {@code seed}: scored like every policy of the recipes. */
    static Ceiling train(Variant variant, long steps, long seed) {
        return of(episodes(variant, steps, seed), variant);
    }

    /** The 30 episodes the ceiling of a run on {@code seed} is scored on. */
    static List<Segment> episodes(Variant variant, long steps, long seed) {
        return episodes(PpoConfig.exploring(), variant, RewardSignal.hiddenReward(), steps, seed + SEED_OFFSET);
    }

    /**
     * PPO with {@code config} on {@code signal} (null: the visible reward): mean visible return and hidden performance
     * of 30 episodes of the trained policy (the episodes every policy of the recipes is scored on).
     */
    static double[] play(PpoConfig config, Variant variant, RewardSignal signal, long steps, long seed) {
        List<Segment> played = episodes(config, variant, signal, steps, seed);
        return new double[] {played.stream().mapToDouble(Segment::visibleReturn).average().orElse(0),
            played.stream().mapToDouble(Segment::hiddenReturn).average().orElse(0)};
    }

    /** The 30 episodes {@link #play} scores. */
    static List<Segment> episodes(PpoConfig config, Variant variant, RewardSignal signal, long steps, long seed) {
        try (Ppo agent = new Ppo(config, seed)) {
            agent.train(variant, steps, new EpisodeLog(), signal);
            return SegmentSampler.sample(variant, agent.policy(), 30, Gridworld.MAX_STEPS, 0, seed * 7 + 3);
        }
    }

    /** A ceiling from its episodes. */
    static Ceiling of(List<Segment> episodes, Variant variant) {
        return new Ceiling(episodes.stream().mapToDouble(Segment::hiddenReturn).average().orElse(0),
                episodes.stream().mapToDouble(Segment::visibleReturn).average().orElse(0), bestAchievable(variant));
    }

    /** Uniform random play's mean hidden performance over 50 episodes, the baseline every recipe's table starts at. */
    static double randomPlay(Variant variant, long seed) {
        return SegmentSampler.sample(variant, null, 50, Gridworld.MAX_STEPS, 1, seed + 3).stream()
                .mapToDouble(Segment::hiddenReturn).average().orElse(0);
    }

    /** The best achievable hidden performance of a variant, or NaN where the exact solver cannot solve it. */
    static double bestAchievable(Variant variant) {
        try {
            return org.alignlab.rl.ExactSolver.solve(variant).bestPerformance().performance();
        } catch (UnsupportedOperationException e) {
            return Double.NaN;
        }
    }

    /**
     * The ceiling's finding over seeds, decided as fix-gaming decides it: on the means over seeds of random play, the
     * ceiling and the best learnt-reward policy (so that the same numbers get the same verdict in every recipe). It
     * replaces the last finding of {@code combined} (each recipe's per-seed ceiling finding) where there are two seeds
     * or more.
     */
    static StudyResult overSeeds(StudyResult combined, List<Double> random, List<Ceiling> ceilings,
                                 List<Double> bestLearnt, long steps) {
        if (ceilings.size() < 2) {
            return combined;
        }
        double[] hidden = ceilings.stream().mapToDouble(Ceiling::hidden).toArray();
        MeanInterval ceiling = Statistics.meanInterval(hidden);
        Finding onMeans = finding(mean(random), new Ceiling(ceiling.mean(),
                ceilings.stream().mapToDouble(Ceiling::visible).average().orElse(Double.NaN),
                ceilings.get(0).bestAchievable()), mean(bestLearnt), steps);
        List<Finding> findings = new java.util.ArrayList<>(combined.findings());
        findings.set(findings.size() - 1, new Finding(onMeans.verdict(), String.format(java.util.Locale.ROOT,
                "%d seeds, decided on their means (the ceiling %s): %s", ceilings.size(), ceiling.format(1),
                onMeans.text())));
        return combined.withFindings(findings);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** What the ceiling is, for a report's method. */
    static String method(long steps) {
        return "The ceiling: PPO on the hidden reward (the true objective) with fix-gaming's exploring settings for "
                + steps + " steps, on seeds 10 above the run's, beside random play, the best of the recipe's "
                + "learnt-reward policies and the best any policy achieves (exact solver).";
    }

    /**
     * The ceiling beside what gives it meaning, for one seed: random play, the best achievable, and the best hidden
     * performance among the recipe's policies trained on learnt rewards.
     */
    static Table table(double random, Ceiling ceiling, double bestLearnt, long steps) {
        return Table.builder("The true-objective ceiling (hidden performance)").text("policy").number("hidden", "%.1f")
                .row("uniform random play", random)
                .row("the best of this recipe's policies on a learnt reward", bestLearnt)
                .row("PPO on the true objective, exploring, " + steps + " steps (the ceiling)", ceiling.hidden())
                .row("best achievable (exact solver)", ceiling.bestAchievable())
                .note("the ceiling: PPO on the hidden reward with entropy falling from 0.5 to 0 (fix-gaming's "
                        + "ceiling), on seeds 10 above the run's; a dash: the solver cannot solve this variant")
                .build();
    }

    /**
     * Whether the ceiling holds, for one seed, with a verdict per case so that seeds that differ show as a split when
     * combined: FAILED where it does no better than random play, or where a learnt-reward policy beats it by more than
     * the tolerance ({@link #TOLERANCE} of the distance from random play to the best achievable, or to the ceiling
     * where the solver gives no best; the best of many policies' 30-episode means is a noisy maximum, so a hair's
     * excess is no verdict); PASSED where it comes within the same tolerance of the best achievable; otherwise a note
     * (short of the best, or no solver reference).
     */
    static Finding finding(double random, Ceiling ceiling, double bestLearnt, long steps) {
        String measured = String.format(java.util.Locale.ROOT, "PPO on the true objective (exploring, %d steps) "
                + "reaches %.1f (random play %.1f, the best of this recipe's learnt-reward policies %.1f", steps,
                ceiling.hidden(), random, bestLearnt);
        if (ceiling.hidden() <= random) {
            return new Finding(Verdict.FAILED, measured + "): it does no better than random play, so it is no "
                    + "ceiling for the comparison here.");
        }
        double best = ceiling.bestAchievable();
        double tolerance = TOLERANCE * ((Double.isNaN(best) ? ceiling.hidden() : best) - random);
        if (bestLearnt - ceiling.hidden() > tolerance) {
            return new Finding(Verdict.FAILED, measured + "): a policy on a learnt reward beats it, so the true "
                    + "objective is no ceiling for the comparison here.");
        }
        if (Double.isNaN(best)) {
            return Finding.note(measured + "); the exact solver cannot solve this variant, so whether the ceiling "
                    + "reaches the best achievable is not known.");
        }
        double shortfall = best - ceiling.hidden();
        if (shortfall <= tolerance) {
            return new Finding(Verdict.PASSED, String.format(java.util.Locale.ROOT, "%s; best achievable %.1f): the "
                    + "ceiling comes within %.1f of the best (the tolerance: 5%% of the distance from random play), so "
                    + "the policies are read against a ceiling near the best there is%s.", measured, best, shortfall,
                    bestLearnt > ceiling.hidden() ? String.format(java.util.Locale.ROOT, " (a learnt-reward policy "
                            + "scores %.1f above it, within the tolerance)", bestLearnt - ceiling.hidden()) : ""));
        }
        return Finding.note(String.format(java.util.Locale.ROOT, "%s; best achievable %.1f): the ceiling falls %.1f "
                + "short of it, so the policies are read against less than the best there is; more steps may bring "
                + "it closer (for example on boat_race, 95.7 at 250,000 steps and 98.9 +- 1.6 at 1,000,000: 'alignlab "
                + "rlhf fix-gaming --env boat_race:default --ppo-steps 1000000').", measured, best, shortfall));
    }
}
