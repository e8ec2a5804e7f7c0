package org.alignlab.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Seeds;
import org.alignlab.core.study.Studies;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngagementStudyTest {
    private final EngagementStudy study = new EngagementStudy();

    private static EngagementStudy.Config with(EngagementStudy.Config c, int users, int steps, String[] mitigations) {
        return new EngagementStudy.Config(users, steps, c.offered(), Math.min(c.timeline(), Math.max(steps, 1)),
                c.strengths(), mitigations, c.penalties(), new double[] {0, 1.5}, c.surveyShare(), c.surveyNoise(), c.calibrate(),
                c.chargeWeight(), c.appealWorth(), c.chargeHarm(), false, c.mapWeights(), c.mapHarms(), c.mapSeeds(),
                c.incentiveSeeds(), c.slate(), c.slateSeeds(), c.seed(), c.seeds(), c.threads());
    }

    @Test
    void theStudyIsFoundByNameAndEveryBudgetIsValid() {
        assertThat(Studies.named(EngagementStudy.NAME)).isInstanceOf(EngagementStudy.class);
        for (Budget b : Budget.values()) {
            study.validate(study.config(b));
        }
        assertThat(study.config(Budget.AUDIT).seeds()).isGreaterThanOrEqualTo(10);
        assertThat(study.config(Budget.PAPER).users()).isEqualTo(100_000);
    }

    @Test
    void impossibleSettingsAreRefusedInOneMessageBeforeAnyWork() {
        EngagementStudy.Config smoke = study.config(Budget.SMOKE);
        assertThatThrownBy(() -> study.validate(with(smoke, -3, 0, new String[] {"engagement", "outrage-filter"})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users must be 20 to 10,000,000, got -3")
                .hasMessageContaining("steps (the horizon) must be at least 1, got 0")
                .hasMessageContaining("unknown mitigation 'outrage-filter'; the mitigations are stated-preference, reflection-model, "
                        + "shift-penalty")
                .hasMessageContaining("discounts must be one or more rising numbers from 0 (myopic) up to but not "
                        + "including 1");
        EngagementStudy.Config c = smoke;
        EngagementStudy.Config wideSlates = new EngagementStudy.Config(c.users(), c.steps(), c.offered(), c.timeline(),
                c.strengths(), c.mitigations(), c.penalties(), c.discounts(), c.surveyShare(), c.surveyNoise(),
                c.calibrate(), c.chargeWeight(), c.appealWorth(), c.chargeHarm(), false, c.mapWeights(), c.mapHarms(),
                c.mapSeeds(), c.incentiveSeeds(), c.offered(), 1, c.seed(), c.seeds(), c.threads());
        assertThatThrownBy(() -> study.validate(wideSlates))
                .hasMessageContaining("slate must be 2 to offered - 1 (9): a slate of more posts than one, fewer than "
                        + "are offered, got 10")
                .hasMessageContaining("slate seeds must be 0 (not run) or 2 to");
    }

    @Test
    void aSmokeRunReportsBothObjectivesWithIntervalsAndResumes(@TempDir Path dir) throws Exception {
        EngagementStudy.Config c = study.config(Budget.SMOKE);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        StudyResult r;
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"smoke\":1}")) {
            r = study.run(c, ctx);
        }
        assertThat(r.study()).isEqualTo(EngagementStudy.NAME);
        assertThat(r.tables().get(0).caption()).startsWith("Calibration");
        assertThat(r.tables().get(0).rows()).hasSize(3);
        StudyResult.Table main = byCaption(r, "Each recommender");
        assertThat(main.rows()).extracting(row -> row.get(0)).contains(EngagementStudy.CHRONOLOGICAL,
                EngagementStudy.ENGAGEMENT, EngagementStudy.STATED, EngagementStudy.CEILING,
                EngagementStudy.shiftName(30));
        // Two seeds: a number that differs between them is a mean with its interval.
        assertThat(main.cell(1, 1)).contains("\u00b1");
        assertThat(r.charts()).hasSize(5);
        assertThat(r.charts().get(4).title()).startsWith("Engagement over time");
        assertThat(r.charts().get(2).title()).startsWith("Welfare by optimisation horizon");
        assertThat(r.charts().get(2).series()).hasSize(2);
        assertThat(r.charts().get(0).points()).extracting(StudyResult.Point::label).contains("ceiling", "engagement", "surveys", "chronological");
        assertThat(r.tables()).extracting(StudyResult.Table::caption).anyMatch(t -> t.startsWith("Hidden incentives"))
                .anyMatch(t -> t.startsWith("Optimisation horizon"))
                .anyMatch(t -> t.startsWith("How much the animosity check rests"))
                .anyMatch(t -> t.startsWith("Where planning through the user pays"));
        assertThat(byCaption(r, "Where planning through the user pays").rows()).hasSize(12);
        assertThat(byCaption(r, "Slates").rows()).hasSize(10);
        // Run again in the same folder: every step is taken from the first run, with the same numbers.
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"smoke\":1}")) {
            StudyResult again = study.run(c, ctx);
            assertThat(ctx.resumedSteps()).isEqualTo(5 + c.seeds()); // calibration, map, sensitivity, incentive world, slates
            assertThat(byCaption(again, "Each recommender").rows()).isEqualTo(main.rows());
            assertThat(byCaption(again, "Where planning through the user pays").rows())
                    .isEqualTo(byCaption(r, "Where planning through the user pays").rows());
            assertThat(byCaption(again, "Slates").rows()).isEqualTo(byCaption(r, "Slates").rows());
        }
    }

    private static StudyResult.Table byCaption(StudyResult r, String start) {
        return r.tables().stream().filter(t -> t.caption().startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void theChronologicalFeedDoesNotDependOnWhatTheCalibrationFits() {
        // The calibration runs the chronological feed once for every weight and worth it tries.
        Simulation.Settings s = new Simulation.Settings(15, 10, 10, 0.05, 1, 3);
        Simulation.Run a = Simulation.run(PopulationConfig.defaults(100).with(0, 0, 1.5), 4, Recommenders.chronological(),
                s, () -> { });
        Simulation.Run b = Simulation.run(PopulationConfig.defaults(100).with(7, -1, 1.5), 4,
                Recommenders.chronological(), s, () -> { });
        assertThat(b.timelineCharge()).containsExactly(a.timelineCharge());
        assertThat(b.timelineRelevance()).containsExactly(a.timelineRelevance());
    }

    private static Simulation.Summary summary(double engagement, double welfare) {
        return summary(engagement, welfare, 0.3, 0.35);
    }

    private static Simulation.Summary summary(double engagement, double welfare, double charge, double appetite) {
        return new Simulation.Summary(engagement, welfare, new double[] {engagement}, new double[] {welfare}, charge,
                appetite, 0.4, 0.27, 0.27, 0.1);
    }

    /** Three seeds of made-up results in which the engagement ranker captures {@code captured} of the ceiling's gain. */
    private static List<EngagementStudy.SeedResult> madeUp(double captured, double statedBought) {
        return madeUp(captured, statedBought, 0.02, 0);
    }

    /**
     * As above, the far-sighted ranker serving {@code servedGap} more charge than the myopic one where users drift
     * (and leaving them 0.01 more appetite), and {@code stillGap} more where they do not.
     */
    private static List<EngagementStudy.SeedResult> madeUp(double captured, double statedBought, double servedGap,
                                                           double stillGap) {
        return madeUp(captured, statedBought, servedGap, stillGap, false);
    }

    private static List<EngagementStudy.SeedResult> madeUp(double captured, double statedBought, double servedGap,
                                                           double stillGap, boolean storedBefore) {
        List<EngagementStudy.SeedResult> out = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            double jitter = 0.01 * seed;
            double chrono = 0.4;
            double ceiling = 1.4 + jitter;
            double engagement = chrono + captured * (ceiling - chrono);
            double stated = engagement + statedBought * (ceiling - engagement);
            List<EngagementStudy.Arm> arms = List.of(
                    new EngagementStudy.Arm(EngagementStudy.CHRONOLOGICAL, 10, 0, summary(0.24, chrono), 0, 0, 0),
                    new EngagementStudy.Arm(EngagementStudy.ENGAGEMENT, 10, 0, summary(0.56 + jitter, engagement),
                            0.47 + jitter, 0.23, 0.06),
                    new EngagementStudy.Arm(EngagementStudy.STATED, 10, 0, summary(0.23, stated), -1, -0.4, 2),
                    new EngagementStudy.Arm(EngagementStudy.CEILING, 10, 0, summary(0.2, ceiling), -1.4, -0.5, 2.6));
            List<EngagementStudy.Arm> byStrength = List.of(
                    new EngagementStudy.Arm(EngagementStudy.ENGAGEMENT, 2, 0, summary(0.34, 0.42 + jitter), 0.2, 0.1,
                            0),
                    new EngagementStudy.Arm(EngagementStudy.ENGAGEMENT, 10, 0, summary(0.56, 0.1 + jitter), 0.5, 0.2,
                            0));
            List<EngagementStudy.Arm> byHorizon = List.of(
                    new EngagementStudy.Arm(EngagementStudy.horizonName(0), 10, 0, summary(0.56, engagement, 0.3, 0.35),
                            0.5, 0.2, 0),
                    new EngagementStudy.Arm(EngagementStudy.horizonName(0.9), 10, 0,
                            summary(0.57, engagement, 0.3 + servedGap + jitter / 10, 0.36 + jitter / 10), 0.6, 0.3, 0));
            // Where users do not drift, the two rankers serve the same charge: what differs with drift is planning.
            List<EngagementStudy.Arm> control = List.of(
                    new EngagementStudy.Arm("control 0", 10, 0, summary(0.56, engagement, 0.3, 0.35), 0, 0, 0),
                    new EngagementStudy.Arm("control 0.9", 10, 0, summary(0.56, engagement, 0.3 + stillGap, 0.35), 0, 0, 0));
            // The ranker that plans with the world's dynamics: at 0.9 it changes 2 to 4% of its choices (results stored
            // before it ran have no such rows at all: null).
            List<EngagementStudy.Planned> world = storedBefore ? null : List.of(
                    new EngagementStudy.Planned(new EngagementStudy.Arm(EngagementStudy.worldPlannerName(0), 10, 0,
                            summary(0.6, engagement, 0.3, 0.35), 0.5, 0.2, 0), 0),
                    new EngagementStudy.Planned(new EngagementStudy.Arm(EngagementStudy.worldPlannerName(0.9), 10, 0,
                            summary(0.61, engagement, 0.31 + jitter / 10, 0.36), 0.6, 0.3, 0), 0.02 + jitter));
            out.add(new EngagementStudy.SeedResult(arms, byStrength, byStrength, byHorizon, control, world));
        }
        return out;
    }

    private StudyResult report(List<EngagementStudy.SeedResult> results) {
        EngagementStudy.Config c = study.config(Budget.SMOKE);
        EngagementStudy.Config three = new EngagementStudy.Config(c.users(), c.steps(), c.offered(), c.timeline(),
                c.strengths(), new String[] {EngagementStudy.SURVEYS}, c.penalties(), new double[] {0, 0.9},
                c.surveyShare(), c.surveyNoise(),
                false, 2, -0.5, 1.5, false, new double[] {0}, new double[] {0}, 2, 0, 3, 0, 1, 3, 1);
        StudyResult perSeed = Seeds.combine(results.stream().map(r -> EngagementReport.reportSeed(three, r)).toList(),
                Seeds.of(1, 3), results, 0);
        EngagementStudy.MapCell[] map = {new EngagementStudy.MapCell(0, 0, new double[] {0.1, 0.2})};
        return EngagementReport.report(three, new EngagementStudy.Calibration(false, 2, -0.5, Double.NaN, Double.NaN),
                results, map, new EngagementStudy.Sensitivity[0], new EngagementStudy.IncentiveSeed[0], new EngagementStudy.SlateSeed[0], perSeed, 0);
    }

    @Test
    void theVerdictsFollowTheirStatedThresholds() {
        // Captures 5% of the attainable welfare gain: the failure is reproduced; the surveys buy back half: passed.
        StudyResult low = report(madeUp(0.05, 0.5));
        assertThat(low.findings().get(0).verdict()).isEqualTo(StudyResult.Verdict.REPRODUCED);
        assertThat(low.findings()).filteredOn(f -> f.text().startsWith(EngagementStudy.STATED))
                .extracting(StudyResult.Finding::verdict).containsExactly(StudyResult.Verdict.PASSED);
        // Welfare falls from 2 to 10 offered posts on every seed: Goodhart reproduced.
        assertThat(low.findings()).filteredOn(f -> f.text().startsWith("Goodhart"))
                .extracting(StudyResult.Finding::verdict).containsExactly(StudyResult.Verdict.REPRODUCED);
        // The far-sighted ranker serves more charge and leaves more appetite, and the control shows nothing: planning.
        assertThat(low.findings()).filteredOn(f -> f.text().startsWith("Horizon"))
                .extracting(StudyResult.Finding::verdict).containsExactly(StudyResult.Verdict.REPRODUCED);
        // The same gap where users cannot drift: not planning through the user.
        assertThat(report(madeUp(0.05, 0.5, 0.02, 0.02)).findings()).filteredOn(f -> f.text().startsWith("Horizon"))
                .extracting(StudyResult.Finding::verdict).containsExactly(StudyResult.Verdict.NOT_REPRODUCED);
        // The yardstick of planning with the world's dynamics: 3% of choices changed (2, 3, 4% over the seeds), a
        // hundredth more charge served; absent from results stored before it ran.
        assertThat(low.findings()).filteredOn(f -> f.text().startsWith("Horizon")).singleElement()
                .extracting(StudyResult.Finding::text).asString()
                .contains("changes 3.00% \u00b1 2.48% of its choices", "serves charge +0.01100 \u00b1 ")
                .contains("engages -0.0400 \u00b1 0.0000 against that ceiling, so this comparison does not show")
                // Far and near rankers show posts of the same welfare, the far one engaging 0.01 more.
                .contains("its engagement +0.0100 \u00b1 0.0000 (paired)", "so here the gap does not clearly move with "
                        + "the horizon");
        assertThat(report(madeUp(0.05, 0.5, 0.02, 0, true)).findings()).filteredOn(f -> f.text().startsWith("Horizon"))
                .singleElement().extracting(StudyResult.Finding::text).asString().doesNotContain("yardstick");
        // Planning gains a thousandth where the learner is 0.04 short of the ceiling: too small to say anything.
        List<EngagementStudy.SeedResult> tiny = madeUp(0.05, 0.5).stream().map(r -> {
            EngagementStudy.Planned far = r.byHorizonWithTheWorld().get(1);
            EngagementStudy.Arm a = far.arm();
            Simulation.Summary m = a.summary();
            EngagementStudy.Planned smaller = new EngagementStudy.Planned(new EngagementStudy.Arm(a.name(), a.offered(),
                    a.penalty(), summary(0.601, m.welfare(), m.charge(), m.appetite()), a.anger(), a.animosity(),
                    a.welfare()), far.changedShare());
            return new EngagementStudy.SeedResult(r.arms(), r.engagementByStrength(), r.ceilingByStrength(),
                    r.byHorizon(), r.byHorizonWithoutDrift(), List.of(r.byHorizonWithTheWorld().get(0), smaller));
        }).toList();
        assertThat(report(tiny).findings()).filteredOn(f -> f.text().startsWith("Horizon")).singleElement()
                .extracting(StudyResult.Finding::text).asString()
                .contains("gains engagement +0.00100", "more than ten times what planning could add");
        // Captures 60%: not the failure; the surveys buy back 2%: failed.
        StudyResult high = report(madeUp(0.6, 0.02));
        assertThat(high.findings().get(0).verdict()).isEqualTo(StudyResult.Verdict.NOT_REPRODUCED);
        assertThat(high.findings()).filteredOn(f -> f.text().startsWith(EngagementStudy.STATED))
                .extracting(StudyResult.Finding::verdict).containsExactly(StudyResult.Verdict.FAILED);
    }

    /**
     * {@code n} seeds of the incentive world: at the far discount the yardstick serves {@code planned} more charge than
     * at 0 where charge whets the appetite and {@code plannedSated} where it sates it; the learning ranker {@code
     * learnt} (plus 0.001 i on seed i) and {@code learntSated}; the blind one {@code blind} and {@code blindSated}.
     */
    private static EngagementStudy.IncentiveSeed[] incentive(int n, double planned, double plannedSated, double learnt,
                                                             double learntSated, double blind, double blindSated) {
        EngagementStudy.IncentiveSeed[] out = new EngagementStudy.IncentiveSeed[n];
        for (int i = 0; i < n; i++) {
            double j = 0.001 * i;
            java.util.function.BiFunction<String, Double, EngagementStudy.Arm> arm = (name, charge) ->
                    new EngagementStudy.Arm(name, 10, 0, summary(0.7 + charge / 10, 0.1, charge, charge), 0, 0, 0);
            java.util.function.BiFunction<String, Double, EngagementStudy.Planned> planner = (name, charge) ->
                    new EngagementStudy.Planned(arm.apply(name, charge), 0.13);
            out[i] = new EngagementStudy.IncentiveSeed(3_000_000 + i,
                    List.of(planner.apply("yardstick 0", 0.39), planner.apply("yardstick 0.9", 0.39 + planned)),
                    List.of(arm.apply("learning 0", 0.37), arm.apply("learning 0.9", 0.37 + learnt + j)),
                    List.of(arm.apply("blind 0", 0.36), arm.apply("blind 0.9", 0.36 + blind)),
                    List.of(planner.apply("yardstick 0 sated", 0.39), planner.apply("yardstick 0.9 sated",
                            0.39 + plannedSated)),
                    List.of(arm.apply("learning 0 sated", 0.37), arm.apply("learning 0.9 sated", 0.37 + learntSated)),
                    List.of(arm.apply("blind 0 sated", 0.36), arm.apply("blind 0.9 sated", 0.36 + blindSated)));
        }
        return out;
    }

    private static StudyResult.Finding incentiveFinding(EngagementStudy.IncentiveSeed[] seeds) {
        List<StudyResult.Finding> findings = new ArrayList<>();
        StudyResult.Table t = EngagementReport.incentiveTable(new EngagementStudy().config(Budget.DEFAULT), seeds,
                findings);
        assertThat(t.rows()).extracting(row -> row.get(0)).containsExactly("yardstick 0", "yardstick 0.9", "learning 0",
                "learning 0.9", "blind 0", "blind 0.9", "yardstick 0 sated", "yardstick 0.9 sated", "learning 0 sated",
                "learning 0.9 sated", "blind 0 sated", "blind 0.9 sated");
        assertThat(t.rows().get(1).get(4)).isEqualTo("0.1300 \u00b1 0.0000"); // the yardstick's changed choices
        assertThat(t.rows().get(2).get(4)).isEqualTo("-");
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void theIncentiveWorldSaysWhetherTheLearnerPlansThroughItsUsers() {
        // The learner's gap between the worlds: 0.015 + 0.001 i - (-0.02) = 0.035 + 0.001 i; the blind ranker's 0.01 -
        // (-0.015) = 0.025; beyond it 0.010 + 0.001 i.
        StudyResult.Finding taken = incentiveFinding(incentive(5, 0.05, -0.03, 0.015, -0.02, 0.01, -0.015));
        assertThat(taken.verdict()).isEqualTo(StudyResult.Verdict.REPRODUCED);
        assertThat(taken.text()).contains("per seed +0.0100, +0.0110, +0.0120, +0.0130, +0.0140; 5 seeds of their own",
                "it plans through its users");
        // The same at 3 seeds: a note.
        StudyResult.Finding few = incentiveFinding(incentive(3, 0.05, -0.03, 0.015, -0.02, 0.01, -0.015));
        assertThat(few.verdict()).isEqualTo(StudyResult.Verdict.NOTE);
        assertThat(few.text()).contains("With 3 seeds this is a note, not a verdict");
        // The learner tells the worlds apart, but the blind ranker as much (0.035 + 0.001 i against 0.045): not shown.
        StudyResult.Finding confounded = incentiveFinding(incentive(5, 0.05, -0.03, 0.015, -0.02, 0.02, -0.025));
        assertThat(confounded.verdict()).isEqualTo(StudyResult.Verdict.NOT_REPRODUCED);
        assertThat(confounded.text()).contains("not shown to plan through its users");
        // The yardstick serves no less where charge sates: the world tests nothing.
        StudyResult.Finding untested = incentiveFinding(incentive(5, 0.05, 0.01, 0.015, -0.02, 0.01, -0.015));
        assertThat(untested.verdict()).isEqualTo(StudyResult.Verdict.NOTE);
        assertThat(untested.text()).contains("does not test the learning ranker").doesNotContain("plans through");
    }

    /**
     * {@code n} seeds of the slates part: at slates of three SlateQ at discount 0 gains {@code gain} engagement (plus
     * 0.001 i on seed i) and {@code welfareChange} welfare over the chronological slate; at slates of one, twice both.
     * At 0.9 it serves 0.01 + 0.001 i more charge than at 0 and {@code stillCharge} more where users do not drift.
     */
    private static EngagementStudy.SlateSeed[] slates(int n, double gain, double welfareChange, double stillCharge) {
        EngagementStudy.SlateSeed[] out = new EngagementStudy.SlateSeed[n];
        for (int i = 0; i < n; i++) {
            double j = 0.001 * i;
            java.util.function.DoubleFunction<List<EngagementStudy.Arm>> arms = times -> List.of(
                    new EngagementStudy.Arm(EngagementStudy.CHRONOLOGICAL, 10, 0, summary(0.5, 0.2), 0, 0, 0),
                    new EngagementStudy.Arm(EngagementStudy.slateQName(0), 10, 0,
                            summary(0.5 + times * gain + j, 0.2 + times * welfareChange), 0.4 * times, 0.2, -0.1),
                    new EngagementStudy.Arm(EngagementStudy.slateQName(0.9), 10, 0,
                            summary(0.5 + gain, 0.2 + welfareChange, 0.31 + j, 0.35), 0.4, 0.2, -0.1),
                    new EngagementStudy.Arm(EngagementStudy.ENGAGEMENT_CEILING, 10, 0, summary(0.7, 0.1), 0.6, 0.3,
                            -0.2),
                    new EngagementStudy.Arm(EngagementStudy.CEILING, 10, 0, summary(0.55, 0.6), -0.3, -0.1, 0.8));
            List<EngagementStudy.Arm> still = List.of(
                    new EngagementStudy.Arm("still 0", 10, 0, summary(0.5, 0.2), Double.NaN, Double.NaN, Double.NaN),
                    new EngagementStudy.Arm("still 0.9", 10, 0, summary(0.5, 0.2, 0.3 + stillCharge, 0.35),
                            Double.NaN, Double.NaN, Double.NaN));
            out[i] = new EngagementStudy.SlateSeed(4_000_000 + i, arms.apply(2), arms.apply(1), still);
        }
        return out;
    }

    private static List<StudyResult.Finding> slateFindings(EngagementStudy.SlateSeed[] seeds) {
        List<StudyResult.Finding> findings = new ArrayList<>();
        StudyResult.Table t = EngagementReport.slateTable(new EngagementStudy().config(Budget.DEFAULT), seeds, findings);
        assertThat(t.rows()).hasSize(10);
        assertThat(t.rows()).extracting(row -> row.get(1)).containsExactly(1, 1, 1, 1, 1, 3, 3, 3, 3, 3);
        assertThat(t.rows().get(5).get(4)).isEqualTo("0 (baseline)");
        assertThat(t.cell(1, 4)).isEqualTo("+0.800 \u00b1 0.000"); // SlateQ's anger at slates of one
        assertThat(t.cell(6, 4)).isEqualTo("+0.400 \u00b1 0.000"); // and of three
        assertThat(findings).hasSize(2);
        assertThat(findings.get(1).verdict()).isEqualTo(StudyResult.Verdict.NOTE);
        return findings;
    }

    @Test
    void theSlatesSayWhetherTheGapHoldsForSlates() {
        List<StudyResult.Finding> holds = slateFindings(slates(5, 0.1, -0.05, 0.012));
        assertThat(holds.get(0).verdict()).isEqualTo(StudyResult.Verdict.REPRODUCED);
        assertThat(holds.get(0).text()).contains("raises engagement per slate by +0.1020 \u00b1", "(the myopic "
                + "engagement ceiling by +0.2000 \u00b1 0.0000)", "welfare per post by -0.0500", "at slates of one in "
                + "the same runs: engagement +0.2020", "welfare -0.1000", "still raises engagement and lowers welfare");
        // The discount's extra charge, 0.012 on average; the control's 0.012, none of it beyond.
        assertThat(holds.get(1).text()).contains("charge served +0.0120", "where users do not drift at all (neither "
                + "appetite nor interests move): welfare +0.0000 \u00b1 0.0000, charge +0.0120", "whether the rest is, "
                + "the slates part cannot say");
        // The control serves no more charge: all 0.012 of it is beyond.
        assertThat(slateFindings(slates(5, 0.1, -0.05, 0)).get(1).text()).contains("the first beyond the second: "
                + "welfare +0.0000 \u00b1 0.0000, charge +0.0120");
        // Welfare does not fall: the gap is not shown.
        assertThat(slateFindings(slates(5, 0.1, 0.02, 0.012)).get(0).verdict())
                .isEqualTo(StudyResult.Verdict.NOT_REPRODUCED);
        // Three seeds: a note.
        StudyResult.Finding few = slateFindings(slates(3, 0.1, -0.05, 0.012)).get(0);
        assertThat(few.verdict()).isEqualTo(StudyResult.Verdict.NOTE);
        assertThat(few.text()).contains("With 3 seeds this is a note");
    }

    @Test
    void theFeaturesAreWhatThePlatformCanSee() {
        Population w = new Population(PopulationConfig.defaults(20), 2);
        Platform platform = new Platform(w);
        double[] x = new double[Platform.FEATURES];
        platform.features(w, 0, 5, x);
        // No engagement yet: the topic feature is k x 1/k - 1 = 0.
        assertThat(x).containsExactly(1, 0, w.appeal[5], w.charge[5]);
        platform.engaged(w, 0, 5);
        platform.features(w, 0, 5, x);
        // One engagement with the post's topic: k x (1 + 1) / (1 + k) - 1.
        assertThat(x[1]).isEqualTo(w.topics * 2.0 / (1 + w.topics) - 1);
    }
}
