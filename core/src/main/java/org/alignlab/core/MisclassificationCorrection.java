package org.alignlab.core;

/**
 * A prevalence corrected for a classifier's measured error (Rogan and Gladen 1978): if a judge
 * flags a share p of items, and catches true positives with sensitivity se and clears true
 * negatives with specificity sp, the true share is (p + sp - 1) / (se + sp - 1), clipped to
 * [0, 1]. The interval is conservative: the extremes of that formula over the three separate
 * 95% intervals (of p, se and sp), so it reflects the uncertainty of the judge's validation as
 * well as the sample's. Where that interval admits a judge no better than chance (the lower
 * bounds of sensitivity and specificity add up to 1 or less), nothing can be corrected: the
 * result is {@linkplain #reliable() unreliable} and says so instead of printing [0, 1]. Nor is
 * anything corrected where the observed share lies outside what the judge's measured error
 * allows (below its false-positive rate, or above its sensitivity): the formula would clip to a
 * certain 0 or 1, when what it shows is that the validation does not transfer to these items.
 *
 * @param note why nothing was corrected (null when {@code reliable})
 */
public record MisclassificationCorrection(double estimate, double low, double high, boolean reliable, String note) {

    /** What a correction prints when the judge's measured error leaves nothing to correct with. */
    public static final String TOO_UNRELIABLE = "judge too unreliable to correct";

    /** What a correction prints when the observed share is impossible under the judge's measured error. */
    public static final String DOES_NOT_TRANSFER = "not corrected: the observed rate is outside what the judge's "
            + "measured error allows (its validation does not transfer here)";

    /**
     * The corrected share; unreliable (NaN everywhere) if the judge is no better than chance at
     * some corner of its intervals, or if there is nothing to correct.
     */
    public static MisclassificationCorrection of(ProportionInterval observed, ProportionInterval sensitivity,
                                                 ProportionInterval specificity) {
        if (observed.trials() == 0 || sensitivity.trials() == 0 || specificity.trials() == 0
                || sensitivity.low() + specificity.low() <= 1) {
            return new MisclassificationCorrection(Double.NaN, Double.NaN, Double.NaN, false, TOO_UNRELIABLE);
        }
        double unclipped = (observed.estimate() + specificity.estimate() - 1)
                / (sensitivity.estimate() + specificity.estimate() - 1);
        if (unclipped < 0 || unclipped > 1) {
            return new MisclassificationCorrection(Double.NaN, Double.NaN, Double.NaN, false, DOES_NOT_TRANSFER);
        }
        double estimate = corrected(observed.estimate(), sensitivity.estimate(), specificity.estimate());
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double p : new double[] {observed.low(), observed.high()}) {
            for (double se : new double[] {sensitivity.low(), sensitivity.high()}) {
                for (double sp : new double[] {specificity.low(), specificity.high()}) {
                    double c = corrected(p, se, sp);
                    low = Math.min(low, c);
                    high = Math.max(high, c);
                }
            }
        }
        return new MisclassificationCorrection(estimate, low, high, true, null);
    }

    static double corrected(double observed, double sensitivity, double specificity) {
        double c = (observed + specificity - 1) / (sensitivity + specificity - 1);
        return Math.max(0, Math.min(1, c));
    }

    public String format() {
        return reliable ? String.format("%.2f [%.2f, %.2f]", estimate, low, high) : note;
    }
}
