package org.alignlab.corrigibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alignlab.core.MeanInterval;
import org.alignlab.core.Progress;
import org.alignlab.core.Statistics;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Verdict;

/**
 * The off-switch game (Hadfield-Menell et al. 2017), solved and learnt: the robot's incentive to
 * let a human switch it off, exactly for a rational human and by integration for a noisy one, each
 * checked by Monte Carlo and against the reference values; then robots that learn when to defer
 * from noisy readings of the utility, showing deference fall as the robot becomes certain and as
 * the human becomes noisy, beside the Bayes-optimal robot: first in the one-step game, then in a
 * gridworld where the robot walks to its task past the human or by a path the human does not watch.
 */
public final class OffSwitchStudy implements Study<OffSwitchStudy.Config> {
    /** The study's name. */
    public static final String NAME = "off-switch-game";

    /** Reference values of the rational incentive (mu, sigma, Delta), from the closed form, to 4 decimals. */
    static final double[][] RATIONAL_REFERENCE = {
        {0, 1, 0.3989}, {0, 2, 0.7979}, {0.5, 1, 0.1978}, {-0.5, 1, 0.1978}, {1, 0.5, 0.0042}, {-1, 0.5, 0.0042}};

    /**
     * Reference values of the Boltzmann human's incentive at mu = 0.25, sigma = 1 (beta, Delta), as
     * tabulated by Monte Carlo to 3 decimals in the project's design notes (beta 0.5 given there as
     * "about 0", stated here as 0).
     */
    static final double[][] BOLTZMANN_REFERENCE = {
        {0.1, -0.097}, {0.5, 0}, {1, 0.094}, {2, 0.193}, {5, 0.265}, {20, 0.286}, {Double.POSITIVE_INFINITY, 0.2864}};

    /**
     * The same incentives to 6 decimals, computed apart from this code: Simpson's rule with 200,000
     * intervals on [mu - 12, mu + 12] in plain Python (the rational entry from the closed form), in the same
     * order as {@link #BOLTZMANN_REFERENCE}; the script and its output are in corrigibility/reference/
     * (boltzmann_incentive.py, .out). The 1e-4 criterion is checked against these.
     */
    static final double[] BOLTZMANN_QUADRATURE = {-0.098508, 0, 0.092555, 0.191038, 0.263686, 0.284767, 0.286345};

    /**
     * @param mu                the mean of the utility U the robot's action would bring
     * @param sigma             its standard deviation (the robot's prior uncertainty)
     * @param betas             the human's rationality in the learnt game (Infinity: rational)
     * @param observationNoise  how noisy the robot's reading of U is (tau); small: the robot becomes certain
     * @param cost              what asking the human costs (without it a certain robot is indifferent)
     * @param seeds             learnt robots per (beta, tau)
     * @param rounds            rounds each robot learns from
     * @param evaluationRounds  fresh rounds each robot is evaluated on
     * @param gridSteps         Q-learning steps of each gridworld robot (0: no gridworld robots)
     * @param monteCarloSamples games played to check each incentive
     * @param threads           robots trained in parallel
     */
    public record Config(double mu, double sigma, double[] betas, double[] observationNoise, double cost, int seeds,
                         int rounds, int evaluationRounds, int gridSteps, int monteCarloSamples, int threads) {
    }

    /**
     * One learnt robot, evaluated.
     *
     * @param stuck the share of episodes its greedy policy plays to the step limit without ending (gridworld robots;
     *              0 in the one-step game, which has no steps)
     */
    public record Robot(long seed, double deference, double payoff, double optimalDeference, double optimalPayoff,
                        double stuck) {
    }

    /** Every robot of one (beta, tau). */
    public record Cell(double beta, double tau, double posteriorSd, List<Robot> robots) {
        MeanInterval mean(java.util.function.ToDoubleFunction<Robot> f) {
            return Statistics.meanInterval(robots.stream().mapToDouble(f).toArray());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "The off-switch game: when a robot lets itself be switched off";
    }

