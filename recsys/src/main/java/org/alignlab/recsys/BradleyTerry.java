package org.alignlab.recsys;

import java.util.Arrays;

/**
 * A linear reward model learnt from comparisons (Bradley and Terry 1952, as in learning from human
 * preferences): the chance that a person prefers a over b is sigmoid(theta . (x_a - x_b)). Fitted
 * by L2-regularised maximum likelihood, Newton's method over every comparison so far.
 */
final class BradleyTerry {
    private final int d;
    private final double l2;
    private final int refitEvery;
    private double[] differences = new double[1024];
    private int count;
    private int pending;
    private final double[] theta;
    private final double[] gradient;
    private final double[] hessian;
    private final double[] inverse;
    private final double[] work;

    /**
     * @param d          how many features
     * @param l2         the L2 penalty on theta (positive: keeps the fit finite when the data separate)
     * @param refitEvery comparisons between refits
     */
    BradleyTerry(int d, double l2, int refitEvery) {
        if (d < 1 || !(l2 > 0) || refitEvery < 1) {
            throw new IllegalArgumentException("a Bradley-Terry model needs d >= 1, l2 > 0 and refitEvery >= 1");
        }
        this.d = d;
        this.l2 = l2;
        this.refitEvery = refitEvery;
        theta = new double[d];
        gradient = new double[d];
        hessian = new double[d * d];
        inverse = new double[d * d];
        work = new double[2 * d * d];
    }

    /** A comparison: the person preferred the post with features {@code better} to the one with {@code worse}. */
    void prefer(double[] better, double[] worse) {
        if ((count + 1) * d > differences.length) {
            differences = Arrays.copyOf(differences, differences.length * 2);
        }
        for (int i = 0; i < d; i++) {
            differences[count * d + i] = better[i] - worse[i];
        }
        count++;
        // Refitted every refitEvery comparisons, and no more often than every tenth growth of the data, so that the
        // total work grows as n log n rather than n squared.
        if (++pending >= Math.max(refitEvery, count / 10)) {
            fit();
        }
    }

    /** The learnt reward of features {@code x} (its scale is the comparisons' log-odds). */
    double reward(double[] x) {
        return Matrices.dot(theta, x);
    }

    /** How many comparisons it has had. */
    int comparisons() {
        return count;
    }

    /** The fitted coefficients (a copy), after a fit over every comparison so far. */
    double[] coefficients() {
        fit();
        return theta.clone();
    }

    /** Newton's method from the last fit, until the step is below 1e-10 or after 25 steps. */
    private void fit() {
        pending = 0;
        for (int iteration = 0; iteration < 25; iteration++) {
            Arrays.fill(gradient, 0);
            Arrays.fill(hessian, 0);
            for (int i = 0; i < d; i++) {
                gradient[i] = -l2 * theta[i];
                hessian[i * d + i] = l2;
            }
            for (int k = 0; k < count; k++) {
                int from = k * d;
                double z = 0;
                for (int i = 0; i < d; i++) {
                    z += theta[i] * differences[from + i];
                }
                double p = Sampling.sigmoid(z);
                double weight = p * (1 - p);
                for (int i = 0; i < d; i++) {
                    double xi = differences[from + i];
                    gradient[i] += (1 - p) * xi; // the observed outcome is always "preferred": y = 1
                    for (int j = 0; j < d; j++) {
                        hessian[i * d + j] += weight * xi * differences[from + j];
                    }
                }
            }
            double[] step = solve();
            double size = 0;
            for (int i = 0; i < d; i++) {
                theta[i] += step[i];
                size += Math.abs(step[i]);
            }
            if (size < 1e-10) {
                return;
            }
        }
    }

    /** The Newton step: the inverse of the hessian times the gradient. */
    private double[] solve() {
        Matrices.invert(hessian, d, inverse, work);
        double[] step = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                step[i] += inverse[i * d + j] * gradient[j];
            }
        }
        return step;
    }
}
