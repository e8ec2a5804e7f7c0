package org.alignlab.rl.neural;

/**
 * Hyperparameters of {@link A2c}.
 *
 * @param envs               copies stepped together
 * @param rollout            steps per copy between updates
 * @param hidden             units per hidden layer
 * @param learningRate       Adam step size
 * @param discount           gamma
 * @param valueCoefficient   weight of the critic's squared error
 * @param entropyCoefficient weight of the entropy bonus at the start
 * @param finalEntropyCoefficient the weight it falls (or rises) to, linearly
 * @param annealShare        the share of the run over which it does (1: the whole run)
 */
public record A2cConfig(int envs, int rollout, int hidden, float learningRate, double discount,
                        float valueCoefficient, float entropyCoefficient, float finalEntropyCoefficient,
                        double annealShare) {

    public static A2cConfig defaults() {
        return new A2cConfig(16, 8, 64, 7e-4f, 0.99, 0.5f, 0.01f);
    }

    /** A constant entropy weight. */
    public A2cConfig(int envs, int rollout, int hidden, float learningRate, double discount, float valueCoefficient,
                     float entropyCoefficient) {
        this(envs, rollout, hidden, learningRate, discount, valueCoefficient, entropyCoefficient, entropyCoefficient, 1);
    }

    public A2cConfig {
        if (envs < 1 || rollout < 1 || hidden < 1) {
            throw new IllegalArgumentException("envs, rollout and hidden must be positive");
        }
        if (!(learningRate > 0) || !(discount >= 0 && discount <= 1) || valueCoefficient < 0
                || !(entropyCoefficient >= 0) || !(finalEntropyCoefficient >= 0)
                || !(annealShare > 0 && annealShare <= 1)) {
            throw new IllegalArgumentException("learning rate must be positive, discount in [0, 1], coefficients >= 0, "
                    + "the annealing share in (0, 1]");
        }
    }

    /** The entropy weight after {@code step} of {@code steps} training steps. */
    public float entropyCoefficientAt(long step, long steps) {
        return PpoConfig.annealed(entropyCoefficient, finalEntropyCoefficient, annealShare, step, steps);
    }
}
