package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.alignlab.core.ResultsStore;
import org.alignlab.rlhf.RlhfStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recipe run from the command line leaves its report, its section for the audit, its labels and its curves. */
class RlhfCommandTest {

    @Test
    void aRecipeKeepsItsLabelsAndCurvesWithTheReport(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("rlhf", "pluralism", "--comparisons", "20", "--ppo-steps", "2000", "--ceiling-steps", "2000", "--out",
                dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("max-min (egalitarian) choice");
        Path recipe = dir.resolve("pluralism");
        assertThat(recipe.resolve("report.html")).exists();
        assertThat(recipe.resolve("results.json")).exists();
        try (ResultsStore store = RlhfStore.open(recipe.resolve("results.duckdb"))) {
            // Three seeds by default, each keeping its own labels and curves.
            for (int seed = 1; seed <= 3; seed++) {
                assertThat(RlhfStore.labels(store, "pluralism/group1/seed-" + seed)).hasSize(20);
                assertThat(RlhfStore.labels(store, "pluralism/group2/seed-" + seed)).hasSize(20)
                        .allSatisfy(l -> assertThat(l.rater()).isEqualTo("oracle"));
            }
            // Seven rules' policies and the true-objective ceiling, each valued by two groups, on three seeds.
            assertThat(store.count("SELECT count(*) FROM rlhf_points WHERE recipe = 'pluralism'")).isEqualTo(8 * 2 * 3);
        }
        CliTest.Run bad = CliTest.run("rlhf", "pluralism", "--group", "oracle,random=2", "--group", "observed");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("random is a share, 0 to 1");
        // Fix-gaming's ceiling is one of its policies, trained with --ppo-steps: --ceiling-steps there is refused.
        CliTest.Run ceiling = CliTest.run("rlhf", "fix-gaming", "--ceiling-steps", "1000", "--out", dir.toString());
        assertThat(ceiling.code()).isEqualTo(2);
        assertThat(ceiling.err()).contains("--ceiling-steps is for the other recipes");
    }
}
