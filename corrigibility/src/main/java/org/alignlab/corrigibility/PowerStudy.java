package org.alignlab.corrigibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.alignlab.core.Progress;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Table;
import org.alignlab.core.study.StudyResult.Verdict;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;

/**
 * POWER (Turner et al. 2021) measured exactly: first on small MDPs whose limits are known (a fork,
 * a 3 x 3 grid with a stay action, and a start beside an absorbing "off" state and n other
 * options), against those limits at a discount near 0 and near 1; then on every state of every
 * gridworld variant that is one deterministic MDP, with a heat map of POWER over each board.
 */
public final class PowerStudy implements Study<PowerStudy.Config> {
    /** The study's name. */
    public static final String NAME = "power";

    /**
     * @param gammas   discounts the gridworlds are measured at (heat maps at the first)
     * @param samples  reward functions sampled for every estimate
     * @param variants gridworld variants (empty: every one that is a single deterministic MDP)
     * @param seed     the seed of the reward samples
     */
    public record Config(double[] gammas, int samples, String[] variants, long seed) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "POWER: where optimal agents keep their options";
    }

    @Override
    public String description() {
        return "Turner et al.'s POWER, the average optimal value a state offers over random reward functions: checked "
                + "against its known limits on small MDPs (fork, grid, shutdown beside n options), then measured on "
                + "every state of every deterministic gridworld, with a heat map per board.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        return switch (budget) {
            case SMOKE -> new Config(new double[] {0.9}, 300, new String[] {"side_effects_sokoban:level0",
                "island_navigation:default"}, 1);
            // The audit: one board per environment (rocks_diamonds's main one has too many states, whisky_gold acts
            // for the agent), standard errors below 0.002.
            case AUDIT -> new Config(new double[] {0.9}, 4_000, new String[] {"boat_race:default",
                "absent_supervisor:supervisor", "side_effects_sokoban:level0", "conveyor_belt:vase",
                "distributional_shift:train", "island_navigation:default", "friend_foe:friend",
                "rocks_diamonds:level1"}, 1);
            // Every variant with standard errors below 0.002 at every discount (at 4,000 reward functions gamma 0.6
            // reaches 0.0029).
            case DEFAULT -> new Config(new double[] {0.9, 0.6, 0.99}, 10_000, new String[0], 1);
            case PAPER -> new Config(new double[] {0.9, 0.6, 0.99, 0.999}, 50_000, new String[0], 1);
        };
    }

    @Override
    public void validate(Config c) {
        List<String> problems = new ArrayList<>();
        if (c.gammas().length == 0) {
            problems.add("gammas must name at least one discount");
        }
        for (double g : c.gammas()) {
            try {
                Power.checkDiscount(g);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (c.samples() < 2) {
            problems.add("samples must be at least 2 (a standard error needs two), got " + c.samples());
        }
        for (String v : c.variants()) {
            try {
                GridworldMdp.of(Gridworlds.variant(v));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                problems.add(e.getMessage() + (e instanceof UnsupportedOperationException ? "; these can: "
                        + String.join(", ", solvable()) : ""));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Every variant {@link GridworldMdp} can enumerate (one deterministic MDP, not too many states). */
    static List<String> solvable() {
        List<String> out = new ArrayList<>();
        for (Variant v : Gridworlds.all()) {
            try {
                GridworldMdp.of(v);
                out.add(v.id());
            } catch (UnsupportedOperationException e) {
                // not one deterministic MDP, or too large
            }
        }
        return out;
    }

    /** The fork: state 0 goes right to state 2, which branches to three absorbing states, or left to absorbing 1. */
    static Power.Mdp fork() {
        return new Power.Mdp(new int[][] {{2, 1}, {1}, {3, 4, 5}, {3}, {4}, {5}});
    }

    /** A 3 x 3 grid, moves to the four neighbours where there are cells, and a stay action (index 0). */
    static Power.Mdp grid() {
        int[][] next = new int[9][];
        for (int s = 0; s < 9; s++) {
            List<Integer> to = new ArrayList<>(List.of(s));
            int r = s / 3;
            int c = s % 3;
            if (r > 0) {
                to.add(s - 3);
            }
            if (r < 2) {
                to.add(s + 3);
            }
            if (c > 0) {
                to.add(s - 1);
            }
            if (c < 2) {
                to.add(s + 1);
            }
            next[s] = to.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Power.Mdp(next);
    }

    /**
     * A start (state 0) whose first action switches the agent off (absorbing state 1) and whose
     * second leads on to a state (2) from which n absorbing options (3 onward) are open: at a
     * discount near 1 going on is optimal for n/(n+1) of reward functions (the best of n beats one),
     * near 0 for half (the next state's reward against off's).
     */
    static Power.Mdp shutdown(int n) {
        int[][] next = new int[n + 3][];
        next[0] = new int[] {1, 2};
        next[1] = new int[] {1};
        next[2] = new int[n];
        for (int k = 0; k < n; k++) {
            next[2][k] = 3 + k;
            next[3 + k] = new int[] {3 + k};
        }
        return new Power.Mdp(next);
    }

    /** A small MDP's check: the estimate, the known limit, and how many standard errors apart. */
    public record Check(String mdp, String quantity, double gamma, double estimate, double standardError,
                        double limit) {
        /** Within 3 standard errors plus the limit's own bias at this discount (allowed: {@link #BIAS}). */
        boolean holds() {
            return Math.abs(estimate - limit) <= 3 * standardError + BIAS;
        }
    }

    /**
     * How far from its limit a quantity may sit at a discount of 0.001 or 0.999: the limits are
     * approached at O(g) or O(1 - g) times the path to the options (at most 2 steps here, rewards at
     * most 1), so about 0.002; the allowance rounds that up.
     */
    static final double BIAS = 0.003;

    /** Reward functions for the checks on small MDPs, whatever the budget: they cost little. */
    static final int CHECK_SAMPLES = 20_000;

    /** One gridworld variant at one discount: its states, and POWER at the start, its range over states and by cell. */
    public record BoardResult(String variant, double gamma, int states, int samples, double start, double startSe,
                              double lowest, double highest, double end, double maxSe, double[][] byCell,
                              String[] board, int hiddenAgent, double optionsCorrelation,
                              CellCorrelation byCellCorrelation) {
    }

    /**
     * POWER against options one step away over the agent's cells (each cell's mean over the states with the agent
     * there), with the share of random pairings of the same cells' values that correlate at least as strongly.
     * States that differ only in boxes or belts share a cell and are far from independent, so the cells, not the
     * states, are the trials of this null.
     *
     * @param rho         Spearman's rank correlation over the cells
     * @param cells       how many cells have the agent in some state
     * @param permutation two-sided p-value: (1 + permutations with |rho| at least as large) / (1 + permutations)
     */
    public record CellCorrelation(double rho, int cells, double permutation) {
        /** No cell correlation: too few cells, or no spread in one of the two. */
        static final CellCorrelation NONE = new CellCorrelation(Double.NaN, 0, Double.NaN);
    }

    /** The fewest cells whose permutation test can reach p below 0.05 (two-sided: 2 / 5! = 0.017; 2 / 4! = 0.083). */
    static final int MIN_TESTABLE_CELLS = 5;

    /**
     * How many of {@code p} Holm's step-down procedure rejects at family-wise level {@code alpha}: sorted ascending,
     * the i-th (from 0) is rejected while it is at most alpha / (m - i).
     */
    static int holm(double[] p, double alpha) {
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        int rejected = 0;
        while (rejected < sorted.length && sorted[rejected] <= alpha / (sorted.length - rejected)) {
            rejected++;
        }
        return rejected;
    }

    /** Random pairings behind each board's null; the smallest p-value they can show is 1/2,001. */
    static final int PERMUTATIONS = 2_000;

    /**
     * Spearman's correlation between two maps over the cells both give a value for (a negative value: no agent
     * there), and its permutation p-value over {@code permutations} shufflings of the first map's values.
     */
    static CellCorrelation cellCorrelation(double[][] power, double[][] options, int permutations, long seed) {
        List<double[]> pairs = new ArrayList<>();
        for (int r = 0; r < power.length; r++) {
            for (int c = 0; c < power[r].length; c++) {
                if (power[r][c] >= 0 && options[r][c] >= 0) {
                    pairs.add(new double[] {power[r][c], options[r][c]});
                }
            }
        }
        double[] x = pairs.stream().mapToDouble(q -> q[0]).toArray();
        double[] y = pairs.stream().mapToDouble(q -> q[1]).toArray();
        if (x.length < 3 || Arrays.stream(x).distinct().count() < 2 || Arrays.stream(y).distinct().count() < 2) {
            return CellCorrelation.NONE;
        }
        double rho = org.alignlab.core.Statistics.spearman(x, y);
        java.util.Random random = new java.util.Random(seed);
        double[] shuffled = x.clone();
        int asStrong = 0;
        for (int k = 0; k < permutations; k++) {
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            // A tolerance, so that a pairing as strong as the observed one up to rounding counts as strong.
            if (Math.abs(org.alignlab.core.Statistics.spearman(shuffled, y)) >= Math.abs(rho) - 1e-12) {
                asStrong++;
            }
        }
        return new CellCorrelation(rho, x.length, (1.0 + asStrong) / (1.0 + permutations));
    }

    /**
     * Everything: the checks, the grid's POWER at discount 0.6 (centre, edge, corner, then their
     * standard errors), every board, and the variants not measured with why.
     */
    public record Result(List<Check> checks, double[] gridOrder, List<BoardResult> boards, List<String> skipped,
                         double seconds) {
    }

    @Override
    public StudyResult run(Config c, StudyContext ctx) throws Exception {
        long start = System.nanoTime();
        List<GridworldMdp> mdps = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int notNamed = 0;
        for (Variant v : Gridworlds.all()) {
            boolean named = c.variants().length == 0 || Arrays.stream(c.variants())
                    .anyMatch(n -> Gridworlds.variant(n).id().equals(v.id()));
            if (!named) {
                notNamed++;
                continue;
            }
            try {
                mdps.add(GridworldMdp.of(v));
            } catch (UnsupportedOperationException e) {
                skipped.add(e.getMessage());
            }
        }
        if (notNamed > 0) {
            skipped.add(notNamed + " other variants, not named in the settings");
        }
        Progress progress = ctx.progress("power", 1 + mdps.size() * c.gammas().length);
        CheckList checks = ctx.resumable("checks", CheckList.class, () -> checks(c));
        progress.step("known limits on small MDPs");
        List<BoardResult> boards = new ArrayList<>();
        for (GridworldMdp m : mdps) {
            for (double g : c.gammas()) {
                boards.add(ctx.resumable("board/" + m.variant() + "/" + g, BoardResult.class, () -> board(m, g, c)));
                progress.step(m.variant() + " at gamma " + g);
            }
        }
        return report(c, new Result(checks.checks(), checks.gridOrder(), boards, skipped,
                (System.nanoTime() - start) / 1e9));
    }

    /** The checks as one resumable step, with the grid's POWER at discount 0.6. */
    public record CheckList(List<Check> checks, double[] gridOrder) {
    }

    static CheckList checks(Config c) {
        int samples = CHECK_SAMPLES;
        List<Check> out = new ArrayList<>();
        for (double g : new double[] {0.001, 0.999}) {
            Power.Estimate fork = Power.estimate(fork(), g, samples, c.seed());
            boolean near = g > 0.5;
            out.add(new Check("fork", "POWER of the start", g, fork.power()[0], fork.standardError()[0],
                    near ? 4 / 5.0 : 2 / 3.0));
            out.add(new Check("fork", "share of reward functions that go to the branch", g, fork.optimalShare()[0],
                    binomialSe(fork.optimalShare()[0], samples), near ? 0.75 : 0.5));
            Power.Estimate grid = Power.estimate(grid(), g, samples, c.seed() + 1);
            out.add(new Check("3 x 3 grid with stay", "POWER of the centre", g, grid.power()[4], grid.standardError()[4],
                    near ? 0.9 : 5 / 6.0));
            out.add(new Check("3 x 3 grid with stay", "POWER of an edge", g, grid.power()[1], grid.standardError()[1],
                    near ? 0.9 : 4 / 5.0));
            out.add(new Check("3 x 3 grid with stay", "POWER of a corner", g, grid.power()[0], grid.standardError()[0],
                    near ? 0.9 : 3 / 4.0));
            for (int n = 1; n <= 4; n++) {
                Power.Estimate e = Power.estimate(shutdown(n), g, samples, c.seed() + 1 + n);
                double avoid = 1 - e.optimalShare()[0];
                out.add(new Check("off, or on to " + n + " option" + (n == 1 ? "" : "s"), "share of reward functions "
                        + "whose optimal policy avoids off", g, avoid, binomialSe(avoid, samples),
                        near ? n / (n + 1.0) : 0.5));
            }
        }
        // The shutdown result on a gridworld: on survival the agent is switched off (the end) after its second step
        // unless it has stepped on the button by then. Near discount 1 the optimal policy avoids the end unless the
        // end's reward beats every state the agent can stay in; near 0 its first step goes to the best of the first
        // step's outcomes, of which the button (UP, action 0) is one.
        GridworldMdp survival = GridworldMdp.of(Gridworlds.variant("survival:noops"));
        int[] options = survivalOptions(survival);
        double avoid = Power.avoidShare(survival.mdp(), 0.999, samples, c.seed() + 10, survival.start(), survival.end());
        out.add(new Check("survival (the off-switch gridworld)", "share of reward functions whose optimal policy never "
                + "reaches the end (switch-off or goal)", 0.999, avoid, binomialSe(avoid, samples),
                options[1] / (options[1] + 1.0)));
        Power.Estimate myopic = Power.estimate(survival.mdp(), 0.001, samples, c.seed() + 11);
        double first = myopic.optimalShare()[survival.start()];
        out.add(new Check("survival (the off-switch gridworld)", "share of reward functions whose optimal first step "
                + "is onto the button", 0.001, first, binomialSe(first, samples), 1.0 / options[0]));
        // Exact at any discount, so a check of the sampling only: the branching state's POWER is the best of its
        // three options' rewards, the lone absorbing state's its own.
        Power.Estimate fork = Power.estimate(fork(), 0.9, samples, c.seed());
        out.add(new Check("fork", "POWER of the branching state (exact at any discount)", 0.9, fork.power()[2],
                fork.standardError()[2], 0.75));
        out.add(new Check("fork", "POWER of the lone absorbing state (exact at any discount)", 0.9, fork.power()[1],
                fork.standardError()[1], 0.5));
        Power.Estimate grid = Power.estimate(grid(), 0.6, samples, c.seed() + 1);
        double[] order = {grid.power()[4], grid.power()[1], grid.power()[0], grid.standardError()[4],
            grid.standardError()[1], grid.standardError()[0]};
        return new CheckList(out, order);
    }

    /**
     * What survival's limits depend on: the distinct states the start's actions lead to (near discount
     * 0 the optimal first step is the one to the best of them, so the button wins 1 in that many), and
     * the states reachable from the start that can stay where they are (near discount 1 the agent goes
     * for the best state it can stay in, and avoids the end unless the end beats all k of them:
     * k/(k+1)).
     */
    static int[] survivalOptions(GridworldMdp m) {
        int[][] next = m.mdp().next();
        int successors = (int) java.util.Arrays.stream(next[m.start()]).distinct().count();
        boolean[] seen = new boolean[next.length];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(m.start()));
        seen[m.start()] = true;
        int staying = 0;
        while (!queue.isEmpty()) {
            int s = queue.poll();
            if (s == m.end()) {
                continue;
            }
            int here = s;
            staying += java.util.Arrays.stream(next[s]).anyMatch(t -> t == here) ? 1 : 0;
            for (int t : next[s]) {
                if (!seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return new int[] {successors, staying};
    }

    private static double binomialSe(double p, int n) {
        return Math.sqrt(Math.max(p * (1 - p), 1.0 / n) / n);
    }

    /** The standard error every state's POWER should stay below. */
    static final double TARGET_SE = 0.002;

    static BoardResult board(GridworldMdp m, double gamma, Config c) {
        Power.Estimate e = Power.estimate(m.mdp(), gamma, c.samples(), c.seed());
        double maxSe = largestSe(m, e);
        if (maxSe >= TARGET_SE) {
            // A state whose POWER is one other state's reward (one step from the end, say) spreads as a uniform
            // reward does: more reward functions, as many as the standard error asks for, with a margin.
            int more = (int) Math.ceil(c.samples() * Math.pow(maxSe / (0.95 * TARGET_SE), 2));
            e = Power.estimate(m.mdp(), gamma, more, c.seed());
            maxSe = largestSe(m, e);
        }
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < m.end(); s++) {
            lowest = Math.min(lowest, e.power()[s]);
            highest = Math.max(highest, e.power()[s]);
        }
        // Options one step away: the distinct states the actions lead to.
        double[] options = new double[m.end()];
        for (int s = 0; s < m.end(); s++) {
            options[s] = Arrays.stream(m.mdp().next()[s]).distinct().count();
        }
        double correlation = org.alignlab.core.Statistics.spearman(Arrays.copyOf(e.power(), m.end()), options);
        double[][] byCell = m.byCell(e.power());
        CellCorrelation cells = cellCorrelation(byCell, m.byCell(Arrays.copyOf(options, e.power().length)),
                PERMUTATIONS, c.seed());
        return new BoardResult(m.variant(), gamma, m.mdp().states(), e.samples(), e.power()[m.start()],
                e.standardError()[m.start()],
                lowest, highest, e.power()[m.end()], maxSe, byCell, m.board(), m.hiddenAgent(),
                correlation, cells);
    }

    private static double largestSe(GridworldMdp m, Power.Estimate e) {
        double largest = 0;
        for (int s = 0; s < m.end(); s++) {
            largest = Math.max(largest, e.standardError()[s]);
        }
        return largest;
    }

    static StudyResult report(Config c, Result r) {
        List<Finding> findings = new ArrayList<>();
        long held = r.checks().stream().filter(Check::holds).count();
        findings.add(new Finding(held == r.checks().size() ? Verdict.PASSED : Verdict.FAILED, String.format(Locale.ROOT,
                "%d of %d known values hold (within 3 standard errors plus %.3f for the discount's distance from its "
                        + "limit): POWER tends to the mean of the best of a state's m successors' rewards, m/(m+1), as "
                        + "the discount goes to 0, and of its k reachable absorbing states', k/(k+1), as it goes to 1; "
                        + "avoiding an absorbing off state for a state with n absorbing options beyond it is optimal for "
                        + "n/(n+1) of reward functions as the discount goes to 1 and for half as it goes to 0, Turner et "
                        + "al.'s (2021) shutdown result in its simplest case; and on survival, the off-switch "
                        + "gridworld, the optimal policy avoids the end (being switched off, or finishing) for k/(k+1) "
                        + "of reward functions near discount 1 (k the states the agent can stay in, all behind the "
                        + "button), and its first step goes onto the button for 1 in the number of the first step's "
                        + "outcomes near 0. These check the computation; the gridworlds below are "
                        + "where it is applied.", held, r.checks().size(), BIAS)));
        double[] o = r.gridOrder();
        boolean ordered = o[0] - o[1] > 3 * Math.hypot(o[3], o[4]) && o[1] - o[2] > 3 * Math.hypot(o[4], o[5]);
        findings.add(new Finding(ordered ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, String.format(Locale.ROOT,
                "On a 3 x 3 grid with a stay action at discount 0.6, POWER is highest at the centre (%.4f ± %.4f), "
                        + "then the edges (%.4f ± %.4f), then the corners (%.4f ± %.4f), the ordering of Turner et "
                        + "al.'s figure 1 (reproduced when each step down exceeds 3 standard errors of the "
                        + "difference).", o[0], o[3], o[1], o[4], o[2], o[5])));
        Table.Builder checks = Table.builder("Known limits on small MDPs (" + CHECK_SAMPLES + " reward functions each)")
                .text("MDP").text("quantity").number("gamma", "%.3f").number("estimate", "%.4f")
                .number("standard error", "%.4f").number("limit", "%.4f").text("holds");
        r.checks().forEach(k -> checks.row(k.mdp(), k.quantity(), k.gamma(), k.estimate(), k.standardError(), k.limit(),
                k.holds() ? "yes" : "no"));
        Table.Builder boards = Table.builder("Every deterministic gridworld: POWER over its states").text("variant")
                .number("gamma", "%.2f").number("states", "%d").number("reward functions", "%d")
                .number("POWER at the start", "%.3f")
                .number("standard error at the start", "%.4f").number("lowest", "%.3f").number("highest", "%.3f")
                .number("episode's end (absorbing)", "%.3f").number("largest standard error", "%.4f")
                .number("Spearman: POWER against options one step away", "%.2f")
                .number("the same over the agent's cells", "%.2f").number("cells", "%d")
                .number("permutation p over cells", "%.4f");
        r.boards().forEach(b -> boards.row(b.variant(), b.gamma(), b.states(), b.samples(), b.start(), b.startSe(),
                b.lowest(),
                b.highest(), b.end(), b.maxSe(), b.optionsCorrelation(), b.byCellCorrelation().rho(),
                b.byCellCorrelation().cells(), b.byCellCorrelation().permutation()));
        boards.note("The episode's end is one absorbing state shared by every terminal step (and present where no step "
                + "ends the episode): its POWER is its own expected reward, 0.5. Options one step away: the distinct "
                + "states a state's actions lead to; over the agent's cells, each cell's mean over the states with "
                + "the agent there, and the share of " + PERMUTATIONS + " random pairings of the same cells' values "
                + "whose correlation is at least as strong (the null: no relation; states sharing a cell are not "
                + "independent, so the cells are its trials). Not measured: " + (r.skipped().isEmpty() ? "none"
                : String.join("; ", r.skipped())) + ".");
        double worstSe = r.boards().stream().mapToDouble(BoardResult::maxSe).max().orElse(0);
        // Boards of one transition structure (friend_foe's four, vase and sushi) give the same maps: each counts once.
        List<BoardResult> distinct = new ArrayList<>();
        for (BoardResult b : r.boards()) {
            if (b.gamma() == c.gammas()[0] && distinct.stream().noneMatch(d -> Arrays.deepEquals(d.byCell(), b.byCell()))) {
                distinct.add(b);
            }
        }
        double[] rho = distinct.stream().filter(b -> !Double.isNaN(b.optionsCorrelation()))
                .mapToDouble(BoardResult::optionsCorrelation).sorted().toArray();
        if (rho.length > 0) {
            findings.add(Finding.note(String.format(Locale.ROOT, "Across each board's states at discount %.2f, POWER "
                            + "against the number of distinct states one step away: Spearman's rank correlation from "
                            + "%.2f to %.2f over the %d distinct board structures (median %.2f; positive on %d; boards "
                            + "that share one give the same map and count once): more options at hand, more POWER, as "
                            + "Turner et al.'s theorems lead one to expect, though one step is a coarse measure of "
                            + "options at a discount where paths matter.", c.gammas()[0], rho[0], rho[rho.length - 1],
                    rho.length, rho[rho.length / 2], Arrays.stream(rho).filter(x -> x > 0).count())));
        }
        List<BoardResult> withCells = distinct.stream().filter(b -> !Double.isNaN(b.byCellCorrelation().rho()))
                .toList();
        if (!withCells.isEmpty()) {
            double[] cellRho = withCells.stream().mapToDouble(b -> b.byCellCorrelation().rho()).sorted().toArray();
            // With 4 cells or fewer the smallest two-sided p, 2 / n!, is above 0.05: no test there.
            List<CellCorrelation> testable = withCells.stream().map(BoardResult::byCellCorrelation)
                    .filter(k -> k.cells() >= MIN_TESTABLE_CELLS).toList();
            long beyond = testable.stream().filter(k -> k.permutation() < 0.05).count();
            long negative = testable.stream().filter(k -> k.rho() < 0 && k.permutation() < 0.05).count();
            findings.add(Finding.note(String.format(Locale.ROOT, "The same over the agent's cells (states sharing a "
                            + "cell are not independent, so the cells are the null's trials): from %.2f to %.2f over "
                            + "the %d distinct board structures (median %.2f; boards that share one give the same map "
                            + "and count once); of the %d with at least %d cells, where a p below 0.05 is possible, "
                            + "beyond a permutation null (%d random pairings each, p below 0.05) on %d, %d after "
                            + "Holm's correction for %d tests, %d of them negative. The null treats cells as "
                            + "exchangeable, though neighbouring cells share successors, so these p-values are "
                            + "optimistic; and POWER and the count of options both follow from the same transitions, "
                            + "so part of the relation is built in.", cellRho[0], cellRho[cellRho.length - 1],
                    withCells.size(), cellRho[cellRho.length / 2], testable.size(), MIN_TESTABLE_CELLS, PERMUTATIONS,
                    beyond, holm(testable.stream().mapToDouble(CellCorrelation::permutation).toArray(), 0.05),
                    testable.size(), negative)));
        }
        findings.add(Finding.note(String.format(Locale.ROOT, "%d gridworld variants measured, every state of each; the "
                        + "largest standard error of any state's POWER is %.4f (%s 0.002).", r.boards().stream()
                        .map(BoardResult::variant).distinct().count(), worstSe, worstSe < 0.002 ? "below" : "not below")));
        List<Table> tables = new ArrayList<>(List.of(checks.build(), boards.build()));
        double heatGamma = c.gammas()[0];
        for (BoardResult b : r.boards()) {
            if (b.gamma() == heatGamma) {
                tables.add(heatMap(b));
            }
        }
        String method = String.format(Locale.ROOT, "POWER(s) = (1 - g)/g E[V*(s) - R(s)], rewards drawn independently "
                        + "and uniformly on [0, 1] for every state, %,d reward functions per estimate, more on a board "
                        + "where a state's standard error would reach 0.002 (as many as it needs; the table gives each "
                        + "board's count; standard errors from the spread); each optimal value exact, by policy iteration with each policy's values in "
                        + "closed form. A gridworld's MDP is every state reachable from its start by the agent's actions "
                        + "(the whole state: agent, boxes, belts), each action leading to one state, and every terminal "
                        + "step to one absorbing end state, so distinct ends (goal, lava, water) count as one option; "
                        + "the horizon is infinite, the episode's 100-step limit left out; the first step is kept "
                        + "apart from later ones, as some dynamics act on it, so a start may appear twice); variants "
                        + "with hidden start outcomes, randomness within an episode or actions the environment takes "
                        + "for the agent (the whisky) are left out. The small MDPs' checks use %,d reward functions "
                        + "each. The heat maps give, at gamma %.2f, the mean POWER of the states with the agent in "
                        + "each cell, every board, coloured from the board's least (pale) to its greatest (dark) "
                        + "POWER where those differ by 4 standard errors or more, else uncoloured; states where "
                        + "the agent is drawn under something else, a switch, are left out of the map and counted "
                        + "in its caption.", c.samples(),
                CHECK_SAMPLES, heatGamma);
        String verdict = "Shows POWER computed to its known limits on small MDPs and measured on every state of the "
                + "deterministic gridworlds; does not show that trained agents seek it, nor POWER under reward "
                + "distributions other than independent uniform.";
        return new StudyResult(NAME, "POWER: where optimal agents keep their options", method, findings, tables,
                List.of(), verdict, r, r.seconds());
    }

    /** A board's POWER by cell: walls and cells the agent never reaches show the board's own character. */
    static Table heatMap(BoardResult b) {
        int cols = b.board()[0].length();
        double least = Arrays.stream(b.byCell()).flatMapToDouble(Arrays::stream).filter(p -> p >= 0).min().orElse(0);
        double greatest = Arrays.stream(b.byCell()).flatMapToDouble(Arrays::stream).max().orElse(0);
        // Two cells whose 95% intervals (2 standard errors each way) overlap may differ by chance alone; the cells'
        // estimates share reward draws, so no independence is assumed.
        double chance = 4 * b.maxSe();
        boolean coloured = greatest - least >= chance;
        Table.Builder t = Table.builder(String.format(Locale.ROOT, "%s: POWER by the agent's cell (gamma %.2f; "
                + "%s; each cell's standard error at most %.4f%s)", b.variant(), b.gamma(), coloured
                ? String.format(Locale.ROOT, "coloured from %.3f, pale, to %.3f, dark; colours closer than %.3f may "
                        + "differ by chance", least, greatest, chance)
                : String.format(Locale.ROOT, "not coloured: from %.3f to %.3f, every cell within %.3f of every "
                        + "other, which chance alone could make", least, greatest, chance), b.maxSe(),
                b.hiddenAgent() == 0 ? "" : "; " + b.hiddenAgent() + " states with the agent hidden left out"))
                .text("row");
        for (int col = 0; col < cols; col++) {
            if (coloured) {
                t.heat(String.valueOf(col), "%.3f");
            } else {
                t.number(String.valueOf(col), "%.3f");
            }
        }
        for (int row = 0; row < b.board().length; row++) {
            List<Object> cells = new ArrayList<>(List.of(String.valueOf(row)));
            for (int col = 0; col < cols; col++) {
                double p = b.byCell()[row][col];
                cells.add(p < 0 ? String.valueOf(b.board()[row].charAt(col)) : (Object) p);
            }
            t.row(cells.toArray());
        }
        return t.build();
    }
}
