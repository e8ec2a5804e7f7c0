package org.alignlab.rlhf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OverOptimisationTest {

    @Test
    void bestOfNKlKnownAnswers() {
        assertThat(OverOptimisation.bestOfNKl(1)).isEqualTo(0.0);
        assertThat(OverOptimisation.bestOfNKl(2)).isCloseTo(Math.log(2) - 0.5, within(1e-15)); // 0.1931
        assertThat(OverOptimisation.bestOfNKl(16)).isCloseTo(2.7725887 - 0.9375, within(1e-7));
        assertThatThrownBy(() -> OverOptimisation.bestOfNKl(0)).hasMessageContaining("at least 1");
        // Without replacement from a pool of 2,000 (computed independently with exact binomial weights in Python):
        // close to the i.i.d. formula for small n, larger as n nears the pool.
        assertThat(OverOptimisation.bestOfNKlWithoutReplacement(1, 2000)).isCloseTo(0, within(1e-12));
        assertThat(OverOptimisation.bestOfNKlWithoutReplacement(16, 2000)).isCloseTo(1.8388, within(1e-4));
        assertThat(OverOptimisation.bestOfNKlWithoutReplacement(256, 2000)).isCloseTo(4.6157, within(1e-4));
        assertThat(OverOptimisation.bestOfNKlWithoutReplacement(512, 2000)).isCloseTo(5.3806, within(1e-4));
        assertThat(OverOptimisation.bestOfNKlWithoutReplacement(2000, 2000)).isCloseTo(Math.log(2000), within(1e-9));
        assertThatThrownBy(() -> OverOptimisation.bestOfNKlWithoutReplacement(3, 2)).hasMessageContaining("n <= pool");
    }

    /** Noise-free points on each curve give back its coefficients exactly, and a perfect fit. */
    @Test
    void fitsRecoverKnownCoefficients() {
        double[] d = {0, 0.3, 0.6, 1.0, 1.4, 2.0, 2.5};
        for (OverOptimisation.Form form : OverOptimisation.Form.values()) {
            OverOptimisation.Fit truth = new OverOptimisation.Fit(form, 1.7, 0.45, 1, 0, 0);
            double[] gold = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                gold[i] = truth.predict(d[i]);
            }
            OverOptimisation.Fit fit = OverOptimisation.fit(form, d, gold);
            assertThat(fit.alpha()).as(form.name()).isCloseTo(1.7, within(1e-9));
            assertThat(fit.beta()).as(form.name()).isCloseTo(0.45, within(1e-9));
            assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-12));
            assertThat(fit.points()).isEqualTo(6);
        }
        // Best-of-n peaks at alpha / (2 beta); RL at exp(alpha / beta - 1).
        assertThat(new OverOptimisation.Fit(OverOptimisation.Form.BEST_OF_N, 2, 0.5, 1, 0, 0).peak()).isEqualTo(2.0);
        assertThat(new OverOptimisation.Fit(OverOptimisation.Form.RL, 1, 0.5, 1, 0, 0).peak()).isCloseTo(Math.E, within(1e-12));
    }

    /**
     * A prediction made from small n holds at a much larger n: best-of-n points for n = 1..16
     * (d up to 1.36) with seeded noise (sd 0.01) predict the gold score at n = 1000 (d = 2.43,
     * well past the peak) within 0.1 of the truth (measured: 0.067 off a true 1.44), and where
     * the peak is within 10%.
     */
    @Test
    void aFitOnSmallNPredictsLargeN() {
        OverOptimisation.Fit truth = new OverOptimisation.Fit(OverOptimisation.Form.BEST_OF_N, 1.2, 0.25, 1, 0, 0);
        SplittableRandom r = new SplittableRandom(4);
        double[] d = new double[16];
        double[] gold = new double[16];
        for (int n = 1; n <= 16; n++) {
            d[n - 1] = Math.sqrt(OverOptimisation.bestOfNKl(n));
            gold[n - 1] = truth.predict(d[n - 1]) + 0.01 * r.nextGaussian();
        }
        OverOptimisation.Fit fit = OverOptimisation.fit(OverOptimisation.Form.BEST_OF_N, d, gold);
        double far = Math.sqrt(OverOptimisation.bestOfNKl(1000));
        assertThat(fit.predict(far)).isCloseTo(truth.predict(far), within(0.1));
        assertThat(fit.peak()).isCloseTo(truth.peak(), within(0.1 * truth.peak()));
        assertThat(fit.rSquared()).isGreaterThan(0.99);
    }

    @Test
    void badPointsAreClearErrors() {
        assertThatThrownBy(() -> OverOptimisation.fit(OverOptimisation.Form.RL, new double[] {0, 1}, new double[] {0, 1}))
                .hasMessageContaining("at least 2 points");
        assertThatThrownBy(() -> OverOptimisation.fit(OverOptimisation.Form.RL, new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("differ in number");
        assertThatThrownBy(() -> OverOptimisation.fit(OverOptimisation.Form.RL, new double[] {1, Double.NaN},
                new double[] {1, 2})).hasMessageContaining("finite");
    }

    /**
     * In the recipe, a non-finite point stops the fit as a divergence, naming the point; finite points too few to fit
     * (one here) are the only "too few points" (no fit, which the report says).
     */
    @Test
    void aNonFinitePointIsADivergenceNotTooFewPoints() {
        java.util.List<OveroptimisationRecipe.Point> diverged = java.util.List.of(
                new OveroptimisationRecipe.Point(1, 0, 0.1, 0.2), new OveroptimisationRecipe.Point(2, 0.4, 0.3, 0.4),
                new OveroptimisationRecipe.Point(4, 0.8, Double.NaN, Double.NaN));
        assertThatThrownBy(() -> OveroptimisationRecipe.fitGold(OverOptimisation.Form.BEST_OF_N, diverged,
                Integer.MAX_VALUE, 0)).hasMessageContaining("curve diverged: point 2 is (0.8, NaN)");
        java.util.List<OveroptimisationRecipe.Point> one = java.util.List.of(new OveroptimisationRecipe.Point(1, 0.5, 0.1,
                0.2));
        assertThat(OveroptimisationRecipe.fitGold(OverOptimisation.Form.BEST_OF_N, one, Integer.MAX_VALUE, 0)).isNull();
    }
}
