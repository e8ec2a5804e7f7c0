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

    /**
     * The number of failures before the first success in Bernoulli trials with success
     * probability p, a trial succeeding when {@code nextDouble() < p}. This default makes exactly
     * those draws, in order, so a NumPy source stays bit-compatible; a fast source may sample the
     * geometric distribution directly instead.
     *
     * @throws IllegalArgumentException if p is not in (0, 1]
     */
    default int failuresBeforeSuccess(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("success probability must be in (0, 1], got " + p);
        }
        int failures = 0;
        while (!(nextDouble() < p)) {
            failures++;
        }
        return failures;
    }
}
