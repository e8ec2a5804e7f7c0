package org.alignlab.recsys;

/** The one piece of linear algebra the rankers need, for their small (d x d) systems. */
final class Matrices {
    private Matrices() {
    }

    /** The dot product of {@code weights} with the first {@code weights.length} numbers of {@code x}. */
    static double dot(double[] weights, double[] x) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i] * x[i];
        }
        return s;
    }

    /**
     * Writes the inverse of the d x d matrix {@code a} (row-major; here always symmetric positive
     * definite) into {@code inverse}, by Gauss-Jordan elimination with partial pivoting.
     *
     * @param work at least 2 d^2 numbers of scratch space
     */
    static void invert(double[] a, int d, double[] inverse, double[] work) {
        int w = 2 * d;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                work[i * w + j] = a[i * d + j];
                work[i * w + d + j] = i == j ? 1 : 0;
            }
        }
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int r = col + 1; r < d; r++) {
                if (Math.abs(work[r * w + col]) > Math.abs(work[pivot * w + col])) {
                    pivot = r;
                }
            }
            if (pivot != col) {
                for (int j = 0; j < w; j++) {
                    double t = work[col * w + j];
                    work[col * w + j] = work[pivot * w + j];
                    work[pivot * w + j] = t;
                }
            }
            double p = work[col * w + col];
            for (int j = 0; j < w; j++) {
                work[col * w + j] /= p;
            }
            for (int r = 0; r < d; r++) {
                if (r != col) {
                    double f = work[r * w + col];
                    if (f != 0) {
                        for (int j = 0; j < w; j++) {
                            work[r * w + j] -= f * work[col * w + j];
                        }
                    }
                }
            }
        }
        for (int i = 0; i < d; i++) {
            System.arraycopy(work, i * w + d, inverse, i * d, d);
        }
    }
}
