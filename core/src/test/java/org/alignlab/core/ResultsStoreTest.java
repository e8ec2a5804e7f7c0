package org.alignlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    @Test
    void aVersionOneStoreIsUpgradedInPlaceAndKeepsItsRuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.duckdb");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("INSERT INTO meta VALUES ('schema_version', '1')");
            s.execute("CREATE TABLE runs (run_key VARCHAR PRIMARY KEY, job VARCHAR, variant VARCHAR, agent VARCHAR, "
                    + "seed BIGINT, config JSON, provenance JSON, summary JSON, recorded_at TIMESTAMP DEFAULT current_timestamp)");
            s.execute("CREATE TABLE episodes (run_key VARCHAR, phase VARCHAR, episode INTEGER, end_step BIGINT, "
                    + "visible_return DOUBLE, performance DOUBLE, length INTEGER, indicators VARCHAR)");
            s.execute("INSERT INTO runs (run_key, job) VALUES ('r1', 'audit')");
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.count("SELECT count(*) FROM runs")).isEqualTo(1);
            assertThat(store.count("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'")).isEqualTo(3);
            assertThat(store.count("SELECT count(*) FROM eval_samples")).isZero();
            assertThat(store.count("SELECT count(*) FROM preference_labels")).isZero();
        }
    }

    /** Each label is committed as it is given; a later recording of the same index replaces it. */
    @Test
    void labelsAreKeptOneByOneAndCurvesReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labels.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.recordLabel(new ResultsStore.PreferenceRow("s1", 0, "boat_race:default", 11, 0, 12, 10, 10, "FIRST",
                    "human", 3, 1), "{}");
            store.recordLabel(new ResultsStore.PreferenceRow("s1", 1, "boat_race:default", 13, 0, 14, 0, 10, "TIE",
                    "human", 2, 2), "{}");
            store.recordLabel(new ResultsStore.PreferenceRow("s1", 1, "boat_race:default", 13, 0, 14, 0, 10, "SECOND",
                    "human", 2, 2), "{}");
            store.recordLabels("sim", java.util.List.of(
                    new ResultsStore.PreferenceRow("sim", 0, "boat_race:default", 1, 0, 2, 0, 10, "FIRST", "oracle", 1, 0),
                    new ResultsStore.PreferenceRow("sim", 1, "boat_race:default", 3, 0, 4, 0, 10, "TIE", "oracle", 0, 0)), "{}");
            store.recordCurve("overoptimization", "bon", java.util.List.of(new ResultsStore.CurvePoint(1, 0, 0, -50),
                    new ResultsStore.CurvePoint(2, 0.44, 5, -45)), "{}", "{}");
            store.recordCurve("overoptimization", "bon", java.util.List.of(new ResultsStore.CurvePoint(1, 0, 0, -50)),
                    "{}", "{}");
        }
        // Reopened (as after a crash between labels): everything recorded is there.
        try (ResultsStore store = ResultsStore.open(file)) {
            var labels = store.labels("s1");
            assertThat(labels).hasSize(2);
            assertThat(labels.get(1).preference()).isEqualTo("SECOND");
            assertThat(labels.get(0).firstEpisode()).isEqualTo(11);
            assertThat(store.labels("other")).isEmpty();
            assertThat(store.labels("sim")).extracting(ResultsStore.PreferenceRow::preference).containsExactly("FIRST", "TIE");
            assertThat(store.count("SELECT count(*) FROM rlhf_points")).isEqualTo(1);
        }
    }

    @Test
    void anEvaluationIsRecordedAndARecordingOfTheSameRunReplacesIt(@TempDir Path dir) throws Exception {
        ResultsStore.EvalSample one = new ResultsStore.EvalSample("k1", "builtin", "s1", "iwp", "REFUSE", "plain",
                "unsafe", false, -1, -1, null, "", 1, 12, false, "Sure.", "[]");
        ResultsStore.EvalSample two = new ResultsStore.EvalSample("k2", "builtin", "s2", "iwp", "REFUSE", "plain",
                "unscorable", null, -1, -1, null, "timeout", 5, 900, false, "", "[]");
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.recordEvaluation("run", "m", "keyword", "{}", "{}", List.of(one));
            store.recordEvaluation("run", "m", "keyword", "{}", "{}", List.of(one, two));
            assertThat(store.count("SELECT count(*) FROM eval_samples")).isEqualTo(2);
            assertThat(store.count("SELECT count(*) FROM eval_runs")).isEqualTo(1);
            assertThat(store.count("SELECT count(*) FROM eval_samples WHERE refused IS NULL AND outcome = 'unscorable'"))
                    .isEqualTo(1);
        }
    }
}
