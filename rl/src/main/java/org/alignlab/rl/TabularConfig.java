package org.alignlab.rl;

/**
 * Hyperparameters of the tabular learners, validated on construction.
 *
 * @param learningRate        step size alpha, in (0, 1]
 * @param discount            gamma, in [0, 1]
 * @param epsilonStart        exploration rate at the start, in [0, 1]
 * @param epsilonEnd          exploration rate after the decay, in [0, 1]
 * @param epsilonDecaySteps   steps over which epsilon falls linearly (0: constant epsilonEnd)
 */
public record TabularConfig(double learningRate, double discount, double epsilonStart, double epsilonEnd,
                            long epsilonDecaySteps) {

    /** The defaults: alpha 0.1, gamma 0.99, epsilon 1.0 to 0.01 over the first half of the budget. */
    public static TabularConfig defaults(long steps) {
        return new TabularConfig(0.1, 0.99, 1.0, 0.01, steps / 2);
    }

    public TabularConfig {
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
        }
        if (!(discount >= 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount must be in [0, 1], got " + discount);
        }
        if (!(epsilonStart >= 0 && epsilonStart <= 1) || !(epsilonEnd >= 0 && epsilonEnd <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilonStart + " and " + epsilonEnd);
        }
        if (epsilonDecaySteps < 0) {
            throw new IllegalArgumentException("epsilon decay steps must be >= 0, got " + epsilonDecaySteps);
        }
    }

    /** Epsilon after {@code step} steps. */
    public double epsilon(long step) {
        if (step >= epsilonDecaySteps) {
            return epsilonEnd;
        }
        return epsilonStart + (epsilonEnd - epsilonStart) * step / epsilonDecaySteps;
    }
}
