package org.alignlab.core;

/**
 * A mean with its two-sided 95% confidence interval.
 *
 * @param mean the sample mean (NaN for no samples)
 * @param low  lower end of the interval (equal to the mean for one sample)
 * @param high upper end of the interval
 * @param n    the number of samples
 */
public record MeanInterval(double mean, double low, double high, int n) {

    /** Half the interval's width. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** {@code 12.3 ± 1.2}, with the given number of decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return n > 1 ? String.format(java.util.Locale.ROOT, f + " ± " + f, mean, halfWidth())
                : String.format(java.util.Locale.ROOT, f, mean);
    }
}
