package org.alignlab.core;

/**
 * How well stated confidences match outcomes: expected calibration error over equal-width bins
 * and the Brier score.
 */
public final class Calibration {
    /** The bin count used by the calibration literature this project reports against. */
    public static final int DEFAULT_BINS = 15;

    private Calibration() {
    }

    /**
     * Expected calibration error: the bins (0, 1/B], (1/B, 2/B], ... (a confidence of exactly 0
     * falls in the first), and the sum over bins of (share of samples in the bin) x |mean
     * confidence - accuracy| in the bin.
     *
     * @param confidences stated probabilities of being correct, each in [0, 1]
     * @param correct     whether each answer was correct
     */
    public static double expectedCalibrationError(double[] confidences, boolean[] correct, int bins) {
        check(confidences, correct);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        double[] confidenceSum = new double[bins];
        double[] correctSum = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < confidences.length; i++) {
            int bin = Math.max(0, (int) Math.ceil(confidences[i] * bins) - 1);
            confidenceSum[bin] += confidences[i];
            correctSum[bin] += correct[i] ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += (double) count[b] / confidences.length * Math.abs(confidenceSum[b] / count[b] - correctSum[b] / count[b]);
            }
        }
        return ece;
    }

    /** The mean squared difference between the stated confidence and the outcome (1 correct, 0 not). */
    public static double brierScore(double[] confidences, boolean[] correct) {
        check(confidences, correct);
        double sum = 0;
        for (int i = 0; i < confidences.length; i++) {
            double d = confidences[i] - (correct[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / confidences.length;
    }

    private static void check(double[] confidences, boolean[] correct) {
        if (confidences.length != correct.length) {
            throw new IllegalArgumentException(confidences.length + " confidences but " + correct.length + " outcomes");
        }
        if (confidences.length == 0) {
            throw new IllegalArgumentException("no samples with a stated confidence");
        }
        for (double c : confidences) {
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("confidences must be in [0, 1], got " + c);
            }
        }
    }
}
