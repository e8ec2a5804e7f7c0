package org.alignlab.debate;

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
        assertThat(table.rows()).extracting(row -> row.get(1)).contains("judge alone, random pixels",
                DebateStudy.GREEDY_HONEST_FIRST, DebateStudy.GREEDY_LIAR_FIRST, DebateStudy.mcts(10, false),
                DebateStudy.HONEST_ONLY, DebateStudy.LIAR_ONLY);
        assertThat(table.cell(0, 4)).startsWith("59.4");
        // Two seeds: numbers that differ are shown with their interval.
        assertThat(table.cell(0, 2)).contains("\u00b1");
        assertThat(r.findings()).extracting(StudyResult.Finding::verdict).containsAnyOf(StudyResult.Verdict.REPRODUCED,
                StudyResult.Verdict.NOT_REPRODUCED).hasSizeGreaterThan(3);
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"smoke\":1}")) {
            StudyResult again = study.run(c, ctx);
            assertThat(ctx.resumedSteps()).isEqualTo(c.seeds());
            assertThat(again.tables().get(0).rows()).isEqualTo(table.rows());
        }
    }
}
