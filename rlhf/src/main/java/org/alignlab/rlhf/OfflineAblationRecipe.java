package org.alignlab.rlhf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.Progress;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Seeds;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Table;
import org.alignlab.core.study.StudyResult.Verdict;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.neural.PpoConfig;

/**
 * Online against offline reward models. Online (the loop of Christiano et al. 2017): each round
 * collects segments from the current policy, asks the rater about the pairs the reward-model
 * ensemble disagrees on most (from a pool five times larger), refits the model on every label so
 * far, and re-optimises the policy against it. Offline: the same number of labels, all on the
 * reference (random) policy's segments, one reward model, never updated, optimised as hard.
 * The offline model is judged on states the optimised policy reaches but it never saw labelled.
 */
public final class OfflineAblationRecipe implements Study<OfflineAblationRecipe.Config> {
    public record Config(String variant, String rater, int rounds, int labelsPerRound, int segmentLength,
                         double klCoefficient, long ppoSteps, long ceilingSteps, long seed, int seeds) {
        public static Config defaults() {
            return new OfflineAblationRecipe().config(Budget.DEFAULT);
        }

        Config withSeed(long s) {
            return new Config(variant, rater, rounds, labelsPerRound, segmentLength, klCoefficient, ppoSteps, ceilingSteps,
                    s, 1);
        }
    }

    @Override
    public String name() {
        return "rlhf-offline-ablation";
    }

    @Override
    public double auditCoreSeconds() {
        return 40; // user + system seconds alone, 2026-12-07 (BENCHMARKS.md)
    }

    @Override
    public String title() {
        return "Offline against online reward models";
    }

