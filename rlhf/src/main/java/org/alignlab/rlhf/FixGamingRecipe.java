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
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.neural.Ppo;
import org.alignlab.rl.neural.PpoConfig;
import org.alignlab.rl.neural.RewardSignal;

/**
 * Does preference learning from an honest rater remove the reward gaming the audit finds? On
 * each environment, the same PPO agent is trained three ways: on the visible reward (what the
 * audit trains on), on the true objective (the hidden reward, an upper reference), and on reward
 * models fitted to increasing numbers of an oracle's comparisons; the hidden performance of each
 * is reported side by side.
 */
public final class FixGamingRecipe {
    private FixGamingRecipe() {
    }

    public record Config(String[] variants, int[] comparisons, int segmentLength, double klCoefficient, long ppoSteps,
                         long seed) {
        public static Config defaults() {
            return new Config(new String[] {"boat_race:default", "tomato_watering:default", "side_effects_sokoban:level0",
                "absent_supervisor:random", "rocks_diamonds:level1"}, new int[] {100, 1000}, 10, 0.01, 30_000, 1);
        }
    }

    /** One environment: hidden performance per training signal. */
    /**
     * @param bestAchievable the best hidden performance any policy achieves (exact solver), NaN where the
     *                       solver cannot solve the variant: the ceiling PPO on the true objective should reach
     */
    public record EnvironmentResult(String variant, double random, double visibleTrained, double hiddenTrained,
                                    double visibleReturnOfVisibleTrained, Map<Integer, Double> learnt,
                                    Map<Integer, Double> accuracy, double bestAchievable) {
    }

    /** The best achievable hidden performance of a variant, or NaN where the exact solver cannot solve it. */
    static double bestAchievable(Variant variant) {
        try {
            return org.alignlab.rl.ExactSolver.solve(variant).bestPerformance().performance();
        } catch (UnsupportedOperationException e) {
            return Double.NaN;
        }
    }

    public record Result(List<EnvironmentResult> environments, double seconds) {
    }

    public static Result run(Config c, PrintStream log, boolean terminal) {
        return run(c, log, terminal, LabelSink.NONE);
    }

    /** As above, handing every label set to {@code sink}. */
    public static Result run(Config c, PrintStream log, boolean terminal, LabelSink sink) {
        long start = System.nanoTime();
        Progress progress = new Progress(log, "fix-gaming", c.variants().length * (2 + c.comparisons().length), terminal);
        List<EnvironmentResult> out = new ArrayList<>();
        for (String id : c.variants()) {
            Variant variant = Gridworlds.variant(id);
            int actions = variant.create().actionCount();
            double random = SegmentSampler.sample(variant, null, 50, Gridworld.MAX_STEPS, 1, c.seed() + 3).stream()
                    .mapToDouble(Segment::hiddenReturn).average().orElse(0);
            double[] visible = train(variant, null, c);
            progress.step(id + ": PPO on the visible reward");
            double[] hidden = train(variant, RewardSignal.hiddenReward(), c);
            progress.step(id + ": PPO on the true objective");
            List<Segment> pieces = SegmentSampler.sample(variant, null, 300, c.segmentLength(), 1, c.seed() * 31 + 2);
            Map<Integer, Double> learnt = new LinkedHashMap<>();
            Map<Integer, Double> accuracy = new LinkedHashMap<>();
            for (int n : c.comparisons()) {
                List<Label> labels = OfflineAblationRecipe.randomLabels(Rater.oracle(), pieces, n,
                        new SplittableRandom(c.seed() + n));
                sink.labels("fix-gaming/" + id + "/oracle-" + n, labels);
                try (RewardModel rm = RewardModel.train(labels, actions, RewardModel.Settings.defaults(c.seed()))) {
                    learnt.put(n, PolicyOptimiser.ppo(variant, rm, c.klCoefficient(), c.ppoSteps(), c.seed()).gold());
                    accuracy.put(n, rm.fit().validationAccuracy());
                }
                progress.step(id + ": PPO on a reward model from " + n + " comparisons");
            }
            out.add(new EnvironmentResult(id, random, visible[1], hidden[1], visible[0], learnt, accuracy,
                    bestAchievable(variant)));
        }
        return new Result(out, (System.nanoTime() - start) / 1e9);
    }

    /** PPO on {@code signal} (null: the visible reward): mean visible return and hidden performance of 30 episodes. */
    private static double[] train(Variant variant, RewardSignal signal, Config c) {
        try (Ppo agent = new Ppo(PpoConfig.defaults(), c.seed())) {
            agent.train(variant, c.ppoSteps(), new EpisodeLog(), signal);
            List<Segment> played = SegmentSampler.sample(variant, agent.policy(), 30, Gridworld.MAX_STEPS, 0, c.seed() * 7 + 3);
            return new double[] {played.stream().mapToDouble(Segment::visibleReturn).average().orElse(0),
                played.stream().mapToDouble(Segment::hiddenReturn).average().orElse(0)};
        }
    }

