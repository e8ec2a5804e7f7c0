package org.alignlab.rlhf;

/**
 * The scaling laws of reward-model over-optimisation of Gao, Schulman and Hilton (2022), "Scaling
 * Laws for Reward Model Overoptimization": with d = sqrt(KL(policy || reference)), the gold
 * (true) score of best-of-n sampling follows gold(d) = d (alpha - beta d), and of reinforcement
 * learning gold(d) = d (alpha - beta ln d). Both are linear in (alpha, beta), so they are fitted
 * by least squares without an intercept (gold(0) = 0 by construction: d is measured from the
 * reference policy, whose gold score is subtracted first).
 */
public final class OverOptimisation {
    private OverOptimisation() {
    }

    /** Which functional form. */
    public enum Form { BEST_OF_N, RL }

    /** A fitted curve: its coefficients and how well it fits (R squared, RMSE) the points it was fitted to. */
    public record Fit(Form form, double alpha, double beta, double rSquared, double rmse, int points) {
        /** The predicted gold score at distance d. */
        public double predict(double d) {
            return form == Form.BEST_OF_N ? d * (alpha - beta * d) : d == 0 ? 0 : d * (alpha - beta * Math.log(d));
        }

        /** Where the predicted gold score peaks (the optimisation strength to stop at). */
        public double peak() {
            return form == Form.BEST_OF_N ? alpha / (2 * beta) : Math.exp(alpha / beta - 1);
        }
    }

    /**
     * KL divergence of best-of-n sampling from the policy it samples from, in nats:
     * ln n - (n - 1) / n (exact for continuous reward distributions).
     */
    public static double bestOfNKl(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("best-of-n needs n of at least 1, got " + n);
        }
        return Math.log(n) - (n - 1) / (double) n;
    }

    /**
     * KL divergence, in nats, of best-of-n drawn without replacement from a pool of {@code pool}
     * equally likely items (the sampling the over-optimisation recipe does) from uniform sampling
     * of the pool: the item ranked j-th of the pool is the best of n with probability
     * C(j-1, n-1) / C(pool, n), so KL = sum_j p_j ln(pool p_j). Larger than {@link #bestOfNKl} as
     * n nears the pool's size (at n = 512 of 2,000: 5.381 against 5.240).
     */
    public static double bestOfNKlWithoutReplacement(int n, int pool) {
        if (n < 1 || n > pool) {
            throw new IllegalArgumentException("best-of-n without replacement needs 1 <= n <= pool, got n " + n
                    + " of " + pool);
        }
        double logTotal = org.alignlab.core.Statistics.logChoose(pool, n);
        double kl = 0;
        for (int j = n; j <= pool; j++) {
            double logP = org.alignlab.core.Statistics.logChoose(j - 1, n - 1) - logTotal;
            kl += Math.exp(logP) * (logP + Math.log(pool));
        }
        return Math.max(0, kl);
    }

    /**
     * Fits gold = d (alpha - beta d) (best-of-n) or d (alpha - beta ln d) (RL) to points (d, gold).
     *
     * @throws IllegalArgumentException with fewer than 2 points with d > 0, unequal arrays, non-finite values,
     *                                  or points that cannot separate the two coefficients
     */
    public static Fit fit(Form form, double[] d, double[] gold) {
        if (d.length != gold.length) {
            throw new IllegalArgumentException("distances and gold scores differ in number: " + d.length + " and "
                    + gold.length);
        }
        double s11 = 0;
        double s12 = 0;
        double s22 = 0;
        double s1y = 0;
        double s2y = 0;
        int n = 0;
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i]) || !Double.isFinite(gold[i]) || d[i] < 0) {
                throw new IllegalArgumentException("point " + i + " is not a finite, non-negative distance with a finite "
                        + "gold score: (" + d[i] + ", " + gold[i] + ")");
            }
            if (d[i] == 0) {
                continue; // the reference itself: gold 0 by construction, no information on the shape
            }
            double x1 = d[i];
            double x2 = form == Form.BEST_OF_N ? -d[i] * d[i] : -d[i] * Math.log(d[i]);
            s11 += x1 * x1;
            s12 += x1 * x2;
            s22 += x2 * x2;
            s1y += x1 * gold[i];
            s2y += x2 * gold[i];
            n++;
        }
        double det = s11 * s22 - s12 * s12;
        if (n < 2 || Math.abs(det) < 1e-12 * Math.max(1, s11 * s22)) {
            throw new IllegalArgumentException("need at least 2 points at distinct distances above 0 to fit alpha and "
                    + "beta, got " + n);
        }
        double alpha = (s22 * s1y - s12 * s2y) / det;
        double beta = (s11 * s2y - s12 * s1y) / det;
        Fit provisional = new Fit(form, alpha, beta, Double.NaN, Double.NaN, n);
        double mean = 0;
        for (int i = 0; i < d.length; i++) {
            mean += gold[i] / d.length;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < d.length; i++) {
            double e = gold[i] - provisional.predict(d[i]);
            residual += e * e;
            total += (gold[i] - mean) * (gold[i] - mean);
        }
        double r2 = total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
        return new Fit(form, alpha, beta, r2, Math.sqrt(residual / d.length), n);
    }
}
