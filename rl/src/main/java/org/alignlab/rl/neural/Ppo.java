package org.alignlab.rl.neural;

import ai.djl.ndarray.NDArray;
import org.alignlab.core.DjlScalars;
import org.alignlab.gridworlds.GridworldBatch;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.alignlab.rl.EpisodeLog;

/**
 * Proximal policy optimisation with the clipped objective (Schulman et al. 2017): rollouts
 * from a batch of copies, generalised advantage estimation, several epochs of minibatch updates
 * of -min(ratio * A, clip(ratio, 1 - eps, 1 + eps) * A) + value loss - entropy bonus (its weight
 * optionally annealed over the run), with advantages normalised per minibatch. On-policy. Later work optimises learned rewards with it.
 *
 * @see PpoConfig
 */
public final class Ppo extends PolicyGradientAgent {
    private final PpoConfig config;

    public Ppo(PpoConfig config, long seed) {
        super(seed);
        this.config = config;
    }

    /** Trains for {@code steps} environment steps (over all copies); logs every finished episode. */
    public void train(Variant variant, long steps, EpisodeLog log) {
        train(variant, steps, log, null);
    }

    /**
     * Trains on {@code signal}: a learned reward and a KL penalty toward the uniform reference
     * (null: the environment's visible reward). The log still records the environment's visible
     * return and hidden performance of every episode.
     */
    public void train(Variant variant, long steps, EpisodeLog log, RewardSignal signal) {
        PpoConfig c = config;
        long[] step = {0};
        GridworldBatch batch = TrainingBatch.create(variant, c.envs(), seed, log, step);
        agent = new ActorCritic("ppo", batch, c.hidden(), c.learningRate(), seed, c.convolutional());
        int obsSize = agent.obsSize;
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(SplitMix64.derive(seed, 1));
        ActorCritic.Rollout r = new ActorCritic.Rollout(c.rollout(), c.envs(), obsSize);
        int size = c.rollout() * c.envs();
        float[] advantages = new float[size];
        float[] returns = new float[size];
        int[] order = new int[size];
        Minibatch m = null;
        while (step[0] < steps) {
            float entropy = c.entropyCoefficientAt(step[0], steps);
            agent.collect(batch, r, random, step, signal);
            gae(r, c, advantages, returns);
            // Steps of episodes played only to score a level (robust level replay) are left out of the loss.
            int trainable = 0;
            for (int i = 0; i < size; i++) {
                if (r.trainable[i]) {
                    order[trainable++] = i;
                }
            }
            if (trainable == 0) {
                continue;
            }
            // Near-equal minibatches of at most the configured size that use every trained step (a full rollout
            // divides evenly, so without a level source nothing changes).
            int batches = (trainable + c.minibatch() - 1) / c.minibatch();
            for (int epoch = 0; epoch < c.epochs(); epoch++) {
                shuffle(order, trainable, random);
                int start = 0;
                for (int n = 0; n < batches; n++) {
                    int mb = trainable / batches + (n < trainable % batches ? 1 : 0);
                    if (m == null || m.size() != mb) {
                        m = new Minibatch(mb, obsSize);
                    }
                    Minibatch b = m;
                    for (int j = 0; j < mb; j++) {
                        int k = order[start + j];
                        System.arraycopy(r.observations, k * obsSize, b.observations(), j * obsSize, obsSize);
                        b.actions()[j] = r.actions[k];
                        b.oldLogp()[j] = r.logProbabilities[k];
                        b.advantages()[j] = advantages[k];
                        b.returns()[j] = returns[k];
                    }
                    normalise(b.advantages());
                    agent.network.train(b.observations(), mb, (manager, out) -> {
                        ActorCritic.Terms terms = agent.terms(manager, out, b.actions());
                        NDArray adv = manager.create(b.advantages());
                        NDArray ratio = terms.logProbabilities().sub(manager.create(b.oldLogp())).exp();
                        NDArray surrogate = ratio.mul(adv).minimum(ratio.clip(1 - c.clip(), 1 + c.clip()).mul(adv));
                        NDArray valueLoss = manager.create(b.returns()).sub(terms.values()).square().mean();
                        return surrogate.mean().neg().add(DjlScalars.mul(valueLoss, c.valueCoefficient()))
                                .sub(DjlScalars.mul(terms.entropy().mean(), entropy));
                    });
                    start += mb;
                }
            }
        }
    }

    /** One minibatch's inputs, reused while minibatches keep their size. */
    private record Minibatch(float[] observations, int[] actions, float[] oldLogp, float[] advantages,
                             float[] returns) {
        Minibatch(int size, int obsSize) {
            this(new float[size * obsSize], new int[size], new float[size], new float[size], new float[size]);
        }

        int size() {
            return actions.length;
        }
    }

    /** Generalised advantage estimation over the rollout, per copy, backwards in time. */
    private static void gae(ActorCritic.Rollout r, PpoConfig c, float[] advantages, float[] returns) {
        for (int i = 0; i < r.envs; i++) {
            float next = r.lastValues[i];
            float running = 0;
            for (int t = r.length - 1; t >= 0; t--) {
                int k = t * r.envs + i;
                float delta = r.rewards[k] + (float) c.discount() * next * r.notDone[k] - r.values[k];
                running = delta + (float) (c.discount() * c.gaeLambda()) * r.notDone[k] * running;
                advantages[k] = running;
                returns[k] = running + r.values[k];
                next = r.values[k];
            }
        }
    }

    private static void normalise(float[] xs) {
        double mean = 0;
        for (float x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double var = 0;
        for (float x : xs) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / xs.length) + 1e-8;
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) ((xs[i] - mean) / sd);
        }
    }

    /** Shuffles the first {@code n} of {@code xs}. */
    private static void shuffle(int[] xs, int n, Xoshiro256PlusPlus random) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextIndex(i + 1);
            int t = xs[i];
            xs[i] = xs[j];
            xs[j] = t;
        }
    }
}
