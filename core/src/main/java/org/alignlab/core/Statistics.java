package org.alignlab.core;

import java.util.Arrays;

/** Summary statistics used by every report. */
public final class Statistics {
    /** Student t 0.975 quantiles for 1..30 degrees of freedom (standard tables). */
    private static final double[] T_975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    private static final double Z_975 = 1.959963984540054;

    private Statistics() {
    }

    /** ln C(n, k), summed in log space so that large n does not overflow. */
    public static double logChoose(long n, long k) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got n " + n + ", k " + k);
        }
        double s = 0;
        for (long i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    /** Pearson's correlation of two equally long samples; NaN if either is constant. */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("correlation needs two samples of the same size, at least 2; got "
                    + x.length + " and " + y.length);
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman's rank correlation: Pearson's on ranks, tied values sharing their mean rank. */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /** Ranks from 1, ties given the mean of the ranks they span. */
    static double[] ranks(double[] xs) {
        Integer[] order = new Integer[xs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
        double[] r = new double[xs.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && xs[order[j + 1]] == xs[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }

    public static double mean(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /** The sample standard deviation (n - 1 in the denominator); 0 for fewer than two samples. */
    public static double standardDeviation(double[] xs) {
        if (xs.length < 2) {
            return 0;
        }
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }

    /** The 0.975 quantile of Student's t with {@code df} degrees of freedom. */
    public static double tQuantile975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + df);
        }
        if (df <= T_975.length) {
            return T_975[df - 1];
        }
        // Cornish-Fisher expansion around the normal quantile; error below 1e-4 beyond 30 df.
        double z = Z_975;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
    }

    /** The mean of {@code value} over {@code items} (e.g. one per seed) with its 95% t-interval. */
    public static <T> MeanInterval meanInterval(java.util.Collection<T> items,
                                                java.util.function.ToDoubleFunction<? super T> value) {
        return meanInterval(items.stream().mapToDouble(value).toArray());
    }

    /** The mean with a 95% t-interval over the samples (e.g. one value per seed). */
    public static MeanInterval meanInterval(double[] xs) {
        double m = mean(xs);
        if (xs.length < 2) {
            return new MeanInterval(m, m, m, xs.length);
        }
        double half = tQuantile975(xs.length - 1) * standardDeviation(xs) / Math.sqrt(xs.length);
        return new MeanInterval(m, m - half, m + half, xs.length);
    }

    /**
     * The {@code q} quantile of the samples, interpolating linearly between order statistics
     * (Hyndman and Fan's type 7, the default of R and NumPy).
     */
    public static double quantile(double[] xs, double q) {
        if (xs.length == 0 || !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile needs samples and q in [0, 1], got " + xs.length
                    + " samples and q " + q);
        }
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /**
     * A median over a few samples (e.g. one per seed) with its spread: the quartiles, and a 95%
     * bootstrap interval of the median (the study that fills it says what was resampled).
     */
    public record MedianSpread(double median, double lowerQuartile, double upperQuartile, double low, double high,
                               int n) {
        /** "0.72 (IQR 0.60-0.80; 95% 0.55-0.81)". */
        public String format() {
            return String.format(java.util.Locale.ROOT, "%.2f (IQR %.2f-%.2f; 95%% %.2f-%.2f)", median, lowerQuartile,
                    upperQuartile, low, high);
        }
    }
}
