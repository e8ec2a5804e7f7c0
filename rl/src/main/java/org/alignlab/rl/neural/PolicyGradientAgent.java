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

    /** The learnt policy with {@code steering} added to the activations at its layer. */
    public Policy policy(org.alignlab.core.Steering steering) {
        if (agent == null) {
            throw new IllegalStateException("train before evaluating");
        }
        return agent.policy(SplitMix64.derive(seed, 7), steering);
    }

    /** Writes the learnt policy (the actor-critic's weights) for {@link NetworkPolicy} to play again later. */
    public void writePolicy(java.io.DataOutputStream out) throws java.io.IOException {
        if (agent == null) {
            throw new IllegalStateException("train before storing the policy");
        }
        NetworkPolicy.write(out, NetworkPolicy.Rule.SAMPLE_SOFTMAX, agent.actions, agent.network);
    }

    /** KL(pi(.|s) || uniform) at one observation, in nats. */
    public double klFromUniform(float[] observation) {
        if (agent == null) {
            throw new IllegalStateException("train before measuring");
        }
        return agent.klFromUniform(observation);
    }

    /** The layers of the actor-critic network that {@link #capture} and steering reach: hidden1, hidden2, output. */
    public java.util.List<String> layers() {
        return Network.LAYERS;
    }

    /** The network's activations at {@code layer} for each observation (one-hot planes). */
    public float[][] capture(String layer, java.util.List<float[]> observations) {
        if (agent == null) {
            throw new IllegalStateException("train before capturing activations");
        }
        return agent.network.capture(layer, observations);
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
    }
}
