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
    void clustersThatAgreeWithinCountAsOneTrialEach() {
        // Two topics answered yes on all four wordings, two answered no: ICC 1, so 4 effective trials, not 16.
        ProportionInterval c = Clustered.wilson(new long[] {4, 0, 4, 0}, new long[] {4, 4, 4, 4});
        ProportionInterval topics = ProportionInterval.wilson(2, 4);
        assertThat(c.estimate()).isEqualTo(0.5);
        assertThat(c.successes()).isEqualTo(8);
        assertThat(c.trials()).isEqualTo(16);
        assertThat(c.low()).isCloseTo(topics.low(), within(1e-12));
        assertThat(c.high()).isCloseTo(topics.high(), within(1e-12));
        assertThat(c.low()).isLessThan(ProportionInterval.wilson(8, 16).low());
    }

    @Test
    void allHitsCountTheClustersAsTheTrials() {
        ProportionInterval c = Clustered.wilson(new long[] {4, 4, 4, 4, 4, 4, 4, 4}, new long[] {4, 4, 4, 4, 4, 4, 4, 4});
        assertThat(c.estimate()).isEqualTo(1.0);
        assertThat(c.high()).isEqualTo(1.0);
        assertThat(c.low()).isCloseTo(ProportionInterval.wilson(8, 8).low(), within(1e-12));
        assertThat(Clustered.wilson(new long[] {0, 0, 0}, new long[] {4, 4, 4}).high())
                .isCloseTo(ProportionInterval.wilson(0, 3).high(), within(1e-12));
    }

    @Test
    void clustersNoMoreAlikeThanChanceLeaveWilsonAsItIs() {
        // Every topic at the overall rate: no correlation within topics, so no correction.
        ProportionInterval c = Clustered.wilson(new long[] {2, 2, 2, 2}, new long[] {4, 4, 4, 4});
        ProportionInterval w = ProportionInterval.wilson(8, 16);
        assertThat(c.low()).isCloseTo(w.low(), within(1e-12));
        assertThat(c.high()).isCloseTo(w.high(), within(1e-12));
    }

    @Test
    void signFlipsListEveryPatternOfTheClusters() {
        assertThat(Clustered.signFlipP(new double[] {1, 1, 1, 1, 1, 1, 1, 1})).isEqualTo(2.0 / 256);
        assertThat(Clustered.signFlipP(new double[] {1, 1, 1})).isEqualTo(0.25);
        assertThat(Clustered.signFlipP(new double[] {3, 1})).isEqualTo(0.5); // sums 4, 2, -2, -4
        assertThat(Clustered.signFlipP(new double[] {1, -1})).isEqualTo(1.0);
        assertThat(Clustered.signFlipP(new double[0])).isEqualTo(1.0);
        // Past the exact limit the flips are sampled: still about 2 / 2^k, here 0 of 200,000 at most a few.
        double[] many = new double[30];
        java.util.Arrays.fill(many, 0.5);
        assertThat(Clustered.signFlipP(many)).isLessThan(1e-4);
    }

    @Test
    void badCountsAreRefused() {
        assertThatThrownBy(() -> Clustered.wilson(new long[] {5}, new long[] {4})).hasMessageContaining("cluster 0");
        assertThatThrownBy(() -> Clustered.wilson(new long[] {1, 2}, new long[] {4})).hasMessageContaining("one hit count");
    }
}
