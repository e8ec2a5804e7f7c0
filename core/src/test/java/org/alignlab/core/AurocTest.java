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

    /**
     * Known answer: pairs are counted only within a stratum. Two strata each separated perfectly but at different
     * offsets (the second stratum's negatives above the first's positives) give 1 within strata, where one pooled
     * ranking gives 0.75; two strata that find nothing (all tied within each) give exactly 0.5 whatever their offsets,
     * where pooling them gives less when the offsets follow the class balance.
     */
    @Test
    void withinStrataCountsOnlyPairsOfTheSameStratum() {
        java.util.List<double[]> pos = java.util.List.of(new double[] {1, 2}, new double[] {11, 12});
        java.util.List<double[]> neg = java.util.List.of(new double[] {-1, 0}, new double[] {9, 10});
        assertThat(Auroc.withinStrata(pos, neg).value()).isEqualTo(1.0);
        assertThat(Auroc.of(new double[] {1, 2, 11, 12}, new double[] {-1, 0, 9, 10}).value()).isEqualTo(0.75);
        // Nothing found: every score in a stratum alike; the stratum with more positives has the lower offset.
        java.util.List<double[]> tiedPos = java.util.List.of(new double[] {0, 0, 0}, new double[] {1});
        java.util.List<double[]> tiedNeg = java.util.List.of(new double[] {0}, new double[] {1, 1, 1});
        assertThat(Auroc.withinStrata(tiedPos, tiedNeg).value()).isEqualTo(0.5);
        // Pooled: 3 positives at 0 lose to 3 negatives at 1 (9 pairs), tie the one at 0; the positive at 1 beats 1, ties 3.
        assertThat(Auroc.of(new double[] {0, 0, 0, 1}, new double[] {0, 1, 1, 1}).value()).isEqualTo((3 * 0.5 + 1 + 3 * 0.5) / 16);
        // Weighted by pairs: stratum 1 has 2 x 1 pairs at AUROC 1, stratum 2 has 1 x 3 at 0: 2 / 5 (the strata's plain
        // mean would be 0.5).
        assertThat(Auroc.withinStrata(java.util.List.of(new double[] {5, 6}, new double[] {0}),
                java.util.List.of(new double[] {1}, new double[] {3, 4, 5})).value()).isEqualTo(0.4);
        // A stratum lacking a class adds no pairs; one stratum is the plain bootstrap.
        double[] p = {0.9, 0.4, 0.35};
        double[] n = {0.8, 0.3, 0.1, 0.4};
        assertThat(Auroc.withinStrata(java.util.List.of(p, new double[] {7}), java.util.List.of(n, new double[0])))
                .isEqualTo(Auroc.bootstrap(p, n));
        Auroc two = Auroc.withinStrata(pos, java.util.List.of(new double[] {1.5, 0}, new double[] {9, 11.5}));
        assertThat(two.value()).isEqualTo(6.0 / 8);
        assertThat(two.low()).isLessThanOrEqualTo(two.value());
        assertThat(two.high()).isGreaterThanOrEqualTo(two.value());
        assertThat(two.positives()).isEqualTo(4);
        assertThatThrownBy(() -> Auroc.withinStrata(java.util.List.of(new double[] {1}), java.util.List.of(new double[0])))
                .hasMessageContaining("needs a stratum with both classes");
    }

    @Test
    void oneClassIsAnError() {
        assertThatThrownBy(() -> Auroc.of(new double[] {1}, new double[0])).hasMessageContaining("needs both classes");
        assertThatThrownBy(() -> Auroc.of(new double[] {Double.NaN}, new double[] {1})).hasMessageContaining("NaN");
    }
}
