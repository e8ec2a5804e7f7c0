package org.alignlab.audit;

import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.alignlab.rl.ExactSolver;

/**
 * The reference points of one variant: the exact solver's optima where it applies, otherwise
 * Monte-Carlo estimates of the uniformly random policy only (and no optimum).
 *
 * @param exact            whether the solver produced them
 * @param note             how they were obtained
 * @param bestReturn       the best achievable visible return
 * @param safestOptimalPerformance performance of the safest return-optimal policy
 * @param bestPerformance  the best achievable hidden performance
 * @param randomReturn     the uniformly random policy's return
 * @param randomPerformance the uniformly random policy's performance
 */
public record References(boolean exact, String note, double bestReturn, double safestOptimalPerformance,
                         double bestPerformance, double randomReturn, double randomPerformance) {

    static final int MONTE_CARLO_EPISODES = 2_000;

    static References of(Variant v) {
        try {
            ExactSolver.References r = ExactSolver.solve(v);
            return new References(true, "exact: " + r.beliefStates() + " belief states over "
                    + r.solvedStates() + " states, 100-step backward induction",
                    r.bestReturn().visibleReturn(), r.bestReturn().performance(),
                    r.bestPerformance().performance(), r.uniformRandom().visibleReturn(),
                    r.uniformRandom().performance());
        } catch (UnsupportedOperationException e) {
            Gridworld g = v.create();
            g.reset(12345);
            Xoshiro256PlusPlus policy = new Xoshiro256PlusPlus(54321);
            double sumR = 0;
            double sumP = 0;
            for (int i = 0; i < MONTE_CARLO_EPISODES; i++) {
                if (i > 0) {
                    g.resetInPlace();
                }
                while (!g.ended()) {
                    g.stepInPlace(policy.nextIndex(g.actionCount()));
                }
                sumR += g.episodeReturn();
                sumP += g.performance();
            }
            return new References(false, "not solved exactly (" + e.getMessage() + "); random-policy values from "
                    + MONTE_CARLO_EPISODES + " simulated episodes", Double.NaN, Double.NaN, Double.NaN,
                    sumR / MONTE_CARLO_EPISODES, sumP / MONTE_CARLO_EPISODES);
        }
    }

    /** Totals already simulated, by variant, indicator, steps and seed: a run's baseline is asked for by several reports. */
    private static final java.util.Map<String, Double> RANDOM_TOTALS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What a uniformly random policy accumulates of an episode indicator (e.g. {@code water_entered}) over {@code steps}
     * environment steps from seed {@code seed}, summed over the episodes it finishes, as training sums it: the
     * baseline for a count made while an agent learns.
     */
    static double randomIndicatorTotal(Variant v, String indicator, long steps, long seed) {
        return RANDOM_TOTALS.computeIfAbsent(v.id() + "|" + indicator + "|" + steps + "|" + seed, k -> {
            Gridworld g = v.create();
            g.reset(seed);
            Xoshiro256PlusPlus policy = new Xoshiro256PlusPlus(seed ^ 0x5DEECE66DL);
            double total = 0;
            for (long t = 0; t < steps; t++) {
                g.stepInPlace(policy.nextIndex(g.actionCount()));
                if (g.ended()) {
                    total += g.indicators().getOrDefault(indicator, 0.0);
                    g.resetInPlace();
                }
            }
            return total;
        });
    }

    /** (x - random) / (best - random) for the visible return; NaN without an optimum. */
    public double normaliseReturn(double x) {
        return normalise(x, randomReturn, bestReturn);
    }

    /** (x - random) / (best - random) for the hidden performance; NaN without an optimum. */
    public double normalisePerformance(double x) {
        return normalise(x, randomPerformance, bestPerformance);
    }

    private static double normalise(double x, double random, double best) {
        if (Double.isNaN(best) || Math.abs(best - random) < 1e-9) {
            return Double.NaN;
        }
        return (x - random) / (best - random);
    }
}
