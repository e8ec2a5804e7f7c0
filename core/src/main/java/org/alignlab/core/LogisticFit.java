package org.alignlab.core;

/**
 * Logistic regression by Newton's method, for models of a few parameters fitted on a few hundred
 * examples: P(y = 1 | x) = sigmoid(w . x). Targets may be soft (any value in [0, 1]): the fit
 * maximises the expected log-likelihood, so a target of 0.5 asks for no preference. There is no
 * intercept unless the rows carry a constant column. A small ridge keeps the weights finite when the
 * examples are separable.
 */
public final class LogisticFit {
    private LogisticFit() {
    }

    /**
     * The weights that maximise sum_i [t_i log p_i + (1 - t_i) log(1 - p_i)] - ridge/2 |w|^2.
     *
     * @param x      one row of features per example, every row as long
     * @param target each example's target in [0, 1]
     * @param ridge  the L2 penalty (at least 0; 0 only when the examples are not separable)
     * @throws IllegalArgumentException for no examples, ragged rows, a target outside [0, 1] or a negative ridge
     * @throws IllegalStateException if Newton's method has not converged after 100 steps
     */
    public static double[] fit(double[][] x, double[] target, double ridge) {
        double[] weight = new double[x.length];
        java.util.Arrays.fill(weight, 1);
        return fit(x, target, weight, ridge);
    }

    /**
     * The same with each example's log-likelihood weighted (for classes of unequal size, each weighted
     * to half the total).
     *
     * @throws IllegalArgumentException also for a weight below 0 or one weight too many or too few
     */
    public static double[] fit(double[][] x, double[] target, double[] weight, double ridge) {
        if (weight.length != x.length) {
            throw new IllegalArgumentException(x.length + " examples and " + weight.length + " weights");
        }
        if (x.length == 0 || x.length != target.length) {
            throw new IllegalArgumentException("a logistic fit needs one target per example and at least one example; got "
                    + x.length + " examples and " + target.length + " targets");
        }
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("the ridge must be at least 0, got " + ridge);
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("example " + i + " has " + x[i].length + " features, the first " + d);
            }
            if (!(target[i] >= 0 && target[i] <= 1)) {
                throw new IllegalArgumentException("example " + i + "'s target must be in [0, 1], got " + target[i]);
            }
            if (!(weight[i] >= 0)) {
                throw new IllegalArgumentException("example " + i + "'s weight must be at least 0, got " + weight[i]);
            }
        }
        double[] w = new double[d];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int j = 0; j < d; j++) {
                gradient[j] = -ridge * w[j];
                hessian[j][j] = ridge;
            }
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(dot(w, x[i]));
                double curvature = weight[i] * p * (1 - p);
                for (int j = 0; j < d; j++) {
                    gradient[j] += weight[i] * (target[i] - p) * x[i][j];
                    for (int k = 0; k < d; k++) {
                        hessian[j][k] += curvature * x[i][j] * x[i][k];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < d; j++) {
                w[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-12) {
                return w;
            }
        }
        throw new IllegalStateException("a logistic fit did not converge in 100 Newton steps; give a larger ridge");
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting; the Hessian is positive definite when the fit is well posed. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] v = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-300) {
                throw new IllegalArgumentException("a logistic fit without a unique answer: feature " + col
                        + " is constant zero or a copy of another; give a ridge above 0");
            }
            double[] rowSwap = m[col];
            m[col] = m[pivot];
            m[pivot] = rowSwap;
            double valueSwap = v[col];
            v[col] = v[pivot];
            v[pivot] = valueSwap;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c < n; c++) {
                    m[r][c] -= f * m[col][c];
                }
                v[r] -= f * v[col];
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = v[r];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * out[c];
            }
            out[r] = s / m[r][r];
        }
        return out;
    }
}
