package org.alignlab.organisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstitutionalAiStudyTest {

    @Test
    void findingsAreNotDecidedWhenTheHelpfulOnlyStartAnswersTooFewHarmfulRequests() {
        List<StudyResult.Finding> findings = List.of(new StudyResult.Finding(StudyResult.Verdict.NOT_REPRODUCED,
                "Fewer harmful replies."), StudyResult.Finding.note("A measurement."));
        List<StudyResult.Finding> untrained = ConstitutionalAiStudy.premise(
                new org.alignlab.core.MeanInterval(0.10, 0.05, 0.15, 3), findings);
        assertThat(untrained).extracting(StudyResult.Finding::verdict).containsOnly(StudyResult.Verdict.NOTE);
        assertThat(untrained.get(0).text()).startsWith("Not decided: the helpful-only organism").contains(
                "0.10", "Fewer harmful replies.");
        assertThat(untrained.get(1).text()).startsWith("Not decided").endsWith("A measurement.");
        assertThat(ConstitutionalAiStudy.premise(new org.alignlab.core.MeanInterval(0.69, 0.59, 0.79, 5), findings))
                .isEqualTo(findings);
        assertThat(ConstitutionalAiStudy.premise(new org.alignlab.core.MeanInterval(0.60, 0.50, 0.70, 3), findings))
                .isEqualTo(findings);
        // A mean above the premise with an interval reaching below it is not enough.
        assertThat(ConstitutionalAiStudy.premise(new org.alignlab.core.MeanInterval(0.60, 0.40, 0.80, 3), findings))
                .extracting(StudyResult.Finding::verdict).containsOnly(StudyResult.Verdict.NOTE);
    }
    private final ConstitutionalAiStudy study = new ConstitutionalAiStudy();

    private static ConstitutionalAiStudy.Config with(ConstitutionalAiStudy.Config c, String constitution, String raters,
                                                     int wordings, int samples) {
        return new ConstitutionalAiStudy.Config(c.seed(), c.seeds(), constitution, "", raters, wordings, c.baseRefusal(),
                c.baseSteps(), samples, c.supervisedSteps(), c.preferenceSteps(), c.beta(), c.batch(), c.learningRate(),
                c.preferenceRate(), c.threads());
    }

    @Test
    void badSettingsAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        ConstitutionalAiStudy.Config ok = study.config(Budget.SMOKE);
        study.validate(ok);
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "# nothing\n");
        assertThatThrownBy(() -> study.validate(with(ok, empty.toString(), ok.raters(), 2, 2)))
                .hasMessageContaining("has no principles");
        assertThatThrownBy(() -> study.validate(with(ok, "", "careful;lenient", 2, 2)))
                .hasMessageContaining("unknown rater 'lenient'");
        assertThatThrownBy(() -> study.validate(with(ok, "", ";", 2, 2))).hasMessageContaining("at least one rater");
        assertThatThrownBy(() -> study.validate(with(ok, "", ok.raters(), 13, 2)))
                .hasMessageContaining("training wordings must be 1 to 12, got 13");
        assertThatThrownBy(() -> study.validate(with(ok, "", ok.raters(), 2, 1)))
                .hasMessageContaining("samples must be at least 2");
    }

    private StudyResult run(Path dir, int[] resumed) throws Exception {
        return run(dir, study.config(Budget.SMOKE), resumed);
    }

    private StudyResult run(Path dir, ConstitutionalAiStudy.Config config, int[] resumed) throws Exception {
        try (StudyContext ctx = new StudyContext(dir, new PrintStream(java.io.OutputStream.nullOutputStream()), false,
                "{}")) {
            StudyResult r = study.run(config, ctx);
            resumed[0] = ctx.resumedSteps();
            return r;
        }
    }

    @Test
    void theSmokeBudgetRunsEveryMethodReproduciblyAndResumes(@TempDir Path dir, @TempDir Path other) throws Exception {
        int[] resumed = new int[1];
        StudyResult r = run(dir, resumed);
        assertThat(resumed[0]).isZero();
        // The same seed in another folder gives the same numbers; in the same folder the seed is read back.
        assertThat(run(other, resumed).tables()).isEqualTo(r.tables());
        assertThat(run(dir, resumed).tables()).isEqualTo(r.tables());
        assertThat(resumed[0]).isEqualTo(1);
        StudyResult.Table rates = r.tables().get(0);
        assertThat(rates.columns()).extracting(StudyResult.Column::heading).contains("helpful-only",
                "RL-CAI (constitutional AI)", "RLHF only (raters with blind spots)", "RLHF, careful raters (control)");
        // Eight categories and three pooled rows; every rate a probability.
        assertThat(rates.rows()).hasSize(11);
        for (List<Object> row : rates.rows()) {
            for (int col = 3; col < 3 + ConstitutionalAiStudy.Method.values().length; col++) {
                assertThat(((Number) row.get(col)).doubleValue()).isBetween(0.0, 1.0);
            }
        }
        @SuppressWarnings("unchecked")
        List<ConstitutionalAiStudy.SeedResult> seeds = (List<ConstitutionalAiStudy.SeedResult>) r.data();
        ConstitutionalAiStudy.SeedResult seed = seeds.get(0);
        // Six optimisation paths of up to five checkpoints, each starting at step 0 from its start policy.
        assertThat(seed.curves()).filteredOn(k -> k.step() == 0).hasSize(6);
        assertThat(seed.outcomes()).hasSize(ConstitutionalAiStudy.Method.values().length
                * RedTeamCorpus.Category.values().length);
        assertThat(r.charts().get(0).series()).hasSize(6);
        assertThat(r.verdict()).contains("does not show");
        // The arms that AI feedback does not touch come out the same under another constitution: each arm draws its
        // preference pairs from a random source of its own, so a change to one labeller moves no baseline.
        ConstitutionalAiStudy.Config clearCut = org.alignlab.core.study.Settings.with(study.config(Budget.SMOKE),
                java.util.Map.of("constitution", Constitution.CLEAR_CUT_ONLY));
        @SuppressWarnings("unchecked")
        ConstitutionalAiStudy.SeedResult underClearCut = ((List<ConstitutionalAiStudy.SeedResult>)
                run(other.resolve("clear-cut"), clearCut, resumed).data()).get(0);
        java.util.Set<String> untouched = java.util.Set.of("HELPFUL_ONLY", "SL_HUMAN", "RL_HUMAN", "SL_CAREFUL",
                "RL_CAREFUL", "RLHF", "RLHF_CAREFUL");
        assertThat(underClearCut.outcomes()).filteredOn(o -> untouched.contains(o.method()))
                .isEqualTo(seed.outcomes().stream().filter(o -> untouched.contains(o.method())).toList())
                .hasSize(untouched.size() * RedTeamCorpus.Category.values().length);
        assertThat(underClearCut.outcomes().stream().filter(o -> o.method().equals("RL_CAI")).toList())
                .isNotEqualTo(seed.outcomes().stream().filter(o -> o.method().equals("RL_CAI")).toList());
    }

    @Test
    void theReductionIsTheShareOfRlhfsHarmfulRepliesAvoided() {
        assertThat(ConstitutionalAiStudy.reduction(0.3, 0.5)).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ConstitutionalAiStudy.reduction(0.6, 0.5)).isLessThan(0);
        assertThat(ConstitutionalAiStudy.reduction(0.1, 0)).isNaN();
    }
}
