package org.alignlab.corrigibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.gridworlds.Action;

/**
 * Side-effect penalties on a gridworld's exact MDP ({@link GridworldMdp}), in Krakovna et al.'s
 * (2019) decomposition: a penalty is a baseline (the state the agent's state is compared with) and a
 * deviation measure (how far apart the two are), and the agent maximises its reward minus beta times
 * the deviation at every step. Baselines: the starting state; inaction (where doing nothing from the
 * start would have led by now); stepwise inaction (where doing nothing instead of the last action
 * would have led). Measures: unreachability (1 - discounted reachability of the baseline), relative
 * reachability (the mean loss of discounted reachability over every board, truncated at 0) and
 * attainable utility (the mean absolute change of the optimal value of random auxiliary rewards,
 * Turner et al. 2020; with the stepwise baseline this is AUP's penalty up to its scaling).
 * Reachability and utilities are exact: shortest paths and optimal values on the enumerated MDP.
 */
public final class Impact {
    private Impact() {
    }

    /** The state the agent's state is compared with. */
    public enum Baseline {
        STARTING_STATE("starting state"), INACTION("inaction"), STEPWISE_INACTION("stepwise inaction"),
        STEPWISE_NO_ROLLOUTS("stepwise inaction, no rollouts");

        public final String label;

        Baseline(String label) {
            this.label = label;
        }
    }

    /** How far the agent's state is from the baseline's. */
    public enum Measure {
        NONE("no penalty"), UNREACHABILITY("unreachability"), RELATIVE_REACHABILITY("relative reachability"),
        ATTAINABLE_UTILITY("attainable utility");

        public final String label;

        Measure(String label) {
            this.label = label;
        }
    }

    /**
     * Discounted reachability: {@code r[x][c]} is {@code gamma^k} for the fewest steps k from state x
     * to a state that shows board c ({@link GridworldMdp#shown}), 0 where none can be reached. Boards,
     * not states, are what is reached: whether the first step is still to come is not something an
     * agent can undo, nor a side effect.
     */
    public static double[][] reachability(GridworldMdp m, double gamma) {
        int[][] next = m.mdp().next();
        int n = next.length;
        int boards = Arrays.stream(m.shown()).max().orElseThrow() + 1;
        // Predecessor lists, so that one breadth-first search per board gives every state's distance to it.
        int[] count = new int[n];
        for (int[] to : next) {
            for (int t : to) {
                count[t]++;
            }
        }
        int[][] from = new int[n][];
        for (int s = 0; s < n; s++) {
            from[s] = new int[count[s]];
        }
        int[] filled = new int[n];
        for (int s = 0; s < n; s++) {
            for (int t : next[s]) {
                from[t][filled[t]++] = s;
            }
        }
        double[][] r = new double[n][boards];
        int[] distance = new int[n];
        int[] queue = new int[n];
        for (int c = 0; c < boards; c++) {
            Arrays.fill(distance, -1);
            int head = 0;
            int tail = 0;
            for (int s = 0; s < n; s++) {
                if (m.shown()[s] == c) {
                    distance[s] = 0;
                    queue[tail++] = s;
                }
            }
            while (head < tail) {
                int s = queue[head++];
                for (int p : from[s]) {
                    if (distance[p] < 0) {
                        distance[p] = distance[s] + 1;
                        queue[tail++] = p;
                    }
                }
            }
            for (int s = 0; s < n; s++) {
                r[s][c] = distance[s] < 0 ? 0 : Math.pow(gamma, distance[s]);
            }
        }
        return r;
    }

    /**
     * The optimal values, at discount {@code gamma}, of {@code count} auxiliary reward functions, each
     * drawn uniformly on [0, 1] for every board (states showing the same board get the same reward),
     * and 0 at the episode's end, after which nothing more is attainable: {@code values[i][s]}.
     */
    public static double[][] auxiliaryValues(GridworldMdp m, int count, double gamma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = m.mdp().states();
        int boards = Arrays.stream(m.shown()).max().orElseThrow() + 1;
        double[][] values = new double[count][];
        int[] policy = new int[n];
        for (int i = 0; i < count; i++) {
            double[] byBoard = new double[boards];
            for (int c = 0; c < boards; c++) {
                byBoard[c] = random.nextDouble();
            }
            double[] reward = new double[n];
            for (int s = 0; s < m.end(); s++) {
                reward[s] = byBoard[m.shown()[s]];
            }
            values[i] = Power.optimalValues(m.mdp(), reward, gamma, policy);
        }
        return values;
    }

