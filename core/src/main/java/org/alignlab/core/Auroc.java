package org.alignlab.core;

import java.util.Arrays;

/**
 * Area under the ROC curve of scores for two classes: the probability that a random positive
 * scores above a random negative, ties counting one half (the Mann-Whitney U statistic divided
 * by the number of pairs), computed from ranks in O(n log n). An interval comes from Hanley and
 * McNeil (1982)'s standard error, clipped to [0, 1].
 */
public record Auroc(double value, double low, double high, int positives, int negatives) {

    /**
     * @throws IllegalArgumentException if either class is empty (the AUROC is undefined) or a score is NaN
     */
    public static Auroc of(double[] positiveScores, double[] negativeScores) {
        int p = positiveScores.length;
        int n = negativeScores.length;
        if (p == 0 || n == 0) {
            throw new IllegalArgumentException("AUROC needs both classes; got " + p + " positive and " + n
                    + " negative examples");
        }
        double[][] all = new double[p + n][];
        for (int i = 0; i < p; i++) {
            all[i] = new double[] {checked(positiveScores[i]), 1};
        }
        for (int i = 0; i < n; i++) {
            all[p + i] = new double[] {checked(negativeScores[i]), 0};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        // Sum of the positives' ranks, tied scores sharing the mean of their ranks.
        double rankSum = 0;
        int i = 0;
        while (i < all.length) {
            int j = i;
            while (j + 1 < all.length && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 1) {
                    rankSum += meanRank;
                }
            }
            i = j + 1;
        }
        double auc = (rankSum - p * (p + 1) / 2.0) / ((double) p * n);
        double q1 = auc / (2 - auc);
        double q2 = 2 * auc * auc / (1 + auc);
        double variance = (auc * (1 - auc) + (p - 1) * (q1 - auc * auc) + (n - 1) * (q2 - auc * auc)) / ((double) p * n);
        double se = Math.sqrt(Math.max(0, variance));
        return new Auroc(auc, Math.max(0, auc - 1.96 * se), Math.min(1, auc + 1.96 * se), p, n);
    }

    private static double checked(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("a score is NaN");
        }
        return score;
    }

    /**
     * The AUROC with a 95% percentile bootstrap interval instead of Hanley and McNeil's: each class
     * resampled with replacement on its own, 2,000 times from a fixed seed (the same scores give
     * the same interval). It makes no assumption about the scores' distribution, which matters
     * near 0 and 1, where the normal approximation is poor.
     */
    public static Auroc bootstrap(double[] positiveScores, double[] negativeScores) {
        Auroc point = of(positiveScores, negativeScores);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1982L);
        int resamples = 2000;
        double[] values = new double[resamples];
        double[] p = new double[positiveScores.length];
        double[] n = new double[negativeScores.length];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < p.length; i++) {
                p[i] = positiveScores[random.nextInt(p.length)];
            }
            for (int i = 0; i < n.length; i++) {
                n[i] = negativeScores[random.nextInt(n.length)];
            }
            values[b] = of(p, n).value();
        }
        Arrays.sort(values);
        return new Auroc(point.value(), values[(int) Math.floor(0.025 * (resamples - 1))],
                values[(int) Math.ceil(0.975 * (resamples - 1))], point.positives(), point.negatives());
    }

    /**
     * The AUROC over pairs within strata: the probability that a positive scores above a negative of the same stratum,
     * ties counting one half; strata lacking a class add no pairs. For cross-validation, where each fold's examples are
     * scored by that fold's own probe: pooling every fold's scores into one ranking would compare scores of different
     * probes, whose offsets differ, and pull a probe that finds nothing below 0.5. The 95% interval is a percentile
     * bootstrap resampling each class within each stratum, 2,000 times from a fixed seed; one stratum gives
     * {@link #bootstrap}'s value and interval.
     *
     * @throws IllegalArgumentException if no stratum has both classes, or the lists differ in length
     */
    public static Auroc withinStrata(java.util.List<double[]> positiveScores, java.util.List<double[]> negativeScores) {
        if (positiveScores.size() != negativeScores.size()) {
            throw new IllegalArgumentException(positiveScores.size() + " strata of positives for " + negativeScores.size()
                    + " of negatives");
        }
        java.util.List<double[]> pos = new java.util.ArrayList<>();
        java.util.List<double[]> neg = new java.util.ArrayList<>();
        for (int k = 0; k < positiveScores.size(); k++) {
            if (positiveScores.get(k).length > 0 && negativeScores.get(k).length > 0) {
                pos.add(positiveScores.get(k));
                neg.add(negativeScores.get(k));
            }
        }
        if (pos.isEmpty()) {
            throw new IllegalArgumentException("AUROC within strata needs a stratum with both classes; got none of "
                    + positiveScores.size());
        }
        if (pos.size() == 1) {
            return bootstrap(pos.get(0), neg.get(0));
        }
        double point = pairsWon(pos, neg);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1982L);
        int resamples = 2000;
        double[] values = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            java.util.List<double[]> p = new java.util.ArrayList<>();
            java.util.List<double[]> n = new java.util.ArrayList<>();
            for (int k = 0; k < pos.size(); k++) {
                p.add(resample(pos.get(k), random));
                n.add(resample(neg.get(k), random));
            }
            values[b] = pairsWon(p, n);
        }
        Arrays.sort(values);
        return new Auroc(point, values[(int) Math.floor(0.025 * (resamples - 1))],
                values[(int) Math.ceil(0.975 * (resamples - 1))], pos.stream().mapToInt(x -> x.length).sum(),
                neg.stream().mapToInt(x -> x.length).sum());
    }

    /** The share of within-stratum pairs a positive wins (ties one half). */
    private static double pairsWon(java.util.List<double[]> pos, java.util.List<double[]> neg) {
        double won = 0;
        double pairs = 0;
        for (int k = 0; k < pos.size(); k++) {
            double n = (double) pos.get(k).length * neg.get(k).length;
            won += of(pos.get(k), neg.get(k)).value() * n;
            pairs += n;
        }
        return won / pairs;
    }

    private static double[] resample(double[] xs, java.util.SplittableRandom random) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[random.nextInt(xs.length)];
        }
        return out;
    }

    public String format() {
        return String.format("%.3f [%.3f, %.3f] (%d+/%d-)", value, low, high, positives, negatives);
    }
}
