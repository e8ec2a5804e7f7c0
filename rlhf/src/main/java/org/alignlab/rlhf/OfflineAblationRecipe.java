package org.alignlab.rlhf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.core.Progress;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;

/**
 * Online against offline reward models. Online (the loop of Christiano et al. 2017): each round
 * collects segments from the current policy, asks the rater about the pairs the reward-model
 * ensemble disagrees on most (from a pool five times larger), refits the model on every label so
 * far, and re-optimises the policy against it. Offline: the same number of labels, all on the
 * reference (random) policy's segments, one reward model, never updated, optimised as hard.
 * The offline model is judged on states the optimised policy reaches but it never saw labelled.
 */
public final class OfflineAblationRecipe {
    private OfflineAblationRecipe() {
    }

    public record Config(String variant, String rater, int rounds, int labelsPerRound, int segmentLength,
                         double klCoefficient, long ppoSteps, long seed) {
        public static Config defaults() {
            return new Config("boat_race:default", "oracle", 4, 100, 10, 0.01, 30_000, 1);
        }
    }

    /** After a round: labels so far, the model's held-out accuracy, and the policy optimised against it. */
    public record Round(int round, int labels, double heldOutAccuracy, double accuracyOnPolicySegments,
                       PolicyOptimiser.Outcome outcome) {
    }

    public record Result(String variant, List<Round> online, Round offline, double seconds) {
    }

    public static Result run(Config c, PrintStream log, boolean terminal) {
        return run(c, log, terminal, LabelSink.NONE);
    }

    /** As above, handing every label set to {@code sink}. */
    public static Result run(Config c, PrintStream log, boolean terminal, LabelSink sink) {
        long start = System.nanoTime();
        Variant variant = Gridworlds.variant(c.variant());
        int actions = variant.create().actionCount();
        Rater rater = Rater.parse(c.rater());
        SplittableRandom random = new SplittableRandom(c.seed());
        Progress progress = new Progress(log, "offline-ablation", c.rounds() + 1, terminal);
        List<Segment> reference = SegmentSampler.sample(variant, null, 300, c.segmentLength(), 1, c.seed() * 31 + 2);

        List<Round> online = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<Segment> pool = new ArrayList<>(reference);
        RewardModel current = null;
        List<Segment> lastPolicySegments = List.of();
        try {
            for (int round = 0; round < c.rounds(); round++) {
                labels.addAll(ask(rater, pool, current, c.labelsPerRound(), random));
                if (current != null) {
                    current.close();
                }
                current = RewardModel.train(labels, actions, RewardModel.Settings.defaults(c.seed() + round));
                double onPolicy = lastPolicySegments.isEmpty() ? Double.NaN
                        : current.accuracy(randomLabels(rater, lastPolicySegments, 200, random));
                PolicyOptimiser.Trained t = PolicyOptimiser.ppoAndSample(variant, current, c.klCoefficient(), c.ppoSteps(),
                        c.seed(), 60, c.segmentLength());
                // Half of the policy's segments join the pool (the next round asks about what the policy now
                // does); the other half are kept out of it, so the next round's accuracy on the policy's segments is
                // measured on segments no label was drawn from.
                List<Segment> segments = t.segments();
                int half = segments.size() / 2;
                pool.addAll(segments.subList(0, half));
                lastPolicySegments = List.copyOf(segments.subList(half, segments.size()));
                online.add(new Round(round + 1, labels.size(), current.fit().validationAccuracy(), onPolicy, t.outcome()));
                progress.step("online round " + (round + 1));
            }
        } finally {
            if (current != null) {
                current.close();
            }
        }

        sink.labels("offline-ablation/online", labels);
        // Offline: every label on the reference's segments, one model, optimised as hard.
        List<Label> offlineLabels = randomLabels(rater, reference, labels.size(), new SplittableRandom(c.seed() + 99));
        Round offline;
        sink.labels("offline-ablation/offline", offlineLabels);
        try (RewardModel frozen = RewardModel.train(offlineLabels, actions, RewardModel.Settings.defaults(c.seed()))) {
            PolicyOptimiser.Trained t = PolicyOptimiser.ppoAndSample(variant, frozen, c.klCoefficient(), c.ppoSteps(),
                    c.seed(), 60, c.segmentLength());
            double onPolicy = frozen.accuracy(randomLabels(rater, t.segments(), 200, random));
            offline = new Round(0, offlineLabels.size(), frozen.fit().validationAccuracy(), onPolicy, t.outcome());
            progress.step("offline");
        }
        return new Result(c.variant(), online, offline, (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code count} new labels from the pool: before a model exists, random pairs; after, the
     * pairs with the most ensemble disagreement among five times as many random candidates.
     */
    private static List<Label> ask(Rater rater, List<Segment> pool, RewardModel model, int count,
                                   SplittableRandom random) {
        if (model == null) {
            return randomLabels(rater, pool, count, random);
        }
        List<Segment> firsts = new ArrayList<>();
        List<Segment> seconds = new ArrayList<>();
        for (int i = 0; i < 5 * count; i++) {
            firsts.add(pool.get(random.nextInt(pool.size())));
            seconds.add(pool.get(random.nextInt(pool.size())));
        }
        double[] disagreement = model.disagreement(firsts, seconds);
        Integer[] order = new Integer[firsts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -disagreement[i]));
        List<Label> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Segment a = firsts.get(order[k]);
            Segment b = seconds.get(order[k]);
            out.add(new Label(a, b, rater.compare(a, b, random), rater.spec()));
        }
        return out;
    }

