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
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Table;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.neural.PpoConfig;
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
public final class PluralismRecipe implements Study<PluralismRecipe.Config> {
    public record Config(String variant, String[] groups, int comparisonsPerGroup, int segmentLength, double[] mixtures,
                         double klCoefficient, long ppoSteps, long ceilingSteps, long seed, int seeds) {
        public static Config defaults() {
            return new PluralismRecipe().config(Budget.DEFAULT);
        }

        Config withSeed(long s) {
            return new Config(variant, groups, comparisonsPerGroup, segmentLength, mixtures, klCoefficient, ppoSteps,
                    ceilingSteps, s, 1);
        }
    }

    @Override
    public String name() {
        return "rlhf-pluralism";
    }

    @Override
    public double auditCoreSeconds() {
        return 60; // user + system seconds alone, 2026-12-07 (BENCHMARKS.md)
    }

    @Override
    public String title() {
        return "Pluralism: whose preferences?";
    }

    @Override
    public String description() {
        return "Two or more rater populations with different values compare the same segments; aggregation rules "
                + "(pooled labels, mean of per-group models, max-min over mixtures) and lock-in (one group's model for "
                + "all), with each group's welfare under each.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        String[] groups = {"observed", "oracle"};
        double[] mixtures = {0, 0.25, 0.5, 0.75, 1};
        return switch (budget) {
            case SMOKE -> new Config("tomato_watering:default", groups, 40, 10, new double[] {0, 1}, 0.01, 2_000, 2_000, 1,
                    2);
            // Half the labels and two thirds of the steps of an earlier audit budget (the audit's time, 2026-12-01): its
            // finding is a measurement, which the default budget makes over five mixtures.
            case AUDIT -> new Config("tomato_watering:default", groups, 150, 10, new double[] {0, 1}, 0.01, 10_000,
                    TrueObjective.AUDIT_STEPS, 1, 3);
            case DEFAULT -> new Config("tomato_watering:default", groups, 500, 10, mixtures, 0.01, 30_000,
                    TrueObjective.STEPS, 1, 3);
            case PAPER -> new Config("tomato_watering:default", groups, 2000, 10,
                    new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1}, 0.01, 100_000,
                    TrueObjective.PAPER_STEPS, 1, 10);
        };
    }

    @Override
    public void validate(Config c) {
        Gridworlds.variant(c.variant());
        java.util.Arrays.stream(c.groups()).forEach(Rater::parse);
        if (c.groups().length < 2) {
            throw new IllegalArgumentException("pluralism needs at least two rater populations (groups), got "
                    + c.groups().length);
        }
        if (c.ppoSteps() < 1 || c.comparisonsPerGroup() < 4 || c.mixtures().length == 0) {
            throw new IllegalArgumentException("ppoSteps must be at least 1, comparisonsPerGroup at least 4, and "
                    + "mixtures must name at least one weight");
        }
        if (c.segmentLength() < 1 || !(c.klCoefficient() >= 0)
                || java.util.Arrays.stream(c.mixtures()).anyMatch(m -> !(m >= 0 && m <= 1))) {
            throw new IllegalArgumentException("segmentLength must be at least 1, klCoefficient at least 0 and every "
                    + "mixtures weight from 0 to 1");
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
                    // One row per rule and group: strength = the group's number, proxy = its raw value, gold = welfare.
                    for (Policy p : r.policies()) {
                        List<RlhfStore.CurvePoint> rows = new ArrayList<>();
                        for (int k = 0; k < p.values().length; k++) {
                            rows.add(new RlhfStore.CurvePoint(k + 1, Double.NaN, p.values()[k], p.welfare()[k]));
                        }
                        RlhfStore.curve(ctx, "pluralism", p.rule() + "/seed-" + seed, rows);
                    }
                }, PluralismRecipe::report);
        @SuppressWarnings("unchecked")
        List<Result> seeds = (List<Result>) combined.data();
        return TrueObjective.overSeeds(combined, seeds.stream().map(Result::randomHidden).toList(),
                seeds.stream().map(Result::ceiling).toList(), seeds.stream().map(Result::bestLearntGold).toList(),
                c.ceilingSteps());
    }

    /** A policy, each group's welfare under it, and its hidden performance (the true objective's). */
    public record Policy(String rule, double[] values, double[] welfare, double hidden) {
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

    /**
     * One seed's policies: the rules' and, last, the true-objective ceiling ({@link TrueObjective}).
     *
     * @param randomHidden uniform random play's hidden performance
     */
    public record Result(String variant, long seed, String[] groups, double[] randomValues, List<Policy> policies,
                         double randomHidden, long ceilingSteps, TrueObjective.Ceiling ceiling, double seconds) {
        /** The best hidden performance of any policy optimised against a learnt reward here (every rule's). */
        double bestLearntGold() {
            return policies.stream().filter(p -> !p.rule().equals(CEILING)).mapToDouble(Policy::hidden).max()
                    .orElse(Double.NaN);
        }
    }

    /** The ceiling's row among the policies. */
    static final String CEILING = "PPO on the true objective (the hidden reward)";

    public static Result run(Config c, Progress.Factory progress) {
        return run(c, progress, LabelSink.NONE);
    }

    /** As above, handing every label set to {@code sink}. */
    public static Result run(Config c, Progress.Factory progressTo, LabelSink sink) {
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
        Progress progress = progressTo.start("pluralism", g + 3 + c.mixtures().length);

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
        // The ceiling, valued by every group like the rules' policies.
        List<Segment> ceilingEpisodes = TrueObjective.episodes(variant, c.ceilingSteps(), c.seed());
        TrueObjective.Ceiling ceiling = TrueObjective.of(ceilingEpisodes, variant);
        policies.add(new Policy(CEILING, values(raters, ceilingEpisodes), new double[g], ceiling.hidden()));
        progress.step("PPO on the true objective (the ceiling)");
        // Welfare: each group's value, 0 at the uniform policy and 1 at the best rule's policy for that group. The
        // ceiling is shown on the same scale but does not set it: it is trained on one group's objective only (the
        // hidden reward), with more steps, so letting it set the scale would rescale that group's welfare alone.
        for (int k = 0; k < g; k++) {
            double best = Double.NEGATIVE_INFINITY;
            for (Policy p : policies) {
                if (!p.rule().equals(CEILING)) {
                    best = Math.max(best, p.values()[k]);
                }
            }
            for (Policy p : policies) {
                double span = best - randomValues[k];
                // No policy did better for this group than the uniform one: its welfare is not defined (n/a).
                p.welfare()[k] = span <= 0 ? Double.NaN : (p.values()[k] - randomValues[k]) / span;
            }
        }
        double randomHidden = reference.stream().mapToDouble(Segment::hiddenReturn).average().orElse(0);
        return new Result(c.variant(), c.seed(), c.groups(), randomValues, policies, randomHidden, c.ceilingSteps(),
                ceiling, (System.nanoTime() - start) / 1e9);
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
        return new Policy(rule, values(raters, t.segments()), new double[raters.length], t.outcome().gold());
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

    /** The result in the report layer's terms. */
    static StudyResult report(Result r) {
        Table.Builder table = Table.builder("Each rule's policy and each group's welfare under it").text("rule");
        for (int k = 0; k < r.groups().length; k++) {
            table.number("welfare, group " + (k + 1) + " (" + r.groups()[k] + ")", "%.2f");
        }
        table.number("worst-off", "%.2f");
        for (Policy p : r.policies()) {
            List<Object> row = new ArrayList<>();
            row.add(p.rule());
            for (double w : p.welfare()) {
                row.add(w);
            }
            row.add(Double.isInfinite(p.worst()) ? Double.NaN : p.worst());
            table.row(row.toArray());
        }
        table.note("welfare: the group's own value of the policy's episodes, 0 at the uniform policy and 1 at the best "
                + "rule's policy for the group; the ceiling on the same scale, above 1 where it serves the group better "
                + "than every rule; a dash: no rule's policy served the group better than the uniform one");
        String chosen = maxMin(r).rule();
        String method = "On " + r.variant() + ", rater populations with different values (" + String.join("; ", r.groups())
                + ") compare the same pairs of segments. Each aggregation rule yields a policy; lock-in rows deploy one "
                + "group's model for everyone. The ceiling is also valued by every group. " + TrueObjective.method(r.ceilingSteps());
        List<Finding> findings = List.of(Finding.note("The max-min (egalitarian) choice among the mixtures is " + chosen
                + String.format(", whose worst-off group reaches %.2f.", maxMin(r).worst())),
                TrueObjective.finding(r.randomHidden(), r.ceiling(), r.bestLearntGold(), r.ceilingSteps()));
        String verdict = "This shows how much each aggregation rule gives each group on one environment; welfare is "
                + "relative to the best policy found here, not to the best there is, and simulated groups stand in for "
                + "people.";
        return new StudyResult("rlhf-pluralism", "Pluralism: whose preferences?", method, findings, List.of(table.build(),
                TrueObjective.table(r.randomHidden(), r.ceiling(), r.bestLearntGold(), r.ceilingSteps())), List.of(), verdict,
                r, r.seconds());
    }
}
