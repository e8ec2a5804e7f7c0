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
 * @param entropyCoefficient weight of the entropy bonus
 */
public record A2cConfig(int envs, int rollout, int hidden, float learningRate, double discount,
                        float valueCoefficient, float entropyCoefficient) {

    public static A2cConfig defaults() {
        return new A2cConfig(16, 8, 64, 7e-4f, 0.99, 0.5f, 0.01f);
    }

    public A2cConfig {
        if (envs < 1 || rollout < 1 || hidden < 1) {
            throw new IllegalArgumentException("envs, rollout and hidden must be positive");
        }
        if (!(learningRate > 0) || !(discount >= 0 && discount <= 1) || valueCoefficient < 0 || entropyCoefficient < 0) {
            throw new IllegalArgumentException("learning rate must be positive, discount in [0, 1], coefficients >= 0");
        }
    }
}