    @Override
    public String description() {
        return "The incentive to defer to a human who may switch the robot off, exactly and by Monte Carlo against the "
                + "reference values, and robots that learn when to defer, beside the Bayes-optimal robot.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        double inf = Double.POSITIVE_INFINITY;
        int threads = Runtime.getRuntime().availableProcessors();
        return switch (budget) {
            case SMOKE -> new Config(0.25, 1, new double[] {inf, 0.5}, new double[] {0.2, 2}, 0.05, 2, 20_000, 5_000,
                    20_000, 20_000, threads);
            case AUDIT -> new Config(0.25, 1, new double[] {inf, 4, 1, 0.25}, new double[] {0.1, 0.5, 1, 2}, 0.05, 10,
                    100_000, 20_000, 200_000, 1_000_000, threads);
            case DEFAULT -> new Config(0.25, 1, new double[] {inf, 4, 1, 0.25}, new double[] {0.1, 0.5, 1, 2}, 0.05, 10,
                    300_000, 50_000, 500_000, 1_000_000, threads);
            case PAPER -> new Config(0.25, 1, new double[] {inf, 4, 1, 0.25}, new double[] {0.1, 0.5, 1, 2}, 0.05, 30,
                    300_000, 50_000, 1_000_000, 4_000_000, threads);
        };
    }

    @Override
    public void validate(Config c) {
        if (!Double.isFinite(c.mu()) || !(c.sigma() > 0) || Double.isInfinite(c.sigma())) {
            throw new IllegalArgumentException("mu must be finite and sigma positive and finite, got " + c.mu() + " and "
                    + c.sigma());
        }
        if (c.betas().length == 0 || c.observationNoise().length == 0) {
            throw new IllegalArgumentException("give at least one beta and one observationNoise");
        }
        for (double b : c.betas()) {
            if (!(b >= 0)) {
                throw new IllegalArgumentException("betas must each be 0 or more (Infinity: a rational human), got " + b);
            }
        }
        for (double t : c.observationNoise()) {
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("observationNoise must each be positive and finite, got " + t);
            }
        }
        if (!(c.cost() >= 0) || Double.isInfinite(c.cost())) {
            throw new IllegalArgumentException("cost must be 0 or more and finite, got " + c.cost());
        }
        org.alignlab.core.study.Seeds.check(c.seeds());
        if (c.rounds() < 1 || c.evaluationRounds() < 1 || c.monteCarloSamples() < 2 || c.threads() < 1) {
            throw new IllegalArgumentException("rounds, evaluationRounds and threads must be at least 1 and "
                    + "monteCarloSamples at least 2, got " + c.rounds() + ", " + c.evaluationRounds() + ", "
                    + c.threads() + " and " + c.monteCarloSamples());
        }
        if (c.gridSteps() < 0) {
            throw new IllegalArgumentException("gridSteps must be 0 (no gridworld robots) or more, got " + c.gridSteps());
        }
    }

