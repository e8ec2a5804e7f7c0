package org.alignlab.rlhf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alignlab.core.study.Seeds;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Verdict;
import org.junit.jupiter.api.Test;

/** The ceiling's finding in each case it can be in (known answers; random play 0, best achievable 100). */
class TrueObjectiveTest {

    @Test
    void theCeilingIsJudgedAgainstTheBestAchievableAndTheLearntPolicies() {
        // A learnt-reward policy above it by more than 5% of the distance from random play to the best (5 of 100):
        // the true objective is no ceiling.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(80, 0, 100), 85.1, 1000)).satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(f.text()).contains("reaches 80.0", "the best of this recipe's learnt-reward policies 85.1",
                    "no ceiling");
        });
        // Above it by less: a noisy maximum's excess, no verdict of its own (here: short of the best).
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(80, 0, 100), 84.9, 1000).verdict())
                .isEqualTo(Verdict.NOTE);
        // At or below random play: no ceiling, whatever the learnt policies do.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(-1, 0, 100), -20, 1000)).satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(f.text()).contains("no better than random play");
        });
        // Near the best with a learnt policy a little above it: passed, and the text says so.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(96, 0, 100), 99, 1000).text())
                .contains("scores 3.0 above it, within the tolerance");
        // No solver reference: the tolerance is 5% of the ceiling's distance from random play (0.5 of 10).
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(10, 0, Double.NaN), 10.6, 1000).verdict())
                .isEqualTo(Verdict.FAILED);
        // Within 5% of the distance from random play to the best (5 of 100): passed.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(95, 0, 100), 60, 1000)).satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(f.text()).contains("comes within 5.0 of the best");
        });
        // Beyond it: falls short, and the note says what that means and where more steps are shown.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(94.9, 0, 100), 60, 1000)).satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.NOTE);
            assertThat(f.text()).contains("falls 5.1 short", "less than the best there is", "fix-gaming");
        });
        // No solver reference.
        assertThat(TrueObjective.finding(0, new TrueObjective.Ceiling(10, 0, Double.NaN), 5, 1000).text())
                .contains("cannot solve this variant");
        assertThat(TrueObjective.table(0, new TrueObjective.Ceiling(95, 0, 100), 60, 1000).rows()).hasSize(4);
    }

    /** Seeds whose ceilings differ (one near the best, one short) combine into a split, not into seed 1's text. */
    @Test
    void seedsThatDisagreeOnTheCeilingShowAsASplit() {
        StudyResult near = result(TrueObjective.finding(0, new TrueObjective.Ceiling(96, 0, 100), 60, 1000));
        StudyResult shortOf = result(TrueObjective.finding(0, new TrueObjective.Ceiling(90, 0, 100), 60, 1000));
        StudyResult.Finding combined = Seeds.combine(List.of(near, shortOf), new long[] {1, 2}, null, 1)
                .findings().get(0);
        assertThat(combined.verdict()).isEqualTo(Verdict.NOTE);
        assertThat(combined.text()).contains("Passed on 1", "no verdict");
    }

    /** The recipes decide the ceiling over seeds on the means, as fix-gaming does, replacing the per-seed finding. */
    @Test
    void overSeedsTheCeilingIsDecidedOnTheMeans() {
        StudyResult combined = new StudyResult("s", "t", "m", List.of(StudyResult.Finding.note("first"),
                StudyResult.Finding.note("per-seed ceiling")), List.of(), List.of(), "v", null, 1);
        List<TrueObjective.Ceiling> ceilings = List.of(new TrueObjective.Ceiling(96, 0, 100),
                new TrueObjective.Ceiling(90, 0, 100));
        // Means: random 0, ceiling 93 (7 short of 100, beyond the tolerance of 5), best learnt 60: a note.
        StudyResult decided = TrueObjective.overSeeds(combined, List.of(0.0, 0.0), ceilings, List.of(60.0, 60.0), 1000);
        assertThat(decided.findings().get(0).text()).isEqualTo("first");
        assertThat(decided.findings().get(1)).satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.NOTE);
            assertThat(f.text()).startsWith("2 seeds, decided on their means (the ceiling 93.0 \u00b1 38.1)")
                    .contains("falls 7.0 short");
        });
        // Means of 97 and 95: 4 short, within the tolerance: passed.
        assertThat(TrueObjective.overSeeds(combined, List.of(0.0, 0.0), List.of(new TrueObjective.Ceiling(97, 0, 100),
                new TrueObjective.Ceiling(95, 0, 100)), List.of(60.0, 60.0), 1000).findings().get(1).verdict())
                .isEqualTo(Verdict.PASSED);
        // One seed: nothing to decide over.
        assertThat(TrueObjective.overSeeds(combined, List.of(0.0), ceilings.subList(0, 1), List.of(60.0), 1000))
                .isSameAs(combined);
    }

    private static StudyResult result(StudyResult.Finding f) {
        return new StudyResult("s", "t", "m", List.of(f), List.of(), List.of(), "v", null, 1);
    }
}
