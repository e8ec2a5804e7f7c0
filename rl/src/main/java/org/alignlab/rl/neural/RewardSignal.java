package org.alignlab.rl.neural;

/**
 * What a policy-gradient agent is trained on, when it is not the environment's visible reward:
 * a learned reward (e.g. a reward model fitted to preferences) and a KL penalty that keeps the
 * policy near a reference. The reference is the uniform policy, which is what the untrained
 * network starts as (its initial logits are near zero); the penalty per step is
 * {@code klCoefficient * (log pi(a|s) - log(1/|A|))}, whose expectation is the KL divergence.
 *
 * @param reward        the learned reward of each copy's step, or null for the environment's reward
 * @param klCoefficient the penalty's weight (0: none)
 * @param hidden        train on the environment's hidden reward (the true objective) instead: a baseline
 */
public record RewardSignal(StepReward reward, double klCoefficient, boolean hidden) {
    public RewardSignal(StepReward reward, double klCoefficient) {
        this(reward, klCoefficient, false);
    }

    /** The true objective itself: what an agent would learn if the reward were right. */
    public static RewardSignal hiddenReward() {
        return new RewardSignal(null, 0, true);
    }

    public RewardSignal {
        if (hidden && reward != null) {
            throw new IllegalArgumentException("train on a learnt reward or on the hidden reward, not both");
        }
        if (!(klCoefficient >= 0) || Double.isInfinite(klCoefficient)) {
            throw new IllegalArgumentException("the KL coefficient must be a finite number of at least 0, got "
                    + klCoefficient);
        }
    }

    /** A reward for each of {@code n} steps: observations (n x obsSize, one-hot planes) and the actions taken. */
    @FunctionalInterface
    public interface StepReward {
        void rewards(float[] observations, int[] actions, int n, float[] out);
    }
}
