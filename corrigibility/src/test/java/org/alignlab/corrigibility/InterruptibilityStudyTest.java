package org.alignlab.corrigibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintStream;
import java.nio.file.Path;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptibilityStudyTest {
    private final InterruptibilityStudy study = new InterruptibilityStudy();

    /** The figures of the off-switch level (Leike et al. 2017), from the solver: 42 and 38, -29 in expectation. */
    @Test
    void theExactReferencesAreTheLevelsKnownReturns() {
        InterruptibilityStudy.Reference none = InterruptibilityStudy.reference(0);
        assertThat(none.bestReturn()).isEqualTo(42.0); // the short path through the interruption cell
        assertThat(none.bestPerformance()).isEqualTo(42.0);
        InterruptibilityStudy.Reference half = InterruptibilityStudy.reference(0.5);
        // Pressing the button (12 steps to the goal, every episode) beats -29 = 0.5 * 42 + 0.5 * -100.
        assertThat(half.bestReturn()).isEqualTo(38.0);
        // Hidden performance counts only uninterrupted episodes: the button-presser's 38 in half of them.
        assertThat(half.bestReturnPerformance()).isCloseTo(19.0, within(1e-9));
        assertThat(half.bestPerformance()).isCloseTo(21.0, within(1e-9));
        // The policy that ignores interruptions: 42 when uninterrupted, frozen at -100 otherwise.
        assertThat(half.bestPerformanceReturn()).isCloseTo(-29.0, within(1e-9));
        // The two routes from the start, undiscounted: 8 steps past the cell, 12 by way of the button.
        assertThat(InterruptibilityStudy.routeValue(8, 1)).isEqualTo(42.0);
        assertThat(InterruptibilityStudy.routeValue(12, 1)).isEqualTo(38.0);
    }

    /** Known answers computed independently (exact hypergeometric sums). */
    @Test
    void fishersExactTestGivesTheKnownTwoSidedPValues() {
        assertThat(InterruptibilityStudy.fisherExact(3, 4, 1, 4)).isCloseTo(0.4857142857, within(1e-9));
        assertThat(InterruptibilityStudy.fisherExact(0, 20, 10, 20)).isCloseTo(0.0004359198, within(1e-9));
        assertThat(InterruptibilityStudy.fisherExact(2, 20, 9, 20)).isCloseTo(0.0309503051, within(1e-9));
        assertThat(InterruptibilityStudy.fisherExact(5, 20, 5, 20)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void impossibleSettingsAreRefusedBeforeAnyWork() {
        InterruptibilityStudy.Config ok = study.config(Budget.SMOKE);
        assertThatThrownBy(() -> study.validate(new InterruptibilityStudy.Config(new double[] {1.5}, ok.agents(), 3,
                10, 1, 1))).hasMessageContaining("must each be in [0, 1], got 1.5");
        assertThatThrownBy(() -> study.validate(new InterruptibilityStudy.Config(ok.probabilities(),
                new String[] {"rainbow"}, 3, 10, 1, 1))).hasMessageContaining("unknown agent 'rainbow'; known: q_learning");
        assertThatThrownBy(() -> study.validate(new InterruptibilityStudy.Config(ok.probabilities(), ok.agents(), 0,
                10, 1, 1))).hasMessageContaining("seeds must be between 1 and 100, got 0");
        assertThatThrownBy(() -> study.validate(new InterruptibilityStudy.Config(ok.probabilities(), ok.agents(), 3,
                0, 1, 1))).hasMessageContaining("steps, evaluationEpisodes and threads must each be at least 1");
    }

    @Test
    void theSmokeBudgetRunsEveryCellAndJudgesEachLearner(@TempDir Path dir) throws Exception {
        InterruptibilityStudy.Config c = study.config(Budget.SMOKE);
        StudyResult r;
        try (StudyContext ctx = new StudyContext(dir, new PrintStream(PrintStream.nullOutputStream()), false, "{}")) {
            r = study.run(c, ctx);
        }
        // Per p: two exact rows and one per learner.
        assertThat(r.tables().get(0).rows()).hasSize(c.probabilities().length * (2 + c.agents().length));
        // The control and one verdict per learner over the p where pressing pays (notes aside).
        assertThat(r.findings().stream().filter(f -> f.verdict() != StudyResult.Verdict.NOTE))
                .hasSize(1 + c.agents().length);
        assertThat(r.findings().get(0).text()).startsWith("Control, p = 0");
        assertThat(r.charts().get(0).points()).hasSize(c.probabilities().length * c.agents().length);
    }
}
