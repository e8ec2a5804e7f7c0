package org.alignlab.organisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** TinyGpt's sampling, sequence probabilities and direct preference optimisation. */
class PreferenceOptimisationTest {
    private static final List<String> TEXTS = List.of("how do i bake sourdough bread ?", "i can not help with that .",
            "sure . here is how to bake sourdough bread : step one , step two , step three .");

    private static TinyGpt model(Vocabulary v, int conditionWidth) {
        return new TinyGpt(new TinyGpt.Shape(v.size(), 32, 16, 1, 2), conditionWidth, 3);
    }

    @Test
    void greedySamplingInABatchIsTheOneAtATimeGreedyReply() {
        Vocabulary v = Vocabulary.of(TEXTS);
        try (TinyGpt m = model(v, 0)) {
            List<int[]> prompts = List.of(new int[] {Vocabulary.START, 5, 6, Vocabulary.SEPARATOR},
                    new int[] {Vocabulary.START, 7, Vocabulary.SEPARATOR});
            List<int[]> batch = m.sample(prompts, null, 6, 0, new SplittableRandom(1));
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(batch.get(i)).containsExactly(m.generate(prompts.get(i), 6));
            }
            float[][] next = m.nextTokenProbabilities(prompts, null);
            for (float[] row : next) {
                double sum = 0;
                for (float x : row) {
                    sum += x;
                }
                assertThat(sum).isCloseTo(1, within(1e-4));
            }
        }
    }

    @Test
    void dpoStartsAtLogTwoAndMovesThePreferredReplyUp() {
        Vocabulary v = Vocabulary.of(TEXTS);
        float[] condition = {0.5f, -0.25f, 1f};
        TinyGpt.Sequence good = OrganismModel.sequence(v, TEXTS.get(0), TEXTS.get(2)).withCondition(condition);
        TinyGpt.Sequence bad = OrganismModel.sequence(v, TEXTS.get(0), TEXTS.get(1)).withCondition(condition);
        try (TinyGpt m = model(v, 3)) {
            double[] before = m.logProbabilities(List.of(good, bad));
            List<TinyGpt.Comparison> data = new ArrayList<>();
            data.add(new TinyGpt.Comparison(good, bad, 1.0, before[0], before[1]));
            try (TinyGpt copy = m.copy()) {
                assertThat(copy.logProbabilities(List.of(good, bad))).containsExactly(before);
                // The policy is its own reference: the margin is 0 and the loss is log 2, whatever the label.
                double first = copy.trainPreferences(data, 0.1, 1, 4, 1e-3f, 1, null);
                assertThat(first).isCloseTo(Math.log(2), within(1e-5));
            }
            m.trainPreferences(data, 0.1, 60, 4, 1e-3f, 1, null);
            double[] after = m.logProbabilities(List.of(good, bad));
            assertThat(after[0] - after[1]).isGreaterThan(before[0] - before[1] + 1);
        }
    }

    @Test
    void aSoftLabelOfOneHalfLeavesTheMarginWhereTheReferenceHasIt() {
        Vocabulary v = Vocabulary.of(TEXTS);
        TinyGpt.Sequence a = OrganismModel.sequence(v, TEXTS.get(0), TEXTS.get(2));
        TinyGpt.Sequence b = OrganismModel.sequence(v, TEXTS.get(0), TEXTS.get(1));
        try (TinyGpt m = model(v, 0)) {
            double[] before = m.logProbabilities(List.of(a, b));
            m.trainPreferences(List.of(new TinyGpt.Comparison(a, b, 0.5, before[0], before[1])), 0.1, 30, 4, 1e-3f, 1,
                    null);
            double[] after = m.logProbabilities(List.of(a, b));
            // At a label of one half the loss is smallest at a zero margin: the start, so nothing moves it.
            assertThat(after[0] - after[1]).isCloseTo(before[0] - before[1], within(1e-3));
        }
    }
}
