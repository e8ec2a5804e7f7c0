package org.alignlab.corrigibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;

/**
 * A gridworld variant as a finite deterministic MDP for {@link Power}: every state reachable from
 * the start by the agent's actions (the whole dynamic state: agent, boxes, belts, switches), where
 * each action leads, and one absorbing state standing for the episode's end, which every terminal
 * step leads to. Variants that start from one of several hidden outcomes or draw random numbers
 * within an episode are not one deterministic MDP and are refused, saying why.
 *
 * @param agentCell for every state, the agent's cell (row * cols + col), or -1 for the end state and
 *                  for states where the agent is drawn under something else (a switch in rocks_diamonds)
 * @param board     the start board, top row first
 * @param reward    for every state and action, the visible reward of that step (0 from the end state)
 * @param hidden    for every state and action, the hidden (safety) reward of that step
 * @param shown     for every state, the index of the board it shows: states the board cannot tell apart
 *                  (whether the first step is still to come) share one; the end state has its own
 */
public record GridworldMdp(String variant, Power.Mdp mdp, int[] agentCell, String[] board, double[][] reward,
                           double[][] hidden, int[] shown) {
    /** Beyond this many states the enumeration stops rather than run for minutes. */
    public static final int STATE_LIMIT = 200_000;

    /** The start state's index: enumeration begins there. */
    public int start() {
        return 0;
    }

    /** The end state's index. */
    public int end() {
        return mdp.states() - 1;
    }

    /** Enumerates {@code variant}'s MDP. */
    public static GridworldMdp of(Variant variant) {
        Gridworld env = variant.create();
        if (env.randomWithinEpisodes()) {
            throw new UnsupportedOperationException(variant.id() + " draws random numbers within episodes, so its "
                    + "actions do not each lead to one state");
        }
        if (env.latentProbabilities().length != 1) {
            throw new UnsupportedOperationException(variant.id() + " starts from one of "
                    + env.latentProbabilities().length + " hidden outcomes, so it is not one MDP from one start");
        }
        env.resetWithLatent(0);
        String[] board = env.boardLines();
        int actions = env.actionCount();
        // A state is the dynamic state and whether the first step is still to come (some dynamics act on it).
        Map<List<Long>, Integer> ids = new HashMap<>();
        List<long[]> states = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        List<int[]> next = new ArrayList<>();
        List<double[]> rewards = new ArrayList<>();
        List<double[]> hiddenRewards = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        Map<String, Integer> boards = new HashMap<>();
        List<Integer> shown = new ArrayList<>();
        intern(env.snapshot().state(), 0, ids, states, first);
        for (int s = 0; s < states.size(); s++) {
            Gridworld.Snapshot here = new Gridworld.Snapshot(states.get(s), first.get(s));
            env.restore(here);
            cells.add(agentCell(env));
            shown.add(boards.computeIfAbsent(String.join("\n", env.boardLines()), k -> boards.size()));
            int[] to = new int[actions];
            double[] reward = new double[actions];
            double[] hiddenReward = new double[actions];
            for (int a = 0; a < actions; a++) {
                env.restore(here);
                env.stepInPlace(a);
                reward[a] = env.reward();
                hiddenReward[a] = env.hiddenReward();
                // -1 until the end state's index is known.
                to[a] = env.terminated() ? -1 : intern(env.snapshot().state(), 1, ids, states, first);
                if (!Double.isNaN(env.imposedExploration())) {
                    throw new UnsupportedOperationException(variant.id() + " imposes random actions on the agent in "
                            + "some states, so its actions do not each lead to one state");
                }
                if (states.size() > STATE_LIMIT) {
                    throw new UnsupportedOperationException(variant.id() + " has more than " + STATE_LIMIT
                            + " reachable states; not enumerated");
                }
            }
            next.add(to);
            rewards.add(reward);
            hiddenRewards.add(hiddenReward);
        }
        int end = states.size();
        int[][] table = new int[end + 1][];
        for (int s = 0; s < end; s++) {
            table[s] = Arrays.stream(next.get(s)).map(t -> t < 0 ? end : t).toArray();
        }
        table[end] = new int[] {end};
        cells.add(-1);
        rewards.add(new double[1]);
        hiddenRewards.add(new double[1]);
        shown.add(boards.size());
        return new GridworldMdp(variant.id(), new Power.Mdp(table), cells.stream().mapToInt(Integer::intValue).toArray(),
                board, rewards.toArray(double[][]::new), hiddenRewards.toArray(double[][]::new),
                shown.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int intern(long[] state, int steps, Map<List<Long>, Integer> ids, List<long[]> states,
                              List<Integer> first) {
        List<Long> key = new ArrayList<>(state.length + 1);
        for (long x : state) {
            key.add(x);
        }
        key.add((long) steps);
        Integer id = ids.get(key);
        if (id == null) {
            id = states.size();
            ids.put(key, id);
            states.add(state.clone());
            first.add(steps);
        }
        return id;
    }

    private static int agentCell(Gridworld env) {
        for (int r = 0; r < env.rows(); r++) {
            for (int c = 0; c < env.cols(); c++) {
                if (env.charAt(r, c) == 'A') {
                    return r * env.cols() + c;
                }
            }
        }
        return -1;
    }

    /** How many states (the end state aside) show no agent on the board: left out of {@link #byCell}. */
    public int hiddenAgent() {
        int n = 0;
        for (int s = 0; s < end(); s++) {
            n += agentCell[s] < 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The mean POWER of the states with the agent in each cell (-1 where the agent never is: JSON
     * keeps no NaN), as a board: the heat map of where power lies.
     */
    public double[][] byCell(double[] power) {
        int rows = board.length;
        int cols = board[0].length();
        double[][] sum = new double[rows][cols];
        int[][] count = new int[rows][cols];
        for (int s = 0; s < agentCell.length; s++) {
            if (agentCell[s] >= 0) {
                sum[agentCell[s] / cols][agentCell[s] % cols] += power[s];
                count[agentCell[s] / cols][agentCell[s] % cols]++;
            }
        }
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = count[r][c] == 0 ? -1 : sum[r][c] / count[r][c];
            }
        }
        return out;
    }
}
