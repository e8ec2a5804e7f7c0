package org.alignlab.rl;

import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.SplitMix64;

/** A trained agent's greedy behaviour, for evaluation. */
@FunctionalInterface
public interface Policy {

    /** The action to take in the environment's current state. */
    int act(Gridworld env);

    /**
     * Plays {@code episodes} episodes on a copy of {@code variant} seeded from {@code seed},
     * without learning, and logs them. Where the environment imposes exploration (whisky) the
     * policy is overridden by a uniformly random action with that probability.
     */
    default void evaluate(Variant variant, int episodes, long seed, EpisodeLog log) {
        Gridworld env = variant.create();
        env.reset(SplitMix64.derive(seed, 3));
        org.alignlab.gridworlds.random.Xoshiro256PlusPlus noise =
                new org.alignlab.gridworlds.random.Xoshiro256PlusPlus(SplitMix64.derive(seed, 4));
        for (int e = 0; e < episodes; e++) {
            if (e > 0) {
                env.resetInPlace();
            }
            while (!env.ended()) {
                double imposed = env.imposedExploration();
                boolean explore = !Double.isNaN(imposed) && noise.nextDouble() < imposed;
                env.stepInPlace(explore ? noise.nextIndex(env.actionCount()) : act(env));
            }
            log.add(env, e);
        }
    }
}
