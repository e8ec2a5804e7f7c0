package org.alignlab.recsys;

/**
 * A learnt model of how users choose among the posts of a slate: a conditional logit whose
 * utility for a post is linear in its features (the platform's, {@link Platform#features}) and
 * whose utility for engaging with none is 0, fitted by penalised maximum likelihood (Newton's
 * method, ridge {@code ridge}) to the slates it is shown and what users did with them. It is the
 * choice model SlateQ needs to value a slate (Ie et al. 2019, who also learn it from logs). It
 * keeps the latest {@code capacity} slates and refits on them every {@code refitEvery}.
 */
final class ConditionalLogit {
    private final int d;
    private final int maxSize;
    private final double ridge;
    private final int refitEvery;
    private final double[] beta;
    // The ring of slates: each one's posts' features, size and the index engaged with (-1: none).
    private final double[] xs;
    private final int[] sizes;
    private final int[] engaged;
    private int stored;
    private int head;
    private long seen;
    private final double[] gradient;
    private final double[] hessian;
    private final double[] inverse;
    private final double[] work;
    private final double[] mean;
    private final double[] weight;

    ConditionalLogit(int d, int maxSize, double ridge, int refitEvery, int capacity) {
        if (d < 1 || maxSize < 1 || !(ridge > 0) || refitEvery < 1 || capacity < 1) {
            throw new IllegalArgumentException("a choice model needs features, a slate size, refits and a capacity of "
                    + "at least 1 and a positive ridge");
        }
        this.d = d;
        this.maxSize = maxSize;
        this.ridge = ridge;
        this.refitEvery = refitEvery;
        beta = new double[d];
        xs = new double[capacity * maxSize * d];
        sizes = new int[capacity];
        engaged = new int[capacity];
        gradient = new double[d];
        hessian = new double[d * d];
        inverse = new double[d * d];
        work = new double[2 * d * d];
        mean = new double[d];
        weight = new double[maxSize];
    }

    /** The utility of a post with features {@code x[from, from + d)}, against 0 for engaging with none. */
    double utility(double[] x, int from) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += beta[j] * x[from + j];
        }
        return s;
    }

    /** The fitted weights (a copy). */
    double[] weights() {
        return beta.clone();
    }

    /**
     * One slate: its {@code size} posts' features one after another in {@code x[0, size d)}, and
     * the index of the post engaged with, or -1 for none. Refits when it is time.
     */
    void observe(double[] x, int size, int chosen) {
        if (size < 1 || size > maxSize || chosen < -1 || chosen >= size) {
            throw new IllegalArgumentException("a slate of 1 to " + maxSize + " posts and a choice in -1 to size - 1, "
                    + "got " + size + " and " + chosen);
        }
        System.arraycopy(x, 0, xs, head * maxSize * d, size * d);
        sizes[head] = size;
        engaged[head] = chosen;
        head = (head + 1) % sizes.length;
        stored = Math.min(stored + 1, sizes.length);
        if (++seen % refitEvery == 0) {
            fit();
        }
    }

    /**
     * Newton's method from the current weights until a step moves no weight by 1e-9, or 50 steps.
     *
     * @return the steps taken
     */
    int fit() {
        for (int iteration = 0; iteration < 50; iteration++) {
            for (int j = 0; j < d; j++) {
                gradient[j] = -ridge * beta[j];
                for (int k = 0; k < d; k++) {
                    hessian[j * d + k] = j == k ? ridge : 0;
                }
            }
            for (int s = 0; s < stored; s++) {
                int from = s * maxSize * d;
                int size = sizes[s];
                double total = 1;
                for (int i = 0; i < size; i++) {
                    weight[i] = Math.exp(utility(xs, from + i * d));
                    total += weight[i];
                }
                java.util.Arrays.fill(mean, 0);
                for (int i = 0; i < size; i++) {
                    weight[i] /= total;
                    for (int j = 0; j < d; j++) {
                        mean[j] += weight[i] * xs[from + i * d + j];
                    }
                }
                // The log-likelihood's gradient is the chosen post's features (none: 0) less their expectation; its
                // negative Hessian is the features' covariance under the model's choice chances (with none at 0).
                for (int j = 0; j < d; j++) {
                    gradient[j] += (engaged[s] >= 0 ? xs[from + engaged[s] * d + j] : 0) - mean[j];
                    for (int k = 0; k < d; k++) {
                        double second = 0;
                        for (int i = 0; i < size; i++) {
                            second += weight[i] * xs[from + i * d + j] * xs[from + i * d + k];
                        }
                        hessian[j * d + k] += second - mean[j] * mean[k];
                    }
                }
            }
            Matrices.invert(hessian, d, inverse, work);
            double largest = 0;
            for (int j = 0; j < d; j++) {
                double step = 0;
                for (int k = 0; k < d; k++) {
                    step += inverse[j * d + k] * gradient[k];
                }
                beta[j] += step;
                largest = Math.max(largest, Math.abs(step));
            }
            if (largest < 1e-9) {
                return iteration + 1;
            }
        }
        return 50;
    }
}
