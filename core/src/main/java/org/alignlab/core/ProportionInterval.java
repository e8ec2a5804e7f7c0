package org.alignlab.core;

/**
 * A proportion with its 95% Wilson score interval: {@code successes} of {@code trials}, e.g.
 * attacks that succeeded out of attempts that could be scored. The Wilson interval stays inside
 * [0, 1] and keeps its coverage at 0 or n successes, where the normal approximation collapses.
 */
public record ProportionInterval(long successes, long trials, double estimate, double low, double high) {
    private static final double Z = 1.959963984540054;

    /** The Wilson interval for {@code successes} of {@code trials}; NaN bounds when there are no trials. */
    public static ProportionInterval wilson(long successes, long trials) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return new ProportionInterval(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = successes / (double) trials;
        double[] bounds = wilsonBounds(p, trials);
        return new ProportionInterval(successes, trials, p, bounds[0], bounds[1]);
    }

    /** Wilson's 95% bounds for a share {@code p} seen on {@code n} trials (n need not be whole: an effective size). */
    static double[] wilsonBounds(double p, double n) {
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 or n successes the bound is exactly 0 or 1; rounding would leave it a hair off.
        double low = p == 0 ? 0 : Math.max(0, centre - half);
        double high = p == 1 ? 1 : Math.min(1, centre + half);
        return new double[] {low, high};
    }

    /** "0.31 [0.23, 0.40] (37/120)", or "n/a (0/0)". */
    public String format() {
        if (trials == 0) {
            return "n/a (0/0)";
        }
        return String.format("%.2f [%.2f, %.2f] (%d/%d)", estimate, low, high, successes, trials);
    }
}
