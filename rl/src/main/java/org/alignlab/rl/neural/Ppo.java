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
        agent = new ActorCritic("ppo", batch, c.hidden(), c.learningRate(), seed);
        int obsSize = agent.obsSize;
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(SplitMix64.derive(seed, 1));
        ActorCritic.Rollout r = new ActorCritic.Rollout(c.rollout(), c.envs(), obsSize);
        int size = c.rollout() * c.envs();
        int mb = Math.min(c.minibatch(), size);
        float[] advantages = new float[size];
        float[] returns = new float[size];
        int[] order = new int[size];
        float[] mbObs = new float[mb * obsSize];
        int[] mbActions = new int[mb];
        float[] mbOldLogp = new float[mb];
        float[] mbAdvantages = new float[mb];
        float[] mbReturns = new float[mb];
        while (step[0] < steps) {
            float entropy = c.entropyCoefficientAt(step[0], steps);
            agent.collect(batch, r, random, step, signal);
            gae(r, c, advantages, returns);
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            for (int epoch = 0; epoch < c.epochs(); epoch++) {
                shuffle(order, random);
                for (int start = 0; start + mb <= size; start += mb) {
                    for (int j = 0; j < mb; j++) {
                        int k = order[start + j];
                        System.arraycopy(r.observations, k * obsSize, mbObs, j * obsSize, obsSize);
                        mbActions[j] = r.actions[k];
                        mbOldLogp[j] = r.logProbabilities[k];
                        mbAdvantages[j] = advantages[k];
                        mbReturns[j] = returns[k];
                    }
                    normalise(mbAdvantages);
                    agent.network.train(mbObs, mb, (manager, out) -> {
                        ActorCritic.Terms terms = agent.terms(manager, out, mbActions);
                        NDArray adv = manager.create(mbAdvantages);
                        NDArray ratio = terms.logProbabilities().sub(manager.create(mbOldLogp)).exp();
                        NDArray surrogate = ratio.mul(adv).minimum(ratio.clip(1 - c.clip(), 1 + c.clip()).mul(adv));
                        NDArray valueLoss = manager.create(mbReturns).sub(terms.values()).square().mean();
                        return surrogate.mean().neg().add(DjlScalars.mul(valueLoss, c.valueCoefficient()))
                                .sub(DjlScalars.mul(terms.entropy().mean(), entropy));
                    });
                }
            }
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

    private static void shuffle(int[] xs, Xoshiro256PlusPlus random) {
        for (int i = xs.length - 1; i > 0; i--) {
            int j = random.nextIndex(i + 1);
            int t = xs[i];
            xs[i] = xs[j];
            xs[j] = t;
        }
    }
}
