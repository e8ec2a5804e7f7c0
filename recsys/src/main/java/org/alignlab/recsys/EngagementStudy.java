package org.alignlab.recsys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.alignlab.core.MeanInterval;
import org.alignlab.core.Progress;
import org.alignlab.core.Statistics;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Seeds;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Verdict;

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
     *                     survey answers), {@value #REFLECTION} (rank by a Bradley-Terry reward model of users'
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
     * @param seed         the first evaluation seed
     * @param seeds        how many evaluation seeds
     */
    public record Config(int users, int steps, int offered, int timeline, int[] strengths, String[] mitigations,
                         double[] penalties, double[] discounts,
                         double surveyShare, double surveyNoise, boolean calibrate, double chargeWeight,
                         double appealWorth, double chargeHarm, boolean sensitivity, double[] mapWeights, double[] mapHarms, int mapSeeds, long seed,
                         int seeds) {
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
    public String title() {
        return "An engagement-optimised recommender: engagement against welfare";
    }

    @Override
    public String description() {
        return "Simulated users whose engagement rises with charged (angry, sensational) posts and whose welfare falls "
                + "with them; a LinUCB engagement ranker against a chronological feed, a welfare ceiling, ranking by "
                + "survey answers and a penalty on induced preference shift, calibrated to the Twitter audit's +0.47 "
                + "SD anger and checked against its +0.24 SD out-group animosity, over 10 seeds.";
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
        return switch (budget) {
            case SMOKE -> new Config(200, 20, 10, 10, new int[] {2, 10}, all, new double[] {30},
                    new double[] {0, 0.9}, 0.05, 1, true, weight,
                    worth, harm, true, new double[] {0, 4}, new double[] {0, 4}, 1, FIRST_SEED, 2);
            case AUDIT -> new Config(2_000, 100, 10, 10, new int[] {2, 5, 10, 20}, all, penalties, discounts,
                    0.05, 1, true, weight,
                    worth, harm, false, weights, harms, 3, FIRST_SEED, 10);
            case DEFAULT -> new Config(10_000, 200, 10, 10, new int[] {2, 5, 10, 20, 40}, all, penalties,
                    discounts, 0.05, 1, true,
                    weight, worth, harm, true, weights, harms, 3, FIRST_SEED, 10);
            case PAPER -> new Config(100_000, 200, 10, 10, new int[] {2, 5, 10, 20, 40}, all, penalties,
                    discounts, 0.05, 1, true,
                    weight, worth, harm, true, weights, harms, 3, FIRST_SEED, 10);
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
                      double animosity, double outGroup, double welfare) {
    }

    /** One seed: every recommender, the strength sweep (engagement and ceiling at each strength). */
    public record SeedResult(List<Arm> arms, List<Arm> engagementByStrength, List<Arm> ceilingByStrength,
                             List<Arm> byHorizon, List<Arm> byHorizonWithoutDrift) {
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
        StudyResult seeds = Seeds.run(ctx, c.seed(), c.seeds(), SeedResult.class,
                (seed, progress) -> runSeed(c, world, seed, progress), (seed, r) -> { }, r -> reportSeed(c, r));
        MapCell[] map = ctx.resumable("map", MapCell[].class, () -> welfareMap(c, cal.appealWorth(), ctx));
        Sensitivity[] sensitivity = ctx.resumable("sensitivity", Sensitivity[].class, () -> sensitivity(c, ctx));
        @SuppressWarnings("unchecked")
        List<SeedResult> results = (List<SeedResult>) seeds.data();
        return report(c, cal, results, map, sensitivity, seeds, (System.nanoTime() - start) / 1e9);
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

    static StudyResult.Table sensitivityTable(Sensitivity[] rows, List<Finding> findings) {
        StudyResult.Table.Builder t = StudyResult.Table.builder("How much the animosity check rests on the assumptions "
                        + "about political posts: each set refitted to the audit's anger, then measured on 3 seeds of "
                        + "its own (2,000 users, 100 steps at most)").text("assumption").number("charge weight", "%.3f")
                .number("anger on the calibration seeds (SD)", "%+.3f").text("out-group animosity (SD)")
                .text("animosity / anger").number("audit", "%+.3f");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double narrowest = Double.POSITIVE_INFINITY;
        double widest = 0;
        int containAudit = 0;
        for (Sensitivity r : rows) {
            MeanInterval a = Statistics.meanInterval(r.animosity());
            lo = Math.min(lo, a.mean());
            hi = Math.max(hi, a.mean());
            narrowest = Math.min(narrowest, a.halfWidth());
            widest = Math.max(widest, a.halfWidth());
            containAudit += a.low() <= ANIMOSITY && ANIMOSITY <= a.high() ? 1 : 0;
            t.row(r.assumption(), r.chargeWeight(), r.anger(), a.format(3), Statistics.meanInterval(r.ratio()).format(2),
                    ANIMOSITY);
        }
        findings.add(Finding.note(String.format(Locale.ROOT, "How much the animosity check can tell: refitted to the "
                        + "audit's anger under %d sets of assumptions about political posts, animosity's means range "
                        + "from %+.3f to %+.3f SD, with intervals of \u00b1%.2f to \u00b1%.2f at this size, and %d of "
                        + "the %d intervals hold the audit's %+.3f: the check does not tell these assumptions apart, "
                        + "and it says nothing about the rankers.", rows.length, lo, hi, narrowest, widest,
                containAudit, rows.length, ANIMOSITY)));
        return t.build();
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
                + c.discounts().length + (c.discounts().length > 1 ? 2 : 0);
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
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            }
        }
        return new SeedResult(arms, engagement, ceiling, horizon, control);
    }

    /** A recommender's name short enough to label a point. */
    static String shortName(Arm a) {
        return switch (a.name()) {
            case ENGAGEMENT -> "engagement";
            case STATED -> "surveys";
            case REFLECTIONS -> "reflections";
            case CEILING -> "ceiling";
            default -> a.penalty() > 0 ? "shift penalty " + fmt(a.penalty()) : a.name();
        };
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static double last(double[] curve) {
        return curve.length == 0 ? Double.NaN : curve[curve.length - 1];
    }

    static String horizonName(double discount) {
        return "planning, discount " + fmt(discount);
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
                Simulation.glassDelta(run.timelineOutGroup(), chrono.timelineOutGroup()),
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

    /** One seed as a report, for {@link Seeds#combine}: the tables and charts, no findings (decided over seeds). */
    static StudyResult reportSeed(Config c, SeedResult r) {
        Arm chrono = r.arms().get(0);
        Arm ceiling = find(r.arms(), CEILING);
        StudyResult.Table.Builder main = StudyResult.Table.builder("Each recommender against the chronological feed "
                        + "of the same users (differences paired by seed)").text("recommender")
                .number("engagement", "%.4f").number("welfare", "%.3f").number("engagement - chronological", "%+.4f")
                .number("welfare - chronological", "%+.3f").number("welfare - ceiling", "%+.3f")
                .number("timeline anger (SD)", "%+.3f").number("timeline out-group animosity (SD)", "%+.3f")
                .number("timeline welfare (SD)", "%+.3f").number("appetite for charge at end", "%.3f")
                .number("hostility at end", "%.3f").number("interest shift at end", "%.3f");
        List<StudyResult.Point> points = new ArrayList<>();
        for (Arm a : r.arms()) {
            Simulation.Summary m = a.summary();
            main.row(a.name(), m.engagement(), m.welfare(), m.engagement() - chrono.summary().engagement(),
                    m.welfare() - chrono.summary().welfare(), m.welfare() - ceiling.summary().welfare(), a.anger(),
                    a.animosity(), a.welfare(), m.appetite(), m.hostility(), m.interestShift());
            points.add(new StudyResult.Point(shortName(a), m.engagement(), m.engagement(), m.engagement(), m.welfare(),
                    m.welfare(), m.welfare()));
        }
        main.note("engagement: the mean chance of engagement with the posts shown (what the rankers are scored on); "
                + "welfare: relevance to the interests the user endorses, plus the part of appeal they endorse, less "
                + "the harm of charge (what was wanted); both over every step of the run; "
                + "SD columns: the last " + c.timeline() + " posts of each user as their timeline, the difference from "
                + "the same user's chronological timeline averaged over users and divided by the SD across users of "
                + "chronological timelines (Glass's delta, as the Twitter audit measured it); at end: the users' means "
                + "after the last step (chronological: the drift the feed alone causes)");
        StudyResult.Table.Builder strength = StudyResult.Table.builder("Optimisation strength: the engagement ranker "
                        + "and the welfare ceiling choosing from more posts").number("posts offered", "%d")
                .number("engagement ranker: engagement", "%.4f").number("engagement ranker: welfare", "%.3f")
                .number("ceiling: welfare", "%.3f").number("welfare gap to the ceiling", "%.3f")
                .number("engagement ranker: anger (SD)", "%+.3f");
        double[] x = new double[r.engagementByStrength().size()];
        double[] engagementWelfare = new double[x.length];
        double[] ceilingWelfare = new double[x.length];
        double[] engagementEngagement = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            Arm e = r.engagementByStrength().get(i);
            Arm o = r.ceilingByStrength().get(i);
            x[i] = e.offered();
            engagementWelfare[i] = e.summary().welfare();
            ceilingWelfare[i] = o.summary().welfare();
            engagementEngagement[i] = e.summary().engagement();
            strength.row(e.offered(), e.summary().engagement(), e.summary().welfare(), o.summary().welfare(),
                    o.summary().welfare() - e.summary().welfare(), e.anger());
        }
        StudyResult.Table.Builder horizon = StudyResult.Table.builder("Optimisation horizon: a ranker that plans "
                        + "(Q-learning on engagement over the post and the user's taste for charge as the platform "
                        + "sees it), by how much it values the future, and the same rankers where users' appetite "
                        + "does not drift (the control)").text("ranker").number("engagement", "%.4f")
                .number("engagement, last twentieth", "%.4f").number("welfare", "%.3f").number("charge served", "%.4f")
                .number("timeline anger (SD)", "%+.3f").number("appetite for charge at end", "%.4f")
                .number("interest shift at end", "%.3f");
        for (Arm a : concat(r.byHorizon(), r.byHorizonWithoutDrift())) {
            Simulation.Summary m = a.summary();
            horizon.row(a.name(), m.engagement(), last(m.engagementCurve()), m.welfare(), m.charge(), a.anger(),
                    m.appetite(), m.interestShift());
        }
        horizon.note("discount 0 values a post by the engagement it brings now; at 0.9 also by the engagement of the "
                + "next ten steps or so, through the state the post leaves. Unlike the engagement ranker, these learn "
                + "from every post they show, not a random bucket. Without drift, shifting the user is impossible, so "
                + "what the discount still changes there is not planning through the user");
        StudyResult.Chart headline = new StudyResult.Chart("Engagement against welfare",
                "engagement (what the rankers are scored on)", "welfare (what users would endorse)", List.of(), points);
        StudyResult.Chart goodhart = new StudyResult.Chart("Welfare by optimisation strength",
                "posts offered per step (optimisation strength)", "welfare of the posts shown",
                List.of(new StudyResult.Series("engagement ranker", x, engagementWelfare, false),
                        new StudyResult.Series("welfare ceiling", x, ceilingWelfare, false)), List.of());
        List<StudyResult.Series> overTime = new ArrayList<>();
        for (Arm a : r.arms()) {
            double[] curve = a.summary().welfareCurve();
            double[] t = new double[curve.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = (i + 1.0) * c.steps() / curve.length;
            }
            overTime.add(new StudyResult.Series(a.name(), t, curve, false));
        }
        StudyResult.Chart time = new StudyResult.Chart("Welfare over time", "step", "welfare of the posts shown",
                overTime, List.of());
        return new StudyResult(NAME, "", "", List.of(), List.of(main.build(), strength.build(), horizon.build()),
                List.of(headline, goodhart, time), "", r, 0);
    }

    static StudyResult report(Config c, Calibration cal, List<SeedResult> results, MapCell[] map,
                              Sensitivity[] sensitivity, StudyResult seeds, double seconds) {
        List<Finding> findings = new ArrayList<>();
        if (!cal.reached()) {
            findings.add(new Finding(Verdict.FAILED, String.format(Locale.ROOT, "The calibration missed: on its seeds "
                    + "it reached anger %+.3f SD (target %+.3f) and stated preference %+.3f SD (target %+.3f) at the "
                    + "edge of its search; every comparison with the audit below is off.", cal.anger(), ANGER,
                    cal.stated(), STATED_PREFERENCE)));
        }
        // 1. The gap: engagement gained against the share of the attainable welfare gained (the ceiling's gain over the
        // chronological feed, per seed).
        MeanInterval engagementGain = paired(results, ENGAGEMENT, CHRONOLOGICAL, a -> a.summary().engagement());
        MeanInterval welfareVsChrono = paired(results, ENGAGEMENT, CHRONOLOGICAL, a -> a.summary().welfare());
        MeanInterval captured = Statistics.meanInterval(results.stream().mapToDouble(r -> share(r, ENGAGEMENT)).toArray());
        MeanInterval timelineWelfare = over(results, ENGAGEMENT, Arm::welfare);
        findings.add(new Finding(engagementGain.low() > 0 && captured.high() < CAPTURED ? Verdict.REPRODUCED
                : Verdict.NOT_REPRODUCED, String.format(Locale.ROOT, "The engagement ranker raises engagement by %s "
                        + "over the chronological feed, while the welfare of what it shows changes by %s over the run "
                        + "(its learning included; paired by seed): %s of the gain the welfare ceiling shows is "
                        + "attainable (reproduced when under %.0f%%). On the users' final timelines, as the audit "
                        + "measured, its welfare effect is %s SD, fitted to the audit's +%.3f.",
                withSign(engagementGain, 4), withSign(welfareVsChrono, 3), percent(captured), 100 * CAPTURED,
                withSign(timelineWelfare, 3), STATED_PREFERENCE)));
        // 2. The calibration held on seeds it never saw, and the check it was not fitted to.
        MeanInterval anger = over(results, ENGAGEMENT, Arm::anger);
        MeanInterval animosity = over(results, ENGAGEMENT, Arm::animosity);
        MeanInterval ratio = Statistics.meanInterval(results.stream().mapToDouble(r -> find(r.arms(), ENGAGEMENT)
                .animosity() / find(r.arms(), ENGAGEMENT).anger()).toArray());
        boolean overlaps = animosity.high() >= ANIMOSITY_CI[0] && animosity.low() <= ANIMOSITY_CI[1];
        findings.add(Finding.note(String.format(Locale.ROOT, "Calibrated to the audit's +%.3f SD anger (fitted on "
                        + "seeds of their own; %s SD on the evaluation seeds) and +%.3f SD stated preference (%s SD), "
                        + "the simulator gives out-group animosity of %s SD against the audit's +%.3f (95%% CI %.3f to "
                        + "%.3f): %s. A consistency check, not a test of the rankers: animosity is a political post's "
                        + "charge times an aim no ranker sees, so it follows anger at a ratio (here %s; the audit's "
                        + "%.2f) set by the share of political posts, their extra charge and the aim's spread, "
                        + "assumptions chosen before the first run and not tuned. To match the near-zero stated "
                        + "preference, the fit puts the worth of appeal at %.2f: what makes a post engaging apart from "
                        + "its topic and charge is %s on reflection.", ANGER, anger.format(3), STATED_PREFERENCE,
                timelineWelfare.format(3), animosity.format(3), ANIMOSITY, ANIMOSITY_CI[0], ANIMOSITY_CI[1],
                overlaps ? "the intervals overlap" : "the intervals do not overlap", ratio.format(2),
                ANIMOSITY / ANGER, cal.appealWorth(), cal.appealWorth() < 0 ? "slightly unwanted" : "partly wanted")));
        // 3. Induced preference shift: mechanical in this world (users drift toward what they see), so a measurement.
        MeanInterval shift = paired(results, ENGAGEMENT, CHRONOLOGICAL, a -> a.summary().appetite());
        MeanInterval hostility = paired(results, ENGAGEMENT, CHRONOLOGICAL, a -> a.summary().hostility());
        Simulation.Summary chrono = find(results.get(0).arms(), CHRONOLOGICAL).summary();
        findings.add(Finding.note(String.format(Locale.ROOT, "Induced shift, by construction (users drift toward what "
                        + "they are shown): the engagement ranker leaves its users' appetite for charge %s above where "
                        + "the chronological feed leaves the same users (0 to 1; both feeds lower it from the starting "
                        + "%.2f, which is above the average post's charge), their interests %s further from those they "
                        + "endorse, and their hostility toward the other side %s: the audit's readers thought worse of "
                        + "their out-group after the engagement-ranked posts (-0.171 SD), which this simulator does "
                        + "not reproduce.", withSign(shift, 3), chrono.startAppetite(),
                withSign(paired(results, ENGAGEMENT, CHRONOLOGICAL, a -> a.summary().interestShift()), 3),
                withSign(hostility, 4))));
        // 4. Mitigations: what each buys back and at what cost in engagement.
        for (Arm mitigation : results.get(0).arms()) {
            String name = mitigation.name();
            if (name.equals(CHRONOLOGICAL) || name.equals(ENGAGEMENT) || name.equals(CEILING)) {
                continue;
            }
            MeanInterval welfare = paired(results, name, ENGAGEMENT, a -> a.summary().welfare());
            MeanInterval cost = paired(results, name, ENGAGEMENT, a -> a.summary().engagement());
            MeanInterval appetite = paired(results, name, ENGAGEMENT, a -> a.summary().appetite());
            MeanInterval bought = Statistics.meanInterval(results.stream()
                    .mapToDouble(r -> (r.arm(name).summary().welfare() - r.arm(ENGAGEMENT).summary().welfare())
                            / (r.arm(CEILING).summary().welfare() - r.arm(ENGAGEMENT).summary().welfare())).toArray());
            Verdict v = bought.low() >= BOUGHT ? Verdict.PASSED : bought.high() < BOUGHT ? Verdict.FAILED : Verdict.NOTE;
            findings.add(new Finding(v, String.format(Locale.ROOT, "%s against the engagement ranker: welfare %s, "
                            + "%s of its gap to the ceiling bought back (passes at %.0f%% or more), engagement %s, "
                            + "users' appetite for charge at the end %s.%s", name, withSign(welfare, 3),
                    percent(bought), 100 * BOUGHT, withSign(cost, 4), withSign(appetite, 3),
                    name.equals(STATED) || name.equals(REFLECTIONS)
                            ? " Close to built in: welfare is linear in what the platform sees (topic, appeal, charge), "
                            + "so a linear model of users' answers can learn it." : cost.low() > 0
                            ? " Engagement rises too: the linear engagement model is not the best ranker of this world "
                            + "(engagement is logistic in charge times each user's appetite, which it does not see), so "
                            + "part of what the penalty changes is that model's error." : "")));
        }
        // 5. Horizon: does a ranker that plans shift its users more than a myopic one, beyond what the discount changes
        // where users cannot be shifted?
        if (c.discounts().length > 1) {
            int far = c.discounts().length - 1;
            ToDoubleFunction<SeedResult> servedGap = r -> r.byHorizon().get(far).summary().charge()
                    - r.byHorizon().get(0).summary().charge();
            ToDoubleFunction<SeedResult> stillGap = r -> r.byHorizonWithoutDrift().get(1).summary().charge()
                    - r.byHorizonWithoutDrift().get(0).summary().charge();
            MeanInterval appetite = Statistics.meanInterval(results.stream().mapToDouble(r ->
                    r.byHorizon().get(far).summary().appetite() - r.byHorizon().get(0).summary().appetite()).toArray());
            MeanInterval served = Statistics.meanInterval(results.stream().mapToDouble(servedGap).toArray());
            MeanInterval still = Statistics.meanInterval(results.stream().mapToDouble(stillGap).toArray());
            MeanInterval beyond = Statistics.meanInterval(results.stream()
                    .mapToDouble(r -> servedGap.applyAsDouble(r) - stillGap.applyAsDouble(r)).toArray());
            MeanInterval lastPart = Statistics.meanInterval(results.stream().mapToDouble(r ->
                    last(r.byHorizon().get(far).summary().engagementCurve())
                            - last(r.byHorizon().get(0).summary().engagementCurve())).toArray());
            boolean planning = appetite.low() > 0 && beyond.low() > 0;
            findings.add(new Finding(planning ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, String.format(
                    Locale.ROOT, "Horizon: the ranker at discount %s serves charge %s against the same ranker at %s "
                            + "and leaves its users' appetite %s (paired by seed; the engagement ranker leaves it %s "
                            + "above the chronological feed); where users do not drift, the same two differ in charge "
                            + "served by %s, so %s is beyond what the discount changes anyway. Engagement in the last "
                            + "twentieth of the run: %s. %s", fmt(c.discounts()[far]), withSign(served, 4),
                    fmt(c.discounts()[0]), withSign(appetite, 4), withSign(shift, 3), withSign(still, 4),
                    withSign(beyond, 4), withSign(lastPart, 4), planning
                            ? "Planning ahead, it serves more charge because that moves its users, as the "
                            + "hidden-incentive test predicts."
                            : "So the far-sighted ranker does not plan through the user: where users cannot be "
                            + "shifted it changes what it serves as much, because what its choices move is the "
                            + "platform's own estimate of the user's taste, which it values.")));
        }
        // 6. Goodhart: the engagement ranker's own welfare as it chooses from more posts.
        int last = c.strengths().length - 1;
        if (last > 0) {
            MeanInterval change = Statistics.meanInterval(results.stream().mapToDouble(r ->
                    r.engagementByStrength().get(last).summary().welfare()
                            - r.engagementByStrength().get(0).summary().welfare()).toArray());
            int peak = 0;
            for (int i = 1; i <= last; i++) {
                int at = i;
                int best = peak;
                if (results.stream().mapToDouble(r -> r.engagementByStrength().get(at).summary().welfare()).average()
                        .orElse(0) > results.stream().mapToDouble(r -> r.engagementByStrength().get(best).summary()
                        .welfare()).average().orElse(0)) {
                    peak = i;
                }
            }
            findings.add(new Finding(change.high() < 0 ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, String.format(
                    Locale.ROOT, "Goodhart: choosing from %d posts instead of %d, the engagement ranker's engagement "
                            + "rises by %s and the welfare of what it shows changes by %s (paired by seed); its welfare "
                            + "is highest at %d posts, and the ceiling's keeps rising.", c.strengths()[last],
                    c.strengths()[0], withSign(Statistics.meanInterval(results.stream().mapToDouble(r ->
                            r.engagementByStrength().get(last).summary().engagement()
                                    - r.engagementByStrength().get(0).summary().engagement()).toArray()), 4),
                    withSign(change, 3), c.strengths()[peak])));
        }
        StudyResult.Table calibration = StudyResult.Table.builder("Calibration: the two figures fitted and the one "
                        + "checked, beside the Twitter audit (Milli et al. 2025, 806 users, engagement ranking "
                        + "against reverse-chronological)").text("figure").text("role").number("audit", "%+.3f")
                .text("audit 95% CI").text("this simulator, evaluation seeds").row("timeline anger (SD)",
                        cal.fitted() ? String.format(Locale.ROOT, "fitted: charge weight %.3f", cal.chargeWeight())
                                : "not fitted", ANGER, ci(ANGER_CI), anger.format(3))
                .row("stated preference / welfare (SD)", cal.fitted() ? String.format(Locale.ROOT,
                        "fitted: appeal worth %.3f", cal.appealWorth()) : "not fitted", STATED_PREFERENCE,
                        ci(STATED_PREFERENCE_CI), timelineWelfare.format(3))
                .row("out-group animosity (SD)", "checked, not fitted", ANIMOSITY, ci(ANIMOSITY_CI), animosity.format(3))
                .note("the fit is on seeds " + CALIBRATION_SEED + " to " + (CALIBRATION_SEED + CALIBRATION_SEEDS - 1)
                        + " (their mean), the evaluation on seeds " + c.seed() + " to "
                        + (c.seed() + c.seeds() - 1) + "; the audit's effects are its published point estimates and "
                        + "bootstrap intervals (author anger over all tweets; out-group animosity). The audit compared "
                        + "each user's two feeds at one moment; here the same users live two histories, one under "
                        + "each feed, and their survey answers carry no noise")
                .build();
        StudyResult.Table.Builder mapTable = StudyResult.Table.builder("Where engagement ranking does and does not "
                + "hurt welfare: its timeline welfare effect against the chronological feed (SD), by how much charge "
                + "draws engagement (rows) and how much it harms welfare (columns)").text("charge weight \\ harm");
        for (double h : c.mapHarms()) {
            mapTable.text("harm " + fmt(h));
        }
        int hurts = 0;
        int helps = 0;
        List<String> hurtCells = new ArrayList<>();
        for (double w : c.mapWeights()) {
            List<Object> row = new ArrayList<>();
            row.add("weight " + fmt(w));
            for (double h : c.mapHarms()) {
                MapCell cell = Arrays.stream(map).filter(m -> m.weight() == w && m.harm() == h).findFirst().orElseThrow();
                MeanInterval m = Statistics.meanInterval(cell.welfare());
                if (m.high() < 0) {
                    hurts++;
                    hurtCells.add("weight " + fmt(w) + " / harm " + fmt(h));
                }
                helps += m.low() > 0 ? 1 : 0;
                row.add(m.format(3));
            }
            mapTable.row(row.toArray());
        }
        mapTable.note("mean ± half its 95% interval over " + c.mapSeeds() + " seeds of their own, appeal worth "
                + fmt3(cal.appealWorth()) + " as calibrated; the calibrated world sits at weight "
                + fmt3(cal.chargeWeight()) + ", harm " + fmt(c.chargeHarm()) + " (assumed)");
        int cells = c.mapWeights().length * c.mapHarms().length;
        findings.add(Finding.note(String.format(Locale.ROOT, "Where the conclusion turns: across the map's %d settings of "
                        + "how much charge draws engagement and how much it harms welfare, engagement ranking lowers "
                        + "timeline welfare against the chronological feed in %d%s, raises it in %d, and the seeds cannot "
                        + "tell in the other %d. Its sign is set by the assumed harm of charge, which nothing here "
                        + "measures; the worth of appeal is held at its calibrated value, so cells away from the "
                        + "calibrated weight do not match the audit's stated preference.", cells, hurts,
                hurtCells.isEmpty() ? "" : " (" + String.join(", ", hurtCells) + ")", helps, cells - hurts - helps)));
        List<StudyResult.Table> tables = new ArrayList<>(seeds.tables());
        tables.add(0, calibration);
        tables.add(mapTable.build());
        tables.add(hiddenIncentives(findings));
        if (sensitivity.length > 0) {
            tables.add(1, sensitivityTable(sensitivity, findings));
        }
        String method = String.format(Locale.ROOT, "%,d simulated users, each step offered %d fresh posts from whom "
                + "they follow (topics by their interests; political posts 80%% from their own side, as in the audit's "
                + "chronological timelines) and shown one, for %d steps. A user engages with a post with a chance that "
                + "rises with its relevance to their current interests, its appeal and its charge times their "
                + "appetite for charge; what they see moves their appetite, interests and hostility toward it. "
                + "Welfare, what they would endorse, is relevance to the interests they started with plus the part of "
                + "appeal they endorse less the harm of charge (harm %s, assumed). The rankers: the newest post "
                + "(chronological); LinUCB on engagement over what the platform can see (the user's engagement with "
                + "the topic, the post's appeal and charge), learnt from the 5%% of showings it picks at random, "
                + "refitted every %d labels; the same model on the survey answers of %.0f%% of users (welfare + "
                + "noise of SD %s); a linear Bradley-Terry reward model of the same users' comparisons of each post "
                + "with the one before (Boltzmann-rational in welfare, temperature the same noise); the engagement "
                + "model less a penalty on the shift of appetite, interests and "
                + "hostility the post would induce beyond what the user's own feed would (given the true dynamics, "
                + "after Carroll et al. 2022); the post with the highest true welfare (the ceiling); and a ranker that "
                + "plans (Q-learning with linear values over the same features plus the platform's estimate of the "
                + "user's taste for charge, at each discount of the horizon table). The weight "
                + "of charge and the worth of appeal are fitted to the Twitter audit on %d calibration seeds; every "
                + "other number comes from evaluation seeds the fit never saw.", c.users(), c.offered(), c.steps(),
                fmt(c.chargeHarm()), Recommenders.REFIT_EVERY, 100 * c.surveyShare(), fmt(c.surveyNoise()),
                CALIBRATION_SEEDS);
        String verdict = "This shows, in a simulated population fitted to one published audit, how far a ranker "
                + "scored on engagement drifts from the welfare of the people it ranks for, how it shifts them, and "
                + "what the mitigations buy back; it does not show what any real platform does: the users, their "
                + "dynamics and the welfare measure are this project's assumptions, two of them fitted to one audit, "
                + "and the map shows where the conclusion would turn.";
        if (results.size() < 2) {
            // One seed has no interval, so nothing is decided: every verdict becomes a measurement.
            findings = findings.stream().map(f -> f.verdict() == Verdict.NOTE ? f
                    : Finding.note("One seed, no interval, so no verdict: " + f.text())).toList();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("calibration", cal);
        data.put("seeds", results);
        data.put("map", map);
        data.put("sensitivity", sensitivity);
        return new StudyResult(NAME, "An engagement-optimised recommender: engagement against welfare", method + " "
                + seeds.method(), findings, tables, seeds.charts(), verdict, data, seconds);
    }

    /** The discounts the hidden-incentive test tries, and its seeds. */
    static final double[] DISCOUNTS = {0, 0.4, 0.9};
    static final int INCENTIVE_SEEDS = 20;

    /**
     * Krueger et al.'s unit test for hidden incentives, beside the study: which learners gain by
     * changing their own input. The engagement ranker here scores each post by the engagement it
     * brings now, as the myopic learner does.
     */
    static StudyResult.Table hiddenIncentives(List<Finding> findings) {
        StudyResult.Table.Builder t = StudyResult.Table.builder("Hidden incentives (Krueger et al. 2020): Q-learning on "
                        + "the game where cooperating costs 0.5 now and pays 1 at the next step, by changing the input; "
                        + INCENTIVE_SEEDS + " seeds each").number("discount", "%.1f")
                .text("learns to shape its input (cooperates)").text("95% Wilson interval");
        int[] exploited = new int[DISCOUNTS.length];
        for (int i = 0; i < DISCOUNTS.length; i++) {
            for (long seed = 1; seed <= INCENTIVE_SEEDS; seed++) {
                exploited[i] += HiddenIncentive.train(DISCOUNTS[i], -0.5, 20_000, 0.1, 0.1, seed).exploits() ? 1 : 0;
            }
            var p = org.alignlab.core.ProportionInterval.wilson(exploited[i], INCENTIVE_SEEDS);
            t.row(DISCOUNTS[i], exploited[i] + " of " + INCENTIVE_SEEDS, String.format(Locale.ROOT, "%.2f to %.2f",
                    p.low(), p.high()));
        }
        t.note("break-even discount 0.5: below it cooperating never pays; the myopic learner (discount 0) is what the "
                + "engagement ranker is");
        boolean separates = exploited[0] == 0 && exploited[DISCOUNTS.length - 1] == INCENTIVE_SEEDS;
        findings.add(new Finding(separates ? Verdict.PASSED : Verdict.FAILED, String.format(Locale.ROOT,
                "The hidden-incentive unit test tells the learners apart: a myopic learner shapes its own input on %d "
                        + "of %d seeds, one with discount 0.9 on %d of %d. The engagement and survey rankers score "
                        + "posts by what they bring now, like the myopic learner, so the shift they cause is a side "
                        + "effect of what they serve, not sought; the ranker that plans has the incentive (the horizon "
                        + "table measures what it does with it).", exploited[0],
                INCENTIVE_SEEDS, exploited[DISCOUNTS.length - 1], INCENTIVE_SEEDS)));
        return t.build();
    }

    /**
     * Below this share of the welfare the ceiling gains over the chronological feed, the engagement
     * ranker's gain in engagement came without the welfare that was attainable: the failure.
     */
    static final double CAPTURED = 0.25;
    /** A mitigation passes when it buys back at least this share of the engagement ranker's gap to the ceiling. */
    static final double BOUGHT = 0.10;

    /** The share of the ceiling's welfare gain over the chronological feed that {@code arm} gains, on one seed. */
    static double share(SeedResult r, String arm) {
        double base = r.arm(CHRONOLOGICAL).summary().welfare();
        return (r.arm(arm).summary().welfare() - base) / (r.arm(CEILING).summary().welfare() - base);
    }

    private static String percent(MeanInterval m) {
        return String.format(Locale.ROOT, "%.1f%% \u00b1 %.1f%%", 100 * m.mean(), 100 * m.halfWidth());
    }

    /** The mean over seeds of {@code arm}'s value minus {@code base}'s, paired by seed. */
    static MeanInterval paired(List<SeedResult> results, String arm, String base, ToDoubleFunction<Arm> value) {
        return Statistics.meanInterval(results.stream().mapToDouble(r -> value.applyAsDouble(find(r.arms(), arm))
                - value.applyAsDouble(find(r.arms(), base))).toArray());
    }

    private static MeanInterval over(List<SeedResult> results, String arm, ToDoubleFunction<Arm> value) {
        return Statistics.meanInterval(results.stream().mapToDouble(r -> value.applyAsDouble(find(r.arms(), arm)))
                .toArray());
    }

    private static Arm find(List<Arm> arms, String name) {
        return arms.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static String withSign(MeanInterval m, int decimals) {
        return (m.mean() >= 0 ? "+" : "") + m.format(decimals);
    }

    private static String ci(double[] ci) {
        return String.format(Locale.ROOT, "%+.3f to %+.3f", ci[0], ci[1]);
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    private static String fmt3(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }
}
