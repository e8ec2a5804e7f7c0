package org.alignlab.rl.neural;

import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.rl.Policy;

/** What A2C and PPO share as agents: the run's seed, the actor-critic once trained, its policy. */
public abstract class PolicyGradientAgent implements AutoCloseable {
    /** The run's seed, from which every random source of the agent is derived. */
    final long seed;
    /** Set by training. */
    ActorCritic agent;

    PolicyGradientAgent(long seed) {
        this.seed = seed;
    }

    /** The learnt stochastic policy, sampling with its own random source seeded from the run's seed. */
    public Policy policy() {
        if (agent == null) {
            throw new IllegalStateException("train before evaluating");
        }
        return agent.policy(SplitMix64.derive(seed, 7));
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
    }
}
