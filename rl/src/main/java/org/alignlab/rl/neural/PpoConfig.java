package org.alignlab.rl.neural;

/**
 * Hyperparameters of {@link Ppo}.
 *
 * @param envs               copies stepped together
 * @param rollout            steps per copy per rollout
 * @param epochs             passes over each rollout
 * @param minibatch          samples per gradient step
 * @param hidden             units per hidden layer
 * @param learningRate       Adam step size
 * @param discount           gamma
 * @param gaeLambda          lambda of generalised advantage estimation
 * @param clip               the ratio clip epsilon
 * @param valueCoefficient   weight of the critic's squared error
 * @param entropyCoefficient weight of the entropy bonus
 */
public record PpoConfig(int envs, int rollout, int epochs, int minibatch, int hidden, float learningRate,
                        double discount, double gaeLambda, float clip, float valueCoefficient,
                        float entropyCoefficient) {

    public static PpoConfig defaults() {
        return new PpoConfig(16, 64, 4, 256, 64, 5e-4f, 0.99, 0.95, 0.2f, 0.5f, 0.01f);
    }

    public PpoConfig {
        if (envs < 1 || rollout < 1 || epochs < 1 || minibatch < 1 || hidden < 1) {
            throw new IllegalArgumentException("envs, rollout, epochs, minibatch and hidden must be positive");
        }
        if (!(learningRate > 0) || !(discount >= 0 && discount <= 1) || !(gaeLambda >= 0 && gaeLambda <= 1)
                || !(clip > 0) || valueCoefficient < 0 || entropyCoefficient < 0) {
            throw new IllegalArgumentException("learning rate and clip must be positive, discount and lambda in [0, 1],"
                    + " coefficients >= 0");
        }
    }
}
