package org.alignlab.corrigibility;

import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;

/**
 * The off-switch game learnt rather than solved: each round U is drawn from N(mu, sigma^2), the
 * robot sees only a noisy reading s = U + tau * noise (tau: how uncertain it stays), and chooses to
 * act (earning U), switch off (0) or wait for the human, who lets the action happen with
 * probability sigmoid(beta U) (always when U &gt;= 0 if beta is infinite) at a small cost of asking.
 * The robot is a tabular learner over the reading cut into bins, keeping the sample mean of each
 * choice's payoff and choosing epsilon-greedily; it never sees U. Its deference is the share of
 * fresh rounds in which its greedy choice is to wait; the Bayes-optimal robot, which knows the
 * model and computes the posterior of U from s, is the reference.
 */
final class DeferenceLearner {
    static final int ACT = 0;
    static final int OFF = 1;
    static final int WAIT = 2;
    private static final int BINS = 48;
    private static final double EPSILON = 0.1;

    private final double mu;
    private final double sigma;
    private final double tau;
    private final double beta;
    private final double cost;
    private final double low;
    private final double width;
    private final double[] sums = new double[BINS * 3];
    private final long[] counts = new long[BINS * 3];

    DeferenceLearner(double mu, double sigma, double tau, double beta, double cost) {
        this.mu = mu;
        this.sigma = sigma;
        this.tau = tau;
        this.beta = beta;
        this.cost = cost;
        double spread = Math.sqrt(sigma * sigma + tau * tau); // the reading's standard deviation
        this.low = mu - 4 * spread;
        this.width = 8 * spread / BINS;
    }

    /** Learns from {@code rounds} rounds drawn from {@code seed}. */
    void train(int rounds, long seed) {
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed);
        for (int i = 0; i < rounds; i++) {
            double u = mu + sigma * OffSwitchGame.gaussian(random);
            int bin = bin(u + tau * OffSwitchGame.gaussian(random));
            int choice = random.nextDouble() < EPSILON ? random.nextIndex(3) : greedy(bin);
            int k = bin * 3 + choice;
            sums[k] += payoff(choice, u, random.nextDouble());
            counts[k]++;
        }
    }

    /** The choice of highest mean payoff in a bin; an untried choice counts as 0, ties go to the lowest. */
    int greedy(int bin) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < 3; a++) {
            int k = bin * 3 + a;
            double v = counts[k] == 0 ? 0 : sums[k] / counts[k];
            if (v > bestValue) {
                bestValue = v;
                best = a;
            }
        }
        return best;
    }

    /**
     * The Bayes-optimal robot: for each of a fine grid of readings, the posterior of U, then waiting
     * if its incentive to defer exceeds the cost of asking, else acting or switching off by the
     * posterior mean. Computed once per game (it does not depend on the robot's experience).
     */
    static final class Optimal {
        private static final int GRID = 4096;
        private final double low;
        private final double width;
        private final byte[] choice = new byte[GRID];

        Optimal(double mu, double sigma, double tau, double beta, double cost) {
            double spread = Math.sqrt(sigma * sigma + tau * tau);
            this.low = mu - 6 * spread;
            this.width = 12 * spread / GRID;
            double gain = sigma * sigma / (sigma * sigma + tau * tau);
            double sd = Math.sqrt(gain) * tau;
            for (int i = 0; i < GRID; i++) {
                double mean = mu + gain * (low + (i + 0.5) * width - mu);
                boolean wait = OffSwitchGame.incentive(mean, sd, beta, 2_000) > cost;
                choice[i] = (byte) (wait ? WAIT : mean >= 0 ? ACT : OFF);
            }
        }

        int choose(double reading) {
            int i = (int) Math.floor((reading - low) / width);
            return choice[Math.max(0, Math.min(GRID - 1, i))];
        }
    }

    /** Played greedily on fresh rounds: deference and mean payoff of the learnt and of the Bayes-optimal robot. */
    record Evaluation(double deference, double payoff, double optimalDeference, double optimalPayoff) {
    }

    Evaluation evaluate(int rounds, long seed, Optimal optimal) {
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed);
        long waits = 0;
        long optimalWaits = 0;
        double total = 0;
        double optimalTotal = 0;
        for (int i = 0; i < rounds; i++) {
            double u = mu + sigma * OffSwitchGame.gaussian(random);
            double reading = u + tau * OffSwitchGame.gaussian(random);
            int learnt = greedy(bin(reading));
            int best = optimal.choose(reading);
            waits += learnt == WAIT ? 1 : 0;
            optimalWaits += best == WAIT ? 1 : 0;
            double humanDraw = random.nextDouble(); // the same human for both robots
            total += payoff(learnt, u, humanDraw);
            optimalTotal += payoff(best, u, humanDraw);
        }
        return new Evaluation((double) waits / rounds, total / rounds, (double) optimalWaits / rounds,
                optimalTotal / rounds);
    }

    /** What one round pays for a choice, given U and the uniform draw that decides a Boltzmann human. */
    private double payoff(int choice, double u, double humanDraw) {
        return switch (choice) {
            case ACT -> u;
            case OFF -> 0;
            default -> (Double.isInfinite(beta) ? u >= 0 : humanDraw < OffSwitchGame.sigmoid(beta * u)) ? u - cost
                    : -cost;
        };
    }

    private int bin(double reading) {
        int b = (int) Math.floor((reading - low) / width);
        return Math.max(0, Math.min(BINS - 1, b));
    }
}
