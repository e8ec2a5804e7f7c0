package org.alignlab.rlhf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.Progress;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Seeds;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Chart;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Series;
import org.alignlab.core.study.StudyResult.Table;
import org.alignlab.core.study.StudyResult.Verdict;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.neural.PpoConfig;

/**
 * The over-optimisation recipe: reward models are fitted to an honest oracle's comparisons of
 * segments from the reference (uniform random) policy, at several capacities and numbers of
 * comparisons; each is then optimised against, by best-of-n selection over the reference's
 * episodes and by PPO with a KL penalty of decreasing weight; the proxy score (the reward model)
 * and the gold score (the hidden performance) are recorded against d = sqrt(KL), and the
 * functional forms of Gao, Schulman and Hilton (2022) are fitted to the gold curves.
 */
public final class OveroptimisationRecipe implements Study<OveroptimisationRecipe.Config> {
    /** Settings; the default budget fits in a few minutes on two cores. */
    public record Config(String variant, int[] hiddenUnits, int[] comparisons, int segmentLength, int episodes,
                         int[] bestOfN, double[] klCoefficients, long ppoSteps, long ceilingSteps, long seed,
                         int seeds) {
        public static Config defaults() {
            return new OveroptimisationRecipe().config(Budget.DEFAULT);
        }

        Config withSeed(long s) {
            return new Config(variant, hiddenUnits, comparisons, segmentLength, episodes, bestOfN, klCoefficients,
                    ppoSteps, ceilingSteps, s, 1);
        }
    }

    @Override
    public String name() {
        return "rlhf-overoptimization";
    }

    @Override
    public double auditCoreSeconds() {
        return 32; // user + system seconds alone, 2026-12-07 (BENCHMARKS.md)
    }

    @Override
    public String title() {
        return "Reward-model over-optimisation";
    }

