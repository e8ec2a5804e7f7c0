package org.alignlab.gridworlds.random;

/** Makes a random source from a seed; the same seed always gives the same sequence of draws. */
@FunctionalInterface
public interface RandomSourceFactory {

    RandomSource create(long seed);

    /** The default: xoshiro256++ seeded through SplitMix64, accepts any long seed. */
    RandomSourceFactory FAST = Xoshiro256PlusPlus::new;

    /** NumPy's legacy MT19937 {@code RandomState}; seeds must lie in [0, 2^32 - 1]. */
    RandomSourceFactory NUMPY = NumpyRandomState::new;
}
