package org.alignlab.core;

/**
 * McNemar's exact test for two systems scored on the same samples: only the discordant pairs
 * count ({@code onlyFirst}: the first failed where the second did not; {@code onlySecond}: the
 * reverse); under the null hypothesis each discordant pair is a fair coin. The two-sided p-value
 * is twice the smaller binomial tail, capped at 1.
 */
public record McNemar(long onlyFirst, long onlySecond, double pValue) {

    public static McNemar exact(long onlyFirst, long onlySecond) {
        if (onlyFirst < 0 || onlySecond < 0) {
            throw new IllegalArgumentException("discordant counts cannot be negative");
        }
        long n = onlyFirst + onlySecond;
        if (n == 0) {
            return new McNemar(0, 0, 1.0);
        }
        long k = Math.min(onlyFirst, onlySecond);
        // P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so large n does not underflow.
        double tail = 0;
        for (long i = 0; i <= k; i++) {
            tail += Math.exp(Statistics.logChoose(n, i) - n * Math.log(2));
        }
        return new McNemar(onlyFirst, onlySecond, Math.min(1.0, 2 * tail));
    }
}