    @Override
    public String description() {
        return "Proxy (reward model) and gold (hidden performance) scores against d = sqrt(KL) for best-of-n and for PPO "
                + "with a KL penalty, across reward-model capacity and number of comparisons, with the fits of Gao, "
                + "Schulman and Hilton (2022) and a prediction from small n checked at the largest n.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        double[] kl = {10, 3, 1, 0.3, 0.1, 0.01};
        return switch (budget) {
            case SMOKE -> new Config("boat_race:default", new int[] {8}, new int[] {40}, 10, 200,
                    new int[] {1, 2, 4, 8, 16}, new double[] {1, 0.01}, 2_000, 2_000, 1, 2);
            case AUDIT -> new Config("boat_race:default", new int[] {8}, new int[] {300}, 10, 1000,
                    new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256}, new double[] {3, 0.3, 0.03}, 15_000,
                    TrueObjective.AUDIT_STEPS, 1, 3);
            case DEFAULT -> new Config("boat_race:default", new int[] {8, 64}, new int[] {100, 300, 1000}, 10, 2000,
                    new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512}, kl, 30_000, TrueObjective.STEPS, 1, 3);
            case PAPER -> new Config("boat_race:default", new int[] {8, 64, 256}, new int[] {100, 300, 1000, 3000}, 10,
                    5000, new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048},
                    new double[] {10, 3, 1, 0.3, 0.1, 0.03, 0.01, 0.003}, 100_000, TrueObjective.PAPER_STEPS, 1, 10);
        };
    }

    @Override
    public void validate(Config c) {
        Gridworlds.variant(c.variant());
        if (c.ppoSteps() < 1 || c.episodes() < 2 || c.hiddenUnits().length == 0 || c.comparisons().length == 0
                || c.klCoefficients().length == 0 || c.bestOfN().length == 0) {
            throw new IllegalArgumentException("ppoSteps must be at least 1, episodes at least 2, and hiddenUnits, "
                    + "comparisons, bestOfN and klCoefficients must each name at least one value");
        }
        if (c.segmentLength() < 1 || java.util.Arrays.stream(c.comparisons()).anyMatch(n -> n < 4)
                || java.util.Arrays.stream(c.hiddenUnits()).anyMatch(n -> n < 1)
                || java.util.Arrays.stream(c.bestOfN()).anyMatch(n -> n < 1)
                || java.util.Arrays.stream(c.klCoefficients()).anyMatch(k -> !(k >= 0))) {
            throw new IllegalArgumentException("segmentLength and every hiddenUnits and bestOfN value must be at least 1, "
                    + "every comparisons value at least 4, every klCoefficients value at least 0");
        }
        if (c.ceilingSteps() < 1) {
            throw new IllegalArgumentException("ceilingSteps must be at least 1, got " + c.ceilingSteps());
        }
        Seeds.check(c.seeds());
    }

    @Override
    public StudyResult run(Config c, StudyContext ctx) throws Exception {
        StudyResult combined = Seeds.run(ctx, c.seed(), c.seeds(), Result.class,
                (seed, progress) -> run(c.withSeed(seed), progress, RlhfStore.labels(ctx).forSeed(seed)), (seed, r) -> {
                    for (ModelResult m : r.models()) {
                        String model = "rm" + m.hidden() + "x" + m.comparisons() + "/seed-" + seed;
                        RlhfStore.curve(ctx, "overoptimization", model + "/best-of-n", points(m.bestOfN()));
                        RlhfStore.curve(ctx, "overoptimization", model + "/ppo", points(m.rl()));
                    }
                }, OveroptimisationRecipe::report);
        @SuppressWarnings("unchecked")
        List<Result> seeds = (List<Result>) combined.data();
        return TrueObjective.overSeeds(combined, seeds.stream().map(Result::referenceGold).toList(),
                seeds.stream().map(Result::ceiling).toList(), seeds.stream().map(Result::bestLearntGold).toList(),
                c.ceilingSteps());
    }

    /** One point of a curve: optimisation strength and the two scores. */
    public record Point(double n, double d, double proxy, double gold) {
    }

    /** One reward model's curves and fits. */
    public record ModelResult(int hidden, int comparisons, RewardModel.Fit fit, double goldCorrelation, List<Point> bestOfN,
                              OverOptimisation.Fit bestOfNFit, OverOptimisation.Fit smallNFit, double predictedAtLargest,
                              double measuredAtLargest, List<Point> rl, OverOptimisation.Fit rlFit) {
    }

    /** One seed's curves, with the true-objective ceiling ({@link TrueObjective}). */
    public record Result(String variant, long seed, double referenceGold, List<ModelResult> models, long ceilingSteps,
                         TrueObjective.Ceiling ceiling, double seconds) {
        /** The best gold any optimisation against a learnt reward reached (PPO or best-of-n). */
        double bestLearntGold() {
            return models.stream().flatMap(m -> java.util.stream.Stream.concat(m.rl().stream(), m.bestOfN().stream()))
                    .mapToDouble(Point::gold).max().orElse(Double.NaN);
        }
    }

    public static Result run(Config c, Progress.Factory progress) {
        return run(c, progress, LabelSink.NONE);
    }

    /** As above, handing every label set to {@code sink}. */
    public static Result run(Config c, Progress.Factory progressTo, LabelSink sink) {
        long start = System.nanoTime();
        Variant variant = Gridworlds.variant(c.variant());
        int actions = variant.create().actionCount();
        // The reference's episodes (whole, as one segment each) and short segments to compare.
        List<Segment> episodes = SegmentSampler.sample(variant, null, c.episodes(), Gridworld.MAX_STEPS, 1,
                c.seed() * 31 + 1);
        List<Segment> pieces = SegmentSampler.sample(variant, null, Math.max(1, c.episodes() / 4), c.segmentLength(), 1,
                c.seed() * 31 + 2);
        double referenceGold = episodes.stream().mapToDouble(Segment::hiddenReturn).average().orElse(0);
        int configs = c.hiddenUnits().length * c.comparisons().length;
        Progress progress = progressTo.start("overoptimisation", configs * (2 + c.klCoefficients().length) + 1);
        List<ModelResult> models = new ArrayList<>();
        for (int hidden : c.hiddenUnits()) {
            for (int comparisons : c.comparisons()) {
                List<Label> labels = Rater.oracle().labelRandomPairs(pieces, comparisons,
                        new SplittableRandom(c.seed() + comparisons));
                RewardModel.Settings s = new RewardModel.Settings(3, hidden, 60, 32, 3e-3f, 1e-4, 0.1, c.seed());
                sink.labels("overoptimization/rm" + hidden + "x" + comparisons, labels);
                try (RewardModel rm = RewardModel.train(labels, actions, s)) {
                    progress.step("reward model " + hidden + " units, " + comparisons + " comparisons");
                    double[] proxy = rm.standardisedReturn(episodes);
                    double[] gold = episodes.stream().mapToDouble(Segment::hiddenReturn).toArray();
                    List<Point> bon = bestOfN(proxy, gold, c.bestOfN(), referenceGold);
                    OverOptimisation.Fit bonFit = fitGold(OverOptimisation.Form.BEST_OF_N, bon, Integer.MAX_VALUE, referenceGold);
                    int smallest = Math.min(16, c.bestOfN()[c.bestOfN().length - 1]);
                    OverOptimisation.Fit smallFit = fitGold(OverOptimisation.Form.BEST_OF_N, bon, smallest, referenceGold);
                    Point largest = bon.get(bon.size() - 1);
                    progress.step("best-of-n");
                    List<Point> rl = new ArrayList<>();
                    for (double beta : c.klCoefficients()) {
                        PolicyOptimiser.Outcome o = PolicyOptimiser.ppo(variant, rm, beta, c.ppoSteps(), c.seed());
                        rl.add(new Point(o.strength(), o.d(), o.proxy(), o.gold()));
                        progress.step("PPO, KL coefficient " + beta);
                    }
                    // How well the model's episode scores track the true objective (Spearman, over the reference's episodes).
                    double correlation = org.alignlab.core.Statistics.spearman(proxy, gold);
                    models.add(new ModelResult(hidden, comparisons, rm.fit(), correlation, bon, bonFit, smallFit,
                            smallFit == null ? Double.NaN : smallFit.predict(largest.d()) + referenceGold, largest.gold(),
                            rl, fitGold(OverOptimisation.Form.RL, rl, Integer.MAX_VALUE, referenceGold)));
                }
            }
        }
        TrueObjective.Ceiling ceiling = TrueObjective.train(variant, c.ceilingSteps(), c.seed());
        progress.step("PPO on the true objective (the ceiling)");
        return new Result(c.variant(), c.seed(), referenceGold, models, c.ceilingSteps(), ceiling,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Expected proxy and gold of best-of-n over the pool, exactly for sampling n of the pool's
     * episodes without replacement: the episode ranked j-th by proxy is the best of n with
     * probability C(j-1, n-1) / C(N, n).
     */
    static List<Point> bestOfN(double[] proxy, double[] gold, int[] ns, double referenceGold) {
        int total = proxy.length;
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(proxy[a], proxy[b]));
        List<Point> out = new ArrayList<>();
        for (int n : ns) {
            if (n > total) {
                break;
            }
            double p = 0;
            double g = 0;
            for (int j = n; j <= total; j++) {
                // log C(j-1, n-1) - log C(N, n)
                double w = Math.exp(org.alignlab.core.Statistics.logChoose(j - 1, n - 1)
                        - org.alignlab.core.Statistics.logChoose(total, n));
                p += w * proxy[order[j - 1]];
                g += w * gold[order[j - 1]];
            }
            // d from the KL of the sampling actually done: without replacement from this pool.
            out.add(new Point(n, Math.sqrt(OverOptimisation.bestOfNKlWithoutReplacement(n, total)), p, g));
        }
        return out;
    }

    /** Fits the gold gain over the reference (gold - reference gold) against d, on points with n at most {@code maxN}. */
    static OverOptimisation.Fit fitGold(OverOptimisation.Form form, List<Point> points, int maxN,
                                                double referenceGold) {
        List<Point> used = points.stream().filter(p -> p.n() <= maxN).toList();
        double[] d = new double[used.size()];
        double[] g = new double[used.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = used.get(i).d();
            g[i] = used.get(i).gold() - referenceGold;
        }
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i]) || !Double.isFinite(g[i])) {
                // A divergence, never to be reported as "too few points".
                throw new IllegalStateException("the " + form.name().toLowerCase(java.util.Locale.ROOT) + " curve "
                        + "diverged: point " + i + " is (" + d[i] + ", " + g[i] + "); nothing was fitted");
            }
        }
        try {
            return OverOptimisation.fit(form, d, g);
        } catch (IllegalArgumentException e) {
            return null; // too few points (all finite, checked above): the report says so
        }
    }

    private static List<RlhfStore.CurvePoint> points(List<Point> ps) {
        return ps.stream().map(p -> new RlhfStore.CurvePoint(p.n(), p.d(), p.proxy(), p.gold()))
                .toList();
    }

    /** The result in the report layer's terms: the four curves, the table of fits, and the findings. */
    static StudyResult report(Result r) {
        List<Series> bonGold = new ArrayList<>();
        List<Series> bonProxy = new ArrayList<>();
        List<Series> rlGold = new ArrayList<>();
        List<Series> rlProxy = new ArrayList<>();
        for (ModelResult m : r.models()) {
            String name = m.hidden() + " units, " + m.comparisons();
            bonGold.add(line(name, m.bestOfN(), true));
            if (m.bestOfNFit() != null) {
                bonGold.add(fitted(name, m.bestOfN(), m.bestOfNFit(), r.referenceGold()));
            }
            bonProxy.add(line(name, m.bestOfN(), false));
            rlGold.add(line(name, m.rl(), true));
            rlProxy.add(line(name, m.rl(), false));
        }
        List<Chart> charts = List.of(new Chart("Best-of-n: gold (dashed: fit)", "d = sqrt(KL)", "gold", bonGold),
                new Chart("Best-of-n: proxy", "d = sqrt(KL)", "proxy", bonProxy),
                new Chart("PPO with KL penalty: gold", "d = sqrt(KL)", "gold", rlGold),
                new Chart("PPO with KL penalty: proxy", "d = sqrt(KL)", "proxy", rlProxy));
        Table.Builder fits = Table.builder("Reward models, their fits, and gold at the strongest optimisation")
                .number("hidden units", "%d").number("comparisons", "%d").number("held-out accuracy", "%.2f")
                .number("rank correlation with gold", "%.2f").text("best-of-n fit")
                .number("predicted from n <= 16 at the largest n", "%.2f").number("measured", "%.2f").text("RL fit")
                .number("gold at the strongest PPO", "%.2f").number("reference gold (uniform random)", "%.2f");
        Table.Builder points = Table.builder("Every point").text("reward model").text("optimiser")
                .number("n or KL coefficient", "%.3g").number("d", "%.2f").number("proxy", "%.2f").number("gold", "%.2f");
        for (ModelResult m : r.models()) {
            Point strongest = m.rl().get(m.rl().size() - 1);
            fits.row(m.hidden(), m.comparisons(), m.fit().validationAccuracy(), m.goldCorrelation(),
                    fitText(m.bestOfNFit()), m.predictedAtLargest(), m.measuredAtLargest(), fitText(m.rlFit()),
                    strongest.gold(), r.referenceGold());
            String model = m.hidden() + " units, " + m.comparisons();
            m.bestOfN().forEach(p -> points.row(model, "best-of-n", p.n(), p.d(), p.proxy(), p.gold()));
            m.rl().forEach(p -> points.row(model, "PPO", p.n(), p.d(), p.proxy(), p.gold()));
        }
        String method = "Reward models are fitted to an honest oracle's comparisons of 10-step segments of the reference "
                + "policy (uniform random) on " + r.variant() + ", then optimised against: by best-of-n over the "
                + "reference's episodes (KL of drawing n without replacement from the pool, computed exactly) and by PPO "
                + "on the learnt reward with a KL penalty to the reference of decreasing weight. Proxy is the reward "
                + "model's score (standardised units); gold is the hidden performance (the reference scores "
                + String.format("%.2f", r.referenceGold()) + "). d = sqrt(KL). Fits: gold gain = d (alpha - beta d) for "
                + "best-of-n, d (alpha - beta ln d) for RL (Gao, Schulman and Hilton 2022); beta > 0 means gold turns "
                + "down as optimisation grows. " + TrueObjective.method(r.ceilingSteps());
        List<Finding> findings = new ArrayList<>();
        for (ModelResult m : r.models()) {
            Point best = m.rl().stream().max(java.util.Comparator.comparingDouble(Point::proxy)).orElseThrow();
            Point peak = m.rl().stream().max(java.util.Comparator.comparingDouble(Point::gold)).orElseThrow();
            boolean overoptimised = best.gold() < r.referenceGold() || peak.gold() - best.gold() > 5;
            findings.add(new Finding(overoptimised ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, String.format(
                    "%d units, %d comparisons (held-out accuracy %.2f): at the highest proxy PPO reached (%.1f, d %.1f) "
                            + "gold is %.1f against the reference's %.1f%s", m.hidden(), m.comparisons(),
                    m.fit().validationAccuracy(), best.proxy(), best.d(), best.gold(), r.referenceGold(),
                    overoptimised ? String.format(": over-optimised (gold peaked at %.1f, d %.1f)", peak.gold(), peak.d())
                            : ": no over-optimisation within this range")));
        }
        String verdict = "This shows how the true objective moves as optimisation against a learnt reward grows, for "
                + "each reward model, on one environment; a fitted form here is not evidence that the published scaling "
                + "laws hold beyond this range or for language models.";
        findings.add(TrueObjective.finding(r.referenceGold(), r.ceiling(), r.bestLearntGold(), r.ceilingSteps()));
        return new StudyResult("rlhf-overoptimization", "Reward-model over-optimisation", method, findings,
                List.of(fits.build(), TrueObjective.table(r.referenceGold(), r.ceiling(), r.bestLearntGold(),
                        r.ceilingSteps()), points.build()), charts, verdict, r, r.seconds());
    }

    private static Series line(String name, List<Point> points, boolean gold) {
        // In the order of the settings (n, or the KL coefficients from strongest penalty to weakest), the same on every
        // seed, so that seeds can be averaged point by point; d grows along it.
        return new Series(name, points.stream().mapToDouble(Point::d).toArray(),
                points.stream().mapToDouble(p -> gold ? p.gold() : p.proxy()).toArray(), false);
    }

    private static Series fitted(String name, List<Point> points, OverOptimisation.Fit fit, double reference) {
        double max = points.stream().mapToDouble(Point::d).max().orElse(1);
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = max * i / (x.length - 1);
            y[i] = fit.predict(x[i]) + reference;
        }
        return new Series(name + " fit", x, y, true);
    }

    private static String fitText(OverOptimisation.Fit f) {
        return f == null ? "too few points" : String.format("alpha %.2f, beta %.2f, R\u00b2 %.2f", f.alpha(), f.beta(),
                f.rSquared());
    }
}
