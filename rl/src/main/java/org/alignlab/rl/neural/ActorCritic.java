package org.alignlab.rl.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.alignlab.gridworlds.GridworldBatch;
import org.alignlab.rl.Policy;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;

/**
 * What A2C and PPO share: a network whose outputs are action logits and a state value, rollout
 * collection on a batch of copies, and the policy-gradient loss terms. Actions are sampled on the
 * Java side from the softmax; exploration the environment imposes (whisky) replaces the sample
 * with a uniformly random action at its rate. The policy is credited with the action it chose,
 * so an interruption that overrides it shows up as a worse outcome of that choice.
 */
final class ActorCritic implements AutoCloseable {
    final Network network;
    final int actions;
    final int obsSize;

    /**
     * Rewards are multiplied by this before they reach the critic: the gridworlds pay -1 to +50
     * per step, and values in the tens make the critic's squared error swamp the policy gradient.
     */
    static final float REWARD_SCALE = 0.1f;

    /** A network for the batch's observations and actions, initialised from the run's seed. */
    ActorCritic(String name, GridworldBatch batch, int hidden, float learningRate, long seed) {
        this(name, batch, hidden, learningRate, seed, false);
    }

    /** @param convolutional read the board's planes through the network's convolutional front ({@link Network.Image}) */
    ActorCritic(String name, GridworldBatch batch, int hidden, float learningRate, long seed, boolean convolutional) {
        this.obsSize = batch.planeCount * batch.cellsPerCopy;
        this.actions = batch.actionCount;
        this.network = new Network(name, obsSize, hidden, actions + 1, learningRate,
                org.alignlab.gridworlds.random.SplitMix64.derive(seed, 5),
                convolutional ? new Network.Image(batch.planeCount, batch.rows, batch.cols) : null);
    }

    /** One rollout of {@code length} steps of every copy, with what the losses need. */
    static final class Rollout {
        final int length;
        final int envs;
        final float[] observations;   // [t][env][obs]
        final int[] actions;          // [t][env]
        final float[] logProbabilities;
        final float[] values;
        final float[] rewards;
        final float[] notDone;        // 0 where the step ended its episode
        final boolean[] trainable;    // false where the episode is played only to score its level
        final float[] lastValues;     // value of the observation after the rollout, per env

        Rollout(int length, int envs, int obsSize) {
            this.length = length;
            this.envs = envs;
            observations = new float[length * envs * obsSize];
            actions = new int[length * envs];
            logProbabilities = new float[length * envs];
            values = new float[length * envs];
            rewards = new float[length * envs];
            notDone = new float[length * envs];
            trainable = new boolean[length * envs];
            lastValues = new float[envs];
        }
    }

    /**
     * Fills a rollout from the batch, whose current observations are {@code batch.planes}, and
     * advances {@code step[0]} by one per copy per step (so logged episodes carry their end step).
     */
    void collect(GridworldBatch batch, Rollout r, Xoshiro256PlusPlus random, long[] step) {
        collect(batch, r, random, step, null);
    }

