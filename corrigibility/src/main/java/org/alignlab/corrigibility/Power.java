package org.alignlab.corrigibility;

import java.util.SplittableRandom;

/**
 * POWER (Turner, Smith, Shah, Critch and Tadepalli 2021): how much optimal value a state offers on
 * average over reward functions, POWER(s) = (1 - g) / g * E_R[V*_R(s) - R(s)], with rewards drawn
 * independently and uniformly on [0, 1] for every state. Here on finite deterministic MDPs: the
 * expectation by Monte Carlo over sampled reward functions, each optimal value exact (policy
 * iteration, each policy evaluated in closed form along its cycles).
 */
public final class Power {
    private Power() {
    }

    /**
     * A finite deterministic MDP: {@code next[s][a]} is the state action a leads to from state s.
     * A state whose every action leads back to it is absorbing.
     */
    public record Mdp(int[][] next) {
        public Mdp {
            if (next.length == 0) {
                throw new IllegalArgumentException("an MDP needs at least one state");
            }
            for (int s = 0; s < next.length; s++) {
                if (next[s].length == 0) {
                    throw new IllegalArgumentException("state " + s + " has no action");
                }
                for (int t : next[s]) {
                    if (t < 0 || t >= next.length) {
                        throw new IllegalArgumentException("state " + s + " leads to " + t + ", outside 0.."
                                + (next.length - 1));
                    }
                }
            }
        }

        public int states() {
            return next.length;
        }
    }

