package org.alignlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Known answers for intervals and tests over clustered samples (wordings of one topic). */
class ClusteredTest {
    @Test
    void clustersOfOneAreIndependentTrials() {
        ProportionInterval c = Clustered.wilson(new long[] {1, 0, 1, 1, 0}, new long[] {1, 1, 1, 1, 1});
        ProportionInterval w = ProportionInterval.wilson(3, 5);
        assertThat(c.low()).isEqualTo(w.low());
        assertThat(c.high()).isEqualTo(w.high());
    }

    @Test
    void theClustersAreTheTrials() {
        // 8 hits of 16 prompts in 4 topics: the share of the prompts, with the interval of 2 in 4.
        ProportionInterval c = Clustered.wilson(new long[] {4, 0, 4, 0}, new long[] {4, 4, 4, 4});
        ProportionInterval topics = ProportionInterval.wilson(2, 4);
        assertThat(c.estimate()).isEqualTo(0.5);
        assertThat(c.successes()).isEqualTo(8);
        assertThat(c.trials()).isEqualTo(16);
        assertThat(c.low()).isCloseTo(topics.low(), within(1e-12));
        assertThat(c.high()).isCloseTo(topics.high(), within(1e-12));
        // However the hits fall among the topics: the same share, the same interval.
        ProportionInterval spread = Clustered.wilson(new long[] {2, 2, 2, 2}, new long[] {4, 4, 4, 4});
        assertThat(spread.low()).isEqualTo(c.low());
        assertThat(Clustered.wilson(new long[] {8, 8, 8, 8, 8, 8, 8, 8}, new long[] {8, 8, 8, 8, 8, 8, 8, 8}).low())
                .isCloseTo(ProportionInterval.wilson(8, 8).low(), within(1e-12));
    }

    @Test
    void theBoundsMoveWithTheShareAlone() {
        double lastLow = -1;
        double lastHigh = -1;
        for (int hits = 0; hits <= 32; hits++) {
            long[] h = new long[8];
            for (int i = 0; i < hits; i++) {
                h[i % 8]++;
            }
            ProportionInterval c = Clustered.wilson(h, new long[] {4, 4, 4, 4, 4, 4, 4, 4});
            assertThat(c.low()).isGreaterThanOrEqualTo(lastLow);
            assertThat(c.high()).isGreaterThanOrEqualTo(lastHigh);
            lastLow = c.low();
            lastHigh = c.high();
        }
        // Unequal clusters count once each too; empty ones not at all.
        assertThat(Clustered.wilson(new long[] {0, 0, 0}, new long[] {1, 7, 0}).high())
                .isCloseTo(ProportionInterval.wilson(0, 2).high(), within(1e-12));
    }

    @Test
    void signFlipsListEveryPatternOfTheClusters() {
        assertThat(Clustered.signFlipP(new double[] {1, 1, 1, 1, 1, 1, 1, 1})).isEqualTo(1.0 / 256);
        assertThat(Clustered.signFlipP(new double[] {1, 1, 1, 1, 1, 1, 1, 0})).isEqualTo(2.0 / 256);
        assertThat(Clustered.signFlipP(new double[] {1, 1, 1})).isEqualTo(0.125);
        assertThat(Clustered.signFlipP(new double[] {3, 1})).isEqualTo(0.25); // sums 4, 2, -2, -4
        assertThat(Clustered.signFlipP(new double[] {-1, -1})).isEqualTo(1.0); // the wrong direction
        assertThat(Clustered.signFlipP(new double[] {1, -1})).isEqualTo(0.75); // sum 0: 0, 2, -2, 0
        assertThat(Clustered.signFlipP(new double[0])).isEqualTo(1.0);
        // Past the exact limit the flips are sampled: about 1 / 2^30, here the floor of 1 / 200,001.
        double[] many = new double[30];
        java.util.Arrays.fill(many, 0.5);
        assertThat(Clustered.signFlipP(many)).isLessThan(1e-4);
        // A sampled p depends on the clusters, not on the order they come in.
        double[] mixed = new double[24];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = i % 3 == 0 ? -0.25 : 0.1 * (i % 5);
        }
        double[] reversed = new double[mixed.length];
        for (int i = 0; i < mixed.length; i++) {
            reversed[i] = mixed[mixed.length - 1 - i];
        }
        assertThat(Clustered.signFlipP(reversed)).isEqualTo(Clustered.signFlipP(mixed)).isBetween(0.01, 0.99);
    }

    @Test
    void badCountsAreRefused() {
        assertThatThrownBy(() -> Clustered.wilson(new long[] {5}, new long[] {4})).hasMessageContaining("cluster 0");
        assertThatThrownBy(() -> Clustered.wilson(new long[] {1, 2}, new long[] {4})).hasMessageContaining("one hit count");
    }
}
