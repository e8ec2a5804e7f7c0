package org.alignlab.gridworlds.random;

/**
 * A source of the random draws an environment makes. Environments draw only through this
 * interface, so a copy can be given a fast generator or a NumPy-compatible one.
 */
public interface RandomSource {

    /** A uniform double in [0, 1); NumPy's {@code random_sample}/{@code rand} for the NumPy source. */
    double nextDouble();

    /**
     * A uniform index in [0, n); NumPy's legacy {@code choice} over n elements for the NumPy source.
     *
     * @throws IllegalArgumentException if n is not positive
     */
    int nextIndex(int n);
}
