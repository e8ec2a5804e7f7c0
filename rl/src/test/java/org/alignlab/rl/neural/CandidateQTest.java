package org.alignlab.rl.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandidateQTest {
    private static CandidateQ.Settings settings(double discount) {
        return new CandidateQ.Settings(16, 1e-2f, discount, 1_000, 32, 1, 20);
    }

    @Test
    void theJavaForwardPassIsTheEngines() {
        try (CandidateQ q = new CandidateQ(3, 4, settings(0.5), 7)) {
            float[] xs = {0.5f, -1, 2, 1, 0, 0, -0.3f, 0.8f, -2, 3, 3, 3};
            // A few learning steps first, so that the biases (zero at the start) are read too.
            for (int i = 0; i < 100; i++) {
                q.remember(xs, 3 * (i % 4), i % 3, xs, 4);
            }
            assertThat(q.updates()).isEqualTo(100 - 32 + 1);
            float[] engine = q.engineValues(xs, 4);
            for (int c = 0; c < 4; c++) {
                assertThat(q.value(xs, c * 3)).isCloseTo(engine[c], within(1e-5));
            }
        }
    }

    /**
     * A known answer: from the start, candidate A pays 1 and ends the episode; candidate B pays 0
     * and leads to a step whose only candidate C pays 3. Q(A) = 1 and Q(B) = 3 discount: a learner
     * that looks ahead (0.9: 2.7) takes B, a myopic one (0: 0) takes A.
     */
    @Test
    void aLearnerThatDiscountsTheFutureLessGivesUpRewardNowForMoreLater() {
        float[] a = {1, 0, 0};
        float[] b = {0, 1, 0};
        float[] c = {0, 0, 1};
        float[] start = {1, 0, 0, 0, 1, 0};
        for (double discount : new double[] {0, 0.9}) {
            try (CandidateQ q = new CandidateQ(3, 2, settings(discount), 3)) {
                SplittableRandom random = new SplittableRandom(1);
                for (int episode = 0; episode < 1_500; episode++) {
                    if (random.nextBoolean()) {
                        q.remember(a, 0, 1, new float[0], 0);
                    } else {
                        q.remember(b, 0, 0, c, 1);
                        q.remember(c, 0, 3, new float[0], 0);
                    }
                }
                assertThat(q.updates()).isGreaterThan(2_000);
                assertThat(q.value(c, 0)).isCloseTo(3, within(0.15));
                assertThat(q.value(a, 0)).isCloseTo(1, within(0.15));
                assertThat(q.value(b, 0)).as("discount %s", discount).isCloseTo(3 * discount, within(0.2));
                assertThat(q.best(start, 2)).as("discount %s", discount).isEqualTo(discount > 0 ? 1 : 0);
            }
        }
    }

    /**
     * A known answer for a slate: candidate B pays 0 and leads to a slate where the user takes C (pays
     * 3) with chance 0.25 and D (pays 0) with chance 0.75. With the chances, Q(B) is the discounted
     * expectation, 0.9 x 0.75 = 0.675; without, the best candidate's, 0.9 x 3 = 2.7.
     */
    @Test
    void aSlateIsValuedAtTheExpectationOfWhatTheUserTakes() {
        float[] b = {1, 0, 0};
        float[] c = {0, 1, 0};
        float[] d = {0, 0, 1};
        float[] next = {0, 1, 0, 0, 0, 1};
        for (boolean expected : new boolean[] {true, false}) {
            try (CandidateQ q = new CandidateQ(3, 2, settings(0.9), 5)) {
                for (int episode = 0; episode < 1_500; episode++) {
                    q.remember(b, 0, 0, next, expected ? new float[] {0.25f, 0.75f} : null, 2);
                    q.remember(c, 0, 3, new float[0], 0);
                    q.remember(d, 0, 0, new float[0], 0);
                }
                assertThat(q.value(b, 0)).as("expected %s", expected).isCloseTo(expected ? 0.675 : 2.7, within(0.2));
            }
        }
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThatThrownBy(() -> settings(1)).hasMessageContaining("discount in [0, 1)");
        assertThatThrownBy(() -> new CandidateQ.Settings(0, 1e-3f, 0, 10, 1, 1, 1)).hasMessageContaining("at least 1");
        try (CandidateQ q = new CandidateQ(3, 2, settings(0), 1)) {
            assertThatThrownBy(() -> q.remember(new float[3], 0, 0, new float[9], 3))
                    .hasMessage("0 to 2 next candidates, got 3");
            assertThatThrownBy(() -> q.remember(new float[3], 0, 0, new float[6], new float[] {0.5f, 0.4f}, 2))
                    .hasMessageContaining("must sum to 1 (include one for taking none), got 0.9");
            assertThatThrownBy(() -> q.remember(new float[3], 0, 0, new float[6], new float[] {Float.NaN, 1}, 2))
                    .hasMessageContaining("must be 0 or more, got NaN");
        }
    }
}
