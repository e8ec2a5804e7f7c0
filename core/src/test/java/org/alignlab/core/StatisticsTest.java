package org.alignlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void meanIntervalOfKnownSample() {
        // xs = 1..5: mean 3, sd sqrt(2.5) = 1.5811, t(4) = 2.776, half = 2.776 * 1.5811 / sqrt(5) = 1.9630
        MeanInterval m = Statistics.meanInterval(new double[] {1, 2, 3, 4, 5});
        assertThat(m.mean()).isEqualTo(3.0);
        assertThat(m.halfWidth()).isCloseTo(1.9630, offset(1e-4));
        assertThat(m.low()).isCloseTo(1.0370, offset(1e-4));
        assertThat(m.n()).isEqualTo(5);
        assertThat(m.format(1)).isEqualTo("3.0 ± 2.0");
    }

    @Test
    void correlationsOfKnownSamples() {
        // y = 2x + 1 exactly: Pearson 1; reversed: -1.
        assertThat(Statistics.pearson(new double[] {1, 2, 3}, new double[] {3, 5, 7})).isCloseTo(1.0, offset(1e-12));
        assertThat(Statistics.pearson(new double[] {1, 2, 3}, new double[] {7, 5, 3})).isCloseTo(-1.0, offset(1e-12));
        // Worked by hand: x = 1,2,3,4, y = 1,3,2,4: covariance 4, variances 5 and 5 -> 0.8.
        assertThat(Statistics.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4})).isCloseTo(0.8, offset(1e-12));
        // Spearman sees only order: y = x^3 is a perfect monotone relation.
        assertThat(Statistics.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 64})).isCloseTo(1.0, offset(1e-12));
        // Ties share their mean rank: ranks of {10, 20, 20, 30} are 1, 2.5, 2.5, 4.
        assertThat(Statistics.ranks(new double[] {10, 20, 20, 30})).containsExactly(1, 2.5, 2.5, 4);
        assertThat(Statistics.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThatThrownBy(() -> Statistics.pearson(new double[] {1}, new double[] {1})).hasMessageContaining("at least 2");
        // C(10, 3) = 120; C(n, 0) = 1.
        assertThat(Math.exp(Statistics.logChoose(10, 3))).isCloseTo(120, offset(1e-9));
        assertThat(Statistics.logChoose(7, 0)).isZero();
    }

    @Test
    void singleSampleHasNoWidth() {
        MeanInterval m = Statistics.meanInterval(new double[] {7});
        assertThat(m.low()).isEqualTo(7).isEqualTo(m.high());
        assertThat(m.format(0)).isEqualTo("7");
    }

    @Test
    void tQuantilesMatchTablesAndApproachNormal() {
        assertThat(Statistics.tQuantile975(1)).isEqualTo(12.706);
        assertThat(Statistics.tQuantile975(30)).isEqualTo(2.042);
        // Tables: t(40) = 2.021, t(60) = 2.000, t(120) = 1.980.
        assertThat(Statistics.tQuantile975(40)).isCloseTo(2.021, offset(1e-3));
        assertThat(Statistics.tQuantile975(60)).isCloseTo(2.000, offset(1e-3));
        assertThat(Statistics.tQuantile975(120)).isCloseTo(1.980, offset(1e-3));
        assertThatThrownBy(() -> Statistics.tQuantile975(0)).hasMessageContaining("at least 1");
    }

    @Test
    void standardDeviationUsesBesselsCorrection() {
        assertThat(Statistics.standardDeviation(new double[] {2, 4, 4, 4, 5, 5, 7, 9})).isCloseTo(2.1381, offset(1e-4));
        assertThat(Statistics.standardDeviation(new double[] {3})).isZero();
        assertThat(Statistics.mean(new double[0])).isNaN();
    }

    @Test
    void quantilesInterpolateAsNumPyDoes() {
        // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) = [1.75, 2.5, 3.25]; [4, 1, 3] unsorted: median 3.
        double[] xs = {4, 2, 1, 3};
        assertThat(Statistics.quantile(xs, 0.25)).isEqualTo(1.75);
        assertThat(Statistics.quantile(xs, 0.5)).isEqualTo(2.5);
        assertThat(Statistics.quantile(xs, 0.75)).isEqualTo(3.25);
        assertThat(Statistics.quantile(new double[] {4, 1, 3}, 0.5)).isEqualTo(3.0);
        assertThat(Statistics.quantile(xs, 0)).isEqualTo(1.0);
        assertThat(Statistics.quantile(xs, 1)).isEqualTo(4.0);
        assertThatThrownBy(() -> Statistics.quantile(xs, 1.5)).hasMessageContaining("q in [0, 1]");
    }
}
