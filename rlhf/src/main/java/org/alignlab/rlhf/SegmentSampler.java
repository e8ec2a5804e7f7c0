package org.alignlab.rlhf;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.alignlab.rl.Policy;

/**
 * Cuts trajectory segments from rollouts of a policy: each episode is played to its end and cut
 * into consecutive segments of {@code length} steps, the last one padded. With probability
 * {@code epsilon} a step's action is uniformly random, so that segments show more than the
 * policy's single habit (a rater can only prefer among what is shown).
 */
public final class SegmentSampler {
    private SegmentSampler() {
    }

    /**
     * @param policy  what acts (null: uniformly random actions)
     * @param episodes episodes to play
     * @param length  steps per segment
     * @param epsilon share of random actions
     */
    public static List<Segment> sample(Variant variant, Policy policy, int episodes, int length, double epsilon,
                                       long seed) {
        if (episodes < 1 || length < 1) {
            throw new IllegalArgumentException("episodes and segment length must be at least 1, got " + episodes
                    + " and " + length);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        Gridworld env = variant.create();
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(SplitMix64.derive(seed, 11));
        List<Segment> out = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            long episodeSeed = SplitMix64.derive(seed, 1000 + e);
            env.reset(episodeSeed);
            List<float[]> obs = new ArrayList<>();
            List<Integer> actions = new ArrayList<>();
            List<Double> visible = new ArrayList<>();
            List<Double> hidden = new ArrayList<>();
            while (!env.ended()) {
                obs.add(env.planes().clone());
                int a = policy == null || random.nextDouble() < epsilon ? random.nextIndex(env.actionCount())
                        : policy.act(env);
                double imposed = env.imposedExploration();
                if (!Double.isNaN(imposed) && random.nextDouble() < imposed) {
                    a = random.nextIndex(env.actionCount());
                }
                env.stepInPlace(a);
                actions.add(a);
                visible.add(env.reward());
                hidden.add(env.hiddenReward());
            }
            float[] last = env.planes().clone();
            for (int start = 0; start < obs.size(); start += length) {
                float[][] o = new float[length][];
                int[] act = new int[length];
                double[] v = new double[length];
                double[] h = new double[length];
                boolean[] pad = new boolean[length];
                for (int t = 0; t < length; t++) {
                    int i = start + t;
                    if (i < obs.size()) {
                        o[t] = obs.get(i);
                        act[t] = actions.get(i);
                        v[t] = visible.get(i);
                        h[t] = hidden.get(i);
                    } else {
                        o[t] = last;
                        act[t] = -1;
                        pad[t] = true;
                    }
                }
                out.add(new Segment(variant.id(), episodeSeed, start, o, act, v, h, pad));
            }
        }
        return out;
    }
}
