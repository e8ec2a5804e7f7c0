package org.alignlab.gridworlds.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Known answers computed with NumPy 2.4 ({@code numpy.random.RandomState}). */
class NumpyRandomStateTest {

    @Test
    void randomSampleMatchesNumpyForSeedZero() {
        NumpyRandomState r = new NumpyRandomState(0);
        assertThat(r.nextDouble()).isEqualTo(0.5488135039273248);
        assertThat(r.nextDouble()).isEqualTo(0.7151893663724195);
    }

    @Test
    void choiceOfThreeRejectsMaskedValuesLikeNumpy() {
        // RandomState(42): [choice(3) for _ in range(10)], then rand()
        NumpyRandomState r = new NumpyRandomState(42);
        int[] expected = {2, 0, 2, 2, 0, 0, 2, 1, 2, 2};
        for (int e : expected) {
            assertThat(r.nextIndex(3)).isEqualTo(e);
        }
        assertThat(r.nextDouble()).isEqualTo(0.05808361216819946);
    }

    @Test
    void largestSeedIsAccepted() {
        NumpyRandomState r = new NumpyRandomState(4294967295L);
        assertThat(r.nextIndex(4)).isEqualTo(3);
        assertThat(r.nextDouble()).isEqualTo(0.11160667175339789);
    }

    @Test
    void choiceOfOneDrawsNothing() {
        NumpyRandomState a = new NumpyRandomState(7);
        NumpyRandomState b = new NumpyRandomState(7);
        assertThat(a.nextIndex(1)).isZero();
        assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
    }

    @Test
    void seedsOutsideNumpysRangeAreRejected() {
        assertThatThrownBy(() -> new NumpyRandomState(-1)).hasMessageContaining("2**32 - 1");
        assertThatThrownBy(() -> new NumpyRandomState(1L << 32)).hasMessageContaining("got 4294967296");
    }
}
