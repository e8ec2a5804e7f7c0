package org.alignlab.rlhf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.core.Progress;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.neural.RewardSignal;

/**
 * Whose preferences? Two rater populations with different values compare the same segments;
 * their labels are aggregated by different rules and each group's welfare under the resulting
 * policy is measured (n/a for a group no policy served better than the uniform one). Group values are rater specs (by default one group values what the
 * observations show, the other the hidden outcome); a
 * group's welfare is its own value of the policy's episodes, normalised so that the uniform
 * policy scores 0 and the best policy found for that group scores 1.
 *
 * <p>Rules: <b>pooled</b> (one reward model on everyone's labels), <b>mean</b> (the mean of the
 * groups' standardised reward models), <b>max-min</b> (of policies trained on mixtures of the
 * groups' models, the one whose worst-off group fares best), and <b>lock-in</b> (one group's
 * model deployed for everyone).
 */
public final class PluralismRecipe {
    private PluralismRecipe() {
    }

    public record Config(String variant, String[] groups, int comparisonsPerGroup, int segmentLength, double[] mixtures,
                         double klCoefficient, long ppoSteps, long seed) {
        public static Config defaults() {
            return new Config("tomato_watering:default", new String[] {"observed", "oracle"},
                    500, 10, new double[] {0, 0.25, 0.5, 0.75, 1}, 0.01, 30_000, 1);
        }
    }

    /** A policy and each group's welfare under it. */
    public record Policy(String rule, double[] values, double[] welfare) {
        /** The worst-off group's welfare (groups no policy could help, n/a, left out). */
        double worst() {
            double w = Double.POSITIVE_INFINITY;
            for (double x : welfare) {
                if (!Double.isNaN(x)) {
                    w = Math.min(w, x);
                }
            }
            return w == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : w;
        }
    }

    public record Result(String variant, String[] groups, double[] randomValues, List<Policy> policies, double seconds) {
    }

    public static Result run(Config c, PrintStream log, boolean terminal) {
        return run(c, log, terminal, LabelSink.NONE);
    }

