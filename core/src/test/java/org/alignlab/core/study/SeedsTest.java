package org.alignlab.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.alignlab.core.MeanInterval;
import org.alignlab.core.study.StudyResult.Chart;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Series;
import org.alignlab.core.study.StudyResult.Table;
import org.alignlab.core.study.StudyResult.Verdict;
import org.junit.jupiter.api.Test;

class SeedsTest {

    private static StudyResult seed(double gold, String fit, Verdict first, double curveY) {
        Table t = Table.builder("t").text("model").number("KL coefficient", "%.2f").number("gold", "%.1f")
                .text("fit").row("rm", 0.3, gold, fit).build();
        Chart c = new Chart("curve", "d", "gold", List.of(new Series("rm", new double[] {0, 1},
                new double[] {0, curveY}, false), new Series("rm fit", new double[] {0, 1}, new double[] {0, curveY},
                true)));
        return new StudyResult("s", "S", "Method.", List.of(new Finding(first, "gold " + gold),
                Finding.note("note " + gold)), List.of(t), List.of(c), "Shows; does not show.", null, 1);
    }

    /** A number every seed that measured it agrees on stays that number, beside a seed that did not measure it. */
    @Test
    void aValueEverySeedThatMeasuredItAgreesOnStays() {
        org.assertj.core.api.Assertions.assertThat(Seeds.cell(java.util.Arrays.asList(1.0, Double.NaN, 1.0)))
                .isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThat(Seeds.cell(java.util.Arrays.asList(1.0, Double.NaN, 0.5)))
                .isInstanceOf(org.alignlab.core.MeanInterval.class);
    }

    /** A mean over seeds shows its half-width without a sign, even in a signed format such as a difference's. */
    @Test
    void aMeanOverSeedsShowsItsHalfWidthUnsigned() {
        org.alignlab.core.MeanInterval m = new org.alignlab.core.MeanInterval(-0.042, -0.112, 0.028, 5);
        org.assertj.core.api.Assertions.assertThat(StudyResult.Table.show(m, "%+.3f")).isEqualTo("-0.042 \u00b1 0.070");
        org.assertj.core.api.Assertions.assertThat(StudyResult.Table.show(m, "%.3f")).isEqualTo("-0.042 \u00b1 0.070");
    }

