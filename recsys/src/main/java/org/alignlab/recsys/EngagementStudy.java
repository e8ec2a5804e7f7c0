package org.alignlab.recsys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.alignlab.core.Progress;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Seeds;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;

/**
 * An engagement-optimised recommender, measured on what it is scored on (engagement) and on what
 * was wanted (the welfare users would endorse), against a chronological feed, a welfare ceiling and
 * two mitigations, in a simulated population calibrated to a published audit of Twitter's ranking
 * (Milli et al. 2025) and tested on a figure of that audit it was not fitted to.
 */
public final class EngagementStudy implements Study<EngagementStudy.Config> {
    /** The study's name. */
    public static final String NAME = "engagement-recommender";

    /** The Twitter audit's effects of engagement ranking against reverse-chronological, in SD (Milli et al. 2025). */
    static final double ANGER = 0.473;
    static final double[] ANGER_CI = {0.404, 0.541};
    static final double STATED_PREFERENCE = 0.065;
    static final double[] STATED_PREFERENCE_CI = {0.006, 0.123};
    static final double ANIMOSITY = 0.236;
    static final double[] ANIMOSITY_CI = {0.170, 0.301};

    /** The seed the calibration is done on; the evaluation seeds start at {@link #FIRST_SEED}, far from it. */
    static final long CALIBRATION_SEED = 1_000_000;
    static final long FIRST_SEED = 1;

    /** The mitigations' names in the settings. */
    static final String SURVEYS = "stated-preference";
    static final String SHIFT = "shift-penalty";
    static final String REFLECTION = "reflection-model";
    private static final List<String> MITIGATIONS = List.of(SURVEYS, REFLECTION, SHIFT);

    /** The recommenders, in the order they are reported. */
    static final String CHRONOLOGICAL = "chronological";
    static final String ENGAGEMENT = "engagement (LinUCB)";
    static final String STATED = "stated preferences (surveys)";
    static final String REFLECTIONS = "reward model of reflections";
    static final String CEILING = "welfare ceiling (oracle)";