    /** Refuses a discount outside (0, 1), in one line. */
    static void checkDiscount(double gamma) {
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("the discount gamma must be above 0 and below 1, got " + gamma);
        }
    }

    /**
     * The optimal values for one reward function: policy iteration from {@code policy} (updated in
     * place to an optimal policy; a warm start makes the next reward function's solve short).
     */
    static double[] optimalValues(Mdp m, double[] reward, double gamma, int[] policy) {
        int n = m.states();
        double[] v = new double[n];
        for (int iteration = 0; ; iteration++) {
            evaluate(m, policy, reward, gamma, v);
            boolean changed = false;
            for (int s = 0; s < n; s++) {
                int[] next = m.next()[s];
                int best = policy[s];
                for (int a = 0; a < next.length; a++) {
                    // Ties keep the current action, so the iteration cannot cycle between equal policies.
                    if (v[next[a]] > v[next[best]] + 1e-12) {
                        best = a;
                    }
                }
                if (best != policy[s]) {
                    policy[s] = best;
                    changed = true;
                }
            }
            if (!changed) {
                return v;
            }
            if (iteration > 10 * n + 100) {
                throw new IllegalStateException("policy iteration did not settle in " + iteration + " iterations");
            }
        }
    }

    /**
     * The values of a deterministic policy, exactly: following the policy from any state ends in a
     * cycle, whose values have a closed form (a geometric series over its length); every state on
     * the way in takes its value from the state after it.
     */
    static void evaluate(Mdp m, int[] policy, double[] reward, double gamma, double[] v) {
        int n = m.states();
        byte[] mark = new byte[n]; // 0 not reached, 1 on the current path, 2 valued
        int[] path = new int[n];
        for (int s = 0; s < n; s++) {
            int top = 0;
            int x = s;
            while (mark[x] == 0) {
                mark[x] = 1;
                path[top++] = x;
                x = m.next()[x][policy[x]];
            }
            if (mark[x] == 1) {
                // A new cycle, from x to the end of the path: V(x) = sum_i g^i R(c_i) / (1 - g^L).
                int start = top - 1;
                while (path[start] != x) {
                    start--;
                }
                double sum = 0;
                double discount = 1;
                for (int i = start; i < top; i++) {
                    sum += discount * reward[path[i]];
                    discount *= gamma;
                }
                v[x] = sum / (1 - discount);
                for (int i = top - 1; i > start; i--) {
                    int y = path[i];
                    v[y] = reward[y] + gamma * v[m.next()[y][policy[y]]];
                }
                for (int i = start; i < top; i++) {
                    mark[path[i]] = 2;
                }
                top = start;
            }
            while (top > 0) {
                int y = path[--top];
                v[y] = reward[y] + gamma * v[m.next()[y][policy[y]]];
                mark[y] = 2;
            }
        }
    }

    /**
     * POWER of every state, with its standard error over the sampled reward functions.
     *
     * @param optimalShare for each state, the share of reward functions under which the action at
     *                     index 0 of that state is optimal (ties count as not)
     */
    public record Estimate(double[] power, double[] standardError, double[] optimalShare, int samples) {
    }

    /** Reward functions per chunk of work: chunks run in parallel and add up in order, so threads change nothing. */
    static final int CHUNK = 250;

    /**
     * POWER of every state of {@code m} at discount {@code gamma}, over {@code samples} reward
     * functions (drawn in chunks, each from its own stream split in order from {@code seed}, and run
     * on every core; the result does not depend on how many).
     */
    public static Estimate estimate(Mdp m, double gamma, int samples, long seed) {
        checkDiscount(gamma);
        if (samples < 2) {
            throw new IllegalArgumentException("POWER needs at least 2 reward samples for a standard error, got "
                    + samples);
        }
        int n = m.states();
        int chunks = (samples + CHUNK - 1) / CHUNK;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[chunks];
        for (int c = 0; c < chunks; c++) {
            streams[c] = root.split();
        }
        double[][][] parts = new double[chunks][][];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> parts[c] = chunk(m, gamma,
                Math.min(CHUNK, samples - c * CHUNK), streams[c]));
        double[] sum = new double[n];
        double[] sumSquares = new double[n];
        double[] firstOptimal = new double[n];
        for (double[][] part : parts) {
            for (int s = 0; s < n; s++) {
                sum[s] += part[0][s];
                sumSquares[s] += part[1][s];
                firstOptimal[s] += part[2][s];
            }
        }
        double[] power = new double[n];
        double[] se = new double[n];
        for (int s = 0; s < n; s++) {
            power[s] = sum[s] / samples;
            double variance = Math.max(0, (sumSquares[s] - samples * power[s] * power[s]) / (samples - 1));
            se[s] = Math.sqrt(variance / samples);
            firstOptimal[s] /= samples;
        }
        return new Estimate(power, se, firstOptimal, samples);
    }

    /**
     * The share of {@code samples} reward functions (uniform per state) under which the optimal policy
     * from {@code from} never reaches {@code avoid}: Turner et al.'s shutdown quantity, with {@code avoid}
     * the off state.
     */
    public static double avoidShare(Mdp m, double gamma, int samples, long seed, int from, int avoid) {
        checkDiscount(gamma);
        SplittableRandom random = new SplittableRandom(seed);
        int n = m.states();
        double[] reward = new double[n];
        int[] policy = new int[n];
        int avoided = 0;
        for (int k = 0; k < samples; k++) {
            for (int s = 0; s < n; s++) {
                reward[s] = random.nextDouble();
            }
            optimalValues(m, reward, gamma, policy);
            // Follow the policy until it reaches the state to avoid or comes back to a state it has seen.
            boolean[] seen = new boolean[n];
            int s = from;
            while (s != avoid && !seen[s]) {
                seen[s] = true;
                s = m.next()[s][policy[s]];
            }
            avoided += s == avoid ? 0 : 1;
        }
        return avoided / (double) samples;
    }

    /** One chunk's sums over its reward functions: of POWER, of its square, and of action 0 being optimal. */
    private static double[][] chunk(Mdp m, double gamma, int samples, SplittableRandom random) {
        int n = m.states();
        double[] sum = new double[n];
        double[] sumSquares = new double[n];
        double[] firstOptimal = new double[n];
        double[] reward = new double[n];
        int[] policy = new int[n];
        double scale = (1 - gamma) / gamma;
        for (int k = 0; k < samples; k++) {
            for (int s = 0; s < n; s++) {
                reward[s] = random.nextDouble();
            }
            double[] v = optimalValues(m, reward, gamma, policy);
            for (int s = 0; s < n; s++) {
                double p = scale * (v[s] - reward[s]);
                sum[s] += p;
                sumSquares[s] += p * p;
                int[] next = m.next()[s];
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 1; a < next.length; a++) {
                    best = Math.max(best, v[next[a]]);
                }
                firstOptimal[s] += v[next[0]] > best ? 1 : 0;
            }
        }
        return new double[][] {sum, sumSquares, firstOptimal};
    }
}
