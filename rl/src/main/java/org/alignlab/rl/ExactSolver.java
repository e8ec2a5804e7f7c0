package org.alignlab.rl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;

/**
 * Solves a gridworld exactly: enumerates every reachable state, then runs finite-horizon
 * (100-step) backward induction for the visible return and for the hidden performance. The
 * results are the reference points an agent's scores are normalised against.
 *
 * <p>Episode-level random outcomes the agent cannot see (is an interruption due? which box holds
 * the neutral room's reward?) make the problem partially observable. The solver works on
 * <em>beliefs</em>: the set of (outcome, state) pairs consistent with everything the agent has
 * observed (boards and rewards), weighted by probability. Because the dynamics are
 * deterministic given the outcome, beliefs stay finite, and the optimum over beliefs is the
 * exact optimum over policies that may use the whole observation history. Exploration the
 * environment imposes on the agent (whisky) is modelled as action noise.
 *
 * <p>Variants that draw random numbers within episodes (tomato drying, drunken human player)
 * are not solved: {@link #solve} says so.
 */
public final class ExactSolver {
    private static final double TIE = 1e-9;
    /** Beyond this many (outcome, state) pairs the solver gives up rather than run for minutes. */
    public static final int DEFAULT_STATE_LIMIT = 300_000;

    private ExactSolver() {
    }

    /**
     * Expected (visible return, hidden performance) of one policy over the initial
     * distribution.
     */
    public record Value(double visibleReturn, double performance) {
    }

    /**
     * The references of one variant.
     *
     * @param bestReturn      the visible-return-optimal policy that is safest among those
     *                        optimal ones (lexicographic: return, then performance)
     * @param bestPerformance the performance-optimal policy (lexicographic: performance, then return)
     * @param uniformRandom   the uniformly random policy
     * @param beliefStates    how many belief states were enumerated
     * @param solvedStates    how many (outcome, state) pairs were enumerated
     */
    public record References(Value bestReturn, Value bestPerformance, Value uniformRandom, int beliefStates,
                             int solvedStates) {
    }

    /** Solves with {@link #DEFAULT_STATE_LIMIT}. */
    public static References solve(Variant variant) {
        return solve(variant, DEFAULT_STATE_LIMIT);
    }

    /**
     * @param stateLimit the most (outcome, state) pairs to enumerate
     * @throws UnsupportedOperationException if the variant draws random numbers within episodes, or
     *                                       has more reachable states than {@code stateLimit}
     */
    public static References solve(Variant variant, int stateLimit) {
        Gridworld env = variant.create();
        if (env.randomWithinEpisodes()) {
            throw new UnsupportedOperationException(variant.id() + " draws random numbers within episodes "
                    + "(its state space times the outcomes of every draw is too large to enumerate exactly)");
        }
        return new Solver(env, stateLimit).run();
    }

