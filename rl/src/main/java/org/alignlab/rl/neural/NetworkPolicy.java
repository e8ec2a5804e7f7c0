package org.alignlab.rl.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.alignlab.rl.Policy;

/**
 * A neural agent's policy read back from what the agent wrote ({@link Dqn#writePolicy},
 * {@link PolicyGradientAgent#writePolicy}): the network's weights and the rule that turns its
 * outputs into an action as the agent evaluates, greedy over the dueling Q-values (DQN) or sampled
 * from the softmax of the action logits (A2C, PPO). Close it to free the network.
 */
public final class NetworkPolicy implements Policy, AutoCloseable {
    /** How the outputs become an action. */
    public enum Rule { GREEDY_DUELING, SAMPLE_SOFTMAX }

    private final Rule rule;
    private final int actions;
    private final Network network;
    private final Xoshiro256PlusPlus random;

    private NetworkPolicy(Rule rule, int actions, Network network, long seed) {
        this.rule = rule;
        this.actions = actions;
        this.network = network;
        this.random = new Xoshiro256PlusPlus(seed);
    }

    static void write(DataOutputStream out, Rule rule, int actions, Network network) throws IOException {
        out.writeUTF(rule.name());
        out.writeInt(actions);
        network.write(out);
    }

    /** Reads a stored policy; a sampling policy draws its actions from {@code seed}. */
    public static NetworkPolicy read(DataInputStream in, long seed) throws IOException {
        Rule rule;
        try {
            rule = Rule.valueOf(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("not a stored network policy (unknown rule)", e);
        }
        int actions = in.readInt();
        Network network = Network.read(in, "stored-policy");
        if (actions < 1 || network.outputSize() != actions + 1) {
            network.close();
            throw new IOException("the stored network has " + network.outputSize() + " outputs, not " + (actions + 1));
        }
        return new NetworkPolicy(rule, actions, network, seed);
    }

    /** The rule this policy acts by. */
    public Rule rule() {
        return rule;
    }

    /** The network's outputs for one observation (action logits or advantages, then the state value). */
    public float[] outputs(float[] observation) {
        return network.predict(observation, 1);
    }

    @Override
    public int act(Gridworld env) {
        float[] out = network.predict(env.planes(), 1);
        return rule == Rule.GREEDY_DUELING ? Dqn.argmax(Dqn.duelingQ(out, 1, actions), 0, actions)
                : ActorCritic.sample(out, 0, actions, random);
    }

    @Override
    public void close() {
        network.close();
    }
}