    /** As above, trained on {@code signal} (or the visible reward when null). */
    void collect(GridworldBatch batch, Rollout r, Xoshiro256PlusPlus random, long[] step, RewardSignal signal) {
        int n = r.envs;
        int[] chosen = new int[n];
        float[] learnt = new float[n];
        double logUniform = Math.log(actions);
        for (int t = 0; t < r.length; t++) {
            float[] out = network.predict(batch.planes, n);
            System.arraycopy(batch.planes, 0, r.observations, t * n * obsSize, n * obsSize);
            for (int i = 0; i < n; i++) {
                int k = t * n + i;
                double imposed = batch.copy(i).imposedExploration();
                int a = !Double.isNaN(imposed) && random.nextDouble() < imposed
                        ? random.nextIndex(actions) : sample(out, i * (actions + 1), actions, random);
                chosen[i] = a;
                r.actions[k] = a;
                r.logProbabilities[k] = logSoftmax(out, i * (actions + 1), a);
                r.values[k] = out[i * (actions + 1) + actions];
                r.trainable[k] = batch.copy(i).trainOnEpisode();
            }
            if (signal != null && signal.reward() != null) {
                signal.reward().rewards(batch.planes, chosen, n, learnt); // the observation before the step
            }
            step[0] += n;
            batch.step(chosen);
            for (int i = 0; i < n; i++) {
                int k = t * n + i;
                float reward = signal != null && signal.reward() != null ? learnt[i]
                        : signal != null && signal.hidden() ? (float) batch.hiddenRewards[i] : (float) batch.rewards[i];
                if (signal != null && signal.klCoefficient() > 0) {
                    reward -= (float) (signal.klCoefficient() * (r.logProbabilities[k] + logUniform));
                }
                r.rewards[k] = reward * REWARD_SCALE;
                r.notDone[k] = batch.terminated[i] || batch.truncated[i] ? 0f : 1f;
            }
        }
        float[] out = network.predict(batch.planes, n);
        for (int i = 0; i < n; i++) {
            r.lastValues[i] = out[i * (actions + 1) + actions];
        }
    }

    /** An action drawn from the softmax of the {@code actions} logits at {@code offset}. */
    static int sample(float[] out, int offset, int actions, Xoshiro256PlusPlus random) {
        float max = Float.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            max = Math.max(max, out[offset + a]);
        }
        double total = 0;
        double[] p = new double[actions];
        for (int a = 0; a < actions; a++) {
            p[a] = Math.exp(out[offset + a] - max);
            total += p[a];
        }
        double u = random.nextDouble() * total;
        for (int a = 0; a < actions - 1; a++) {
            u -= p[a];
            if (u < 0) {
                return a;
            }
        }
        return actions - 1;
    }

    private float logSoftmax(float[] out, int offset, int action) {
        float max = Float.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            max = Math.max(max, out[offset + a]);
        }
        double total = 0;
        for (int a = 0; a < actions; a++) {
            total += Math.exp(out[offset + a] - max);
        }
        return (float) (out[offset + action] - max - Math.log(total));
    }

    /** The loss terms of a forward pass: log-probabilities of the taken actions, entropies, values. */
    record Terms(NDArray logProbabilities, NDArray entropy, NDArray values) {
    }

    Terms terms(NDManager manager, NDArray out, int[] takenActions) {
        int size = takenActions.length;
        NDArray logits = out.get(":, 0:" + actions);
        NDArray values = out.get(":, " + actions).reshape(size);
        NDArray logp = logits.logSoftmax(1);
        long[] idx = new long[size];
        for (int i = 0; i < size; i++) {
            idx[i] = takenActions[i];
        }
        NDArray taken = logp.gather(manager.create(idx, new Shape(size, 1)), 1).reshape(size);
        NDArray entropy = logp.exp().mul(logp).sum(new int[] {1}).neg();
        return new Terms(taken, entropy, values);
    }

    /**
     * The learnt policy: actions sampled from its softmax. (Taking the most probable action
     * instead can loop forever where the policy is nearly uniform, e.g. bumping into a wall.)
     */
    Policy policy(long seed) {
        return policy(seed, null);
    }

    /** The learnt policy with {@code steering} (or null) added at its layer. */
    Policy policy(long seed, org.alignlab.core.Steering steering) {
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed);
        if (steering == null) {
            return env -> sample(network.predict(env.planes(), 1), 0, actions, random);
        }
        return env -> sample(network.activations(env.planes(), 1, "output", steering), 0, actions, random);
    }

    /**
     * KL(pi(.|s) || uniform) at an observation, in nats: sum over actions of p log(p |A|).
     */
    double klFromUniform(float[] observation) {
        float[] out = network.predict(observation, 1);
        double kl = 0;
        for (int a = 0; a < actions; a++) {
            double logp = logSoftmax(out, 0, a);
            kl += Math.exp(logp) * (logp + Math.log(actions));
        }
        return kl;
    }

    @Override
    public void close() {
        network.close();
    }
}
