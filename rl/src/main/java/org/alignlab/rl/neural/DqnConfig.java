package org.alignlab.rl.neural;

/**
 * Hyperparameters of {@link Dqn}, validated on construction.
 *
 * @param envs             environment copies stepped together
 * @param hidden           units per hidden layer
 * @param learningRate     Adam step size
 * @param discount         gamma
 * @param nStep            steps of reward summed before bootstrapping
 * @param bufferSize       replay capacity (transitions)
 * @param batchSize        minibatch size
 * @param learningStarts   environment steps before the first update
 * @param trainEvery       environment steps (over all copies) between updates
 * @param targetEvery      environment steps between target-network copies
 * @param epsilonEnd       final exploration rate
 * @param explorationFraction share of training over which epsilon falls from 1
 * @param priorityAlpha    prioritisation exponent
 * @param priorityBetaStart importance-sampling exponent at the start (annealed to 1)
 */
public record DqnConfig(int envs, int hidden, float learningRate, double discount, int nStep, int bufferSize,
                        int batchSize, long learningStarts, int trainEvery, int targetEvery, double epsilonEnd,
                        double explorationFraction, double priorityAlpha, double priorityBetaStart) {

    public static DqnConfig defaults() {
        return new DqnConfig(16, 64, 5e-4f, 0.99, 3, 50_000, 128, 1_000, 32, 2_000, 0.05, 0.3, 0.6, 0.4);
    }

    public DqnConfig {
        if (envs < 1 || hidden < 1 || batchSize < 1 || bufferSize < batchSize || nStep < 1 || trainEvery < 1
                || targetEvery < 1) {
            throw new IllegalArgumentException("envs, hidden, nStep, trainEvery and targetEvery must be positive and "
                    + "bufferSize at least batchSize");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(discount >= 0 && discount <= 1) || !(epsilonEnd >= 0 && epsilonEnd <= 1)
                || !(explorationFraction > 0 && explorationFraction <= 1)) {
            throw new IllegalArgumentException("discount and epsilon must be in [0, 1], exploration fraction in (0, 1]");
        }
    }
}
