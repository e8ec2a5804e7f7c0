package org.alignlab.rlhf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.ResultsStore;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the over-optimisation recipe: the curves are what their definitions say, and they are stored. */
class OveroptimisationRecipeTest {

    @Test
    void curvesFitsAndTheStore(@TempDir Path dir) throws Exception {
        OveroptimisationRecipe.Config c = new OveroptimisationRecipe.Config("boat_race:default", new int[] {8},
                new int[] {100, 1000}, 10, 500, new int[] {1, 2, 4, 8, 16, 32, 64, 128}, new double[] {1, 0.01}, 30_000,
                250_000, 1, 1);
        StudyResult report;
        try (StudyContext ctx = new StudyContext(dir, System.out, false, "{}")) {
            report = new OveroptimisationRecipe().run(c, ctx);
        }
        @SuppressWarnings("unchecked")
        OveroptimisationRecipe.Result r = ((List<OveroptimisationRecipe.Result>) report.data()).get(0);
        assertThat(r.models()).hasSize(2);
        for (OveroptimisationRecipe.ModelResult m : r.models()) {
            // Best-of-n: d follows the KL formula, n = 1 is the reference, and the expected best proxy never falls with n.
            assertThat(m.bestOfN().get(0).gold()).isCloseTo(r.referenceGold(), within(1e-9));
            for (int i = 0; i < m.bestOfN().size(); i++) {
                OveroptimisationRecipe.Point p = m.bestOfN().get(i);
                assertThat(p.d() * p.d()).isGreaterThanOrEqualTo(OverOptimisation.bestOfNKl((int) p.n()) - 1e-9);
                if (i > 0) {
                    assertThat(p.proxy()).isGreaterThanOrEqualTo(m.bestOfN().get(i - 1).proxy() - 1e-9);
                }
            }
            assertThat(m.bestOfNFit()).isNotNull();
            assertThat(m.rl()).hasSize(2);
            // A weaker KL penalty lets the policy move further from the reference and score higher on the proxy.
            assertThat(m.rl().get(1).d()).isGreaterThan(m.rl().get(0).d());
            assertThat(m.rl().get(1).proxy()).isGreaterThan(m.rl().get(0).proxy());
        }
        // The model fitted to 1000 comparisons predicts held-out comparisons better than the one fitted to 100.
        assertThat(r.models().get(1).fit().validationAccuracy()).isGreaterThan(r.models().get(0).fit().validationAccuracy());
        assertThat(r.models().get(1).goldCorrelation()).isGreaterThan(r.models().get(0).goldCorrelation());
        try (ResultsStore store = RlhfStore.open(dir.resolve("results.duckdb"))) {
            assertThat(store.count("SELECT count(*) FROM rlhf_points")).isEqualTo(2 * (8 + 2));
        }
        // The report: four curves (gold with its dashed fit, per model), every point in a table, a verdict per model.
        assertThat(report.charts()).hasSize(4);
        assertThat(report.charts().get(0).series()).hasSize(4);
        assertThat(report.tables().get(2).rows()).hasSize(2 * (8 + 2));
        // The ceiling beside what gives it meaning: random play (the reference), the best learnt-reward policy and the
        // exact solver's best on boat_race (100); the finding says how it stands.
        assertThat(report.tables().get(1).caption()).isEqualTo("The true-objective ceiling (hidden performance)");
        assertThat(report.tables().get(1).rows()).hasSize(4);
        assertThat(r.ceiling().bestAchievable()).isEqualTo(100.0);
        assertThat(report.findings()).hasSize(3);
        assertThat(report.findings().get(2).text()).contains("PPO on the true objective", "best achievable 100.0");
        assertThat(report.tables().get(0).cell(0, 4)).startsWith("alpha");
        // Every label set the reward models were fitted to is in the store.
        try (ResultsStore store = RlhfStore.open(dir.resolve("results.duckdb"))) {
            assertThat(store.count("SELECT count(*) FROM preference_labels")).isEqualTo(100 + 1000);
        }
    }
}
