package org.alignlab.gridworlds.random;

/**
 * The fast default random source: xoshiro256++ (Blackman and Vigna, 2019), state filled from the
 * seed with SplitMix64. Not thread-safe; give each environment copy its own.
 */
public final class Xoshiro256PlusPlus implements RandomSource {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public Xoshiro256PlusPlus(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = SplitMix64.mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = SplitMix64.mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = SplitMix64.mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = SplitMix64.mix(x);
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Samples the geometric distribution by inversion: one draw and one logarithm per call. */
    @Override
    public int failuresBeforeSuccess(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("success probability must be in (0, 1], got " + p);
        }
        double u = 1.0 - nextDouble(); // in (0, 1]
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(Math.log(u) / Math.log1p(-p)));
    }

    @Override
    public int nextIndex(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        // Lemire's multiply-and-reject: unbiased, almost never rejects for small n.
        long m = (nextLong() >>> 32) * n;
        long low = m & 0xFFFFFFFFL;
        if (low < n) {
            long threshold = (0x100000000L - n) % n;
            while (low < threshold) {
                m = (nextLong() >>> 32) * n;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}
