package org.alignlab.core;

/**
 * Intervals and tests for samples that come in clusters, such as several wordings of one request
 * topic: wordings of one topic tend to get the same answer, so counting them as independent
 * trials makes intervals too narrow and tests too confident. Here the cluster (the topic) is the
 * unit that varies.
 */
public final class Clustered {
    /** Above this many clusters the sign-flip test samples its flips instead of listing them all. */
    static final int EXACT_CLUSTERS = 20;
    static final int SAMPLED_FLIPS = 200_000;

    private Clustered() {
    }

    /**
     * The share of hits with a Wilson interval on the effective sample size n / deff (Kish's design
     * effect, deff = 1 + (m0 - 1) ICC, with the one-way analysis-of-variance estimate of the
     * intra-cluster correlation, held in [0, 1]; m0 is the mean cluster size corrected for unequal
     * sizes). When every cluster is all hits or all misses the correlation cannot be estimated from
     * within-cluster spread, and the clusters count as the trials (deff = m0): the cautious reading.
     *
     * @param hits   hits per cluster
     * @param trials trials per cluster (clusters with none are ignored)
     */
    public static ProportionInterval wilson(long[] hits, long[] trials) {
        if (hits.length != trials.length) {
            throw new IllegalArgumentException("one hit count per cluster: " + hits.length + " against " + trials.length);
        }
        long n = 0;
        long x = 0;
        int clusters = 0;
        double sumSquares = 0;
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] < 0 || hits[i] > trials[i]) {
                throw new IllegalArgumentException("cluster " + i + ": need 0 <= hits <= trials, got " + hits[i]
                        + " of " + trials[i]);
            }
            if (trials[i] > 0) {
                n += trials[i];
                x += hits[i];
                clusters++;
                sumSquares += (double) trials[i] * trials[i];
            }
        }
        if (clusters <= 1 || n == clusters) {
            return ProportionInterval.wilson(x, n); // one cluster, or clusters of one: nothing to correct
        }
        double p = (double) x / n;
        double m0 = (n - sumSquares / n) / (clusters - 1);
        double between = 0;
        double within = 0;
        for (int i = 0; i < hits.length; i++) {
            if (trials[i] > 0) {
                double pi = (double) hits[i] / trials[i];
                between += trials[i] * (pi - p) * (pi - p);
                within += trials[i] * pi * (1 - pi);
            }
        }
        double msb = between / (clusters - 1);
        double msw = within / (n - clusters);
        double deff;
        if (msb + (m0 - 1) * msw <= 0) {
            deff = m0; // no spread within or between clusters: all hits or all misses
        } else {
            double icc = Math.max(0, Math.min(1, (msb - msw) / (msb + (m0 - 1) * msw)));
            deff = 1 + (m0 - 1) * icc;
        }
        double[] bounds = ProportionInterval.wilsonBounds(p, n / deff);
        return new ProportionInterval(x, n, p, bounds[0], bounds[1]);
    }

    /**
     * The two-sided p-value of a paired difference whose pairs are clustered: each cluster's mean
     * difference keeps its size but may flip its sign under the null hypothesis (no effect), and p
     * is the share of the 2^k sign patterns whose mean is at least as far from 0 as the one observed
     * (all patterns up to {@value #EXACT_CLUSTERS} clusters, {@value #SAMPLED_FLIPS} sampled ones
     * beyond, with a fixed seed, counting the observed one among them). With k clusters p cannot fall below
     * 2 / 2^k.
     *
     * @param differences the mean difference within each cluster
     */
    public static double signFlipP(double[] differences) {
        int k = differences.length;
        if (k == 0) {
            return 1;
        }
        double observed = Math.abs(sum(differences, -1L));
        double tolerance = 1e-9 * (1 + observed);
        long atLeast = 0;
        long total;
        if (k <= EXACT_CLUSTERS) {
            total = 1L << k;
            for (long signs = 0; signs < total; signs++) {
                atLeast += Math.abs(sum(differences, signs)) >= observed - tolerance ? 1 : 0;
            }
        } else {
            total = SAMPLED_FLIPS;
            java.util.SplittableRandom random = new java.util.SplittableRandom(1);
            for (int i = 0; i < SAMPLED_FLIPS; i++) {
                double s = 0;
                for (double d : differences) {
                    s += random.nextBoolean() ? d : -d;
                }
                atLeast += Math.abs(s) >= observed - tolerance ? 1 : 0;
            }
            return (atLeast + 1.0) / (total + 1.0); // the observed pattern counts too: never 0 from a sample
        }
        return (double) atLeast / total;
    }

    /** The sum with the signs of bit i of {@code signs} (1: kept, 0: flipped). */
    private static double sum(double[] differences, long signs) {
        double s = 0;
        for (int i = 0; i < differences.length; i++) {
            s += (signs >> i & 1) == 1 ? differences[i] : -differences[i];
        }
        return s;
    }
}
