package org.alignlab.rlhf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.Progress;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;

/**
 * The over-optimisation recipe: reward models are fitted to an honest oracle's comparisons of
 * segments from the reference (uniform random) policy, at several capacities and numbers of
 * comparisons; each is then optimised against, by best-of-n selection over the reference's
 * episodes and by PPO with a KL penalty of decreasing weight; the proxy score (the reward model)
 * and the gold score (the hidden performance) are recorded against d = sqrt(KL), and the
 * functional forms of Gao, Schulman and Hilton (2022) are fitted to the gold curves.
 */
public final class OveroptimisationRecipe {
    private OveroptimisationRecipe() {
    }

    /** Settings; {@link #defaults()} fits in a few minutes on two cores. */
    public record Config(String variant, int[] hiddenUnits, int[] comparisons, int segmentLength, int episodes,
                         int[] bestOfN, double[] klCoefficients, long ppoSteps, long seed) {
        public static Config defaults() {
            return new Config("boat_race:default", new int[] {8, 64}, new int[] {100, 300, 1000}, 10, 2000,
                    new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512}, new double[] {10, 3, 1, 0.3, 0.1, 0.01}, 30_000, 1);
        }
    }

    /** One point of a curve: optimisation strength and the two scores. */
    public record Point(double n, double d, double proxy, double gold) {
    }

    /** One reward model's curves and fits. */
    public record ModelResult(int hidden, int comparisons, RewardModel.Fit fit, double goldCorrelation, List<Point> bestOfN,
                              OverOptimisation.Fit bestOfNFit, OverOptimisation.Fit smallNFit, double predictedAtLargest,
                              double measuredAtLargest, List<Point> rl, OverOptimisation.Fit rlFit) {
    }

    public record Result(String variant, double referenceGold, List<ModelResult> models, double seconds) {
    }

    public static Result run(Config c, PrintStream log, boolean terminal) {
        return run(c, log, terminal, LabelSink.NONE);
    }

    /** As above, handing every label set to {@code sink}. */
    public static Result run(Config c, PrintStream log, boolean terminal, LabelSink sink) {
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
        Progress progress = new Progress(log, "overoptimisation", configs * (2 + c.klCoefficients().length), terminal);
        List<ModelResult> models = new ArrayList<>();
        for (int hidden : c.hiddenUnits()) {
            for (int comparisons : c.comparisons()) {
                List<Label> labels = oracleLabels(pieces, comparisons, new SplittableRandom(c.seed() + comparisons));
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
        return new Result(c.variant(), referenceGold, models, (System.nanoTime() - start) / 1e9);
    }

    /** {@code count} oracle comparisons of random pairs of segments. */
    static List<Label> oracleLabels(List<Segment> segments, int count, SplittableRandom random) {
        Rater oracle = Rater.oracle();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Segment a = segments.get(random.nextInt(segments.size()));
            Segment b = segments.get(random.nextInt(segments.size()));
            labels.add(new Label(a, b, oracle.compare(a, b, random), oracle.spec()));
        }
        return labels;
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
    private static OverOptimisation.Fit fitGold(OverOptimisation.Form form, List<Point> points, int maxN,
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

    public static void print(Result r, java.io.PrintWriter out) {
        out.printf("Over-optimisation on %s (reference: uniform random policy, mean gold %.2f); %.0f s%n", r.variant(),
                r.referenceGold(), r.seconds());
        for (ModelResult m : r.models()) {
            out.printf("%nreward model: %d hidden units x 3 members, %d oracle comparisons; held-out accuracy %.2f; "
                    + "rank correlation with the hidden performance over the reference's episodes %.2f%n",
                    m.hidden(), m.comparisons(), m.fit().validationAccuracy(), m.goldCorrelation());
            out.println("  best-of-n:   n      d     proxy    gold");
            for (Point p : m.bestOfN()) {
                out.printf("            %4.0f  %5.2f  %7.2f  %7.2f%n", p.n(), p.d(), p.proxy(), p.gold());
            }
            out.println("  " + describe("best-of-n fit, gold gain = d (alpha - beta d)", m.bestOfNFit()));
            if (m.smallNFit() != null) {
                out.printf("  fitted on n <= 16, predicted gold at the largest n: %.2f; measured %.2f%n",
                        m.predictedAtLargest(), m.measuredAtLargest());
            }
            out.println("  PPO:     KL coef    d     proxy    gold");
            for (Point p : m.rl()) {
                out.printf("            %6.3f  %5.2f  %7.2f  %7.2f%n", p.n(), p.d(), p.proxy(), p.gold());
            }
            out.println("  " + describe("RL fit, gold gain = d (alpha - beta ln d)", m.rlFit()));
        }
        out.println();
        findings(r).forEach(f -> out.println("* " + f));
    }

    static String describe(String what, OverOptimisation.Fit f) {
        return f == null ? what + ": too few points to fit" : String.format("%s: alpha %.3f, beta %.3f, R^2 %.3f, "
                + "RMSE %.3f (%d points)", what, f.alpha(), f.beta(), f.rSquared(), f.rmse(), f.points());
    }

    /** Records every curve in the results store (table rlhf_points). */
    public static void record(Result r, Config c, java.nio.file.Path storeFile) throws java.sql.SQLException {
        String provenance;
        String config;
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            provenance = json.writeValueAsString(org.alignlab.core.Provenance.now());
            config = json.writeValueAsString(c);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (org.alignlab.core.ResultsStore store = org.alignlab.core.ResultsStore.open(storeFile)) {
            for (ModelResult m : r.models()) {
                String model = "rm" + m.hidden() + "x" + m.comparisons();
                store.recordCurve("overoptimization", model + "/best-of-n", points(m.bestOfN()), config, provenance);
                store.recordCurve("overoptimization", model + "/ppo", points(m.rl()), config, provenance);
            }
        }
    }

    private static List<org.alignlab.core.ResultsStore.CurvePoint> points(List<Point> ps) {
        return ps.stream().map(p -> new org.alignlab.core.ResultsStore.CurvePoint(p.n(), p.d(), p.proxy(), p.gold()))
                .toList();
    }

    public static java.util.Map<String, Object> json(Result r) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("variant", r.variant());
        m.put("reference_gold", r.referenceGold());
        m.put("models", r.models());
        m.put("seconds", r.seconds());
        return m;
    }

    public static String html(Result r) {
        StringBuilder h = new StringBuilder("<section><h2>Reward-model over-optimisation</h2>");
        h.append("<p>Reward models are fitted to an honest oracle's comparisons of 10-step segments of the reference ")
                .append("policy (uniform random) on ").append(Charts.esc(r.variant()))
                .append(", then optimised against: by <b>best-of-n</b> over the reference's episodes (KL of drawing n without replacement from the pool, computed exactly) ")
                .append("and by <b>PPO</b> on the learnt reward with a KL penalty to the reference of decreasing weight. ")
                .append("<i>Proxy</i> is the reward model's score (standardised units); <i>gold</i> is the hidden ")
                .append(String.format("performance (the reference scores %.2f). d = sqrt(KL). ", r.referenceGold()))
                .append("Fits: gold gain = d (alpha - beta d) for best-of-n, d (alpha - beta ln d) for RL (Gao, Schulman ")
                .append("and Hilton 2022); beta &gt; 0 means gold turns down as optimisation grows.</p>");
        List<Charts.Line> bonGold = new ArrayList<>();
        List<Charts.Line> bonProxy = new ArrayList<>();
        List<Charts.Line> rlGold = new ArrayList<>();
        List<Charts.Line> rlProxy = new ArrayList<>();
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
        h.append("<div style=\"display:flex;flex-wrap:wrap;gap:8px\">")
                .append(Charts.lines("Best-of-n: gold (dashed: fit)", "d = sqrt(KL)", "gold", bonGold))
                .append(Charts.lines("Best-of-n: proxy", "d = sqrt(KL)", "proxy", bonProxy))
                .append(Charts.lines("PPO with KL penalty: gold", "d = sqrt(KL)", "gold", rlGold))
                .append(Charts.lines("PPO with KL penalty: proxy", "d = sqrt(KL)", "proxy", rlProxy))
                .append("</div>");
        h.append("<ul>");
        for (String f : findings(r)) {
            h.append("<li>").append(Charts.esc(f)).append("</li>");
        }
        h.append("</ul>");
        h.append("<table><tr><th>hidden units</th><th>comparisons</th><th>held-out accuracy</th>")
                .append("<th>rank correlation with gold</th>")
                .append("<th class=l>best-of-n fit</th><th>predicted from n &le; 16 at the largest n</th><th>measured</th>")
                .append("<th class=l>RL fit</th><th>gold at the strongest PPO</th></tr>");
        for (ModelResult m : r.models()) {
            Point strongest = m.rl().get(m.rl().size() - 1);
            h.append(String.format("<tr><td>%d</td><td>%d</td><td>%.2f</td><td>%.2f</td><td class=l>%s</td><td>%.2f</td>"
                            + "<td>%.2f</td><td class=l>%s</td><td>%.2f</td></tr>", m.hidden(), m.comparisons(),
                    m.fit().validationAccuracy(), m.goldCorrelation(), Charts.esc(fitText(m.bestOfNFit())), m.predictedAtLargest(),
                    m.measuredAtLargest(), Charts.esc(fitText(m.rlFit())), strongest.gold()));
        }
        h.append("</table></section>");
        return h.toString();
    }

    private static Charts.Line line(String name, List<Point> points, boolean gold) {
        List<Point> byD = points.stream().sorted(java.util.Comparator.comparingDouble(Point::d)).toList();
        return new Charts.Line(name, byD.stream().mapToDouble(Point::d).toArray(),
                byD.stream().mapToDouble(p -> gold ? p.gold() : p.proxy()).toArray(), false);
    }

    /** What the curves show, per reward model, in words. */
    public static List<String> findings(Result r) {
        List<String> out = new ArrayList<>();
        for (ModelResult m : r.models()) {
            Point best = m.rl().stream().max(java.util.Comparator.comparingDouble(Point::proxy)).orElseThrow();
            Point peak = m.rl().stream().max(java.util.Comparator.comparingDouble(Point::gold)).orElseThrow();
            boolean overoptimised = best.gold() < r.referenceGold() || peak.gold() - best.gold() > 5;
            out.add(String.format("%d units, %d comparisons (held-out accuracy %.2f): at the highest proxy PPO reached "
                            + "(%.1f, d %.1f) gold is %.1f against the reference's %.1f%s", m.hidden(), m.comparisons(),
                    m.fit().validationAccuracy(), best.proxy(), best.d(), best.gold(), r.referenceGold(),
                    overoptimised ? String.format(": over-optimised (gold peaked at %.1f, d %.1f)", peak.gold(), peak.d())
                            : ": no over-optimisation within this range"));
        }
        return out;
    }

    private static Charts.Line fitted(String name, List<Point> points, OverOptimisation.Fit fit, double reference) {
        double max = points.stream().mapToDouble(Point::d).max().orElse(1);
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = max * i / (x.length - 1);
            y[i] = fit.predict(x[i]) + reference;
        }
        return new Charts.Line(name + " fit", x, y, true);
    }

    private static String fitText(OverOptimisation.Fit f) {
        return f == null ? "too few points" : String.format("alpha %.2f, beta %.2f, R\u00b2 %.2f", f.alpha(), f.beta(),
                f.rSquared());
    }
}
