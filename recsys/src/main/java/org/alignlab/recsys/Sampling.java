package org.alignlab.recsys;

import java.util.random.RandomGenerator;

/** Draws from the distributions the simulator needs, from a seeded generator, without allocating. */
final class Sampling {
    private Sampling() {
    }

    /**
     * A Gamma(shape, 1) draw (Marsaglia and Tsang 2000; shapes below 1 by the boost
     * Gamma(a) = Gamma(a + 1) U^(1/a)).
     */
    static double gamma(RandomGenerator random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A Beta(a, b) draw, as X / (X + Y) of two Gamma draws. */
    static double beta(RandomGenerator random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    /** Fills {@code out[from, from + k)} with a Dirichlet(concentration, ..., concentration) draw. */
    static void dirichlet(RandomGenerator random, double concentration, double[] out, int from, int k) {
        double sum = 0;
        for (int i = 0; i < k; i++) {
            out[from + i] = gamma(random, concentration);
            sum += out[from + i];
        }
        for (int i = 0; i < k; i++) {
            out[from + i] /= sum;
        }
    }

    /** The logistic function. */
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
