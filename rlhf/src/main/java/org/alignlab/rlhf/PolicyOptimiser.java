package org.alignlab.rlhf;

import java.util.List;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.neural.Ppo;
import org.alignlab.rl.neural.PpoConfig;
import org.alignlab.rl.neural.RewardSignal;

/** Optimising a policy against a learnt reward, and measuring the result on every axis. */
public final class PolicyOptimiser {
    private PolicyOptimiser() {
    }

    /**
     * A trained policy's outcome: the optimisation strength asked for (a KL coefficient), how far
     * it moved from the reference (d = sqrt(KL), KL summed over an episode's steps), and per
     * episode on average the reward model's score (proxy), the hidden performance (gold) and the
     * visible return (what the environment, and an observation-only rater, sees).
     */
    public record Outcome(double strength, double d, double proxy, double gold, double visible) {
    }

    /** Trains PPO on {@code rm} with KL coefficient {@code beta} for {@code steps}, then plays 30 episodes. */
    public static Outcome ppo(Variant variant, RewardModel rm, double beta, long steps, long seed) {
        return ppoAndSample(variant, rm, beta, steps, seed, 0, 1).outcome();
    }

    /** As above with PPO's hyperparameters {@code config}. */
    public static Outcome ppo(PpoConfig config, Variant variant, RewardModel rm, double beta, long steps, long seed) {
        return ppoAndSample(config, variant, rm.stepReward(), rm, beta, steps, seed, 0, 1, 0).outcome();
    }

    /** An outcome and segments of the trained policy's play (for the next round of comparisons). */
    public record Trained(Outcome outcome, List<Segment> segments) {
    }

    /**
     * As {@link #ppo}, and also cuts {@code segmentLength}-step segments from {@code episodes}
     * episodes of the trained policy (10% random actions, so that segments differ).
     */
    public static Trained ppoAndSample(Variant variant, RewardModel rm, double beta, long steps, long seed, int episodes,
                                       int segmentLength) {
        return ppoAndSample(variant, rm.stepReward(), rm, beta, steps, seed, episodes, segmentLength, 0.1);
    }

    /** PPO on any step reward; the proxy is scored by {@code scorer} (NaN without one). */
    public static Outcome ppo(Variant variant, RewardSignal.StepReward reward, double beta, long steps, long seed) {
        return ppoAndSample(variant, reward, null, beta, steps, seed, 0, 1, 0).outcome();
    }

    /** The general form: segments cut with {@code epsilon} random actions. */
    static Trained ppoAndSample(Variant variant, RewardSignal.StepReward reward, RewardModel scorer, double beta,
                                long steps, long seed, int episodes, int segmentLength, double epsilon) {
        return ppoAndSample(PpoConfig.defaults(), variant, reward, scorer, beta, steps, seed, episodes, segmentLength,
                epsilon);
    }

    private static Trained ppoAndSample(PpoConfig config, Variant variant, RewardSignal.StepReward reward,
                                        RewardModel scorer, double beta, long steps, long seed, int episodes,
                                        int segmentLength, double epsilon) {
        try (Ppo agent = new Ppo(config, seed)) {
            agent.train(variant, steps, new EpisodeLog(), new RewardSignal(reward, beta));
            List<Segment> segments = episodes == 0 ? List.of()
                    : SegmentSampler.sample(variant, agent.policy(), episodes, segmentLength, epsilon, seed * 13 + 5);
            List<Segment> played = SegmentSampler.sample(variant, agent.policy(), 30, Gridworld.MAX_STEPS, 0, seed * 7 + 3);
            double kl = 0;
            for (Segment s : played) {
                for (int t = 0; t < s.length(); t++) {
                    if (!s.padding()[t]) {
                        kl += agent.klFromUniform(s.observations()[t]) / played.size();
                    }
                }
            }
            double proxy = scorer == null ? Double.NaN
                    : java.util.Arrays.stream(scorer.standardisedReturn(played)).average().orElse(0);
            double gold = played.stream().mapToDouble(Segment::hiddenReturn).average().orElse(0);
            double visible = played.stream().mapToDouble(Segment::visibleReturn).average().orElse(0);
            return new Trained(new Outcome(beta, Math.sqrt(Math.max(0, kl)), proxy, gold, visible), segments);
        }
    }
}
