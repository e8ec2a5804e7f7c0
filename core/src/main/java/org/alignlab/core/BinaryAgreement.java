package org.alignlab.core;

import java.util.SplittableRandom;

/**
 * How well a binary classifier (a judge) agrees with reference labels (people's): the share of
 * items it gets right, Cohen's kappa (agreement beyond what the two label rates would give by
 * chance), sensitivity (reference positives it flags) and specificity (reference negatives it
 * clears). Proportions carry 95% Wilson intervals; kappa a 95% percentile bootstrap interval over
 * items (2,000 resamples, fixed seed, so the same labels give the same interval).
 *
 * @param truePositives  reference 1, judged 1
 * @param falseNegatives reference 1, judged 0
 * @param falsePositives reference 0, judged 1
 * @param trueNegatives  reference 0, judged 0
 */
public record BinaryAgreement(int truePositives, int falseNegatives, int falsePositives, int trueNegatives,
                              ProportionInterval agreement, double kappa, double kappaLow, double kappaHigh,
                              ProportionInterval sensitivity, ProportionInterval specificity) {
    private static final int RESAMPLES = 2000;

    /**
     * @param reference the reference labels (true = positive)
     * @param judged    the classifier's labels for the same items, same order
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or the reference
     *                                  has one class only (kappa, sensitivity or specificity would be undefined)
     */
    public static BinaryAgreement of(boolean[] reference, boolean[] judged) {
        if (reference.length != judged.length) {
            throw new IllegalArgumentException("reference and judged labels differ in number: " + reference.length
                    + " and " + judged.length);
        }
        int[] cells = cells(reference, judged, null);
        if (cells[0] + cells[1] == 0 || cells[2] + cells[3] == 0) {
            throw new IllegalArgumentException("the reference labels have one class only (" + (cells[0] + cells[1])
                    + " positive, " + (cells[2] + cells[3]) + " negative): agreement beyond chance, sensitivity "
                    + "and specificity need both");
        }
        double[] boot = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(20240227L);
        int[] draw = new int[reference.length];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < draw.length; i++) {
                draw[i] = random.nextInt(draw.length);
            }
            boot[b] = kappa(cells(reference, judged, draw));
        }
        java.util.Arrays.sort(boot);
        int finite = 0;
        for (double k : boot) {
            finite += Double.isNaN(k) ? 0 : 1;
        }
        // NaN sorts last: a resample with one class in both labels has no kappa and is left out.
        double low = boot[(int) Math.floor(0.025 * (finite - 1))];
        double high = boot[(int) Math.ceil(0.975 * (finite - 1))];
        return new BinaryAgreement(cells[0], cells[1], cells[2], cells[3],
                ProportionInterval.wilson(cells[0] + cells[3], reference.length), kappa(cells), low, high,
                ProportionInterval.wilson(cells[0], cells[0] + cells[1]),
                ProportionInterval.wilson(cells[3], cells[2] + cells[3]));
    }

    /**
     * The same from the four counts of a 2x2 table alone (the items rebuilt in a fixed order: the bootstrap resamples
     * items with replacement, so their order does not change what it can draw).
     */
    public static BinaryAgreement ofCounts(int truePositives, int falseNegatives, int falsePositives,
                                           int trueNegatives) {
        int n = truePositives + falseNegatives + falsePositives + trueNegatives;
        boolean[] reference = new boolean[n];
        boolean[] judged = new boolean[n];
        int i = 0;
        for (int k = 0; k < truePositives; k++, i++) {
            reference[i] = true;
            judged[i] = true;
        }
        for (int k = 0; k < falseNegatives; k++, i++) {
            reference[i] = true;
        }
        for (int k = 0; k < falsePositives; k++, i++) {
            judged[i] = true;
        }
        return of(reference, judged);
    }

    /** TP, FN, FP, TN over the items (or over the items {@code draw} names, with repeats). */
    private static int[] cells(boolean[] reference, boolean[] judged, int[] draw) {
        int[] c = new int[4];
        int n = draw == null ? reference.length : draw.length;
        for (int k = 0; k < n; k++) {
            int i = draw == null ? k : draw[k];
            if (reference[i]) {
                c[judged[i] ? 0 : 1]++;
            } else {
                c[judged[i] ? 2 : 3]++;
            }
        }
        return c;
    }

    /** Cohen's kappa of a 2x2 table {TP, FN, FP, TN}: (p_o - p_e) / (1 - p_e); NaN when p_e = 1. */
    static double kappa(int[] c) {
        double n = c[0] + c[1] + c[2] + c[3];
        double observed = (c[0] + c[3]) / n;
        double referencePositive = (c[0] + c[1]) / n;
        double judgedPositive = (c[0] + c[2]) / n;
        double chance = referencePositive * judgedPositive + (1 - referencePositive) * (1 - judgedPositive);
        return chance == 1 ? Double.NaN : (observed - chance) / (1 - chance);
    }

    /** Items compared. */
    public int items() {
        return truePositives + falseNegatives + falsePositives + trueNegatives;
    }

    /** "0.400 [0.21, 0.58]". */
    public String formatKappa() {
        return String.format("%.3f [%.2f, %.2f]", kappa, kappaLow, kappaHigh);
    }
}