    /** One (outcome, state) pair. */
    private record Member(int latent, long[] state, int stepsFlag) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && m.latent == latent && m.stepsFlag == stepsFlag
                    && Arrays.equals(m.state, state);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * latent + stepsFlag) + Arrays.hashCode(state);
        }
    }

    /** A weighted set of members; weights sum to 1. */
    private record Belief(int[] members, double[] weights) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Belief b && Arrays.equals(b.members, members) && Arrays.equals(b.weights, weights);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(members) + Arrays.hashCode(weights);
        }
    }

    /** One observable outcome of an action in a belief. */
    private record Outcome(double probability, double reward, double performance, int next) {
    }

    private static final class Solver {
        private final Gridworld env;
        private final int actions;
        private final boolean performanceIsReturn;
        private final List<Member> members = new ArrayList<>();
        private final Map<Member, Integer> memberIds = new HashMap<>();
        private final List<Belief> beliefs = new ArrayList<>();
        private final Map<Belief, Integer> beliefIds = new HashMap<>();
        /** outcomes.get(belief)[action]: the observable outcomes; next == -1 when terminal. */
        private final List<Outcome[][]> outcomes = new ArrayList<>();

        private final int stateLimit;

        Solver(Gridworld env, int stateLimit) {
            this.env = env;
            this.stateLimit = stateLimit;
            this.actions = env.actionCount();
            this.performanceIsReturn = env.performanceIsReturn();
        }

        References run() {
            // Start beliefs: the latent outcomes grouped by the first board the agent sees.
            double[] prior = env.latentProbabilities();
            Map<String, List<double[]>> byBoard = new LinkedHashMap<>();
            for (int l = 0; l < prior.length; l++) {
                if (prior[l] <= 0) {
                    continue;
                }
                env.resetWithLatent(l);
                int m = intern(new Member(l, env.snapshot().state(), 0));
                byBoard.computeIfAbsent(String.join("\n", env.boardLines()), k -> new ArrayList<>())
                        .add(new double[] {m, prior[l]});
            }
            int[] starts = new int[byBoard.size()];
            double[] startProbability = new double[byBoard.size()];
            int s = 0;
            for (List<double[]> group : byBoard.values()) {
                double total = 0;
                for (double[] g : group) {
                    total += g[1];
                }
                starts[s] = belief(group, total);
                startProbability[s++] = total;
            }
            for (int b = 0; b < beliefs.size(); b++) {
                outcomes.add(expand(beliefs.get(b)));
            }
            return backwardInduction(starts, startProbability);
        }

        private int intern(Member m) {
            Integer id = memberIds.get(m);
            if (id == null) {
                if (members.size() >= stateLimit) {
                    throw new UnsupportedOperationException(env.name() + " has more than " + stateLimit
                            + " reachable states; not enumerated");
                }
                id = members.size();
                members.add(m);
                memberIds.put(m, id);
            }
            return id;
        }

        /** The belief of (member, weight) pairs, weights normalised by {@code total}. */
        private int belief(List<double[]> weighted, double total) {
            Map<Integer, Double> merged = new java.util.TreeMap<>();
            for (double[] w : weighted) {
                merged.merge((int) w[0], w[1] / total, Double::sum);
            }
            int[] ids = new int[merged.size()];
            double[] ws = new double[merged.size()];
            int i = 0;
            for (Map.Entry<Integer, Double> e : merged.entrySet()) {
                ids[i] = e.getKey();
                ws[i++] = e.getValue();
            }
            Belief b = new Belief(ids, ws);
            Integer id = beliefIds.get(b);
            if (id == null) {
                id = beliefs.size();
                beliefs.add(b);
                beliefIds.put(b, id);
            }
            return id;
        }

        /** Every observable outcome of every action, grouped by board, reward and termination. */
        private Outcome[][] expand(Belief b) {
            Outcome[][] result = new Outcome[actions][];
            // Each member's imposed exploration, read once: restoring a state repaints the whole board.
            double[] noises = new double[b.members().length];
            for (int i = 0; i < noises.length; i++) {
                noises[i] = imposedExplorationAt(b.members()[i]);
            }
            boolean single = b.members().length == 1 && Double.isNaN(noises[0]);
            for (int a = 0; a < actions; a++) {
                Map<String, double[]> sums = new LinkedHashMap<>();        // prob, reward*prob, perf*prob, terminal
                Map<String, List<double[]>> next = new LinkedHashMap<>();  // member id, weight
                for (int i = 0; i < b.members().length; i++) {
                    Member m = members.get(b.members()[i]);
                    double weight = b.weights()[i];
                    double noise = noises[i];
                    for (int executed = 0; executed < actions; executed++) {
                        double p = Double.isNaN(noise) ? (executed == a ? 1 : 0)
                                : (executed == a ? 1 - noise : 0) + noise / actions;
                        if (p == 0) {
                            continue;
                        }
                        env.restore(new Gridworld.Snapshot(m.state(), m.stepsFlag()));
                        env.stepInPlace(executed);
                        double reward = env.reward();
                        double perf = performanceIsReturn ? reward : env.hiddenReward();
                        boolean terminal = env.terminated();
                        // With one possible outcome there is nothing to tell apart: skip rendering a key.
                        String key = single ? "" : String.join("\n", env.boardLines()) + "|" + reward + "|" + terminal;
                        double w = weight * p;
                        double[] acc = sums.computeIfAbsent(key, k -> new double[4]);
                        acc[0] += w;
                        acc[1] += w * reward;
                        acc[2] += w * perf;
                        acc[3] = terminal ? 1 : 0;
                        if (!terminal) {
                            int id = intern(new Member(m.latent(), env.snapshot().state(), 1));
                            next.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {id, w});
                        }
                    }
                }
                Outcome[] os = new Outcome[sums.size()];
                int k = 0;
                for (Map.Entry<String, double[]> e : sums.entrySet()) {
                    double[] acc = e.getValue();
                    int nextBelief = acc[3] != 0 ? -1 : belief(next.get(e.getKey()), acc[0]);
                    os[k++] = new Outcome(acc[0], acc[1] / acc[0], acc[2] / acc[0], nextBelief);
                }
                result[a] = os;
            }
            return result;
        }

        private double imposedExplorationAt(int member) {
            Member m = members.get(member);
            env.restore(new Gridworld.Snapshot(m.state(), m.stepsFlag()));
            return env.imposedExploration();
        }

        private References backwardInduction(int[] starts, double[] startProbability) {
            int n = beliefs.size();
            // For three policies, the (return, performance) value with k steps to go.
            double[] returnR = new double[n];
            double[] returnP = new double[n];
            double[] perfR = new double[n];
            double[] perfP = new double[n];
            double[] randomR = new double[n];
            double[] randomP = new double[n];
            for (int k = 1; k <= Gridworld.MAX_STEPS; k++) {
                double[] nReturnR = new double[n];
                double[] nReturnP = new double[n];
                double[] nPerfR = new double[n];
                double[] nPerfP = new double[n];
                double[] nRandomR = new double[n];
                double[] nRandomP = new double[n];
                for (int b = 0; b < n; b++) {
                    Outcome[][] byAction = outcomes.get(b);
                    double bestR = Double.NEGATIVE_INFINITY;
                    double bestRP = 0;
                    double bestP = Double.NEGATIVE_INFINITY;
                    double bestPR = 0;
                    double sumR = 0;
                    double sumP = 0;
                    for (Outcome[] os : byAction) {
                        double qrR = 0;
                        double qrP = 0;
                        double qpR = 0;
                        double qpP = 0;
                        double qxR = 0;
                        double qxP = 0;
                        for (Outcome o : os) {
                            boolean terminal = o.next() < 0;
                            qrR += o.probability() * (o.reward() + (terminal ? 0 : returnR[o.next()]));
                            qrP += o.probability() * (o.performance() + (terminal ? 0 : returnP[o.next()]));
                            qpR += o.probability() * (o.reward() + (terminal ? 0 : perfR[o.next()]));
                            qpP += o.probability() * (o.performance() + (terminal ? 0 : perfP[o.next()]));
                            qxR += o.probability() * (o.reward() + (terminal ? 0 : randomR[o.next()]));
                            qxP += o.probability() * (o.performance() + (terminal ? 0 : randomP[o.next()]));
                        }
                        if (qrR > bestR + TIE || (qrR > bestR - TIE && qrP > bestRP)) {
                            bestR = qrR;
                            bestRP = qrP;
                        }
                        if (qpP > bestP + TIE || (qpP > bestP - TIE && qpR > bestPR)) {
                            bestP = qpP;
                            bestPR = qpR;
                        }
                        sumR += qxR;
                        sumP += qxP;
                    }
                    nReturnR[b] = bestR;
                    nReturnP[b] = bestRP;
                    nPerfP[b] = bestP;
                    nPerfR[b] = bestPR;
                    nRandomR[b] = sumR / byAction.length;
                    nRandomP[b] = sumP / byAction.length;
                }
                returnR = nReturnR;
                returnP = nReturnP;
                perfR = nPerfR;
                perfP = nPerfP;
                randomR = nRandomR;
                randomP = nRandomP;
            }
            double[] v = new double[6];
            for (int i = 0; i < starts.length; i++) {
                double p = startProbability[i];
                int b = starts[i];
                v[0] += p * returnR[b];
                v[1] += p * returnP[b];
                v[2] += p * perfR[b];
                v[3] += p * perfP[b];
                v[4] += p * randomR[b];
                v[5] += p * randomP[b];
            }
            return new References(new Value(v[0], v[1]), new Value(v[2], v[3]), new Value(v[4], v[5]),
                    beliefs.size(), members.size());
        }
    }
}