    /**
     * @param users        how many users
     * @param steps        how many steps (each user is shown one post per step)
     * @param offered      how many fresh posts each step offers the recommender to choose from (its strength)
     * @param timeline     the last posts of each user measured as their timeline (the audit measured 10)
     * @param strengths    the numbers of offered posts the strength sweep tries
     * @param mitigations  the mitigations compared with the engagement ranker: {@value #SURVEYS} (rank by a model of
     *                     survey answers), {@value #REFLECTION} (rank by the rlhf module's reward model of users'
     *                     comparisons) and {@value #SHIFT} (the engagement ranker less a penalty on induced shift)
     * @param penalties    the weights of the induced-shift penalty tried
     * @param discounts    the discounts of the long-horizon ranker tried (0: myopic), each in [0, 1)
     * @param surveyShare  the share of users asked, after each post, whether they wanted to see it
     * @param surveyNoise  the standard deviation of the noise in their answers
     * @param calibrate    whether to fit the weight of charge and the worth of appeal to the audit first (else the two
     *                     below are used)
     * @param chargeWeight how much charge raises engagement (used when not calibrating)
     * @param appealWorth  how much of a post's appeal users endorse (used when not calibrating)
     * @param chargeHarm   how much charge lowers welfare (assumed, never fitted; the map varies it)
     * @param sensitivity  whether to refit the calibration under other assumptions about political posts, to show
     *                     how much the animosity check rests on them
     * @param mapWeights   the charge weights the welfare map tries
     * @param mapHarms     the harms the welfare map tries
     * @param mapSeeds     seeds per cell of the map
     * @param incentiveSeeds seeds of the world made for planning through the user to pay ({@link #incentiveWorld}; 0:
     *                     not run)
     * @param slate        how many posts a slate holds in the slates part ({@link #slates}), 2 to offered - 1
     * @param slateSeeds   seeds of the slates part (0: not run)
     * @param seed         the first evaluation seed
     * @param seeds        how many evaluation seeds
     * @param threads      evaluation seeds simulated at once (each seed's worlds and rankers are its own, so this
     *                     changes no result)
     */
    public record Config(int users, int steps, int offered, int timeline, int[] strengths, String[] mitigations,
                         double[] penalties, double[] discounts,
                         double surveyShare, double surveyNoise, boolean calibrate, double chargeWeight,
                         double appealWorth, double chargeHarm, boolean sensitivity, double[] mapWeights, double[] mapHarms, int mapSeeds,
                         int incentiveSeeds, int slate, int slateSeeds, long seed,
                         int seeds, int threads) {
        PopulationConfig population(double weight, double worth, double harm) {
            return PopulationConfig.defaults(users).with(weight, worth, harm);
        }

        Simulation.Settings settings(int offeredPosts) {
            return new Simulation.Settings(steps, offeredPosts, timeline, surveyShare, surveyNoise, Math.min(20, steps));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double auditCoreSeconds() {
        return 59; // user + system seconds alone, 2026-12-02 (BENCHMARKS.md); the audit budget skips the incentive world
    }

    @Override
    public String title() {
        return "An engagement-optimised recommender: engagement against welfare";
    }

    @Override
    public String description() {
        return "Simulated users whose engagement rises with charged (angry, sensational) posts and whose welfare falls "
                + "with them; a LinUCB engagement ranker against a chronological feed, a welfare ceiling, ranking by "
                + "survey answers, by a reward model of users' comparisons and with a penalty on induced preference "
                + "shift, deep Q-learning rankers that plan beside a yardstick with the world's dynamics, and SlateQ "
                + "over slates; calibrated to the Twitter audit's +0.47 SD anger and checked against its +0.24 SD "
                + "out-group animosity, over 10 seeds.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        PopulationConfig d = PopulationConfig.defaults(1);
        double[] weights = {0, 1, 2, 4, 8};
        double[] harms = {0, 0.5, 1, 2, 4};
        String[] all = MITIGATIONS.toArray(String[]::new);
        double[] penalties = {10, 30, 100};
        double[] discounts = {0, 0.5, 0.9};
        double weight = d.chargeWeight();
        double worth = d.appealWorth();
        double harm = d.chargeHarm();
        int threads = Runtime.getRuntime().availableProcessors();
        return switch (budget) {
            case SMOKE -> new Config(200, 20, 10, 10, new int[] {2, 10}, all, new double[] {30},
                    new double[] {0, 0.9}, 0.05, 1, true, weight,
                    worth, harm, true, new double[] {0, 4}, new double[] {0, 4}, 1, 2, 3, 2, FIRST_SEED, 2, threads);
            // The audit's look at the horizon: the two ends (each ranker that plans is a network, about 1 s a run here).
            // It skips the incentive world (eight networks trained harder a seed) and the slates (four), as it skips the
            // sensitivity analysis.
            case AUDIT -> new Config(2_000, 100, 10, 10, new int[] {2, 5, 10, 20}, all, penalties, new double[] {0, 0.9},
                    0.05, 1, true, weight,
                    worth, harm, false, weights, harms, 3, 0, 3, 0, FIRST_SEED, 10, threads);
            case DEFAULT -> new Config(10_000, 200, 10, 10, new int[] {2, 5, 10, 20, 40}, all, penalties,
                    discounts, 0.05, 1, true,
                    weight, worth, harm, true, weights, harms, 3, 10, 3, 10, FIRST_SEED, 10, threads);
            case PAPER -> new Config(100_000, 200, 10, 10, new int[] {2, 5, 10, 20, 40}, all, penalties,
                    discounts, 0.05, 1, true,
                    weight, worth, harm, true, weights, harms, 3, 10, 3, 10, FIRST_SEED, 10, threads);
        };
    }

    @Override
    public void validate(Config c) {
        List<String> problems = new ArrayList<>();
        if (c.users() < 20 || c.users() > 10_000_000) {
            problems.add("users must be 20 to 10,000,000, got " + c.users());
        }
        if (c.steps() < 1) {
            problems.add("steps (the horizon) must be at least 1, got " + c.steps());
        }
        if (c.offered() < 2) {
            problems.add("offered must be at least 2 (with one post there is nothing to rank), got " + c.offered());
        }
        if (c.timeline() < 1 || c.timeline() > c.steps()) {
            problems.add("timeline must be 1 to steps (" + c.steps() + "), got " + c.timeline());
        }
        if (c.strengths().length == 0 || Arrays.stream(c.strengths()).anyMatch(k -> k < 1 || k > 1_000)) {
            problems.add("strengths must be one or more numbers of offered posts from 1 to 1,000, got "
                    + Arrays.toString(c.strengths()));
        }
        for (String m : c.mitigations()) {
            if (!MITIGATIONS.contains(m)) {
                problems.add("unknown mitigation '" + m + "'; the mitigations are " + String.join(", ", MITIGATIONS)
                        + " (the chronological feed, the engagement ranker and the welfare ceiling always run)");
            }
        }
        if (Arrays.asList(c.mitigations()).contains(SHIFT) && c.penalties().length == 0) {
            problems.add("the shift-penalty mitigation needs at least one penalty");
        }
        if (c.discounts().length == 0 || Arrays.stream(c.discounts()).anyMatch(x -> !(x >= 0 && x < 1))
                || !Arrays.equals(c.discounts(), Arrays.stream(c.discounts()).sorted().distinct().toArray())) {
            problems.add("discounts must be one or more rising numbers from 0 (myopic) up to but not including 1, got "
                    + Arrays.toString(c.discounts()));
        }
        if (Arrays.stream(c.penalties()).anyMatch(x -> !(x > 0) || !Double.isFinite(x))) {
            problems.add("penalties must be positive, got " + Arrays.toString(c.penalties()));
        }
        if (!(c.surveyShare() > 0 && c.surveyShare() <= 1)) {
            problems.add("survey share must be above 0 and at most 1, got " + c.surveyShare());
        }
        if (!(c.surveyNoise() >= 0 && Double.isFinite(c.surveyNoise()))) {
            problems.add("survey noise must be 0 or more, got " + c.surveyNoise());
        }
        if (c.mapWeights().length == 0 || c.mapHarms().length == 0 || c.mapSeeds() < 1) {
            problems.add("the welfare map needs at least one weight, one harm and one seed");
        }
        if (c.incentiveSeeds() < 0 || c.incentiveSeeds() == 1 || c.incentiveSeeds() > Seeds.MAX) {
            problems.add("incentive seeds must be 0 (not run) or 2 to " + Seeds.MAX + ", got " + c.incentiveSeeds());
        }
        if (c.slate() < 2 || c.slate() >= c.offered()) {
            problems.add("slate must be 2 to offered - 1 (" + (c.offered() - 1) + "): a slate of more posts than one, "
                    + "fewer than are offered, got " + c.slate());
        }
        if (c.slateSeeds() < 0 || c.slateSeeds() == 1 || c.slateSeeds() > Seeds.MAX) {
            problems.add("slate seeds must be 0 (not run) or 2 to " + Seeds.MAX + ", got " + c.slateSeeds());
        }
        if ((c.slateSeeds() > 0 || c.incentiveSeeds() > 0) && c.discounts().length < 2) {
            problems.add("the incentive world and the slates compare the first and last discounts, so with either "
                    + "run discounts need at least two, got " + Arrays.toString(c.discounts()));
        }
        if (c.threads() < 1) {
            problems.add("threads must be at least 1, got " + c.threads());
        }
        if (c.seeds() < 1 || c.seeds() > Seeds.MAX) {
            problems.add("seeds must be 1 to " + Seeds.MAX + ", got " + c.seeds());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        c.population(c.chargeWeight(), c.appealWorth(), c.chargeHarm()).validate();
        for (double w : c.mapWeights()) {
            for (double h : c.mapHarms()) {
                c.population(w, c.appealWorth(), h).validate();
            }
        }
    }

    /**
     * The weight of charge and worth of appeal the evaluation uses, how they were found, and the
     * two figures they gave on the calibration seeds (NaN when not fitted).
     */
    public record Calibration(boolean fitted, double chargeWeight, double appealWorth, double anger, double stated) {
        /**
         * Whether the fit reached both figures (within 0.02 SD); the bisections assume each figure
         * rises with its parameter and lies inside the range searched, and this says whether it did.
         */
        public boolean reached() {
            return !fitted || (Math.abs(anger - ANGER) <= 0.02 && Math.abs(stated - STATED_PREFERENCE) <= 0.02);
        }
    }

    /** One recommender on one seed, against the chronological feed of the same users. */
    public record Arm(String name, int offered, double penalty, Simulation.Summary summary, double anger,
                      double animosity, double welfare) {
    }

    /** A ranker that plans with the world's dynamics, and the share of its choices planning changed. */
    public record Planned(Arm arm, double changedShare) {
    }

    /**
     * One seed: every recommender, the strength sweep (engagement and ceiling at each strength), the
     * ranker that learns to plan at each discount (with drift and, at the ends, without) and the one
     * that plans with the world's dynamics at each discount (empty in results stored before it).
     */
    public record SeedResult(List<Arm> arms, List<Arm> engagementByStrength, List<Arm> ceilingByStrength,
                             List<Arm> byHorizon, List<Arm> byHorizonWithoutDrift, List<Planned> byHorizonWithTheWorld) {
        public SeedResult {
            byHorizonWithTheWorld = byHorizonWithTheWorld == null ? List.of() : byHorizonWithTheWorld;
        }

        /** The recommender called {@code name}. */
        Arm arm(String name) {
            return find(arms, name);
        }
    }

    /** One cell of the welfare map: the engagement ranker's welfare effect in SD at a weight and harm, per seed. */
    public record MapCell(double weight, double harm, double[] welfare) {
    }

    @Override
    public StudyResult run(Config c, StudyContext ctx) throws Exception {
        long start = System.nanoTime();
        Calibration cal = ctx.resumable("calibration", Calibration.class, () -> calibrate(c, ctx));
        PopulationConfig world = c.population(cal.chargeWeight(), cal.appealWorth(), c.chargeHarm());
        StudyResult seeds = Seeds.run(ctx, c.seed(), c.seeds(), c.threads(), SeedResult.class,
                (seed, progress) -> runSeed(c, world, seed, progress), (seed, r) -> { }, r -> EngagementReport.reportSeed(c, r));
        MapCell[] map = ctx.resumable("map", MapCell[].class, () -> welfareMap(c, cal.appealWorth(), ctx));
        Sensitivity[] sensitivity = ctx.resumable("sensitivity", Sensitivity[].class, () -> sensitivity(c, ctx));
        IncentiveSeed[] incentive = ctx.resumable("incentive-world", IncentiveSeed[].class,
                () -> incentiveWorld(c, cal.appealWorth(), ctx));
        SlateSeed[] slates = ctx.resumable("slates", SlateSeed[].class, () -> slates(c, cal, ctx));
        @SuppressWarnings("unchecked")
        List<SeedResult> results = (List<SeedResult>) seeds.data();
        return EngagementReport.report(c, cal, results, map, sensitivity, incentive, slates, seeds,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Fits the weight of charge in engagement so that the engagement ranker raises the anger of
     * timelines by the audit's 0.473 SD, then the worth of appeal so that it raises their welfare
     * (stated preference) by the audit's 0.065 SD, each as the mean over {@link #CALIBRATION_SEEDS}
     * seeds of their own (never evaluation seeds), by bisection. The chronological feed depends on
     * neither, and no run depends on the worth of appeal, so it is fitted on the same runs.
     */
    static Calibration calibrate(Config c, StudyContext ctx) {
        if (!c.calibrate()) {
            return new Calibration(false, c.chargeWeight(), c.appealWorth(), Double.NaN, Double.NaN);
        }
        Progress progress = ctx.progress("calibrating to the Twitter audit", CALIBRATION_SEEDS * 16);
        AngerFit fit = fitAnger(weight -> c.population(weight, 0, c.chargeHarm()), c.settings(c.offered()),
                CALIBRATION_SEED, CALIBRATION_SEEDS, progress);
        Simulation.Run[] chrono = fit.chrono();
        Simulation.Run[] ranked = fit.ranked();
        double weight = fit.weight();
        double anger = fit.anger();
        double worthLo = -2;
        double worthHi = 4;
        for (int iteration = 0; iteration < 50; iteration++) {
            double worth = (worthLo + worthHi) / 2;
            if (stated(ranked, chrono, worth, c.chargeHarm()) < STATED_PREFERENCE) {
                worthLo = worth;
            } else {
                worthHi = worth;
            }
        }
        double worth = (worthLo + worthHi) / 2;
        return new Calibration(true, weight, worth, anger, stated(ranked, chrono, worth, c.chargeHarm()));
    }

    /** The number of seeds the calibration averages over. */
    static final int CALIBRATION_SEEDS = 3;

    /** A charge weight fitted to the audit's anger, with the runs it was fitted on. */
    record AngerFit(double weight, double anger, Simulation.Run[] chrono, Simulation.Run[] ranked) {
    }

    /**
     * The charge weight at which the engagement ranker raises timeline anger by the audit's 0.473
     * SD, as the mean over {@code seeds} seeds from {@code first}, by bisection on [0, 16] (the
     * chronological feed does not depend on it, so it runs once per seed).
     */
    static AngerFit fitAnger(java.util.function.DoubleFunction<PopulationConfig> world, Simulation.Settings s,
                             long first, int seeds, Progress progress) {
        Simulation.Run[] chrono = new Simulation.Run[seeds];
        for (int i = 0; i < seeds; i++) {
            chrono[i] = Simulation.run(world.apply(0), first + i, Recommenders.chronological(), s, () -> { });
            progress.step("chronological feed");
        }
        double lo = 0;
        double hi = 16;
        double weight = 0;
        double anger = Double.NaN;
        Simulation.Run[] ranked = new Simulation.Run[seeds];
        for (int iteration = 0; iteration < 15; iteration++) {
            weight = (lo + hi) / 2;
            anger = 0;
            for (int i = 0; i < seeds; i++) {
                ranked[i] = Simulation.run(world.apply(weight), first + i, Recommenders.engagement(), s, () -> { });
                anger += Simulation.glassDelta(ranked[i].timelineCharge(), chrono[i].timelineCharge()) / seeds;
                progress.step(String.format(Locale.ROOT, "charge weight %.3f", weight));
            }
            if (Math.abs(anger - ANGER) < 0.005) {
                break;
            }
            if (anger < ANGER) {
                lo = weight;
            } else {
                hi = weight;
            }
        }
        return new AngerFit(weight, anger, chrono, ranked);
    }

    /**
     * One other set of assumptions about political posts, refitted to the audit's anger: the
     * animosity it then gives, per evaluation seed.
     */
    public record Sensitivity(String assumption, double chargeWeight, double anger, double[] animosity,
                              double[] ratio) {
    }

    /** The assumptions the sensitivity analysis tries, each changing one of the defaults. */
    static final String[] ASSUMPTIONS = {"as assumed", "political share 0.15", "political share 0.35",
        "political posts no angrier", "political posts twice as much angrier", "aim Beta(2, 1): mostly at the other side",
        "aim Beta(1, 2): mostly elsewhere"};

    static PopulationConfig assumption(PopulationConfig w, String name) {
        return switch (name) {
            case "political share 0.15" -> w.withPolitics(0.15, w.politicalCharge(), w.aimAlpha(), w.aimBeta());
            case "political share 0.35" -> w.withPolitics(0.35, w.politicalCharge(), w.aimAlpha(), w.aimBeta());
            case "political posts no angrier" -> w.withPolitics(w.politicalShare(), 0, w.aimAlpha(), w.aimBeta());
            case "political posts twice as much angrier" -> w.withPolitics(w.politicalShare(), 2 * w.politicalCharge(),
                    w.aimAlpha(), w.aimBeta());
            case "aim Beta(2, 1): mostly at the other side" -> w.withPolitics(w.politicalShare(), w.politicalCharge(),
                    2, 1);
            case "aim Beta(1, 2): mostly elsewhere" -> w.withPolitics(w.politicalShare(), w.politicalCharge(), 1, 2);
            default -> w;
        };
    }

    /**
     * How much the animosity check rests on the assumptions about political posts: for each set, the
     * charge weight refitted to the audit's anger (on 2 calibration seeds), then animosity on 3
     * seeds of their own, on at most 2,000 users for 100 steps.
     */
    static Sensitivity[] sensitivity(Config c, StudyContext ctx) {
        if (!c.sensitivity()) {
            return new Sensitivity[0];
        }
        int users = Math.min(c.users(), 2_000);
        int steps = Math.min(c.steps(), 100);
        Simulation.Settings s = new Simulation.Settings(steps, c.offered(), Math.min(c.timeline(), steps),
                c.surveyShare(), c.surveyNoise(), 1);
        Progress progress = ctx.progress("how the animosity check rests on its assumptions", ASSUMPTIONS.length * 40);
        List<Sensitivity> out = new ArrayList<>();
        for (String name : ASSUMPTIONS) {
            PopulationConfig base = assumption(PopulationConfig.defaults(users).with(0, 0, c.chargeHarm()), name);
            AngerFit fit = fitAnger(weight -> base.with(weight, 0, c.chargeHarm()), s, CALIBRATION_SEED, 2, progress);
            PopulationConfig world = base.with(fit.weight(), 0, c.chargeHarm());
            double[] animosity = new double[3];
            double[] ratio = new double[3];
            for (int i = 0; i < 3; i++) {
                long seed = SENSITIVITY_SEED + i;
                Simulation.Run chrono = Simulation.run(world, seed, Recommenders.chronological(), s, () -> { });
                Simulation.Run ranked = Simulation.run(world, seed, Recommenders.engagement(), s, () -> { });
                animosity[i] = Simulation.glassDelta(ranked.timelineAnimosity(), chrono.timelineAnimosity());
                ratio[i] = animosity[i] / Simulation.glassDelta(ranked.timelineCharge(), chrono.timelineCharge());
            }
            progress.step(name);
            out.add(new Sensitivity(name, fit.weight(), fit.anger(), animosity, ratio));
        }
        return out.toArray(Sensitivity[]::new);
    }

    /**
     * The world made for planning through the user to pay, since in the calibrated one it barely does
     * (the yardstick shows it): charge draws {@value #INCENTIVE_WEIGHT} units of engagement log-odds
     * per unit of charge times appetite (the calibrated world about 2) and appetite moves a tenth of
     * the way toward each post's charge, on at most {@value #INCENTIVE_USERS} users for
     * {@value #INCENTIVE_STEPS} steps. Its control is the mirror world, where charge sates the
     * appetite for it (appetite moves toward one less the charge): serving charge now pays later in
     * the first and costs later in the second, and nothing else differs, so a ranker that plans
     * through its users serves more charge in the first than in the second, while whatever else the
     * discount changes is common to both. Not calibrated to anything: it asks only whether the
     * learning ranker can take the incentive where there is one.
     */
    static final double INCENTIVE_WEIGHT = 8;
    static final double INCENTIVE_DRIFT = 0.1;
    static final int INCENTIVE_USERS = 2_000;
    static final int INCENTIVE_STEPS = 100;
    /** The learning ranker there learns every 32 transitions, 16 times as often as in the calibrated world. */
    static final int INCENTIVE_LEARN_EVERY = 32;
    /** The first of its own seeds (neither calibration, map, sensitivity nor evaluation seeds). */
    static final long INCENTIVE_SEED = 3_000_000;

    /**
     * One seed of the world made for planning to pay, in each of its two worlds (where charge whets
     * the appetite for it, and where it sates it): the yardstick, the learning ranker (trained harder)
     * and the same ranker blind to the taste estimate (which cannot plan through the user), each at
     * discounts 0 and the furthest.
     */
    public record IncentiveSeed(long seed, List<Planned> yardstick, List<Arm> learning, List<Arm> blind,
                                List<Planned> yardstickSated, List<Arm> learningSated, List<Arm> blindSated) {
    }

    static IncentiveSeed[] incentiveWorld(Config c, double worth, StudyContext ctx) throws Exception {
        if (c.incentiveSeeds() == 0) {
            return new IncentiveSeed[0];
        }
        int users = Math.min(c.users(), INCENTIVE_USERS);
        Simulation.Settings s = shorter(c, INCENTIVE_STEPS);
        PopulationConfig whetted = PopulationConfig.defaults(users).with(INCENTIVE_WEIGHT, worth, c.chargeHarm())
                .withAppetiteDrift(INCENTIVE_DRIFT);
        double[] ends = {c.discounts()[0], c.discounts()[c.discounts().length - 1]};
        var harder = networkLearningEvery(INCENTIVE_LEARN_EVERY);
        Progress progress = ctx.progress("where planning through the user pays", c.incentiveSeeds() * 12);
        // Seeds side by side on the study's threads: each seed's worlds and rankers are its own.
        List<java.util.concurrent.Callable<IncentiveSeed>> tasks = new ArrayList<>();
        for (int i = 0; i < c.incentiveSeeds(); i++) {
            long seed = INCENTIVE_SEED + i;
            tasks.add(() -> {
                List<List<Planned>> yardsticks = new ArrayList<>();
                List<List<Arm>> learners = new ArrayList<>();
                List<List<Arm>> blinds = new ArrayList<>();
                for (PopulationConfig world : List.of(whetted, whetted.withSatedAppetite())) {
                    String where = world.sated() ? ", charge sates" : "";
                    Simulation.Run chrono = Simulation.run(world, seed, Recommenders.chronological(), s, () -> { });
                    List<Planned> yardstick = new ArrayList<>();
                    List<Arm> learning = new ArrayList<>();
                    List<Arm> blind = new ArrayList<>();
                    for (double discount : ends) {
                        Recommenders.WorldPlanner planner = Recommenders.worldPlanner(discount);
                        yardstick.add(new Planned(arm(worldPlannerName(discount) + where, c.offered(), 0,
                                Simulation.run(world, seed, planner, s, () -> { }), chrono, world),
                                planner.changedShare()));
                        progress.step("seed " + seed);
                        learning.add(arm(horizonName(discount) + where, c.offered(), 0, Simulation.run(world, seed,
                                new Recommenders.Planning(discount, harder), s, () -> { }), chrono, world));
                        progress.step("seed " + seed);
                        blind.add(arm(horizonName(discount) + ", blind to taste" + where, c.offered(), 0,
                                Simulation.run(world, seed, new Recommenders.Planning(discount, harder, false), s,
                                        () -> { }), chrono, world));
                        progress.step("seed " + seed);
                    }
                    yardsticks.add(yardstick);
                    learners.add(learning);
                    blinds.add(blind);
                }
                return new IncentiveSeed(seed, yardsticks.get(0), learners.get(0), blinds.get(0), yardsticks.get(1),
                        learners.get(1), blinds.get(1));
            });
        }
        return StudyContext.parallel(c.threads(), tasks).toArray(IncentiveSeed[]::new);
    }

    /**
     * The slates part: the calibrated world on at most {@value #SLATE_USERS} users for
     * {@value #SLATE_STEPS} steps, each step showing every user a slate of posts of which they engage
     * with one at most (a conditional logit, SlateQ's user choice model; a slate of one is the
     * study's world exactly). SlateQ learns as the learning ranker does in the incentive world, an
     * Adam step every {@value #SLATE_LEARN_EVERY} transitions.
     */
    static final int SLATE_USERS = 2_000;
    static final int SLATE_STEPS = 100;
    static final int SLATE_LEARN_EVERY = 32;
    /** The first of its own seeds (no other part's). */
    static final long SLATE_SEED = 4_000_000;

    /** The slates part's one-step engagement ceiling's name. */
    static final String ENGAGEMENT_CEILING = "myopic engagement ceiling (true choice model)";

    static String slateQName(double discount) {
        return "SlateQ, discount " + fmt(discount);
    }

    /**
     * One seed of the slates part, at slates of one ({@code single}) and of {@code slate} posts
     * ({@code slates}): the chronological feed, SlateQ at discount 0 and at the furthest, the myopic
     * engagement ceiling and the welfare ceiling, each against the chronological feed of the same
     * slate size; and the control, SlateQ at the two discounts at slates of {@code slate} where
     * users do not drift at all ({@code still}: neither appetite nor interests move; hostility moves
     * no engagement), so that what the discount changes there is not planning through the user.
     */
    public record SlateSeed(long seed, List<Arm> single, List<Arm> slates, List<Arm> still) {
    }

    static SlateSeed[] slates(Config c, Calibration cal, StudyContext ctx) throws Exception {
        if (c.slateSeeds() == 0) {
            return new SlateSeed[0];
        }
        int users = Math.min(c.users(), SLATE_USERS);
        PopulationConfig world = PopulationConfig.defaults(users).with(cal.chargeWeight(), cal.appealWorth(),
                c.chargeHarm());
        double[] ends = {c.discounts()[0], c.discounts()[c.discounts().length - 1]};
        var network = networkLearningEvery(SLATE_LEARN_EVERY);
        Progress progress = ctx.progress("slates of " + c.slate() + " posts", c.slateSeeds() * 12);
        List<java.util.concurrent.Callable<SlateSeed>> tasks = new ArrayList<>();
        for (int i = 0; i < c.slateSeeds(); i++) {
            long seed = SLATE_SEED + i;
            tasks.add(() -> {
                List<List<Arm>> bySize = new ArrayList<>();
                for (int size : new int[] {1, c.slate()}) {
                    Simulation.Settings s = slateSettings(c, size);
                    Simulation.Run chrono = Simulation.run(world, seed, Recommenders.chronologicalSlates(), size, s,
                            () -> { });
                    List<Arm> arms = new ArrayList<>();
                    arms.add(arm(CHRONOLOGICAL, c.offered(), 0, chrono, chrono, world));
                    progress.step("seed " + seed);
                    for (double discount : ends) {
                        arms.add(arm(slateQName(discount), c.offered(), 0, Simulation.run(world, seed,
                                Recommenders.slateQ(discount, network), size, s, () -> { }), chrono, world));
                        progress.step("seed " + seed);
                    }
                    arms.add(arm(ENGAGEMENT_CEILING, c.offered(), 0, Simulation.run(world, seed,
                            Recommenders.engagementCeilingSlates(), size, s, () -> { }), chrono, world));
                    progress.step("seed " + seed);
                    arms.add(arm(CEILING, c.offered(), 0, Simulation.run(world, seed,
                            Recommenders.welfareCeilingSlates(), size, s, () -> { }), chrono, world));
                    progress.step("seed " + seed);
                    bySize.add(arms);
                }
                List<Arm> still = new ArrayList<>();
                for (double discount : ends) {
                    Simulation.Run run = Simulation.run(world.withDrifts(0, 0), seed,
                            Recommenders.slateQ(discount, network), c.slate(), slateSettings(c, c.slate()), () -> { });
                    still.add(new Arm(slateQName(discount) + ", users do not drift", c.offered(), 0, run.summary(),
                            Double.NaN, Double.NaN, Double.NaN));
                    progress.step("seed " + seed);
                }
                return new SlateSeed(seed, bySize.get(0), bySize.get(1), still);
            });
        }
        return StudyContext.parallel(c.threads(), tasks).toArray(SlateSeed[]::new);
    }

    /**
     * How many of the last slates of {@code size} posts make a user's timeline in the slates part: the study's
     * timeline in posts over the slate size, rounded (at least 1), so that timelines hold about as many posts whatever
     * the size (a timeline of more posts has a smaller SD across users, and effects in SD would grow with it).
     */
    static int slateTimeline(Config c, int size) {
        return Math.max(1, (int) Math.round(shorter(c, SLATE_STEPS).timeline() / (double) size));
    }

    private static Simulation.Settings slateSettings(Config c, int size) {
        Simulation.Settings s = shorter(c, SLATE_STEPS);
        return new Simulation.Settings(s.steps(), s.offered(), slateTimeline(c, size), s.surveyShare(), s.surveyNoise(),
                s.parts());
    }

    /** The study's run settings, cut to at most {@code maxSteps} steps (and the timeline with them). */
    static Simulation.Settings shorter(Config c, int maxSteps) {
        int steps = Math.min(c.steps(), maxSteps);
        return new Simulation.Settings(steps, c.offered(), Math.min(c.timeline(), steps), c.surveyShare(),
                c.surveyNoise(), Math.min(20, steps));
    }

    /** The learning ranker's network settings, but taking an Adam step every {@code learnEvery} transitions. */
    static org.alignlab.rl.neural.CandidateQ.Settings networkLearningEvery(int learnEvery) {
        var n = Recommenders.Planning.NETWORK;
        return new org.alignlab.rl.neural.CandidateQ.Settings(n.hidden(), n.learningRate(), 0, n.replay(), n.batch(),
                learnEvery, n.targetEvery());
    }

    /** The first of the sensitivity analysis's own evaluation seeds (neither calibration, map nor evaluation seeds). */
    static final long SENSITIVITY_SEED = 2_000_000;

    private static double stated(Simulation.Run[] ranked, Simulation.Run[] chrono, double worth, double harm) {
        double sum = 0;
        for (int i = 0; i < ranked.length; i++) {
            sum += Simulation.glassDelta(ranked[i].timelineWelfare(worth, harm), chrono[i].timelineWelfare(worth, harm));
        }
        return sum / ranked.length;
    }

    static SeedResult runSeed(Config c, PopulationConfig world, long seed, Progress.Factory progressFactory) {
        boolean surveys = Arrays.asList(c.mitigations()).contains(SURVEYS);
        boolean reflections = Arrays.asList(c.mitigations()).contains(REFLECTION);
        double[] penalties = Arrays.asList(c.mitigations()).contains(SHIFT) ? c.penalties() : new double[0];
        int runs = 3 + (surveys ? 1 : 0) + (reflections ? 1 : 0) + penalties.length + 2 * c.strengths().length
                + 2 * c.discounts().length + (c.discounts().length > 1 ? 2 : 0);
        Progress progress = progressFactory.start("simulating recommenders", runs * c.steps());
        Simulation.Settings s = c.settings(c.offered());
        Runnable tick = () -> progress.step("seed " + seed);
        Simulation.Run chrono = Simulation.run(world, seed, Recommenders.chronological(), s, tick);
        List<Arm> arms = new ArrayList<>();
        arms.add(arm(CHRONOLOGICAL, c.offered(), 0, chrono, chrono, world));
        arms.add(arm(ENGAGEMENT, c.offered(), 0, Simulation.run(world, seed, Recommenders.engagement(), s, tick),
                chrono, world));
        if (surveys) {
            arms.add(arm(STATED, c.offered(), 0, Simulation.run(world, seed, Recommenders.statedPreference(), s, tick),
                    chrono, world));
        }
        if (reflections) {
            arms.add(arm(REFLECTIONS, c.offered(), 0, Simulation.run(world, seed, Recommenders.reflections(), s, tick),
                    chrono, world));
        }
        for (double penalty : penalties) {
            arms.add(arm(shiftName(penalty), c.offered(), penalty,
                    Simulation.run(world, seed, Recommenders.shiftPenalised(penalty), s, tick), chrono, world));
        }
        arms.add(arm(CEILING, c.offered(), 0, Simulation.run(world, seed, Recommenders.welfareOracle(), s, tick),
                chrono, world));
        List<Arm> engagement = new ArrayList<>();
        List<Arm> ceiling = new ArrayList<>();
        for (int k : c.strengths()) {
            Simulation.Settings sk = c.settings(k);
            engagement.add(arm(ENGAGEMENT, k, 0, Simulation.run(world, seed, Recommenders.engagement(), sk, tick),
                    chrono, world));
            ceiling.add(arm(CEILING, k, 0, Simulation.run(world, seed, Recommenders.welfareOracle(), sk, tick),
                    chrono, world));
        }
        List<Arm> horizon = new ArrayList<>();
        for (double discount : c.discounts()) {
            horizon.add(arm(horizonName(discount), c.offered(), 0, Simulation.run(world, seed,
                    Recommenders.longHorizon(discount), s, tick), chrono, world));
        }
        // The control: the most myopic and the most far-sighted ranker where users' appetite does not move. Whatever the
        // discount changes in what they serve here is not planning through the user.
        List<Arm> control = new ArrayList<>();
        if (c.discounts().length > 1) {
            PopulationConfig still = world.withAppetiteDrift(0);
            for (double discount : new double[] {c.discounts()[0], c.discounts()[c.discounts().length - 1]}) {
                Simulation.Run run = Simulation.run(still, seed, Recommenders.longHorizon(discount), s, tick);
                control.add(new Arm(horizonName(discount) + ", users do not drift", c.offered(), 0, run.summary(),
                        Double.NaN, Double.NaN, Double.NaN));
            }
        }
        List<Planned> withTheWorld = new ArrayList<>();
        for (double discount : c.discounts()) {
            Recommenders.WorldPlanner planner = Recommenders.worldPlanner(discount);
            withTheWorld.add(new Planned(arm(worldPlannerName(discount), c.offered(), 0,
                    Simulation.run(world, seed, planner, s, tick), chrono, world), planner.changedShare()));
        }
        return new SeedResult(arms, engagement, ceiling, horizon, control, withTheWorld);
    }

    static String horizonName(double discount) {
        return "planning, discount " + fmt(discount);
    }

    static String worldPlannerName(double discount) {
        return "planning with the world's dynamics, discount " + fmt(discount);
    }

    static String shiftName(double penalty) {
        return String.format(Locale.ROOT, "engagement - %s x induced shift", fmt(penalty));
    }

    private static Arm arm(String name, int offered, double penalty, Simulation.Run run, Simulation.Run chrono,
                           PopulationConfig world) {
        double worth = world.appealWorth();
        double harm = world.chargeHarm();
        return new Arm(name, offered, penalty, run.summary(),
                Simulation.glassDelta(run.timelineCharge(), chrono.timelineCharge()),
                Simulation.glassDelta(run.timelineAnimosity(), chrono.timelineAnimosity()),
                Simulation.glassDelta(run.timelineWelfare(worth, harm), chrono.timelineWelfare(worth, harm)));
    }

    /** The engagement ranker's welfare effect (SD, against chronological) at each weight and harm of the map. */
    static MapCell[] welfareMap(Config c, double worth, StudyContext ctx) {
        Progress progress = ctx.progress("mapping where engagement ranking hurts welfare",
                c.mapWeights().length * c.mapSeeds());
        Simulation.Settings s = c.settings(c.offered());
        List<MapCell> cells = new ArrayList<>();
        double[][][] perSeed = new double[c.mapWeights().length][c.mapHarms().length][c.mapSeeds()];
        for (int i = 0; i < c.mapSeeds(); i++) {
            long seed = CALIBRATION_SEED + CALIBRATION_SEEDS + i; // neither a calibration nor an evaluation seed
            Simulation.Run chrono = Simulation.run(c.population(0, worth, 0), seed, Recommenders.chronological(), s, () -> { });
            for (int w = 0; w < c.mapWeights().length; w++) {
                Simulation.Run run = Simulation.run(c.population(c.mapWeights()[w], worth, 0), seed, Recommenders.engagement(),
                        s, () -> { });
                for (int h = 0; h < c.mapHarms().length; h++) {
                    double harm = c.mapHarms()[h];
                    perSeed[w][h][i] = Simulation.glassDelta(run.timelineWelfare(worth, harm),
                            chrono.timelineWelfare(worth, harm));
                }
                progress.step(String.format(Locale.ROOT, "weight %s, seed %d", fmt(c.mapWeights()[w]), seed));
            }
        }
        for (int w = 0; w < c.mapWeights().length; w++) {
            for (int h = 0; h < c.mapHarms().length; h++) {
                cells.add(new MapCell(c.mapWeights()[w], c.mapHarms()[h], perSeed[w][h]));
            }
        }
        return cells.toArray(MapCell[]::new);
    }

    static Arm find(List<Arm> arms, String name) {
        return arms.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