    /** As above, handing every label set to {@code sink}. */
    public static Result run(Config c, PrintStream log, boolean terminal, LabelSink sink) {
        long start = System.nanoTime();
        Variant variant = Gridworlds.variant(c.variant());
        int actions = variant.create().actionCount();
        int g = c.groups().length;
        if (g < 2) {
            throw new IllegalArgumentException("pluralism needs at least two rater populations, got " + g);
        }
        Rater[] raters = new Rater[g];
        for (int i = 0; i < g; i++) {
            raters[i] = Rater.parse(c.groups()[i]);
        }
        List<Segment> pieces = SegmentSampler.sample(variant, null, 400, c.segmentLength(), 1, c.seed() * 31 + 2);
        List<Segment> reference = SegmentSampler.sample(variant, null, 50, Gridworld.MAX_STEPS, 1, c.seed() + 3);
        double[] randomValues = values(raters, reference);
        Progress progress = new Progress(log, "pluralism", g + 2 + c.mixtures().length, terminal);

        // The same pairs shown to every group, each answering by its own values.
        SplittableRandom pairs = new SplittableRandom(c.seed() + 5);
        List<Segment[]> shown = new ArrayList<>();
        for (int i = 0; i < c.comparisonsPerGroup(); i++) {
            shown.add(new Segment[] {pieces.get(pairs.nextInt(pieces.size())), pieces.get(pairs.nextInt(pieces.size()))});
        }
        List<List<Label>> byGroup = new ArrayList<>();
        List<Label> pooled = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            SplittableRandom noise = new SplittableRandom(c.seed() * 100 + k);
            List<Label> labels = new ArrayList<>();
            for (Segment[] p : shown) {
                labels.add(new Label(p[0], p[1], raters[k].compare(p[0], p[1], noise), raters[k].spec()));
            }
            byGroup.add(labels);
            pooled.addAll(labels);
        }
        List<RewardModel> models = new ArrayList<>();
        List<Policy> policies = new ArrayList<>();
        try {
            for (int k = 0; k < g; k++) {
                sink.labels("pluralism/group" + (k + 1), byGroup.get(k));
                models.add(RewardModel.train(byGroup.get(k), actions, RewardModel.Settings.defaults(c.seed() + k)));
                progress.step("reward model of group " + (k + 1));
            }
            try (RewardModel pooledModel = RewardModel.train(pooled, actions, RewardModel.Settings.defaults(c.seed()))) {
                policies.add(evaluate("pooled labels", variant, pooledModel.stepReward(), c, raters));
                progress.step("pooled");
            }
            double[] equal = new double[g];
            java.util.Arrays.fill(equal, 1.0 / g);
            policies.add(evaluate("mean of the groups' models", variant, mixture(models, equal), c, raters));
            progress.step("mean");
            // Two groups: mixtures w of group 1 and 1 - w of group 2 (w = 1 and w = 0 are each group's lock-in).
            for (double w : c.mixtures()) {
                double[] weights = new double[g];
                weights[0] = w;
                for (int k = 1; k < g; k++) {
                    weights[k] = (1 - w) / (g - 1);
                }
                String rule = w == 1 ? "lock-in: group 1's model for all" : w == 0 ? "lock-in: group 2's model for all"
                        : String.format("mixture %.2f / %.2f", w, 1 - w);
                policies.add(evaluate(rule, variant, mixture(models, weights), c, raters));
                progress.step(rule);
            }
        } finally {
            models.forEach(RewardModel::close);
        }
        // Welfare: each group's value, 0 at the uniform policy and 1 at the best policy found for that group.
        for (int k = 0; k < g; k++) {
            double best = Double.NEGATIVE_INFINITY;
            for (Policy p : policies) {
                best = Math.max(best, p.values()[k]);
            }
            for (Policy p : policies) {
                double span = best - randomValues[k];
                // No policy did better for this group than the uniform one: its welfare is not defined (n/a).
                p.welfare()[k] = span <= 0 ? Double.NaN : (p.values()[k] - randomValues[k]) / span;
            }
        }
        return new Result(c.variant(), c.groups(), randomValues, policies, (System.nanoTime() - start) / 1e9);
    }

    /** The policy whose worst-off group fares best, among the mixtures (the egalitarian rule). */
    public static Policy maxMin(Result r) {
        return r.policies().stream().filter(p -> p.rule().startsWith("mixture") || p.rule().startsWith("lock-in"))
                .max(java.util.Comparator.comparingDouble(Policy::worst)).orElseThrow();
    }

    private static RewardSignal.StepReward mixture(List<RewardModel> models, double[] weights) {
        List<RewardSignal.StepReward> parts = models.stream().map(RewardModel::stepReward).toList();
        return (observations, actions, n, out) -> {
            float[] part = new float[n];
            java.util.Arrays.fill(out, 0, n, 0f);
            for (int k = 0; k < parts.size(); k++) {
                if (weights[k] == 0) {
                    continue;
                }
                parts.get(k).rewards(observations, actions, n, part);
                for (int i = 0; i < n; i++) {
                    out[i] += (float) (weights[k] * part[i]);
                }
            }
        };
    }

    private static Policy evaluate(String rule, Variant variant, RewardSignal.StepReward reward, Config c, Rater[] raters) {
        PolicyOptimiser.Trained t = PolicyOptimiser.ppoAndSample(variant, reward, null, c.klCoefficient(), c.ppoSteps(),
                c.seed(), 30, Gridworld.MAX_STEPS, 0);
        return new Policy(rule, values(raters, t.segments()), new double[raters.length]);
    }

    /** Each group's mean value of the episodes (what its raters would score them, before noise). */
    private static double[] values(Rater[] raters, List<Segment> episodes) {
        double[] out = new double[raters.length];
        for (int k = 0; k < raters.length; k++) {
            for (Segment s : episodes) {
                out[k] += raters[k].value(s) / episodes.size();
            }
        }
        return out;
    }

    public static void print(Result r, java.io.PrintWriter out) {
        out.printf("Pluralism on %s; groups: %s; %.0f s%n", r.variant(), String.join(" | ", r.groups()), r.seconds());
        out.printf("%-36s %s%n", "rule", "welfare per group (0: uniform policy, 1: best found for the group)");
        for (Policy p : r.policies()) {
            StringBuilder sb = new StringBuilder();
            for (double w : p.welfare()) {
                sb.append(Double.isNaN(w) ? "    n/a" : String.format("%7.2f", w));
            }
            out.printf("%-36s %s   worst-off %.2f%n", p.rule(), sb, p.worst());
        }
        out.printf("max-min (egalitarian) choice: %s%n", maxMin(r).rule());
    }

    public static Map<String, Object> json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", r.variant());
        m.put("groups", r.groups());
        m.put("random_values", r.randomValues());
        m.put("policies", r.policies());
        m.put("max_min", maxMin(r).rule());
        m.put("seconds", r.seconds());
        return m;
    }

    public static String html(Result r) {
        StringBuilder h = new StringBuilder("<section><h2>Pluralism: whose preferences?</h2>");
        h.append("<p>On ").append(Charts.esc(r.variant())).append(", rater populations with different values (")
                .append(Charts.esc(String.join("; ", r.groups()))).append(") compare the same pairs of segments. Each ")
                .append("aggregation rule yields a policy; a group's <i>welfare</i> is its own value of that policy's ")
                .append("episodes, 0 at the uniform policy and 1 at the best policy found for that group. ")
                .append("<b>Lock-in</b> rows deploy one group's model for everyone. The max-min (egalitarian) choice ")
                .append("among the mixtures is <b>").append(Charts.esc(maxMin(r).rule())).append("</b>.</p>")
                .append("<table><tr><th class=l>rule</th>");
        for (int k = 0; k < r.groups().length; k++) {
            h.append("<th>welfare, group ").append(k + 1).append("</th>");
        }
        h.append("<th>worst-off</th></tr>");
        for (Policy p : r.policies()) {
            h.append("<tr><td class=l>").append(Charts.esc(p.rule())).append("</td>");
            for (double w : p.welfare()) {
                h.append(Double.isNaN(w) ? "<td>n/a</td>" : String.format("<td>%.2f</td>", w));
            }
            h.append(String.format("<td>%.2f</td></tr>", p.worst()));
        }
        return h.append("</table></section>").toString();
    }
}