    static List<Label> randomLabels(Rater rater, List<Segment> segments, int count, SplittableRandom random) {
        List<Label> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Segment a = segments.get(random.nextInt(segments.size()));
            Segment b = segments.get(random.nextInt(segments.size()));
            out.add(new Label(a, b, rater.compare(a, b, random), rater.spec()));
        }
        return out;
    }

    public static List<String> findings(Result r) {
        Round last = r.online().get(r.online().size() - 1);
        List<String> out = new ArrayList<>();
        out.add(String.format("online, after %d rounds and %d labels: hidden performance %.1f (proxy %.1f, d %.1f); the "
                        + "model ranks the policy's own segments correctly on %.0f%% of pairs", r.online().size(),
                last.labels(), last.outcome().gold(), last.outcome().proxy(), last.outcome().d(),
                100 * last.accuracyOnPolicySegments()));
        out.add(String.format("offline, %d labels all on the reference's segments: hidden performance %.1f (proxy %.1f, "
                        + "d %.1f); the model ranks the optimised policy's segments correctly on %.0f%% of pairs",
                r.offline().labels(), r.offline().outcome().gold(), r.offline().outcome().proxy(),
                r.offline().outcome().d(), 100 * r.offline().accuracyOnPolicySegments()));
        return out;
    }

    public static void print(Result r, java.io.PrintWriter out) {
        out.printf("Offline vs online reward models on %s; %.0f s%n", r.variant(), r.seconds());
        out.println("           labels  held-out acc  acc on policy's segments    d     proxy    hidden   visible");
        for (Round x : r.online()) {
            row(out, "online " + x.round(), x);
        }
        row(out, "offline", r.offline());
        out.println();
        findings(r).forEach(f -> out.println("* " + f));
    }

    private static void row(java.io.PrintWriter out, String name, Round x) {
        out.printf("%-10s %6d  %12.2f  %24.2f  %5.2f  %7.2f  %7.2f  %7.2f%n", name, x.labels(), x.heldOutAccuracy(),
                x.accuracyOnPolicySegments(), x.outcome().d(), x.outcome().proxy(), x.outcome().gold(),
                x.outcome().visible());
    }

    public static Map<String, Object> json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", r.variant());
        m.put("online", r.online());
        m.put("offline", r.offline());
        m.put("findings", findings(r));
        m.put("seconds", r.seconds());
        return m;
    }

    public static String html(Result r) {
        StringBuilder h = new StringBuilder("<section><h2>Offline against online reward models</h2>");
        h.append("<p>On ").append(Charts.esc(r.variant())).append(". <b>Online</b>: each round collects segments from ")
                .append("the current policy, asks the rater about the pairs the ensemble disagrees on most, refits, and ")
                .append("re-optimises. <b>Offline</b>: the same number of labels, all on the reference (random) ")
                .append("policy's segments, one model never updated. <i>Accuracy on the policy's segments</i> is how ")
                .append("often the model orders pairs of the optimised policy's own segments as the rater would: where ")
                .append("an offline model is exploited, it is wrong about exactly the states the policy seeks out.</p><ul>");
        for (String f : findings(r)) {
            h.append("<li>").append(Charts.esc(f)).append("</li>");
        }
        h.append("</ul><table><tr><th class=l></th><th>labels</th><th>held-out accuracy</th>")
                .append("<th>accuracy on the policy's segments</th><th>d</th><th>proxy</th><th>hidden</th><th>visible</th></tr>");
        for (Round x : r.online()) {
            h.append(htmlRow("online, round " + x.round(), x));
        }
        h.append(htmlRow("offline", r.offline()));
        return h.append("</table></section>").toString();
    }

    private static String htmlRow(String name, Round x) {
        return String.format("<tr><td class=l>%s</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
                + "<td>%.2f</td><td>%.2f</td></tr>", Charts.esc(name), x.labels(), x.heldOutAccuracy(),
                x.accuracyOnPolicySegments(), x.outcome().d(), x.outcome().proxy(), x.outcome().gold(),
                x.outcome().visible());
    }
}
