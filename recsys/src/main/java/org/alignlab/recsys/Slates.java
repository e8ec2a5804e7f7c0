package org.alignlab.recsys;

/** Choosing slates: the best few posts by a score, and the slate with the highest value under a choice model. */
final class Slates {
    private Slates() {
    }

    /**
     * Fills {@code out[0, size)} with the indices of the {@code size} highest of {@code scores[0, count)},
     * highest first (ties to the lower index).
     */
    static void top(double[] scores, int count, int size, int[] out) {
        for (int k = 0; k < size; k++) {
            int best = -1;
            for (int i = 0; i < count; i++) {
                if (!contains(out, k, i) && (best < 0 || scores[i] > scores[best])) {
                    best = i;
                }
            }
            out[k] = best;
        }
    }

    /** Whether {@code x} is among {@code xs[0, count)}. */
    static boolean contains(int[] xs, int count, int x) {
        for (int j = 0; j < count; j++) {
            if (xs[j] == x) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fills {@code out[0, size)} with the indices of the slate of {@code size} of the {@code count}
     * candidates with the highest value {@code (noneValue + sum of weight_i value_i) / (1 + sum of
     * weight_i)}: a slate's value under a conditional logit where candidate i has choice weight
     * {@code weight_i} (positive) and engaging with none weight 1, and {@code value_i} is what
     * engaging with i is worth ({@code noneValue}: with none). SlateQ values slates so (Ie et al.
     * 2019). The value is a ratio, so the best slate is found exactly by Dinkelbach's method: for a
     * guess {@code lambda}, the slate maximising {@code sum of weight_i (value_i - lambda)} is the
     * top {@code size} by {@code weight_i (value_i - lambda)}; its value is the next guess, and the
     * guesses rise until they stop, at the best value.
     *
     * @param scratch at least {@code count} numbers
     * @return the best slate's value
     */
    static double best(double[] weight, double[] value, int count, double noneValue, int size, int[] out,
                       double[] scratch) {
        double lambda = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < 100; iteration++) {
            for (int i = 0; i < count; i++) {
                scratch[i] = lambda == Double.NEGATIVE_INFINITY ? weight[i] * value[i] : weight[i] * (value[i] - lambda);
            }
            top(scratch, count, size, out);
            double next = value(weight, value, noneValue, out, size);
            // Each slate is worth at least the guess it was chosen at (the last slate scores 0 there), so the guesses
            // rise; when one rises no more, the slate chosen is the best.
            if (!(next > lambda + 1e-12)) {
                return next;
            }
            lambda = next;
        }
        return lambda;
    }

    /** The value of the slate {@code slate[0, size)} as {@link #best} defines it. */
    static double value(double[] weight, double[] value, double noneValue, int[] slate, int size) {
        double num = noneValue;
        double den = 1;
        for (int k = 0; k < size; k++) {
            num += weight[slate[k]] * value[slate[k]];
            den += weight[slate[k]];
        }
        return num / den;
    }
}
