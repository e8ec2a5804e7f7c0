package org.alignlab.scalable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebateStudyTest {
    private final DebateStudy study = new DebateStudy();

    @Test
    void trainingAndTestImagesNeverOverlap() {
        DebateStudy.Split s = DebateStudy.split(10_000, 8_000, 2_000);
        Set<Integer> train = new HashSet<>();
        Arrays.stream(s.train()).forEach(train::add);
        assertThat(train).hasSize(8_000);
        assertThat(Arrays.stream(s.test()).filter(train::contains)).isEmpty();
        assertThat(Arrays.stream(s.test()).distinct().count()).isEqualTo(2_000);
        // The split does not depend on the seed or the budget: a smaller test set is a part of the larger one.
        assertThat(s.test()).contains(DebateStudy.split(10_000, 8_000, 1_000).test());
    }

    @Test
    void badSettingsAreRefusedInOneMessage() {
        DebateStudy.Config d = study.config(Budget.DEFAULT);
        DebateStudy.Config bad = new DebateStudy.Config("/no/such/folder", 9_000, 2_000, new int[] {0, 785}, 256, 10, 8,
                0.001, new int[] {0}, 5_000, 1, 0);
        assertThatThrownBy(() -> study.validate(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mnist must be a folder")
                .hasMessageContaining("must add up to at most the 10,000 images")
                .hasMessageContaining("pixels (k) must be one or more numbers from 1 to 784, got [0, 785]")
                .hasMessageContaining("MCTS simulations must each be at least 1")
                .hasMessageContaining("search images must be 1 to the test images (2000)")
                .hasMessageContaining("seeds must be 1 to 100");
        study.validate(d);
        for (Budget b : Budget.values()) {
            study.validate(study.config(b));
        }
    }

    /** One seed's result with the judge alone right {@code alone} times and greedy debate {@code debate} times of 1,000. */
    private static DebateStudy.SeedResult seed(long seed, int alone, int debate) {
        java.util.List<DebateStudy.Outcome> debates = new java.util.ArrayList<>();
        for (boolean liarFirst : new boolean[] {false, true}) {
            debates.add(new DebateStudy.Outcome(DebateStudy.ordered(DebateStudy.GREEDY, liarFirst), debate, 1_000));
            debates.add(new DebateStudy.Outcome(DebateStudy.ordered(DebateStudy.GREEDY_ON_SEARCH_IMAGES, liarFirst), 0, 0));
            debates.add(new DebateStudy.Outcome(DebateStudy.ordered(DebateStudy.HONEST_ONLY, liarFirst), 990, 1_000));
            debates.add(new DebateStudy.Outcome(DebateStudy.ordered(DebateStudy.LIAR_ONLY, liarFirst), 20, 1_000));
        }
        DebateStudy.Outcome judge = new DebateStudy.Outcome(DebateStudy.JUDGE_ALONE, alone, 1_000);
        return new DebateStudy.SeedResult(seed, java.util.List.of(new DebateStudy.PixelResult(6, judge, judge, debates,
                1, 1)));
    }

    private StudyResult.Verdict[] verdicts(DebateStudy.SeedResult... results) {
        DebateStudy.Config c = study.config(Budget.AUDIT);
        java.util.List<DebateStudy.SeedResult> list = java.util.List.of(results);
        StudyResult seeds = org.alignlab.core.study.Seeds.combine(list.stream().map(r -> DebateReport.reportSeed(c, r))
                .toList(), list.stream().mapToLong(DebateStudy.SeedResult::seed).toArray(), list, 0);
        return DebateReport.report(c, list, seeds, 0).findings().stream().map(StudyResult.Finding::verdict)
                .toArray(StudyResult.Verdict[]::new);
    }

    @Test
    void theVerdictsFollowTheirRules() {
        // Judge alone 58% (inside 57-60), debate 80%: target met, direction reproduced.
        assertThat(verdicts(seed(1, 575, 795), seed(2, 580, 800), seed(3, 585, 805))).startsWith(
                StudyResult.Verdict.PASSED, StudyResult.Verdict.REPRODUCED);
        // Judge alone 50% (its interval below 57), debate 10 points above it: target missed, not reproduced.
        assertThat(verdicts(seed(1, 495, 595), seed(2, 500, 600), seed(3, 505, 605))).startsWith(
                StudyResult.Verdict.FAILED, StudyResult.Verdict.NOT_REPRODUCED);
        // Judge alone 56% with an interval reaching into the band: no verdict either way.
        assertThat(verdicts(seed(1, 520, 800), seed(2, 560, 800), seed(3, 600, 800))[0])
                .isEqualTo(StudyResult.Verdict.NOTE);
        // One seed: no interval, so notes only.
        assertThat(verdicts(seed(1, 580, 800))).containsOnly(StudyResult.Verdict.NOTE);
    }

    @Test
    void aSmokeRunReportsDebateBesideTheJudgeAloneAndResumes(@TempDir Path dir) throws Exception {
        DebateStudy.Config c = study.config(Budget.SMOKE);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        StudyResult r;
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"smoke\":1}")) {
            r = study.run(c, ctx);
        }
        assertThat(r.study()).isEqualTo(DebateStudy.NAME);
        StudyResult.Table table = r.tables().get(0);
        assertThat(table.rows()).extracting(row -> row.get(1)).contains(DebateStudy.JUDGE_ALONE,
                DebateStudy.ordered(DebateStudy.GREEDY, false), DebateStudy.ordered(DebateStudy.GREEDY, true),
                DebateStudy.ordered(DebateStudy.mcts(10), true), DebateStudy.ordered(DebateStudy.mctsHonest(10), false),
                DebateStudy.ordered(DebateStudy.mctsLiar(10), true), DebateStudy.ordered(DebateStudy.HONEST_ONLY, true),
                DebateStudy.ordered(DebateStudy.LIAR_ONLY, false), DebateReport.PAPER_ROW);
        // Two seeds: numbers that differ are shown with their interval.
        assertThat(table.cell(0, 2)).contains("\u00b1");
        // Per k: the judge alone, the debate's direction, the move order, MCTS in each order, the controls.
        assertThat(r.findings()).hasSize(6);
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"smoke\":1}")) {
            StudyResult again = study.run(c, ctx);
            assertThat(ctx.resumedSteps()).isEqualTo(c.seeds());
            assertThat(again.tables().get(0).rows()).isEqualTo(table.rows());
        }
    }
}
