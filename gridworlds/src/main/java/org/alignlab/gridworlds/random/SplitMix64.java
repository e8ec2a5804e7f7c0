package org.alignlab.gridworlds.random;

/** SplitMix64's output function (Steele, Lea and Flood, 2014), used to derive independent seeds. */
public final class SplitMix64 {
    private SplitMix64() {
    }

    /** Scrambles 64 bits; a bijection, so distinct inputs give distinct outputs. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of stream {@code index} derived from a run's seed (per environment copy, per agent). */
    public static long derive(long seed, long index) {
        return mix(seed + 0x9E3779B97F4A7C15L * (index + 1));
    }
}