    @Test
    void numbersThatDifferBecomeMeansWithIntervalsAndSettingsStay() {
        StudyResult r = Seeds.combine(List.of(seed(1, "a", Verdict.REPRODUCED, 2), seed(2, "a", Verdict.REPRODUCED, 4),
                seed(3, "b", Verdict.NOT_REPRODUCED, 6)), new long[] {11, 12, 13}, "data", 3);
        List<Object> row = r.tables().get(0).rows().get(0);
        assertThat(row.get(0)).isEqualTo("rm");
        assertThat(row.get(1)).isEqualTo(0.3); // the same on every seed: a setting, kept as it is
        MeanInterval gold = (MeanInterval) row.get(2);
        // Known answer: mean 2, sd 1, t(2) = 4.303, half-width 4.303 / sqrt(3) = 2.484.
        assertThat(gold.mean()).isEqualTo(2.0);
        assertThat(gold.halfWidth()).isCloseTo(2.484, within(1e-3));
        assertThat(r.tables().get(0).cell(0, 2)).isEqualTo("2.0 \u00b1 2.5");
        assertThat(row.get(3)).isEqualTo("a / a / b");
        // The chart line is the seeds' mean, with an interval at each point of the data line (not of the fit).
        Chart c = r.charts().get(0);
        assertThat(c.series().get(0).y()).containsExactly(0, 4);
        assertThat(c.series().get(0).yLow()[1]).isCloseTo(4 - 2 * 2.484, within(1e-3)); // sd 2 this time
        assertThat(c.series().get(0).yHigh()[0]).isEqualTo(0.0);
        assertThat(c.series().get(1).yLow()).isNull();
        assertThat(r.tables().get(0).note()).endsWith("a number without \u00b1 was the same on every seed that measured it, or measured by one "
                + "seed only");
        // A seed that did not measure a number leaves it out of the mean; a cell no seed measured stays empty.
        assertThat(Seeds.cell(java.util.Arrays.asList(1.0, Double.NaN, 3.0, null))).isEqualTo(
                org.alignlab.core.Statistics.meanInterval(new double[] {1, 3}));
        assertThat(Seeds.cell(java.util.Arrays.asList(Double.NaN, null))).isEqualTo(Double.NaN);
        // A verdict stands only where every seed gives it.
        assertThat(r.findings().get(0).verdict()).isEqualTo(Verdict.NOTE);
        assertThat(r.findings().get(0).text()).isEqualTo("Reproduced on 2, Not reproduced on 1 of 3 seeds: no verdict. "
                + "Seed 11: gold 1.0");
        assertThat(r.findings().get(1).text()).startsWith("A measurement; the tables give the mean over seeds. Seed 11: ");
        assertThat(r.method()).contains("Run on 3 seeds (11, 12, 13)");
        StudyResult agreed = Seeds.combine(List.of(seed(1, "a", Verdict.PASSED, 1), seed(2, "a", Verdict.PASSED, 1)),
                new long[] {1, 2}, null, 1);
        assertThat(agreed.findings().get(0).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(agreed.findings().get(0).text()).startsWith("Passed on all 2 seeds. Seed 1: ");
    }

    @Test
    void seedCountsOutsideTheRangeAndMismatchedShapesAreRefused() {
        assertThat(Seeds.of(11, 3)).containsExactly(11, 12, 13);
        assertThatThrownBy(() -> Seeds.of(1, 0)).hasMessage("seeds must be between 1 and 100, got 0");
        StudyResult other = new StudyResult("s", "S", "M.", List.of(), List.of(Table.builder("t").text("model")
                .build()), List.of(), "v", null, 1);
        assertThatThrownBy(() -> Seeds.combine(List.of(seed(1, "a", Verdict.NOTE, 1), other), new long[] {1, 2}, null, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("differs in shape between seeds");
    }

    /** One seed's result in the test below: what it drew from its own random source. */
    record Drawn(long seed, double value) {
    }

    private static StudyResult runDrawing(StudyContext ctx, int threads, long failOn,
                                          java.util.concurrent.CountDownLatch together) throws Exception {
        return Seeds.run(ctx, 1, 3, threads, Drawn.class, (seed, progress) -> {
            org.alignlab.core.Progress p = progress.start("draws", 2);
            if (together != null) {
                together.countDown();
                // Seeds 1 and 2 run at once on two threads: each waits for the other to have started.
                if (seed < 3 && !together.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("seed " + seed + " ran alone");
                }
            }
            if (seed == failOn) {
                throw new IllegalStateException("killed at seed " + seed);
            }
            p.step("first");
            p.step("second");
            return new Drawn(seed, new java.util.SplittableRandom(seed).nextDouble());
        }, (seed, r) -> { }, r -> seed(r.value(), "a", Verdict.NOTE, r.value()));
    }

    @Test
    void seedsRunTogetherGiveTheSameResultAndResumeFromTheSeedsNotFinished(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var log = new java.io.ByteArrayOutputStream();
        StudyResult alone;
        try (StudyContext ctx = new StudyContext(dir.resolve("alone"), new java.io.PrintStream(log, true), false, "{}")) {
            alone = runDrawing(ctx, 1, -1, null);
        }
        StudyResult together;
        var togetherLog = new java.io.ByteArrayOutputStream();
        try (StudyContext ctx = new StudyContext(dir.resolve("together"), new java.io.PrintStream(togetherLog, true),
                false, "{}")) {
            together = runDrawing(ctx, 2, -1, new java.util.concurrent.CountDownLatch(2));
        }
        assertThat(together.data()).isEqualTo(alone.data());
        assertThat(((List<?>) together.data()).get(2)).isEqualTo(new Drawn(3, new java.util.SplittableRandom(3)
                .nextDouble()));
        assertThat(together.tables().get(0).rows()).isEqualTo(alone.tables().get(0).rows());
        assertThat(log.toString()).contains("draws, 3 seeds [6/6]");
        assertThat(togetherLog.toString()).contains("draws, 3 seeds [6/6]");

        // Killed at seed 3: seeds 1 and 2 are kept, and the run again does seed 3 alone, its progress counting it only.
        var resumed = new java.io.ByteArrayOutputStream();
        try (StudyContext ctx = new StudyContext(dir.resolve("killed"), new java.io.PrintStream(resumed, true), false,
                "{}")) {
            // Seeds 1 and 2 both start before either goes on, so seed 2 is running (not merely queued, which the
            // failure would cancel) when seed 3 fails.
            assertThatThrownBy(() -> runDrawing(ctx, 2, 3, new java.util.concurrent.CountDownLatch(2)))
                    .hasMessage("killed at seed 3");
            assertThat(ctx.isKept("seed/1")).isTrue();
            assertThat(ctx.isKept("seed/3")).isFalse();
        }
        resumed.reset();
        try (StudyContext ctx = new StudyContext(dir.resolve("killed"), new java.io.PrintStream(resumed, true), false,
                "{}")) {
            assertThat(runDrawing(ctx, 2, -1, null).data()).isEqualTo(alone.data());
            assertThat(ctx.resumedSteps()).isEqualTo(2);
        }
        assertThat(resumed.toString()).contains("draws [2/2]").doesNotContain("seeds");
        // A seed that fails while another runs: the other is waited for (and kept), the failure thrown.
        try (StudyContext ctx = new StudyContext(dir.resolve("failing"), new java.io.PrintStream(resumed, true), false,
                "{}")) {
            var secondStarted = new java.util.concurrent.CountDownLatch(1);
            assertThatThrownBy(() -> Seeds.run(ctx, 1, 2, 2, Drawn.class, (seed, progress) -> {
                if (seed == 1) {
                    secondStarted.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    throw new IllegalStateException("seed 1 failed");
                }
                secondStarted.countDown();
                Thread.sleep(300);
                return new Drawn(seed, 0);
            }, (seed, r) -> { }, r -> seed(r.value(), "a", Verdict.NOTE, r.value()))).hasMessage("seed 1 failed");
            assertThat(ctx.isKept("seed/2")).isTrue();
        }
        assertThatThrownBy(() -> Seeds.run(null, 1, 1, 0, Drawn.class, null, null, null))
                .hasMessage("threads must be at least 1, got 0");
    }
}
