package org.alignlab.recsys;

/**
 * A linear model of a label (engagement, or a survey answer) from a post's features, fitted by
 * ridge regression and ranked with an upper confidence bound (LinUCB, Li et al. 2010, one model
 * shared by all users): score = theta . x + alpha sqrt(x' A^-1 x), with A = ridge I + sum x x' and
 * theta = A^-1 sum y x. Like a production ranker it is refitted in batches (every {@code refitEvery}
 * observations), which also keeps the inverse exact rather than drifting under rank-one updates.
 */
final class LinUcb {
    private final int d;
    private final double alpha;
    private final int refitEvery;
    private final double[] a;
    private final double[] b;
    private final double[] inverse;
    private final double[] theta;
    private final double[] work;
    private int pending;

    /**
     * @param d          how many features
     * @param ridge      the ridge penalty (the prior precision), positive
     * @param alpha      how much the confidence bound counts (0: greedy)
     * @param refitEvery observations between refits
     */
    LinUcb(int d, double ridge, double alpha, int refitEvery) {
        if (d < 1 || !(ridge > 0) || !(alpha >= 0) || refitEvery < 1) {
            throw new IllegalArgumentException("LinUCB needs d >= 1, ridge > 0, alpha >= 0 and refitEvery >= 1");
        }
        this.d = d;
        this.alpha = alpha;
        this.refitEvery = refitEvery;
        a = new double[d * d];
        b = new double[d];
        inverse = new double[d * d];
        theta = new double[d];
        work = new double[2 * d * d];
        for (int i = 0; i < d; i++) {
            a[i * d + i] = ridge;
        }
        refit();
    }

    /** The model's prediction for features {@code x}. */
    double predict(double[] x) {
        return Matrices.dot(theta, x);
    }

    /** The prediction plus the confidence bonus: what the ranker ranks by. */
    double score(double[] x) {
        if (alpha == 0) {
            return predict(x);
        }
        double q = 0;
        for (int i = 0; i < d; i++) {
            double row = 0;
            for (int j = 0; j < d; j++) {
                row += inverse[i * d + j] * x[j];
            }
            q += x[i] * row;
        }
        return predict(x) + alpha * Math.sqrt(Math.max(q, 0));
    }

    /** Adds one observation: features {@code x} had label {@code y}. */
    void observe(double[] x, double y) {
        for (int i = 0; i < d; i++) {
            double xi = x[i];
            b[i] += y * xi;
            for (int j = 0; j < d; j++) {
                a[i * d + j] += xi * x[j];
            }
        }
        if (++pending >= refitEvery) {
            refit();
        }
    }

    /** The fitted coefficients (a copy), after a refit over every observation so far. */
    double[] coefficients() {
        refit();
        return theta.clone();
    }

    /** Inverts A and solves for theta. */
    private void refit() {
        pending = 0;
        Matrices.invert(a, d, inverse, work);
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += inverse[i * d + j] * b[j];
            }
            theta[i] = s;
        }
    }
}