    /**
     * A deviation measure between the agent's state and the baseline's, on one MDP.
     *
     * @param reachability {@link #reachability}, for the two reachability measures
     * @param values       {@link #auxiliaryValues}, for attainable utility
     * @param auxiliaryGamma the auxiliary values' discount: attainable utility is in units of (1 - gamma) times
     *                     value, an auxiliary reward per step, so that it is on the scale of the others (0 to 1)
     */
    public record Deviation(Measure measure, int[] shown, double[][] reachability, double[][] values,
                            double auxiliaryGamma) {
        /** The deviation of state {@code s} from baseline state {@code b}. */
        public double of(int s, int b) {
            return switch (measure) {
                case NONE -> 0;
                case UNREACHABILITY -> 1 - reachability[s][shown[b]];
                case RELATIVE_REACHABILITY -> {
                    double sum = 0;
                    double[] base = reachability[b];
                    double[] here = reachability[s];
                    for (int c = 0; c < base.length; c++) {
                        sum += Math.max(0, base[c] - here[c]);
                    }
                    yield sum / base.length;
                }
                case ATTAINABLE_UTILITY -> {
                    double sum = 0;
                    for (double[] v : values) {
                        sum += Math.abs(v[s] - v[b]);
                    }
                    yield (1 - auxiliaryGamma) * sum / values.length;
                }
            };
        }
    }

    /**
     * The penalty of every step: {@code penalty[t][s][a]} is the deviation after taking action a in
     * state s at step t (t steps already taken); for the starting-state and stepwise baselines it does
     * not depend on t and there is one layer. A step that ends the episode has no penalty, as in
     * Krakovna et al.'s code: the episode's end is where every terminal step leads, not a board, and
     * measuring it would count finishing the task as a side effect. The stepwise baseline compares with
     * NOOP instead of the last action, followed by inaction rollouts ({@link #rollout}, as in Krakovna
     * et al.'s method) or, as an ablation, without them.
     */
    public static double[][][] penalties(GridworldMdp m, Baseline baseline, Deviation d, int horizon,
                                         double rolloutDiscount) {
        int[][] next = m.mdp().next();
        int n = next.length;
        int end = m.end();
        int[] noop = new int[n];
        for (int s = 0; s < n; s++) {
            noop[s] = s == end ? end : next[s][Action.NOOP];
        }
        int layers = baseline == Baseline.INACTION ? horizon : 1;
        double[][][] out = new double[layers][n][];
        int[] inaction = new int[horizon + 1];
        for (int t = 1; t <= horizon; t++) {
            int b = inaction[t - 1];
            inaction[t] = b == end ? b : next[b][Action.NOOP];
        }
        for (int t = 0; t < layers; t++) {
            out[t][end] = new double[1];
            for (int s = 0; s < end; s++) {
                out[t][s] = new double[next[s].length];
                for (int a = 0; a < next[s].length; a++) {
                    if (next[s][a] == end) {
                        continue;
                    }
                    int b = switch (baseline) {
                        case STARTING_STATE -> m.start();
                        case INACTION -> inaction[t + 1];
                        case STEPWISE_INACTION, STEPWISE_NO_ROLLOUTS -> noop[s] == end ? s : noop[s];
                    };
                    out[t][s][a] = baseline == Baseline.STEPWISE_INACTION
                            ? rollout(d, noop, next[s][a], b, horizon, rolloutDiscount) : d.of(next[s][a], b);
                }
            }
        }
        return out;
    }

    /**
     * The deviation with inaction rollouts: the agent's new state and the baseline's, each followed by
     * NOOP for {@code steps} steps, compared step by step, with weights falling by {@code discount}
     * and summing to 1. A difference that inaction would only reveal later (a switch-off on its way)
     * counts now.
     */
    static double rollout(Deviation d, int[] noop, int x, int b, int steps, double discount) {
        double sum = 0;
        double total = 0;
        double weight = 1;
        for (int k = 0; k < steps; k++) {
            sum += weight * d.of(x, b);
            total += weight;
            weight *= discount;
            x = noop[x];
            b = noop[b];
        }
        return sum / total;
    }

    /** A policy for the finite horizon: {@code action[t][s]}. */
    public record Policy(int[][] action) {
    }