    /** What the table shows, per environment, in words. */
    public static List<String> findings(Result r) {
        List<String> out = new ArrayList<>();
        for (EnvironmentResult e : r.environments()) {
            int most = e.learnt().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            double learnt = e.learnt().getOrDefault(most, Double.NaN);
            String verdict = learnt > e.visibleTrained() + 1 ? "better than"
                    : learnt < e.visibleTrained() - 1 ? "worse than" : "about as good as";
            out.add(String.format("%s: with %d comparisons the policy's hidden performance is %.1f, %s PPO on the visible "
                            + "reward (%.1f); on the true objective %.1f; random %.1f%s", e.variant(), most, learnt, verdict,
                    e.visibleTrained(), e.hiddenTrained(), e.random(),
                    learnt < e.random() ? " - below random: the reward model did not learn what reaching the goal is "
                            + "worth (segments of random play rarely show it)" : "") + ceiling(e));
        }
        return out;
    }

    /** Whether PPO on the true objective reached the best achievable performance: if not, the ceiling is broken. */
    static String ceiling(EnvironmentResult e) {
        if (Double.isNaN(e.bestAchievable())) {
            return "; the exact solver cannot solve this variant, so the ceiling has no reference";
        }
        return e.hiddenTrained() >= e.bestAchievable() - 1
                ? String.format("; the true-objective ceiling reaches the best achievable %.1f", e.bestAchievable())
                : String.format("; CEILING BROKEN: PPO on the true objective reaches %.1f of the best achievable %.1f at "
                        + "this budget, so a comparison with it says nothing about the reward models until the optimiser "
                        + "reaches the best", e.hiddenTrained(), e.bestAchievable());
    }

    public static void print(Result r, java.io.PrintWriter out) {
        out.printf("Does learning from an honest rater remove the gaming? Hidden performance per training signal; %.0f s%n",
                r.seconds());
        StringBuilder header = new StringBuilder(String.format("%-30s %8s %9s %9s %9s", "environment", "random", "best",
                "visible", "true obj"));
        List<Integer> ns = r.environments().isEmpty() ? List.of() : List.copyOf(r.environments().get(0).learnt().keySet());
        for (int n : ns) {
            header.append(String.format(" %11s", "RM " + n));
        }
        out.println(header);
        for (EnvironmentResult e : r.environments()) {
            StringBuilder row = new StringBuilder(String.format("%-30s %8.1f %9.1f %9.1f %9.1f", e.variant(), e.random(),
                    e.bestAchievable(), e.visibleTrained(), e.hiddenTrained()));
            for (int n : ns) {
                row.append(String.format(" %11.1f", e.learnt().get(n)));
            }
            out.println(row);
        }
        out.println("(best: the best achievable hidden performance, exact solver; visible: PPO trained on the visible "
                + "reward; true obj: on the hidden reward, the ceiling; RM n: on a reward model fitted to n oracle comparisons)");
        out.println();
        findings(r).forEach(f -> out.println("* " + f));
    }

    public static Map<String, Object> json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environments", r.environments());
        m.put("findings", findings(r));
        m.put("seconds", r.seconds());
        return m;
    }

    public static String html(Result r) {
        StringBuilder h = new StringBuilder("<section><h2>Does preference learning fix the gaming?</h2>");
        h.append("<p>The same PPO agent (30,000 steps, one seed) trained on the visible reward, on the true objective (the ")
                .append("hidden reward), and on reward models fitted to an honest oracle's comparisons of 10-step ")
                .append("segments of random play; each column is the hidden performance of the trained policy ")
                .append("(higher is better; <i>random</i> is the uniform policy).</p><ul>");
        for (String f : findings(r)) {
            h.append("<li>").append(Charts.esc(f)).append("</li>");
        }
        h.append("</ul><table><tr><th class=l>environment</th>")
                .append("<th>random</th><th>best achievable (exact solver)</th><th>PPO on the visible reward</th>")
                .append("<th>PPO on the true objective (the ceiling)</th>");
        List<Integer> ns = r.environments().isEmpty() ? List.of() : List.copyOf(r.environments().get(0).learnt().keySet());
        for (int n : ns) {
            h.append("<th>PPO on a reward model, ").append(n).append(" comparisons</th>");
        }
        h.append("</tr>");
        for (EnvironmentResult e : r.environments()) {
            h.append(String.format("<tr><td class=l>%s</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>",
                    Charts.esc(e.variant()), e.random(), e.bestAchievable(), e.visibleTrained(), e.hiddenTrained()));
            for (int n : ns) {
                h.append(String.format("<td>%.1f (accuracy %.2f)</td>", e.learnt().get(n), e.accuracy().get(n)));
            }
            h.append("</tr>");
        }
        return h.append("</table></section>").toString();
    }
}
