package org.alignlab.core;

/**
 * A prevalence corrected for a classifier's measured error (Rogan and Gladen 1978): if a judge
 * flags a share p of items, and catches true positives with sensitivity se and clears true
 * negatives with specificity sp, the true share is (p + sp - 1) / (se + sp - 1), clipped to
 * [0, 1]. The interval is conservative: the extremes of that formula over the three separate
 * 95% intervals (of p, se and sp), so it reflects the uncertainty of the judge's validation as
 * well as the sample's.
 */
public record MisclassificationCorrection(double estimate, double low, double high) {

    /** The corrected share, or NaN everywhere if the judge is no better than chance (se + sp <= 1). */
    public static MisclassificationCorrection of(ProportionInterval observed, ProportionInterval sensitivity,
                                                 ProportionInterval specificity) {
        if (observed.trials() == 0 || sensitivity.trials() == 0 || specificity.trials() == 0
                || sensitivity.estimate() + specificity.estimate() <= 1) {
            return new MisclassificationCorrection(Double.NaN, Double.NaN, Double.NaN);
        }
        double estimate = corrected(observed.estimate(), sensitivity.estimate(), specificity.estimate());
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double p : new double[] {observed.low(), observed.high()}) {
            for (double se : new double[] {sensitivity.low(), sensitivity.high()}) {
                for (double sp : new double[] {specificity.low(), specificity.high()}) {
                    if (se + sp <= 1) {
                        // At this corner the judge could be no better than chance: nothing is known.
                        low = 0;
                        high = 1;
                        continue;
                    }
                    double c = corrected(p, se, sp);
                    low = Math.min(low, c);
                    high = Math.max(high, c);
                }
            }
        }
        return new MisclassificationCorrection(estimate, low, high);
    }

    static double corrected(double observed, double sensitivity, double specificity) {
        double c = (observed + specificity - 1) / (sensitivity + specificity - 1);
        return Math.max(0, Math.min(1, c));
    }

    public String format() {
        return Double.isNaN(estimate) ? "n/a" : String.format("%.2f [%.2f, %.2f]", estimate, low, high);
    }
}
