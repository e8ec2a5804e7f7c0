package org.alignlab.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Known answers for the ranker's model. */
class LinUcbTest {
    @Test
    void oneFeatureIsTheShrunkenMean() {
        // x = 1 always: theta = sum y / (ridge + n).
        LinUcb m = new LinUcb(1, 2, 0, 1_000);
        double[] x = {1};
        for (double y : new double[] {1, 0, 1, 1}) {
            m.observe(x, y);
        }
        assertThat(m.coefficients()[0]).isCloseTo(3.0 / (2 + 4), within(1e-12));
    }

    @Test
    void twoFeaturesSolveTheRidgeNormalEquations() {
        // Observations (x, y): ((1, 0), 1), ((1, 1), 3), ((1, 2), 5); ridge 1.
        // A = I + X'X = [[4, 3], [3, 6]], b = X'y = (9, 13); theta = A^-1 b = (15, 25) / 15 = (1, 5/3).
        LinUcb m = new LinUcb(2, 1, 0, 1);
        m.observe(new double[] {1, 0}, 1);
        m.observe(new double[] {1, 1}, 3);
        m.observe(new double[] {1, 2}, 5);
        double[] theta = m.coefficients();
        assertThat(theta[0]).isCloseTo(1, within(1e-12));
        assertThat(theta[1]).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(m.predict(new double[] {1, 3})).isCloseTo(1 + 5, within(1e-12));
    }

    @Test
    void theConfidenceBonusShrinksWithEvidenceAndRefitsWaitForTheirBatch() {
        LinUcb m = new LinUcb(1, 1, 1, 10);
        double[] x = {1};
        // Before any label: prediction 0, bonus sqrt(x' A^-1 x) = 1.
        assertThat(m.score(x)).isCloseTo(1, within(1e-12));
        for (int i = 0; i < 9; i++) {
            m.observe(x, 1);
        }
        assertThat(m.score(x)).isCloseTo(1, within(1e-12)); // not refitted until the tenth label
        m.observe(x, 1);
        assertThat(m.score(x)).isCloseTo(10.0 / 11 + Math.sqrt(1.0 / 11), within(1e-12));
    }
}
