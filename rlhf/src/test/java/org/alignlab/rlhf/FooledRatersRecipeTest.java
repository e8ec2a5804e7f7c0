package org.alignlab.rlhf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Raters who see only the observations teach the policy to look good; an honest oracle does not. */
class FooledRatersRecipeTest {

    @Test
    void theObservationOnlyRaterOpensAGapTheOracleDoesNot() {
        FooledRatersRecipe.Config c = new FooledRatersRecipe.Config("tomato_watering:default",
                new String[] {"observed", "oracle"}, 500, 10, new double[] {1, 0.01}, 30_000, 1, 1);
        FooledRatersRecipe.Result r = FooledRatersRecipe.run(c, org.alignlab.core.Progress.to(System.out, false));
        FooledRatersRecipe.RaterResult observed = r.raters().get(0);
        FooledRatersRecipe.RaterResult oracle = r.raters().get(1);
        assertThat(oracle.labelAgreementWithHidden()).isEqualTo(1.0);
        assertThat(observed.labelAgreementWithHidden()).isLessThan(1.0);
        PolicyOptimiser.Outcome fooled = observed.outcomes().get(1);
        PolicyOptimiser.Outcome honest = oracle.outcomes().get(1);
        // Measured at these settings: the fooled policy looks far better than it is; the honest one does not.
        assertThat(FooledRatersRecipe.gap(fooled)).isGreaterThan(FooledRatersRecipe.gap(honest) + 10);
        assertThat(fooled.visible()).isGreaterThan(honest.visible());
        assertThat(fooled.gold()).isLessThan(honest.gold());
        assertThat(FooledRatersRecipe.findings(r)).hasSize(2);
        var report = FooledRatersRecipe.report(r);
        assertThat(report.charts()).extracting(chart -> chart.title()).contains("Looking good minus being good");
        // The observation-only rater's finding is a reproduction; the oracle is the control, with no verdict.
        assertThat(report.findings().get(0).verdict()).isEqualTo(org.alignlab.core.study.StudyResult.Verdict.REPRODUCED);
        assertThat(report.findings().get(1).verdict()).isEqualTo(org.alignlab.core.study.StudyResult.Verdict.NOTE);
    }

    @Test
    void overSeedsTheVerdictRestsOnTheExcessGapPairedBySeed() {
        // Known answer: the oracle's gap is 2 on every seed; the observed rater's 20, 22, 24: the excess 18, 20, 22
        // has mean 20 and half-width 4.303 * 2 / sqrt(3) = 4.97, wholly above 5: reproduced.
        java.util.List<FooledRatersRecipe.Result> clear = java.util.List.of(seed(20), seed(22), seed(24));
        java.util.List<org.alignlab.core.study.StudyResult.Finding> base = java.util.List.of(
                org.alignlab.core.study.StudyResult.Finding.note("first"),
                org.alignlab.core.study.StudyResult.Finding.note("second"));
        var findings = FooledRatersRecipe.pairedFindings(clear, base);
        assertThat(findings.get(0).verdict()).isEqualTo(org.alignlab.core.study.StudyResult.Verdict.REPRODUCED);
        assertThat(findings.get(0).text()).contains("exceeds the oracle's by 20.0 \u00b1 5.0");
        assertThat(findings.get(1)).isEqualTo(base.get(1)); // the oracle is the control
        // Excess 0, 10, 20: mean 10, half-width 24.8; the interval straddles 5, so the seeds cannot decide.
        var unclear = FooledRatersRecipe.pairedFindings(java.util.List.of(seed(2), seed(12), seed(22)), base);
        assertThat(unclear.get(0).verdict()).isEqualTo(org.alignlab.core.study.StudyResult.Verdict.NOTE);
        assertThat(unclear.get(0).text()).contains("cannot decide");
    }

    /** One seed's result: the observed rater's strongest policy shows {@code observedGap}, the oracle's 2. */
    private static FooledRatersRecipe.Result seed(double observedGap) {
        var weak = new PolicyOptimiser.Outcome(1, 1, 0, 5, 6);
        var observed = new FooledRatersRecipe.RaterResult("observed", null, 0.9, java.util.List.of(weak,
                new PolicyOptimiser.Outcome(0.01, 5, 0, 5, 5 + observedGap)));
        var oracle = new FooledRatersRecipe.RaterResult("oracle", null, 1.0, java.util.List.of(weak,
                new PolicyOptimiser.Outcome(0.01, 5, 0, 8, 10)));
        return new FooledRatersRecipe.Result("tomato_watering:default", 1, 100, java.util.List.of(observed, oracle), 1);
    }
}
