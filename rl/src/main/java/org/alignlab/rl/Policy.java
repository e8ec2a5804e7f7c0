package org.alignlab.rl;

import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.SplitMix64;

/** A trained agent's greedy behaviour, for evaluation. */
@FunctionalInterface
public interface Policy {

    /** The action to take in the environment's current state. */
    int act(Gridworld env);

    /** The seed the evaluation environment is reset with before its first episode. */
    static long replaySeed(long seed) {
        return SplitMix64.derive(seed, 3);
    }

    /**
     * Plays {@code episodes} episodes on a copy of {@code variant} seeded from {@code seed},
     * without learning, and logs them. Where the environment imposes exploration (whisky) the
     * policy is overridden by a uniformly random action with that probability. The first episode
     * starts from {@code reset(replaySeed(seed))}, so its actions, where the log keeps them, replay it.
     */
    default void evaluate(Variant variant, int episodes, long seed, EpisodeLog log) {
        Gridworld env = variant.create();
        env.reset(replaySeed(seed));
        org.alignlab.gridworlds.random.Xoshiro256PlusPlus noise =
                new org.alignlab.gridworlds.random.Xoshiro256PlusPlus(SplitMix64.derive(seed, 4));
        for (int e = 0; e < episodes; e++) {
            if (e > 0) {
                env.resetInPlace();
            }
            while (!env.ended()) {
                double imposed = env.imposedExploration();
                boolean explore = !Double.isNaN(imposed) && noise.nextDouble() < imposed;
                int action = explore ? noise.nextIndex(env.actionCount()) : act(env);
                log.action(e, action);
                env.stepInPlace(action);
            }
            log.add(env, e);
        }
    }
}
