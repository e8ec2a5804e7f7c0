package org.alignlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogisticFitTest {

    @Test
    void softTargetsHaveClosedFormAnswers() {
        // One feature, no intercept: x = +1 with target 0.8 and x = -1 with target 0.2. The likelihood is
        // maximised where sigmoid(w) = 0.8, so w = ln 4.
        double[] w = LogisticFit.fit(new double[][] {{1}, {-1}}, new double[] {0.8, 0.2}, 0);
        assertThat(w[0]).isCloseTo(Math.log(4), within(1e-9));
        // An intercept column: at x = 0 the target 0.7 sets the intercept to ln(7/3); at x = 1 the target 0.9 sets
        // the slope to ln 9 - ln(7/3).
        double[] both = LogisticFit.fit(new double[][] {{0, 1}, {1, 1}}, new double[] {0.7, 0.9}, 0);
        assertThat(both[1]).isCloseTo(Math.log(7.0 / 3), within(1e-9));
        assertThat(both[0]).isCloseTo(Math.log(9) - Math.log(7.0 / 3), within(1e-9));
        // A target of one half everywhere asks for no preference.
        assertThat(LogisticFit.fit(new double[][] {{2}, {-3}}, new double[] {0.5, 0.5}, 0)[0]).isCloseTo(0, within(1e-12));
    }

    @Test
    void aWeightCountsAnExampleAsThatManyCopies() {
        // x = 1 with target 1 weighted 3 and target 0 weighted 1 is x = 1 at target 3/4: w = ln 3.
        double[] w = LogisticFit.fit(new double[][] {{1}, {1}}, new double[] {1, 0}, new double[] {3, 1}, 0);
        assertThat(w[0]).isCloseTo(Math.log(3), within(1e-9));
        assertThatThrownBy(() -> LogisticFit.fit(new double[][] {{1}}, new double[] {1}, new double[] {-1}, 0))
                .hasMessageContaining("weight must be at least 0");
    }

    @Test
    void theRidgeKeepsSeparableExamplesFinite() {
        // Separable: without a penalty the weight would grow without bound. With ridge r, the gradient
        // 2 x (1 - sigmoid(w)) = r w at the optimum (two copies of x = 1, target 1; the mirror pair doubles it).
        double ridge = 0.1;
        double w = LogisticFit.fit(new double[][] {{1}, {-1}}, new double[] {1, 0}, ridge)[0];
        assertThat(2 * (1 - LogisticFit.sigmoid(w))).isCloseTo(ridge * w, within(1e-9));
        assertThat(w).isGreaterThan(2);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> LogisticFit.fit(new double[0][], new double[0], 0)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> LogisticFit.fit(new double[][] {{1}}, new double[] {1.5}, 0))
                .hasMessageContaining("example 0's target must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> LogisticFit.fit(new double[][] {{1}, {1, 2}}, new double[] {1, 0}, 0))
                .hasMessageContaining("example 1 has 2 features, the first 1");
        assertThatThrownBy(() -> LogisticFit.fit(new double[][] {{1}}, new double[] {1}, -1))
                .hasMessageContaining("ridge must be at least 0");
        assertThatThrownBy(() -> LogisticFit.fit(new double[][] {{0}, {0}}, new double[] {1, 0}, 0))
                .hasMessageContaining("without a unique answer");
    }
}