    @Override
    public StudyResult run(Config c, StudyContext ctx) throws Exception {
        long start = System.nanoTime();
        Progress progress = ctx.progress(NAME, c.betas().length * c.observationNoise().length * c.seeds()
                * (c.gridSteps() > 0 ? 2 : 1));
        List<Cell> cells = new ArrayList<>();
        List<Cell> gridCells = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(c.threads());
        try {
            for (double beta : c.betas()) {
                for (double tau : c.observationNoise()) {
                    cells.add(ctx.resumable("cell/beta" + beta + "/tau" + tau, Cell.class,
                            () -> cell(c, beta, tau, pool, progress)));
                    if (c.gridSteps() > 0) {
                        gridCells.add(ctx.resumable("grid/beta" + beta + "/tau" + tau, Cell.class,
                                () -> gridCell(c, beta, tau, pool, progress)));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return report(c, cells, gridCells, (System.nanoTime() - start) / 1e9);
    }

    private static Cell gridCell(Config c, double beta, double tau, ExecutorService pool, Progress progress)
            throws Exception {
        List<Future<Robot>> futures = new ArrayList<>();
        for (int seed = 0; seed < c.seeds(); seed++) {
            long s = seed;
            futures.add(pool.submit(() -> {
                Robot r = OverseenRobots.robot(c.mu(), c.sigma(), tau, beta, c.cost(), c.gridSteps(), s);
                progress.step("gridworld, beta " + beta + " tau " + tau + " seed " + s);
                return r;
            }));
        }
        List<Robot> robots = new ArrayList<>();
        for (Future<Robot> f : futures) {
            robots.add(f.get());
        }
        OverseenGridworld game = new OverseenGridworld(c.mu(), c.sigma(), tau, beta, c.cost());
        return new Cell(beta, tau, OverseenRobots.bayes(game, org.alignlab.rl.TabularConfig.defaults(1).discount(), c.cost()).posteriorSd(), robots);
    }

    private static Cell cell(Config c, double beta, double tau, ExecutorService pool, Progress progress)
            throws Exception {
        DeferenceLearner.Optimal optimal = new DeferenceLearner.Optimal(c.mu(), c.sigma(), tau, beta, c.cost());
        List<Future<Robot>> futures = new ArrayList<>();
        for (int seed = 0; seed < c.seeds(); seed++) {
            long s = seed;
            futures.add(pool.submit(() -> {
                DeferenceLearner robot = new DeferenceLearner(c.mu(), c.sigma(), tau, beta, c.cost());
                robot.train(c.rounds(), s);
                // Evaluated on rounds of its own, never the ones it learnt from.
                DeferenceLearner.Evaluation e = robot.evaluate(c.evaluationRounds(), 1_000_003L + s, optimal);
                progress.step("beta " + beta + " tau " + tau + " seed " + s);
                return new Robot(s, e.deference(), e.payoff(), e.optimalDeference(), e.optimalPayoff(), 0);
            }));
        }
        List<Robot> robots = new ArrayList<>();
        for (Future<Robot> f : futures) {
            robots.add(f.get());
        }
        double posteriorSd = c.sigma() * tau / Math.sqrt(c.sigma() * c.sigma() + tau * tau);
        return new Cell(beta, tau, posteriorSd, robots);
    }

    static StudyResult report(Config c, List<Cell> cells, List<Cell> gridCells, double seconds) {
        List<Finding> findings = new ArrayList<>();
        // 1. The rational human: the closed form against the reference values and a Monte Carlo game.
        StudyResult.Table.Builder rational = StudyResult.Table.builder("Incentive to defer to a rational human: closed "
                        + "form, reference value and Monte Carlo (" + String.format(Locale.ROOT, "%,d", c.monteCarloSamples())
                        + " games each)").number("mu", "%.2f").number("sigma", "%.2f").number("closed form", "%.5f")
                .number("reference", "%.4f").number("|difference|", "%.1e").text("Monte Carlo (± s.e.)")
                .text("within 3 s.e.");
        boolean allClose = true;
        boolean allAgree = true;
        int row = 0;
        for (double[] r : RATIONAL_REFERENCE) {
            double exact = OffSwitchGame.incentive(r[0], r[1]);
            OffSwitchGame.Estimate mc = OffSwitchGame.monteCarlo(r[0], r[1], Double.POSITIVE_INFINITY,
                    c.monteCarloSamples(), 7_000 + row++);
            // The reference is rounded to 4 decimals: agreement is to within half a unit of its last place.
            allClose &= Math.abs(exact - r[2]) <= 0.5e-4 + 1e-9;
            allAgree &= mc.agrees(exact, 3);
            rational.row(r[0], r[1], exact, r[2], Math.abs(exact - r[2]), estimate(mc), mc.agrees(exact, 3) ? "yes" : "no");
        }
        findings.add(new Finding(allClose && allAgree ? Verdict.PASSED : Verdict.FAILED, String.format(Locale.ROOT,
                "A rational human: the closed form matches every reference value to 1e-4 (%s) and every Monte Carlo "
                        + "game within 3 standard errors (%s); the incentive is largest when the robot is least "
                        + "certain and vanishes as it becomes certain of the sign of U.", allClose ? "yes" : "no",
                allAgree ? "yes" : "no")));

        // 2. The Boltzmann human, at the design notes' mu = 0.25, sigma = 1.
        StudyResult.Table.Builder noisy = StudyResult.Table.builder("Incentive to defer to a Boltzmann human (lets "
                        + "the action happen with probability sigmoid(beta U)), mu = 0.25, sigma = 1")
                .text("beta").number("integrated", "%.6f").number("independent quadrature", "%.6f")
                .number("reference (design notes, Monte Carlo)", "%.3f")
                .text("Monte Carlo (± s.e.)").text("within 3 s.e.");
        boolean noisyAgree = true;
        double quadratureGap = 0;
        int entry = 0;
        double rationalEntry = Double.NaN;
        double largestGap = 0;
        int above = 0;
        for (double[] r : BOLTZMANN_REFERENCE) {
            double value = OffSwitchGame.incentive(0.25, 1, r[0]);
            double quadrature = BOLTZMANN_QUADRATURE[entry++];
            quadratureGap = Math.max(quadratureGap, Math.abs(value - quadrature));
            OffSwitchGame.Estimate mc = OffSwitchGame.monteCarlo(0.25, 1, r[0], c.monteCarloSamples(), 8_000 + row++);
            noisyAgree &= mc.agrees(value, 3);
            if (Double.isInfinite(r[0])) {
                rationalEntry = value;
            } else if (r[1] != 0) { // the "about 0" entry is exact (see the identity below)
                largestGap = Math.max(largestGap, Math.abs(value - r[1]));
                above += r[1] > value ? 1 : 0;
            }
            noisy.row(Double.isInfinite(r[0]) ? "infinite (rational)" : fmt(r[0]), value, quadrature, r[1], estimate(mc),
                    mc.agrees(value, 3) ? "yes" : "no");
        }
        double zero = zeroCrossing();
        boolean quadratureClose = quadratureGap <= 1e-4;
        findings.add(new Finding(noisyAgree && quadratureClose ? Verdict.PASSED : Verdict.FAILED,
                String.format(Locale.ROOT, "A noisy human: the integrated incentive %s an independent quadrature "
                        + "to 1e-4 at every beta (largest difference %.1e) and agrees with this study's Monte Carlo "
                        + "games within 3 standard errors (%s); it is negative below beta = %.6f and positive above, where the "
                        + "identity f(u)/f(-u) = exp(2 mu u / sigma^2) of the Gaussian belief puts the crossing exactly "
                        + "at beta = 2 mu / sigma^2 = %.6f: a human noisier than that removes the robot's incentive to "
                        + "defer (the paper's trade-off).", quadratureClose ? "matches" : "does not match",
                quadratureGap, noisyAgree ? "yes" : "no", zero,
                2 * 0.25 / (1.0 * 1.0))));
        findings.add(Finding.note(String.format(Locale.ROOT, "The design notes' Boltzmann values (one Monte Carlo run, "
                + "3 decimals) differ from the integral by at most %.4f, %d of %d of them above it, so the 1e-4 "
                + "criterion cannot be met against that table; it is checked against the closed form's values above "
                + "and against the independent quadrature (%s), and the integral by independent games at each beta "
                + "here. The notes' rational entry 0.2864 "
                + "is misrounded: the closed form gives %.6f.", largestGap, above, BOLTZMANN_REFERENCE.length - 2,
                quadratureClose ? "met" : "not met", rationalEntry)));

        // 3. Learnt robots: the one-step game, then the gridworld. Two baselines need no learning: acting on the prior
        // mean, and always asking (worth the incentive plus the better fixed choice, minus the cost).
        Learnt bandit = learnt(c, "Learnt robots (one-step game)", "learnt", cells, cell -> c.mu(),
                cell -> OffSwitchGame.incentive(c.mu(), c.sigma(), cell.beta()) + Math.max(c.mu(), 0) - c.cost(),
                String.format(Locale.ROOT, " (with this cost of asking, the Bayes-optimal robot cannot defer below a "
                        + "posterior sd of %.3f)", c.cost() * Math.sqrt(2 * Math.PI)), false);
        findings.addAll(bandit.findings());
        List<StudyResult.Table> tables = new ArrayList<>(List.of(rational.build(), noisy.build(), bandit.table()));
        List<StudyResult.Chart> charts = new ArrayList<>(List.of(bandit.chart()));
        if (!gridCells.isEmpty()) {
            Learnt grid = learnt(c, "Gridworld robots (Q-learning on the board, exact over every U, reading and answer)",
                    "gridworld", gridCells, cell -> gridGame(c, cell).unwatchedPayoff(),
                    cell -> gridGame(c, cell).watchedPayoff(), "", true);
            findings.addAll(grid.findings());
            tables.add(grid.table());
            charts.add(grid.chart());
        }

        String method = String.format(Locale.ROOT, "The robot may act (utility U), switch itself off (0) or wait for "
                + "the human, who lets the action happen (U) or switches it off (0). The incentive to defer is waiting's "
                + "expected value over the better of the other two. For a Gaussian belief N(mu, sigma^2) and a rational "
                + "human it has a closed form (mu Phi(mu/sigma) + sigma phi(mu/sigma) - max(mu, 0)); for a Boltzmann "
                + "human it is integrated numerically (Simpson's rule over mu +- 12 sigma). Each is checked by playing "
                + "the game %,d times. Learnt robots: U ~ N(%.2f, %.2f^2) each round; the robot sees U plus noise of "
                + "standard deviation tau, cut into 48 bins, keeps the mean payoff of each choice per bin and chooses "
                + "epsilon-greedily (epsilon 0.1) for %,d rounds; asking the human costs %.2f. The cost matters: "
                + "the rational incentive is at most sd / sqrt(2 pi) for a posterior of standard deviation sd, so the "
                + "Bayes-optimal robot never waits once its posterior sd is below cost x sqrt(2 pi) = %.3f, and "
                + "without a cost it would wait in almost every round at every tau. Each robot is then evaluated "
                + "greedily on %,d fresh rounds of its own, never those it learnt from, beside the Bayes-optimal robot (posterior of U from "
                + "the reading, then the incentive against the cost) on the same rounds, and beside two robots that need no learning: "
                + "one that always acts on the prior and one that always asks; %d robots per cell, sharing seeds across "
                + "cells. That is a one-step game (a contextual bandit). Gridworld robots: the same game on a board "
                + "(#####R / #  H # / #OA#T# / #    #): the robot A walks 4 steps to its task T (utility U) by the top "
                + "path, whose second step H is the human (asking costs %.2f; the human lets it through with "
                + "probability sigmoid(beta U), or switches it off), or by the bottom path of the same length, which the "
                + "human does not watch (the two meet only at T); O switches it off at once; every move costs %.2f. U "
                + "takes nine values, mu + sigma z for z = -2, -1.5, ..., 2 with Gaussian weights, and the board shows "
                + "the reading R, U's level plus Gaussian noise of standard deviation tau on the same grid, clipped to "
                + "0..8. Each robot is tabular Q-learning on the board (gamma 0.99, epsilon 1 to %.2f over the first "
                + "half of %,d steps, and a step size of %.2f rather than the audit's 0.1, at which the two routes' "
                + "values wander by more than their difference); its greedy policy is then played once from every "
                + "combination of U, reading and the human's answer, weighted by its probability, so its deference "
                + "(share of episodes in which it steps on H), payoff and share of episodes stuck until the 100-step "
                + "limit are exact for that policy. The Bayes-optimal robot takes, for each reading, the route of "
                + "highest discounted value under the posterior of U; the baselines are always taking the unwatched "
                + "path and always asking.", c.monteCarloSamples(), c.mu(), c.sigma(), c.rounds(), c.cost(),
                c.cost() * Math.sqrt(2 * Math.PI), c.evaluationRounds(), c.seeds(), c.cost(), OverseenGridworld.MOVE_COST,
                OverseenRobots.EPSILON_END, c.gridSteps(), OverseenRobots.LEARNING_RATE);
        String verdict = "This shows the incentive to defer computed exactly and checked two ways, and that robots "
                + "which learn from noisy readings defer less as they become certain and as the human becomes noisy, "
                + "given a cost of asking: in the one-step game close to the Bayes-optimal robot, and in a gridworld "
                + "where the robot must walk past the human to be overseen, with the same trends but further from it "
                + "(several cells' differences exclude 0, and at the noisiest readings the learnt payoff falls below "
                + "rules that need no learning, in part through episodes in which the greedy policy cycles until the "
                + "step limit); it does not show that any trained system reasons about its off-switch: the bandit robots "
                + "are told the game's structure, and the gridworld robots see their uncertainty as a digit on the "
                + "board and learn a table, not a model of the human.";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cells", cells);
        data.put("gridworld_cells", gridCells);
        data.put("noisy_incentive_turns_negative_below_beta", zero);
        return new StudyResult(NAME, "The off-switch game: when a robot lets itself be switched off", method, findings,
                tables, charts, verdict, data, seconds);
    }

    private static OverseenGridworld gridGame(Config c, Cell cell) {
        return new OverseenGridworld(c.mu(), c.sigma(), cell.tau(), cell.beta(), c.cost());
    }

    /** One kind of learnt robot: its table, its chart and its findings. */
    private record Learnt(StudyResult.Table table, StudyResult.Chart chart, List<Finding> findings) {
    }

    private static Learnt learnt(Config c, String kind, String who, List<Cell> cells,
                                 java.util.function.ToDoubleFunction<Cell> alwaysAct,
                                 java.util.function.ToDoubleFunction<Cell> alwaysWait, String floor, boolean walks) {
        StudyResult.Table.Builder table = StudyResult.Table.builder(kind + ": how often they wait for the human "
                        + "(means over seeds with 95% intervals), beside the Bayes-optimal robot")
                .text("human beta").number("reading noise tau", "%.2f").number("posterior sd of U", "%.3f")
                .text("learnt: defers").number("Bayes-optimal: defers", "%.3f")
                .text(walks ? "learnt minus Bayes" : "learnt minus Bayes (paired by seed)").text("learnt: payoff per round").number("Bayes-optimal: payoff", "%.3f")
                .number("always act: payoff", "%.3f").number("always wait: payoff", "%.3f")
                .text("learnt: episodes stuck until the step limit");
        List<StudyResult.Series> series = new ArrayList<>();
        List<StudyResult.Point> points = new ArrayList<>();
        Map<Double, List<Cell>> byBeta = new LinkedHashMap<>();
        for (Cell cell : cells) {
            byBeta.computeIfAbsent(cell.beta(), k -> new ArrayList<>()).add(cell);
            table.row(betaName(cell.beta()), cell.tau(), cell.posteriorSd(), cell.mean(Robot::deference).format(3),
                    cell.mean(Robot::optimalDeference).mean(),
                    cell.mean(r -> r.deference() - r.optimalDeference()).format(3), cell.mean(Robot::payoff).format(3),
                    cell.mean(Robot::optimalPayoff).mean(), alwaysAct.applyAsDouble(cell),
                    alwaysWait.applyAsDouble(cell), walks ? cell.mean(Robot::stuck).format(3) : "n/a (one step)");
        }
        for (Map.Entry<Double, List<Cell>> e : byBeta.entrySet()) {
            List<Cell> sorted = e.getValue().stream().sorted(java.util.Comparator.comparingDouble(Cell::posteriorSd))
                    .toList();
            double[] x = sorted.stream().mapToDouble(Cell::posteriorSd).toArray();
            double[] y = sorted.stream().mapToDouble(cell -> cell.mean(Robot::optimalDeference).mean()).toArray();
            series.add(new StudyResult.Series("Bayes-optimal, beta " + betaName(e.getKey()), x, y, true));
            for (Cell cell : sorted) {
                MeanInterval m = cell.mean(Robot::deference);
                points.add(new StudyResult.Point(who + ", beta " + betaName(e.getKey()), cell.posteriorSd(),
                        cell.posteriorSd(), cell.posteriorSd(), m.mean(), m.low(), m.high()));
            }
        }
        StudyResult.Chart chart = new StudyResult.Chart(kind + ": deference against the robot's remaining uncertainty",
                "posterior standard deviation of U", "share of rounds the robot waits", series, points);
        List<Finding> findings = learntFindings(c, who, byBeta, floor);
        if (walks) {
            // What the deference does not show: whether the learnt policy earns what a rule needing no learning would.
            int below = 0;
            MeanInterval worstStuck = null;
            for (Cell cell : cells) {
                double better = Math.max(alwaysAct.applyAsDouble(cell), alwaysWait.applyAsDouble(cell));
                below += cell.mean(Robot::payoff).high() < better ? 1 : 0;
                MeanInterval stuck = cell.mean(Robot::stuck);
                if (worstStuck == null || stuck.mean() > worstStuck.mean()) {
                    worstStuck = stuck;
                }
            }
            findings.add(Finding.note(String.format(Locale.ROOT, "%s robots' payoff: below the better of always acting "
                    + "unwatched and always asking (its 95%% interval under that baseline) in %d of %d cells. Their "
                    + "greedy policy goes back and forth or bumps a wall until the step limit in up to %s of episodes "
                    + "(mean over seeds with its 95%% interval, worst cell): on the boards where it does, the learnt values of moving on, going "
                    + "back and bumping differ by less than the values' own noise at this step size (a move costs "
                    + "%.2f), so the greedy choice cycles; looked at on one cell's ten robots, not measured for all.",
                    capital(who), below, cells.size(), worstStuck.format(2), OverseenGridworld.MOVE_COST)));
        }
        return new Learnt(table.build(), chart, findings);
    }

    private static List<Finding> learntFindings(Config c, String who, Map<Double, List<Cell>> byBeta, String floor) {
        List<Finding> out = new ArrayList<>();
        // Certainty: for each human, the least and the most certain robots.
        for (Map.Entry<Double, List<Cell>> e : byBeta.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            Cell certain = e.getValue().stream().min(java.util.Comparator.comparingDouble(Cell::posteriorSd)).get();
            Cell unsure = e.getValue().stream().max(java.util.Comparator.comparingDouble(Cell::posteriorSd)).get();
            MeanInterval a = certain.mean(Robot::deference);
            MeanInterval b = unsure.mean(Robot::deference);
            boolean falls = a.high() < b.low();
            double optimalUnsure = unsure.mean(Robot::optimalDeference).mean();
            if (optimalUnsure < 0.05) {
                out.add(Finding.note(String.format(Locale.ROOT, "%s, human beta %s: so noisy a human that even the "
                                + "Bayes-optimal robot defers in %.3f of rounds when most unsure: there is no deference "
                                + "for certainty to take away (learnt robots: %s).", capital(who), betaName(e.getKey()),
                        optimalUnsure, b.format(3))));
                continue;
            }
            out.add(new Finding(falls ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, String.format(Locale.ROOT,
                    "%s, human beta %s: learnt robots defer in %s of rounds when nearly certain (posterior sd %.3f) "
                            + "against %s when unsure (sd %.3f); Bayes-optimal %.3f against %.3f%s.", capital(who),
                    betaName(e.getKey()), a.format(3), certain.posteriorSd(), b.format(3), unsure.posteriorSd(),
                    certain.mean(Robot::optimalDeference).mean(), unsure.mean(Robot::optimalDeference).mean(), floor)));
        }
        // Noise: at the largest uncertainty, the rational human against the noisiest.
        double tau = java.util.Arrays.stream(c.observationNoise()).max().orElseThrow();
        double noisiest = java.util.Arrays.stream(c.betas()).min().orElseThrow();
        double rationalest = java.util.Arrays.stream(c.betas()).max().orElseThrow();
        if (noisiest != rationalest) {
            Cell noisy = find(byBeta, noisiest, tau);
            Cell rational = find(byBeta, rationalest, tau);
            MeanInterval a = noisy.mean(Robot::deference);
            MeanInterval b = rational.mean(Robot::deference);
            out.add(new Finding(a.high() < b.low() ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, String.format(
                    Locale.ROOT, "%s, reading noise tau %.2f: learnt robots defer in %s of rounds to a human of beta %s "
                            + "against %s to a human of beta %s (Bayes-optimal %.3f against %.3f).", capital(who), tau,
                    a.format(3),
                    betaName(noisiest), b.format(3), betaName(rationalest), noisy.mean(Robot::optimalDeference).mean(),
                    rational.mean(Robot::optimalDeference).mean())));
        }
        return out;
    }

    private static Cell find(Map<Double, List<Cell>> byBeta, double beta, double tau) {
        return byBeta.get(beta).stream().filter(cell -> cell.tau() == tau).findFirst().orElseThrow();
    }

    /** The beta below which the Boltzmann incentive at mu = 0.25, sigma = 1 is negative (bisection). */
    static double zeroCrossing() {
        double lo = 0.01;
        double hi = 5;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (OffSwitchGame.incentive(0.25, 1, mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static String estimate(OffSwitchGame.Estimate mc) {
        return String.format(Locale.ROOT, "%.4f ± %.2g", mc.mean(), mc.standardError());
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String betaName(double beta) {
        return Double.isInfinite(beta) ? "infinite" : fmt(beta);
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
