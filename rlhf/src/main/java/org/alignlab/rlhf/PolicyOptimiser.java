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
        try (Ppo agent = new Ppo(PpoConfig.defaults(), seed)) {
            agent.train(variant, steps, new EpisodeLog(), new RewardSignal(rm.stepReward(), beta));
            List<Segment> played = SegmentSampler.sample(variant, agent.policy(), 30, Gridworld.MAX_STEPS, 0, seed * 7 + 3);
            double kl = 0;
            for (Segment s : played) {
                for (int t = 0; t < s.length(); t++) {
                    if (!s.padding()[t]) {
                        kl += agent.klFromUniform(s.observations()[t]) / played.size();
                    }
                }
            }
            double proxy = java.util.Arrays.stream(rm.standardisedReturn(played)).average().orElse(0);
            double gold = played.stream().mapToDouble(Segment::hiddenReturn).average().orElse(0);
            double visible = played.stream().mapToDouble(Segment::visibleReturn).average().orElse(0);
            return new Outcome(beta, Math.sqrt(Math.max(0, kl)), proxy, gold, visible);
        }
    }
}
