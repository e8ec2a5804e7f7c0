package org.alignlab.scalable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeakToStrongTest {
    private final WeakToStrongStudy study = new WeakToStrongStudy();

    @Test
    void performanceGapRecoveredKnownAnswers() {
        assertThat(WeakToStrong.pgr(0.6, 0.7, 0.8)).isCloseTo(0.5, within(1e-12));
        assertThat(WeakToStrong.pgr(0.6, 0.8, 0.8)).isEqualTo(1.0);
        assertThat(WeakToStrong.pgr(0.6, 0.6, 0.8)).isEqualTo(0.0);
        assertThat(WeakToStrong.pgr(0.6, 0.5, 0.8)).isCloseTo(-0.5, within(1e-12));
        assertThat(WeakToStrong.pgr(0.7, 0.9, 0.7)).isNaN();
    }

    @Test
    void tasksLabelDigitsAsNamed() {
        assertThat(WeakToStrong.task("parity").label().applyAsInt(7)).isEqualTo(1);
        assertThat(WeakToStrong.task("parity").label().applyAsInt(4)).isEqualTo(0);
        assertThat(WeakToStrong.task("loop").label().applyAsInt(8)).isEqualTo(1);
        assertThat(WeakToStrong.task("loop").label().applyAsInt(1)).isEqualTo(0);
        assertThat(WeakToStrong.task("digit").classes()).isEqualTo(10);
        assertThatThrownBy(() -> WeakToStrong.task("colour")).hasMessageContaining("the tasks are digit, parity, loop");
    }

    @Test
    void theWeakViewAveragesSquares() {
        byte[] pixels = new byte[Mnist.PIXELS];
        pixels[0] = (byte) 255; // top-left square
        pixels[Mnist.SIDE * 27 + 27] = (byte) 255; // bottom-right square
        pixels[27] = (byte) 255; // top-right square: row 0, column 27
        Mnist data = new Mnist(new byte[][] {pixels}, new int[] {0});
        float[] view = WeakToStrong.pooled(data, 0, 7);
        assertThat(view).hasSize(16);
        assertThat(view[0]).isCloseTo(1f / 49, within(1e-6f));
        assertThat(view[15]).isCloseTo(1f / 49, within(1e-6f));
        assertThat(view[3]).isCloseTo(1f / 49, within(1e-6f));
        assertThat(view[12]).isZero();
        assertThat(view[5]).isZero();
        assertThatThrownBy(() -> WeakToStrong.pooled(data, 0, 5)).hasMessageContaining("must divide 28");
    }

    @Test
    void badSettingsAreRefusedInOneMessage() {
        WeakToStrongStudy.Config bad = new WeakToStrongStudy.Config("", 6_000, 5_000, 2_000, new String[] {"colour"}, 5,
                new int[0], 10, new int[] {10}, 8, 0.001, 0, -1, 1, 0, 0);
        assertThatThrownBy(() -> study.validate(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must add up to at most the 10,000 images")
                .hasMessageContaining("threads must be at least 1, got 0")
                .hasMessageContaining("unknown task 'colour'")
                .hasMessageContaining("weak block must divide 28")
                .hasMessageContaining("strong hidden must be one or more widths")
                .hasMessageContaining("confidence (the auxiliary loss's weight) must be above 0")
                .hasMessageContaining("pretrain steps must be 0 (no pretrained students) or more, got -1")
                .hasMessageContaining("seeds must be 1 to 100");
        for (Budget b : Budget.values()) {
            study.validate(study.config(b));
        }
    }

    @Test
    void aSmokeRunMeasuresEveryTaskOnBothStudentsAndResumes(@TempDir Path dir) throws Exception {
        WeakToStrongStudy.Config c = study.config(Budget.SMOKE);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        StudyResult r;
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"smoke\":1}")) {
            r = study.run(c, ctx);
        }
        StudyResult.Table t = r.tables().get(0);
        String random = WeakToStrongStudy.RANDOM + ", 100 steps";
        String pretrained = WeakToStrongStudy.PRETRAINED + ", 100 steps";
        assertThat(t.rows()).extracting(row -> row.get(0) + ": " + row.get(1)).containsExactly(
                "digit: " + random, "digit: " + pretrained, "parity: " + random, "parity: " + pretrained,
                "loop: " + random, "loop: " + pretrained);
        // Every model beats chance on the held-out images, even at this budget.
        @SuppressWarnings("unchecked")
        var seeds = (java.util.List<WeakToStrongStudy.SeedResult>) r.data();
        for (WeakToStrongStudy.SeedResult s : seeds) {
            for (WeakToStrongStudy.TaskResult x : s.tasks()) {
                // Chance: the majority class's share (the loop digits are about 39% of the images).
                double chance = x.task().equals("digit") ? 0.12 : 0.62;
                assertThat(x.weak()).isGreaterThan(chance);
                for (WeakToStrongStudy.Student st : x.students()) {
                    assertThat(st.ceiling()).isGreaterThan(chance);
                    assertThat(st.naive()).isGreaterThan(chance);
                    assertThat(st.hardLabels()).isGreaterThan(chance);
                }
            }
        }
        // Per task and start: weak-to-strong generalisation, and the confidence loss.
        assertThat(r.findings()).hasSize(12);
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"smoke\":1}")) {
            StudyResult again = study.run(c, ctx);
            assertThat(ctx.resumedSteps()).isEqualTo(c.seeds());
            assertThat(again.tables().get(0).rows()).isEqualTo(t.rows());
        }
    }
}
