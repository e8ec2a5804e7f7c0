package org.alignlab.gridworlds.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Xoshiro256PlusPlusTest {

    @Test
    void sameSeedGivesSameSequenceAndOtherSeedsDiffer() {
        Xoshiro256PlusPlus a = new Xoshiro256PlusPlus(123);
        Xoshiro256PlusPlus b = new Xoshiro256PlusPlus(123);
        Xoshiro256PlusPlus c = new Xoshiro256PlusPlus(124);
        int differ = 0;
        for (int i = 0; i < 100; i++) {
            long x = a.nextLong();
            assertThat(b.nextLong()).isEqualTo(x);
            differ += c.nextLong() != x ? 1 : 0;
        }
        assertThat(differ).isEqualTo(100);
    }

    @Test
    void nextIndexIsUniformWithinTolerance() {
        Xoshiro256PlusPlus r = new Xoshiro256PlusPlus(1);
        int[] counts = new int[3];
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            counts[r.nextIndex(3)]++;
        }
        for (int c : counts) {
            // 6 standard deviations of a binomial(300000, 1/3) is about 1,540.
            assertThat(c).isBetween(100_000 - 1_540, 100_000 + 1_540);
        }
    }

    @Test
    void nextDoubleStaysInUnitInterval() {
        Xoshiro256PlusPlus r = new Xoshiro256PlusPlus(2);
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            double d = r.nextDouble();
            assertThat(d).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            sum += d;
        }
        assertThat(sum / 100_000).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void nonPositiveBoundIsRejected() {
        assertThatThrownBy(() -> new Xoshiro256PlusPlus(0).nextIndex(0)).hasMessageContaining("positive");
    }
}
