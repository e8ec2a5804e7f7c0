package org.alignlab.rlhf;

import static org.assertj.core.api.Assertions.assertThat;

import org.alignlab.core.study.StudyResult.Verdict;
import org.junit.jupiter.api.Test;

/** The ceiling's finding in each case it can be in (known answers; random play 0, best achievable 100). */
class TrueObjectiveTest {

    @Test
    void theCeilingIsJudgedAgainstTheBestAchievableAndTheLearntPolicies() {
        // A learnt-reward policy above it: the true objective is no ceiling.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(80, 0, 100), 81, 1000)).satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(f.text()).contains("reaches 80.0", "the best of this recipe's learnt-reward policies 81.0", "no ceiling");
        });
        // Within 5% of the distance from random play to the best (5 of 100): near the best.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(95, 0, 100), 60, 1000).text())
                .contains("comes within 5.0 of the best");
        // Beyond it: falls short, and the note says what that means and where the reason is shown.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(94.9, 0, 100), 60, 1000)).satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.NOTE);
            assertThat(f.text()).contains("falls 5.1 short", "less than the best there is", "fix-gaming");
        });
        // No solver reference.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(10, 0, Double.NaN), 5, 1000).text())
                .contains("cannot solve this variant");
        assertThat(TrueObjective.table(0, new TrueObjective.Ceiling(95, 0, 100), 60, 1000).rows()).hasSize(4);
    }
}