    /**
     * The optimal policy for {@code reward} (per state and action) minus {@code beta} times the penalty, over {@code horizon} steps at
     * discount {@code gamma}, by backward induction. Of equally good actions it takes NOOP if it is
     * one of them, else the first: an agent with nothing to gain does nothing.
     */
    public static Policy plan(GridworldMdp m, double[][] reward, double[][][] penalty, double beta, int horizon,
                              double gamma) {
        int[][] next = m.mdp().next();
        int n = next.length;
        int[][] action = new int[horizon][n];
        double[] later = new double[n];
        for (int t = horizon - 1; t >= 0; t--) {
            double[][] p = penalty[Math.min(t, penalty.length - 1)];
            double[] value = new double[n];
            for (int s = 0; s < m.end(); s++) {
                double best = Double.NEGATIVE_INFINITY;
                int bestAction = 0;
                double[] q = new double[next[s].length];
                for (int a = 0; a < next[s].length; a++) {
                    q[a] = reward[s][a] - beta * p[s][a] + (next[s][a] == m.end() ? 0 : gamma * later[next[s][a]]);
                    if (q[a] > best) {
                        best = q[a];
                        bestAction = a;
                    }
                }
                if (next[s].length > Action.NOOP && q[Action.NOOP] >= best - 1e-9) {
                    bestAction = Action.NOOP;
                }
                action[t][s] = bestAction;
                value[s] = best;
            }
            later = value;
        }
        return new Policy(action);
    }

    /** Tabular Q-learning's settings: episodes, a learning rate, epsilon annealed linearly from 1 to 0. */
    public record Learning(int episodes, double learningRate) {
    }

    /**
     * A policy learnt by tabular Q-learning on {@code reward} minus {@code beta} times the penalty, epsilon-greedy with epsilon
     * annealed from 1 to 0 over the episodes (as in Krakovna et al.'s code), ties broken as in
     * {@link #plan}.
     */
    public static Policy learn(GridworldMdp m, double[][] reward, double[][][] penalty, double beta, int horizon,
                               double gamma, Learning settings, long seed) {
        int[][] next = m.mdp().next();
        int n = next.length;
        int actions = next[m.start()].length;
        // One table per layer of the penalty: over (state, step) where the penalty depends on the step (the inaction
        // baseline), over states alone otherwise, as in Krakovna et al.'s code.
        int layers = penalty.length;
        double[][][] q = new double[layers][n][actions];
        SplittableRandom random = new SplittableRandom(seed);
        for (int episode = 0; episode < settings.episodes(); episode++) {
            double epsilon = 1 - episode / (double) settings.episodes();
            int s = m.start();
            for (int t = 0; t < horizon && s != m.end(); t++) {
                double[][] here = q[Math.min(t, layers - 1)];
                int a = random.nextDouble() < epsilon ? random.nextInt(actions) : greedy(here[s]);
                int to = next[s][a];
                double target = reward[s][a] - beta * penalty[Math.min(t, layers - 1)][s][a];
                if (to != m.end() && t + 1 < horizon) {
                    target += gamma * max(q[Math.min(t + 1, layers - 1)][to]);
                }
                here[s][a] += settings.learningRate() * (target - here[s][a]);
                s = to;
            }
        }
        int[][] action = new int[horizon][n];
        for (int t = 0; t < horizon; t++) {
            for (int s = 0; s < n; s++) {
                action[t][s] = greedy(q[Math.min(t, layers - 1)][s]);
            }
        }
        return new Policy(action);
    }

    private static int greedy(double[] q) {
        int best = 0;
        for (int a = 1; a < q.length; a++) {
            if (q[a] > q[best]) {
                best = a;
            }
        }
        return q.length > Action.NOOP && q[Action.NOOP] >= q[best] - 1e-9 ? Action.NOOP : best;
    }

    private static double max(double[] q) {
        double best = q[0];
        for (double x : q) {
            best = Math.max(best, x);
        }
        return best;
    }

    /** One episode of a policy from the start: each step's visible and hidden reward, and the states visited. */
    public record Episode(List<double[]> steps, List<Integer> states) {
        public double visibleReturn() {
            return steps.stream().mapToDouble(x -> x[0]).sum();
        }

        public double hiddenReturn() {
            return steps.stream().mapToDouble(x -> x[1]).sum();
        }
    }

    /**
     * Steps of NOOP played after the horizon so that what the agent set in motion (a vase put back on
     * the belt) has its consequence counted: longer than any belt.
     */
    static final int AFTERMATH = 10;

    /**
     * Plays {@code policy} from the start for at most {@code horizon} steps, then {@link #AFTERMATH}
     * steps of NOOP unless the episode has ended (their rewards count, as the consequences of what the
     * agent did).
     */
    public static Episode play(GridworldMdp m, Policy policy, int horizon) {
        List<double[]> steps = new ArrayList<>();
        List<Integer> states = new ArrayList<>(List.of(m.start()));
        int s = m.start();
        for (int t = 0; t < horizon + AFTERMATH && s != m.end(); t++) {
            int a = t < horizon ? policy.action()[t][s] : Action.NOOP;
            steps.add(new double[] {m.reward()[s][a], m.hidden()[s][a]});
            s = m.mdp().next()[s][a];
            states.add(s);
        }
        return new Episode(steps, states);
    }
}
