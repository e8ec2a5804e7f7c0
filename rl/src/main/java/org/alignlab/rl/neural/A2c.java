package org.alignlab.rl.neural;

import ai.djl.ndarray.NDArray;
import org.alignlab.core.DjlScalars;
import org.alignlab.gridworlds.GridworldBatch;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.alignlab.rl.EpisodeLog;

/**
 * Advantage actor-critic, synchronous (A2C; Mnih et al. 2016), as in the safety-gridworlds
 * paper: short rollouts from a batch of copies, n-step returns bootstrapped from the critic,
 * loss = -log pi(a|s) * advantage + value coefficient * (return - V)^2 - entropy coefficient * H.
 * On-policy.
 *
 * @see A2cConfig
 */
public final class A2c extends PolicyGradientAgent {
    private final A2cConfig config;

    public A2c(A2cConfig config, long seed) {
        super(seed);
        this.config = config;
    }

    /** Trains for {@code steps} environment steps (over all copies); logs every finished episode. */
    public void train(Variant variant, long steps, EpisodeLog log) {
        A2cConfig c = config;
        long[] step = {0};
        GridworldBatch batch = TrainingBatch.create(variant, c.envs(), seed, log, step);
        agent = new ActorCritic("a2c", batch, c.hidden(), c.learningRate(), seed);
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(SplitMix64.derive(seed, 1));
        ActorCritic.Rollout r = new ActorCritic.Rollout(c.rollout(), c.envs(), agent.obsSize);
        int size = c.rollout() * c.envs();
        float[] returns = new float[size];
        while (step[0] < steps) {
            float entropy = c.entropyCoefficientAt(step[0], steps);
            agent.collect(batch, r, random, step);
            for (int i = 0; i < c.envs(); i++) {
                float g = r.lastValues[i];
                for (int t = c.rollout() - 1; t >= 0; t--) {
                    int k = t * c.envs() + i;
                    g = r.rewards[k] + (float) c.discount() * g * r.notDone[k];
                    returns[k] = g;
                }
            }
            agent.network.train(r.observations, size, (manager, out) -> {
                ActorCritic.Terms terms = agent.terms(manager, out, r.actions);
                NDArray ret = manager.create(returns);
                NDArray advantage = ret.sub(terms.values()).stopGradient();
                NDArray policyLoss = terms.logProbabilities().mul(advantage).mean().neg();
                NDArray valueLoss = ret.sub(terms.values()).square().mean();
                return policyLoss.add(DjlScalars.mul(valueLoss, c.valueCoefficient()))
                        .sub(DjlScalars.mul(terms.entropy().mean(), entropy));
            });
        }
    }
}
