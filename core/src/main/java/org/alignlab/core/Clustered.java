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
     * The share of hits over all trials, with Wilson's 95% interval for that share counted on the
     * clusters as the trials: the cautious reading, as if every cluster were one answer. It holds
     * however alike the wordings of a cluster are, and moves with the share alone (an estimate of
     * the correlation within clusters, from the 4 to 8 clusters a red-teaming cell has, would be
     * too noisy to lean on). With one trial per cluster it is Wilson's interval itself.
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
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] < 0 || hits[i] > trials[i]) {
                throw new IllegalArgumentException("cluster " + i + ": need 0 <= hits <= trials, got " + hits[i]
                        + " of " + trials[i]);
            }
            if (trials[i] > 0) {
                n += trials[i];
                x += hits[i];
                clusters++;
            }
        }
        if (n == 0) {
            return ProportionInterval.wilson(0, 0);
        }
        double p = (double) x / n;
        double[] bounds = ProportionInterval.wilsonBounds(p, clusters);
        return new ProportionInterval(x, n, p, bounds[0], bounds[1]);
    }

    /**
     * The one-sided p-value of a paired difference whose pairs are clustered, for the alternative
     * that it is positive: each cluster's mean difference keeps its size but may flip its sign under
     * the null hypothesis (no effect), and p is the share of the 2^k sign patterns whose sum is at
     * least the one observed (all patterns up to {@value #EXACT_CLUSTERS} clusters, {@value
     * #SAMPLED_FLIPS} sampled ones beyond, with a fixed seed, counting the observed one among them).
     * Clusters with no difference leave p as it is; with k clusters that moved, p cannot fall below
     * 1 / 2^k (8 topics, all moved: 0.0039; 7: 0.0078).
     *
     * @param clusters the mean difference within each cluster
     */
    public static double signFlipP(double[] clusters) {
        // Sorted, so that p depends on the clusters and not on the order they came in (the sampled patterns would).
        double[] differences = clusters.clone();
        java.util.Arrays.sort(differences);
        int k = differences.length;
        if (k == 0) {
            return 1;
        }
        double observed = sum(differences, -1L);
        double tolerance = 1e-9 * (1 + Math.abs(observed));
        long atLeast = 0;
        if (k <= EXACT_CLUSTERS) {
            long total = 1L << k;
            for (long signs = 0; signs < total; signs++) {
                atLeast += sum(differences, signs) >= observed - tolerance ? 1 : 0;
            }
            return (double) atLeast / total;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < SAMPLED_FLIPS; i++) {
            double s = 0;
            for (double d : differences) {
                s += random.nextBoolean() ? d : -d;
            }
            atLeast += s >= observed - tolerance ? 1 : 0;
        }
        return (atLeast + 1.0) / (SAMPLED_FLIPS + 1.0); // the observed pattern counts too: never 0 from a sample
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
