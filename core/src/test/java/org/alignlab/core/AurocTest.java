package org.alignlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AurocTest {

    @Test
    void knownAnswers() {
        // Perfect separation, perfect inversion, and all tied.
        assertThat(Auroc.of(new double[] {3, 4}, new double[] {1, 2}).value()).isEqualTo(1.0);
        assertThat(Auroc.of(new double[] {1, 2}, new double[] {3, 4}).value()).isEqualTo(0.0);
        assertThat(Auroc.of(new double[] {5, 5}, new double[] {5, 5, 5}).value()).isEqualTo(0.5);
        // Worked by hand: positives {0.9, 0.4, 0.35}, negatives {0.8, 0.3, 0.1, 0.4}.
        // Pairs won: 0.9 beats 4; 0.4 beats 0.3 and 0.1 and ties 0.4 (2.5); 0.35 beats 2. (4 + 2.5 + 2) / 12.
        Auroc a = Auroc.of(new double[] {0.9, 0.4, 0.35}, new double[] {0.8, 0.3, 0.1, 0.4});
        assertThat(a.value()).isCloseTo(8.5 / 12, within(1e-12));
        assertThat(a.low()).isLessThan(a.value());
        assertThat(a.high()).isGreaterThan(a.value()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void hanleyMcNeilStandardErrorMatchesTheirFormula() {
        // AUC 10/16 with 4 positives and 4 negatives (pairs won 1 + 2 + 3 + 4).
        Auroc a = Auroc.of(new double[] {2, 4, 6, 8}, new double[] {1, 3, 5, 7});
        assertThat(a.value()).isEqualTo(10.0 / 16);
        double auc = 10.0 / 16;
        double q1 = auc / (2 - auc);
        double q2 = 2 * auc * auc / (1 + auc);
        double se = Math.sqrt((auc * (1 - auc) + 3 * (q1 - auc * auc) + 3 * (q2 - auc * auc)) / 16);
        assertThat(a.value() - a.low()).isCloseTo(1.96 * se, within(1e-12)); // the upper end is clipped at 1
    }

    @Test
    void oneClassIsAnError() {
        assertThatThrownBy(() -> Auroc.of(new double[] {1}, new double[0])).hasMessageContaining("needs both classes");
        assertThatThrownBy(() -> Auroc.of(new double[] {Double.NaN}, new double[] {1})).hasMessageContaining("NaN");
    }
}
