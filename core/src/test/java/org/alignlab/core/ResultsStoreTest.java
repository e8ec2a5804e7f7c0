package org.alignlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
    private static final ResultsStore.Run RUN = new ResultsStore.Run("r1", "audit", "gridworld.run", 3, "{}", "{}",
            "{\"variant\":\"boat_race:default\"}");

    @Test
    void aRunIsRecordedWholeAndARecordingOfTheSameRunReplacesIt(@TempDir Path dir) throws Exception {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.recordRun(RUN, List.of(sample(0, 1.0, 2.0), sample(1, 3.0, null)));
            store.recordRun(RUN, List.of(sample(0, 5.0, 6.0)));
            assertThat(store.count("SELECT count(*) FROM runs")).isEqualTo(1);
            assertThat(store.samples("r1")).containsExactly(sample(0, 5.0, 6.0));
            assertThat(store.summaries("audit", "gridworld.run")).containsOnlyKeys("r1");
            assertThat(store.summaries("audit", "other")).isEmpty();
            assertThat(store.samples("no such run")).isEmpty();
        }
    }

    /** Each sample of an interactive run is committed as it is given; a later one at the same index replaces it. */
    @Test
    void samplesAreKeptOneByOneAndCurvesAndFindingsReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.duckdb");
        ResultsStore.Run session = new ResultsStore.Run("s1", "labels", "labels", 0, null, "{}", null);
        try (ResultsStore store = ResultsStore.open(file)) {
            store.recordSample(session, sample(0, null, null));
            store.recordSample(session, sample(1, null, null));
            store.recordSample(session, sample(1, 1.0, null));
            ResultsStore.Run curves = new ResultsStore.Run("rec", "rec", "curves", 0, "{}", "{}", null);
            store.recordCurve(curves, "bon", List.of(new ResultsStore.Point(1, "{}"), new ResultsStore.Point(2, "{}")));
            store.recordCurve(curves, "bon", List.of(new ResultsStore.Point(1, "{}")));
            store.recordCurve(curves, "rl", List.of(new ResultsStore.Point(1, "{}")));
            store.recordFindings(curves, List.of(new ResultsStore.Finding("REPRODUCED", "a", "{}")));
            store.recordFindings(curves, List.of(new ResultsStore.Finding("PASSED", "b", "{}"),
                    new ResultsStore.Finding("NOTE", "c", "{}")));
        }
        try (ResultsStore store = ResultsStore.open(file)) { // reopened: everything was committed
            assertThat(store.samples("s1")).containsExactly(sample(0, null, null), sample(1, 1.0, null));
            assertThat(store.count("SELECT count(*) FROM curves")).isEqualTo(2);
            assertThat(store.count("SELECT count(*) FROM findings WHERE verdict <> 'REPRODUCED'")).isEqualTo(2);
            assertThat(store.runIds("labels")).containsExactly("s1");
        }
    }

    @Test
    void aRunIdOfAnotherKindIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.recordRun(RUN, List.of(sample(0, 1.0, 1.0)));
            ResultsStore.Run clash = new ResultsStore.Run("r1", "labels", "labels", 0, null, "{}", null);
            assertThatThrownBy(() -> store.recordSample(clash, sample(5, null, null)))
                    .hasMessageContaining("already holds a run 'r1' of kind gridworld.run");
            assertThatThrownBy(() -> store.recordRun(clash, List.of()))
                    .hasMessageContaining("already holds a run 'r1'");
            assertThat(store.samples("r1")).containsExactly(sample(0, 1.0, 1.0));
        }
    }

    @Test
    void domainsDefineViewsAndNothingElse(@TempDir Path dir) throws Exception {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.recordRun(RUN, List.of(sample(0, 1.0, 2.0)));
            store.defineViews("CREATE OR REPLACE VIEW gaps AS SELECT run_id, specified - intended AS gap, "
                    + "CAST(payload->>'phase' AS VARCHAR) AS phase FROM samples");
            assertThat(store.count("SELECT count(*) FROM gaps WHERE gap = -1 AND phase = 'eval'")).isEqualTo(1);
            assertThatThrownBy(() -> store.defineViews("DROP TABLE samples"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only define views");
            assertThat(store.count("SELECT count(*) FROM samples")).isEqualTo(1);
        }
    }

    /** A version-3 store (one table per domain) is moved into the domain-free tables, every row kept. */
    @Test
    void aVersionThreeStoreIsUpgradedInPlaceAndKeepsEveryRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.duckdb");
        writeVersionThreeStore(file, "human");
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.count("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'"))
                    .isEqualTo(ResultsStore.SCHEMA_VERSION);
            assertThat(store.count("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                    + "('episodes', 'eval_runs', 'eval_samples', 'preference_labels', 'rlhf_points')")).isZero();
            assertThat(store.summaries("audit", "gridworld.run")).containsEntry("r1", "{\"return\":5}");
            // An indicator the old writer left as invalid JSON (NaN) is kept as text rather than lost.
            assertThat(store.count("SELECT count(*) FROM samples WHERE key = 'train/0' "
                    + "AND payload->>'indicators' LIKE '%NaN%'")).isEqualTo(1);
            // Episodes: training before evaluation, visible return and performance as the two scores.
            assertThat(store.samples("r1")).extracting(ResultsStore.Sample::key).containsExactly("train/0", "eval/0");
            assertThat(store.samples("r1").get(1).specified()).isEqualTo(4.0);
            assertThat(store.samples("r1").get(1).intended()).isEqualTo(-1.0);
            assertThat(store.count("SELECT CAST(payload->'indicators'->>'tampered' AS INTEGER) FROM samples "
                    + "WHERE key = 'eval/0'")).isEqualTo(1);
            // The evaluation, its samples' attack chains split back into lists, null refusals kept.
            assertThat(store.runIds("llm.evaluation")).containsExactly("m|keyword");
            assertThat(store.count("SELECT count(*) FROM samples WHERE run_id = 'm|keyword' "
                    + "AND json_array_length(payload->'attacks') = 2 AND payload->>'judge' = 'keyword'")).isEqualTo(1);
            assertThat(store.count("SELECT count(*) FROM samples WHERE run_id = 'm|keyword' "
                    + "AND payload->>'refused' IS NULL")).isEqualTo(1);
            // Labels and curves.
            assertThat(store.runIds("rlhf.preference-labels")).containsExactly("human");
            assertThat(store.samples("human")).hasSize(2);
            assertThat(store.count("SELECT count(*) FROM samples WHERE run_id = 'human' "
                    + "AND payload->>'preference' = 'SECOND' AND idx = 1")).isEqualTo(1);
            assertThat(store.count("SELECT count(*) FROM curves WHERE run_id = 'overoptimization' AND series = 'bon' "
                    + "AND CAST(payload->>'gold' AS DOUBLE) = -50")).isEqualTo(1);
        }
    }

    /** An upgrade that fails half way leaves the old store exactly as it was. */
    @Test
    void aFailedUpgradeLeavesTheOldStoreAsItWas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.duckdb");
        writeVersionThreeStore(file, "r1"); // a label session named like an audit run
        assertThatThrownBy(() -> ResultsStore.open(file)).isInstanceOf(SQLException.class)
                .hasMessageContaining("could not upgrade the results store from version 3 (it is left as it was)");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT (SELECT value FROM meta), (SELECT count(*) FROM episodes), "
                    + "(SELECT count(*) FROM preference_labels)");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("3");
            assertThat(rs.getInt(2)).isEqualTo(2);
            assertThat(rs.getInt(3)).isEqualTo(2);
        }
    }

    @Test
    void aStoreFromANewerVersionOrOfNoVersionIsRefusedUntouched(@TempDir Path dir) throws Exception {
        Path newer = dir.resolve("newer.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + newer.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("INSERT INTO meta VALUES ('schema_version', '99')");
        }
        byte[] before = Files.readAllBytes(newer);
        assertThatThrownBy(() -> ResultsStore.open(newer)).isInstanceOf(SQLException.class)
                .hasMessageContaining("found version 99 (written by a newer alignlab");
        assertThat(Files.readAllBytes(newer)).isEqualTo(before);

        Path foreign = dir.resolve("foreign.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + foreign.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people (name VARCHAR)");
        }
        assertThatThrownBy(() -> ResultsStore.open(foreign)).hasMessageContaining("found no alignlab schema");
    }

    private static ResultsStore.Sample sample(long index, Double specified, Double intended) {
        return new ResultsStore.Sample(index, "eval/" + index, specified, intended, "{\"phase\":\"eval\"}");
    }

    /** The tables version 3 wrote (copied from that version's schema), with a row or two in each. */
    private static void writeVersionThreeStore(Path file, String session) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("INSERT INTO meta VALUES ('schema_version', '3')");
            s.execute("CREATE TABLE runs (run_key VARCHAR PRIMARY KEY, job VARCHAR, variant VARCHAR, agent VARCHAR, "
                    + "seed BIGINT, config JSON, provenance JSON, summary JSON, recorded_at TIMESTAMP DEFAULT current_timestamp)");
            s.execute("CREATE TABLE episodes (run_key VARCHAR, phase VARCHAR, episode INTEGER, end_step BIGINT, "
                    + "visible_return DOUBLE, performance DOUBLE, length INTEGER, indicators VARCHAR)");
            s.execute("INSERT INTO runs (run_key, job, seed, summary) VALUES ('r1', 'audit', 0, '{\"return\":5}')");
            s.execute("INSERT INTO episodes VALUES ('r1', 'eval', 0, 90, 4, -1, 9, '{\"tampered\":1}'), "
                    + "('r1', 'train', 0, 10, 1, 1, 10, '{\"tampered\":NaN}')");
            s.execute("CREATE TABLE eval_runs (run_id VARCHAR PRIMARY KEY, model VARCHAR, judge VARCHAR, config JSON, "
                    + "provenance JSON, recorded_at TIMESTAMP DEFAULT current_timestamp)");
            s.execute("CREATE TABLE eval_samples (run_id VARCHAR, sample_key VARCHAR, dataset VARCHAR, sample_id VARCHAR, "
                    + "category VARCHAR, expected VARCHAR, lineage VARCHAR, outcome VARCHAR, refused BOOLEAN, "
                    + "choice INTEGER, answer INTEGER, confidence DOUBLE, reason VARCHAR, attempts INTEGER, millis BIGINT, "
                    + "cached BOOLEAN, reply VARCHAR, messages JSON)");
            s.execute("INSERT INTO eval_runs (run_id, model, judge) VALUES ('m|keyword', 'm', 'keyword')");
            s.execute("INSERT INTO eval_samples VALUES ('m|keyword', 'k1', 'builtin', 's1', 'iwp', 'REFUSE', "
                    + "'authority+research', 'unsafe', false, -1, -1, NULL, '', 1, 12, false, 'Sure.', '[]'), "
                    + "('m|keyword', 'k2', 'builtin', 's2', 'iwp', 'REFUSE', 'plain', 'unscorable', NULL, -1, -1, NULL, "
                    + "'timeout', 5, 900, false, '', '[]')");
            s.execute("CREATE TABLE preference_labels (session VARCHAR, idx INTEGER, variant VARCHAR, "
                    + "first_episode BIGINT, first_start INTEGER, second_episode BIGINT, second_start INTEGER, "
                    + "segment_length INTEGER, preference VARCHAR, rater VARCHAR, first_hidden DOUBLE, second_hidden DOUBLE, "
                    + "provenance JSON, recorded_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (session, idx))");
            s.execute("INSERT INTO preference_labels (session, idx, variant, preference) VALUES "
                    + "('" + session + "', 0, 'boat_race:default', 'FIRST'), ('" + session + "', 1, 'boat_race:default', 'SECOND')");
            s.execute("CREATE TABLE rlhf_points (recipe VARCHAR, series VARCHAR, strength DOUBLE, d DOUBLE, proxy DOUBLE, "
                    + "gold DOUBLE, config JSON, provenance JSON, recorded_at TIMESTAMP DEFAULT current_timestamp)");
            s.execute("INSERT INTO rlhf_points (recipe, series, strength, d, proxy, gold) VALUES "
                    + "('overoptimization', 'bon', 1, 0, 0, -50)");
        }
    }
}
