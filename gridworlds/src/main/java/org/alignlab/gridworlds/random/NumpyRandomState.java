package org.alignlab.gridworlds.random;

/**
 * NumPy's legacy {@code numpy.random.RandomState} (MT19937), bit for bit: seeding with an
 * integer, {@code random_sample()}/{@code rand()}, {@code randint(0, n)} and {@code choice(n)}
 * with uniform probabilities. With it an environment replays the original Python
 * implementation's random draws exactly. Slower than {@link Xoshiro256PlusPlus}.
 */
public final class NumpyRandomState implements RandomSource {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908B0DF;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7FFFFFFF;

    private final int[] mt = new int[N];
    private int index;

    /**
     * Seeds as {@code RandomState(seed)} / {@code np.random.seed(seed)} do.
     *
     * @throws IllegalArgumentException if the seed is outside [0, 2^32 - 1], as NumPy does
     */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(
                    "a NumPy RandomState seed must be between 0 and 2**32 - 1, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next 32 random bits, as MT19937's genrand_int32. */
    public int nextInt32() {
        if (index >= N) {
            generate();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y;
    }

    private void generate() {
        int k = 0;
        for (; k < N - M; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        for (; k < N - 1; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        index = 0;
    }

    /** {@code random_sample()}: 53 random bits from two 32-bit draws, as NumPy's legacy double. */
    @Override
    public double nextDouble() {
        int a = nextInt32() >>> 5;
        int b = nextInt32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * {@code randint(0, n)}, which legacy {@code choice(a)} with uniform weights calls: masked
     * rejection sampling on 32-bit draws.
     */
    @Override
    public int nextIndex(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        int max = n - 1;
        if (max == 0) {
            return 0; // NumPy draws nothing for a range of one value.
        }
        int mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        int value;
        do {
            value = nextInt32() & mask;
        } while (value > max);
        return value;
    }
}