    @Override
    public String description() {
        return "Online reward learning (rounds of: collect from the current policy, ask about the pairs the ensemble "
                + "disagrees on, refit, re-optimise) against an offline reward model fitted once on the reference "
                + "policy's segments with as many labels.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        return switch (budget) {
            case SMOKE -> new Config("boat_race:default", "oracle", 2, 20, 10, 0.01, 2_000, 2_000, 1, 2);
            // 10,000 PPO steps a round for the audit's ten minutes (46 s alone, 2026-12-02): its findings are
            // measurements, which the default budget makes at 30,000.
            case AUDIT -> new Config("boat_race:default", "oracle", 3, 80, 10, 0.01, 10_000, TrueObjective.AUDIT_STEPS,
                    1, 3);
            case DEFAULT -> new Config("boat_race:default", "oracle", 4, 100, 10, 0.01, 30_000, TrueObjective.STEPS,
                    1, 3);
            case PAPER -> new Config("boat_race:default", "oracle", 8, 200, 10, 0.01, 100_000,
                    TrueObjective.PAPER_STEPS, 1, 10);
        };
    }

    @Override
    public void validate(Config c) {
        Gridworlds.variant(c.variant());
        Rater.parse(c.rater());
        if (c.rounds() < 1 || c.labelsPerRound() < 4 || c.ppoSteps() < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, labelsPerRound at least 4, ppoSteps at least 1");
        }
        if (c.segmentLength() < 1 || !(c.klCoefficient() >= 0)) {
            throw new IllegalArgumentException("segmentLength must be at least 1 and klCoefficient at least 0");
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
                    List<RlhfStore.CurvePoint> online = new ArrayList<>();
                    for (Round x : r.online()) {
                        online.add(new RlhfStore.CurvePoint(x.labels(), x.outcome().d(), x.outcome().proxy(),
                                x.outcome().gold()));
                    }
                    Round o = r.offline();
                    RlhfStore.curve(ctx, "offline-ablation", "online/seed-" + seed, online);
                    RlhfStore.curve(ctx, "offline-ablation", "offline/seed-" + seed, List.of(new RlhfStore.CurvePoint(
                            o.labels(), o.outcome().d(), o.outcome().proxy(), o.outcome().gold())));
                }, OfflineAblationRecipe::report);
        @SuppressWarnings("unchecked")
        List<Result> seeds = (List<Result>) combined.data();
        if (seeds.size() < 2) {
            return combined;
        }
        // Over seeds: the offline model's policy against the online loop's last one on the same seed.
        org.alignlab.core.MeanInterval loss = org.alignlab.core.Statistics.meanInterval(seeds.stream()
                .mapToDouble(r -> r.offline().outcome().gold() - r.online().get(r.online().size() - 1).outcome().gold())
                .toArray());
        // The single-seed rule's margin: exploited when the offline policy scores more than 1 below the online one.
        Verdict v = loss.high() < -1 ? Verdict.REPRODUCED : loss.low() > -1 ? Verdict.NOT_REPRODUCED : Verdict.NOTE;
        Finding paired = new Finding(v, String.format(java.util.Locale.ROOT, "%d seeds: the offline model's policy's "
                        + "hidden performance minus the online loop's is %s (paired by seed; exploited when the whole "
                        + "interval lies below -1)%s. %s", seeds.size(), loss.format(1),
                v == Verdict.NOTE ? "; the seeds cannot decide" : "",
                Seeds.asVotes(combined.findings().get(1).text())));
        return TrueObjective.overSeeds(combined.withFindings(List.of(combined.findings().get(0), paired,
                combined.findings().get(2))), seeds.stream().map(Result::random).toList(),
                seeds.stream().map(Result::ceiling).toList(), seeds.stream().map(Result::bestLearntGold).toList(),
                c.ceilingSteps());
    }

    /** After a round: labels so far, the model's held-out accuracy, and the policy optimised against it. */
    public record Round(int round, int labels, double heldOutAccuracy, double accuracyOnPolicySegments,
                       PolicyOptimiser.Outcome outcome) {
    }

    /**
     * One seed's rounds, with uniform random play's hidden performance and the true-objective ceiling
     * ({@link TrueObjective}).
     */
    public record Result(String variant, long seed, List<Round> online, Round offline, double random, long ceilingSteps,
                         TrueObjective.Ceiling ceiling, double seconds) {
        /** The best hidden performance of any policy optimised against a learnt reward here. */
        double bestLearntGold() {
            return java.util.stream.Stream.concat(online.stream(), java.util.stream.Stream.of(offline))
                    .mapToDouble(x -> x.outcome().gold()).max().orElse(Double.NaN);
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
        Rater rater = Rater.parse(c.rater());
        SplittableRandom random = new SplittableRandom(c.seed());
        Progress progress = progressTo.start("offline-ablation", c.rounds() + 2);
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
                        : current.accuracy(rater.labelRandomPairs(lastPolicySegments, 200, random));
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
        List<Label> offlineLabels = rater.labelRandomPairs(reference, labels.size(), new SplittableRandom(c.seed() + 99));
        Round offline;
        sink.labels("offline-ablation/offline", offlineLabels);
        try (RewardModel frozen = RewardModel.train(offlineLabels, actions, RewardModel.Settings.defaults(c.seed()))) {
            PolicyOptimiser.Trained t = PolicyOptimiser.ppoAndSample(variant, frozen, c.klCoefficient(), c.ppoSteps(),
                    c.seed(), 60, c.segmentLength());
            double onPolicy = frozen.accuracy(rater.labelRandomPairs(t.segments(), 200, random));
            offline = new Round(0, offlineLabels.size(), frozen.fit().validationAccuracy(), onPolicy, t.outcome());
            progress.step("offline");
        }
        double randomPlay = TrueObjective.randomPlay(variant, c.seed());
        TrueObjective.Ceiling ceiling = TrueObjective.train(variant, c.ceilingSteps(), c.seed());
        progress.step("PPO on the true objective (the ceiling)");
        return new Result(c.variant(), c.seed(), online, offline, randomPlay, c.ceilingSteps(), ceiling,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code count} new labels from the pool: before a model exists, random pairs; after, the
     * pairs with the most ensemble disagreement among five times as many random candidates.
     */
    private static List<Label> ask(Rater rater, List<Segment> pool, RewardModel model, int count,
                                   SplittableRandom random) {
        if (model == null) {
            return rater.labelRandomPairs(pool, count, random);
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

    /** The result in the report layer's terms. */
    static StudyResult report(Result r) {
        Table.Builder table = Table.builder("Online rounds and the offline model, with as many labels")
                .text("reward model").number("labels", "%d").number("held-out accuracy", "%.2f")
                .number("accuracy on the policy's segments", "%.2f").number("d", "%.2f").number("proxy", "%.2f")
                .number("hidden", "%.2f").number("visible", "%.2f");
        for (Round x : r.online()) {
            row(table, "online, round " + x.round(), x);
        }
        row(table, "offline", r.offline());
        Round last = r.online().get(r.online().size() - 1);
        boolean exploited = r.offline().outcome().gold() < last.outcome().gold() - 1;
        List<Finding> findings = List.of(Finding.note(String.format("online, after %d rounds and %d labels: hidden "
                        + "performance %.1f (proxy %.1f, d %.1f); the model ranks the policy's own segments correctly on "
                        + "%.0f%% of pairs", r.online().size(), last.labels(), last.outcome().gold(), last.outcome().proxy(),
                last.outcome().d(), 100 * last.accuracyOnPolicySegments())),
                new Finding(exploited ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED, String.format("offline, %d labels "
                        + "all on the reference's segments: hidden performance %.1f (proxy %.1f, d %.1f); the model ranks "
                        + "the optimised policy's segments correctly on %.0f%% of pairs", r.offline().labels(),
                        r.offline().outcome().gold(), r.offline().outcome().proxy(), r.offline().outcome().d(),
                        100 * r.offline().accuracyOnPolicySegments())),
                TrueObjective.finding(r.random(), r.ceiling(), r.bestLearntGold(), r.ceilingSteps()));
        String method = "On " + r.variant() + ". Online: each round collects segments from the current policy, asks the "
                + "rater about the pairs the ensemble disagrees on most, refits, and re-optimises. Offline: the same "
                + "number of labels, all on the reference (random) policy's segments, one model never updated. Accuracy "
                + "on the policy's segments is how often the model orders pairs of the optimised policy's own segments "
                + "as the rater would: where an offline model is exploited, it is wrong about exactly the states the "
                + "policy seeks out. Held-out accuracy is measured on labelled pairs left out of fitting. "
                + TrueObjective.method(r.ceilingSteps());
        String verdict = "This shows whether an offline reward model is exploited where an online one, with as many "
                + "labels, is not, on one environment with an oracle rater; it does not show it for raters who make "
                + "mistakes or for larger environments.";
        return new StudyResult("rlhf-offline-ablation", "Offline against online reward models", method, findings,
                List.of(table.build(), TrueObjective.table(r.random(), r.ceiling(), r.bestLearntGold(), r.ceilingSteps())),
                List.of(), verdict, r, r.seconds());
    }

    private static void row(Table.Builder t, String name, Round x) {
        t.row(name, x.labels(), x.heldOutAccuracy(), x.accuracyOnPolicySegments(), x.outcome().d(), x.outcome().proxy(),
                x.outcome().gold(), x.outcome().visible());
    }
}
