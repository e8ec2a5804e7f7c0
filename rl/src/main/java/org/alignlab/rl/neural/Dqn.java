package org.alignlab.rl.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.alignlab.core.DjlScalars;
import org.alignlab.gridworlds.GridworldBatch;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.Policy;

/**
 * Deep Q-learning with the Rainbow parts the safety-gridworlds paper used (Hessel et al. 2018):
 * double Q-learning targets, a dueling head (Q = V + A - mean A), n-step returns and
 * proportional prioritised replay. Off-policy: transitions record the action the environment
 * executed. Acts on a batch of copies writing one-hot planes; epsilon-greedy, with exploration
 * the environment imposes (whisky) taking precedence. Episodes cut by the step limit are treated
 * as ended (the batch resets copies in the same step, so the last observation is not kept).
 */
public final class Dqn implements AutoCloseable {
    private final DqnConfig config;
    private final long seed;
    private Network online;
    private Network target;
    private int actions;

    public Dqn(DqnConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    /** Trains for {@code steps} environment steps (over all copies); logs every finished episode. */
    public void train(Variant variant, long steps, EpisodeLog log) {
        DqnConfig c = config;
        long[] step = {0};
        GridworldBatch envs = TrainingBatch.create(variant, c.envs(), seed, log, step);
        int obsSize = envs.planeCount * envs.cellsPerCopy;
        actions = envs.actionCount;
        online = new Network("dqn", obsSize, c.hidden(), actions + 1, c.learningRate(), SplitMix64.derive(seed, 5));
        target = new Network("dqn-target", obsSize, c.hidden(), actions + 1, 0, SplitMix64.derive(seed, 6));
        target.copyFrom(online);
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(SplitMix64.derive(seed, 1));
        PrioritizedReplay replay = new PrioritizedReplay((int) Math.min(c.bufferSize(), Math.max(steps, c.batchSize())),
                obsSize, c.priorityAlpha());
        PrioritizedReplay.Batch batch = new PrioritizedReplay.Batch(c.batchSize(), obsSize);

        int n = c.nStep();
        // Per copy, the last n observations, actions and rewards: a ring from which n-step transitions are cut.
        float[][] pastObs = new float[c.envs()][n * obsSize];
        int[][] pastActions = new int[c.envs()][n];
        float[][] pastRewards = new float[c.envs()][n];
        int[] pending = new int[c.envs()];
        int[] head = new int[c.envs()];

        float[] obs = envs.planes.clone();
        int[] chosen = new int[c.envs()];
        long updates = 0;
        while (step[0] < steps) {
            double epsilon = Math.max(c.epsilonEnd(), 1 - (1 - c.epsilonEnd()) * step[0]
                    / (c.explorationFraction() * steps));
            float[] q = qValues(online, obs, c.envs());
            for (int i = 0; i < c.envs(); i++) {
                double imposed = envs.copy(i).imposedExploration();
                double e = Double.isNaN(imposed) ? epsilon : imposed;
                chosen[i] = random.nextDouble() < e ? random.nextIndex(actions) : argmax(q, i * actions, actions);
            }
            step[0] += c.envs();
            envs.step(chosen);
            for (int i = 0; i < c.envs(); i++) {
                int slot = head[i];
                System.arraycopy(obs, i * obsSize, pastObs[i], slot * obsSize, obsSize);
                pastActions[i][slot] = envs.actualActions[i];
                pastRewards[i][slot] = (float) envs.rewards[i];
                head[i] = (slot + 1) % n;
                pending[i] = Math.min(pending[i] + 1, n);
                boolean ended = envs.terminated[i] || envs.truncated[i];
                if (ended) {
                    // Flush every pending start: returns up to the end, no bootstrap.
                    while (pending[i] > 0) {
                        emit(replay, pastObs[i], pastActions[i], pastRewards[i], head[i], pending[i], n, obsSize,
                                0f, envs.planes, i * obsSize, c.discount());
                        pending[i]--;
                    }
                } else if (pending[i] == n) {
                    emit(replay, pastObs[i], pastActions[i], pastRewards[i], head[i], n, n, obsSize,
                            (float) Math.pow(c.discount(), n), envs.planes, i * obsSize, c.discount());
                    pending[i]--;
                }
            }
            System.arraycopy(envs.planes, 0, obs, 0, obs.length);
            if (step[0] >= c.learningStarts() && replay.size() >= c.batchSize()
                    && step[0] / c.trainEvery() != (step[0] - c.envs()) / c.trainEvery()) {
                double beta = c.priorityBetaStart() + (1 - c.priorityBetaStart()) * Math.min(1.0, (double) step[0] / steps);
                replay.sample(batch, beta, random);
                learn(batch, replay);
                updates++;
            }
            if (step[0] / c.targetEvery() != (step[0] - c.envs()) / c.targetEvery()) {
                target.copyFrom(online);
            }
        }
    }

    /**
     * Cuts the transition that starts {@code count} entries before {@code head} in a copy's ring
     * and ends at the current step, with the discount {@code bootstrap} for the next observation.
     */
    private static void emit(PrioritizedReplay replay, float[] obsRing, int[] actionRing, float[] rewardRing, int head,
                             int count, int n, int obsSize, float bootstrap, float[] nextObs, int nextOffset,
                             double discount) {
        int start = Math.floorMod(head - count, n);
        float ret = 0;
        float g = 1;
        for (int k = 0; k < count; k++) {
            ret += g * rewardRing[(start + k) % n];
            g *= (float) discount;
        }
        float bootstrapDiscount = bootstrap == 0 ? 0 : g;
        replay.add(obsRing, start * obsSize, actionRing[start], ret, bootstrapDiscount, nextObs, nextOffset);
    }

    private void learn(PrioritizedReplay.Batch b, PrioritizedReplay replay) {
        int size = b.indices.length;
        // Double Q: the online network picks the next action, the target network values it.
        float[] nextOnline = qValues(online, b.nextObservations, size);
        float[] nextTarget = qValues(target, b.nextObservations, size);
        float[] targets = new float[size];
        for (int k = 0; k < size; k++) {
            int best = argmax(nextOnline, k * actions, actions);
            targets[k] = b.returns[k] + b.bootstrapDiscounts[k] * nextTarget[k * actions + best];
        }
        float[] tdErrors = new float[size];
        online.train(b.observations, size, (manager, out) -> {
            NDArray q = dueling(out);
            NDArray index = manager.create(toLong(b.actions), new Shape(size, 1));
            NDArray taken = q.gather(index, 1).reshape(size);
            NDArray delta = taken.sub(manager.create(targets));
            float[] d = delta.toFloatArray();
            System.arraycopy(d, 0, tdErrors, 0, size);
            NDArray abs = delta.abs();
            NDArray quadratic = DjlScalars.minimum(abs, 1f);
            NDArray huber = DjlScalars.mul(quadratic.square(), 0.5f).add(abs.sub(quadratic));
            return huber.mul(manager.create(b.weights)).mean();
        });
        replay.updatePriorities(b.indices, tdErrors);
    }

    /** Q = V + A - mean(A), from the network's outputs [A_0 .. A_{n-1}, V]. */
    private NDArray dueling(NDArray out) {
        NDArray advantages = out.get(":, 0:" + actions);
        NDArray value = out.get(":, " + actions + ":");
        return value.add(advantages.sub(advantages.mean(new int[] {1}, true)));
    }

    /** Q-values for a batch of observations, through the dueling head, computed on the Java side. */
    private float[] qValues(Network net, float[] observations, int batch) {
        return duelingQ(net.predict(observations, batch), batch, actions);
    }

    /** Q-values from the network's outputs (advantages then the state value, per row). */
    static float[] duelingQ(float[] out, int batch, int actions) {
        float[] q = new float[batch * actions];
        int width = actions + 1;
        for (int k = 0; k < batch; k++) {
            float mean = 0;
            for (int a = 0; a < actions; a++) {
                mean += out[k * width + a];
            }
            mean /= actions;
            float v = out[k * width + actions];
            for (int a = 0; a < actions; a++) {
                q[k * actions + a] = v + out[k * width + a] - mean;
            }
        }
        return q;
    }

    static int argmax(float[] values, int offset, int n) {
        int best = 0;
        for (int a = 1; a < n; a++) {
            if (values[offset + a] > values[offset + best]) {
                best = a;
            }
        }
        return best;
    }

    private static long[] toLong(int[] xs) {
        long[] out = new long[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[i];
        }
        return out;
    }

    /** Writes the greedy policy (the Q-network's weights) for {@link NetworkPolicy} to play again later. */
    public void writePolicy(java.io.DataOutputStream out) throws java.io.IOException {
        if (online == null) {
            throw new IllegalStateException("train before storing the policy");
        }
        NetworkPolicy.write(out, NetworkPolicy.Rule.GREEDY_DUELING, actions, online);
    }

    /** The greedy policy of the trained network. */
    public Policy greedyPolicy() {
        return greedyPolicy(null);
    }

    /** The greedy policy with {@code steering} (or null) added to the activations at its layer. */
    public Policy greedyPolicy(org.alignlab.core.Steering steering) {
        if (online == null) {
            throw new IllegalStateException("train before evaluating");
        }
        if (steering == null) {
            return env -> argmax(qValues(online, env.planes(), 1), 0, actions);
        }
        return env -> argmax(qValues(env.planes(), steering), 0, actions);
    }

    /** The greedy action for one observation (what {@link #greedyPolicy()} would do in that state). */
    public int greedyAction(float[] observation) {
        if (online == null) {
            throw new IllegalStateException("train before evaluating");
        }
        return argmax(qValues(online, observation, 1), 0, actions);
    }

    /** Q-values of one observation, with {@code steering} (or null) applied. */
    public float[] qValues(float[] observation, org.alignlab.core.Steering steering) {
        if (online == null) {
            throw new IllegalStateException("train before reading Q-values");
        }
        return duelingQ(online.activations(observation, 1, "output", steering), 1, actions);
    }

    /** The layers of the Q-network that {@link #capture} and steering reach: hidden1, hidden2, output. */
    public java.util.List<String> layers() {
        return Network.LAYERS;
    }

    /** The Q-network's activations at {@code layer} for each observation (one-hot planes, as the agent sees them). */
    public float[][] capture(String layer, java.util.List<float[]> observations) {
        if (online == null) {
            throw new IllegalStateException("train before capturing activations");
        }
        return online.capture(layer, observations);
    }

    @Override
    public void close() {
        if (online != null) {
            online.close();
            target.close();
        }
    }
}
