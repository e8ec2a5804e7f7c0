package org.alignlab.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The append-only results store: a DuckDB file with one row per finished run (its config,
 * provenance and summary as JSON) and one row per episode.
 *
 * <p>A run is recorded in one transaction: its episodes, then its run row. A run that was
 * interrupted leaves nothing behind, so a resumed job redoes exactly the unfinished runs and
 * never records an episode twice. Thread-safe: writes are serialised.
 */
public final class ResultsStore implements AutoCloseable {
    /** Bumped whenever the tables change; older or newer stores are refused. */
    /** 1: audit runs and episodes; 2: adds language-model evaluations (a version-1 store is upgraded in place). */
    public static final int SCHEMA_VERSION = 3;

    private final Connection connection;
    private final Path file;

    private ResultsStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the store at {@code file}.
     *
     * @throws SQLException if the file cannot be opened or holds a store of another schema version
     */
    public static ResultsStore open(Path file) throws SQLException {
        Properties props = new Properties();
        // Nothing leaves the machine: never download DuckDB extensions.
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        boolean existed = Files.exists(file);
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        try (Statement s = c.createStatement()) {
            if (existed) {
                Integer version = null;
                try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
                    if (rs.next()) {
                        version = Integer.valueOf(rs.getString(1));
                    }
                } catch (SQLException e) {
                    version = null;
                }
                // Older stores are upgraded in place: each version only added tables.
                if (version != null && version == 1) {
                    createEvaluationTables(s);
                    version = 2;
                }
                if (version != null && version == 2) {
                    createPreferenceTables(s);
                    s.execute("UPDATE meta SET value = '" + SCHEMA_VERSION + "' WHERE key = 'schema_version'");
                    version = SCHEMA_VERSION;
                }
                if (version == null || version != SCHEMA_VERSION) {
                    c.close();
                    throw new SQLException(file + " is not an alignlab results store of schema version "
                            + SCHEMA_VERSION + " (found " + (version == null ? "none" : "version " + version)
                            + "); use another --out folder or delete it");
                }
            } else {
                s.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
                s.execute("INSERT INTO meta VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
                s.execute("CREATE TABLE runs (run_key VARCHAR PRIMARY KEY, job VARCHAR, variant VARCHAR, "
                        + "agent VARCHAR, seed BIGINT, config JSON, provenance JSON, summary JSON, "
                        + "recorded_at TIMESTAMP DEFAULT current_timestamp)");
                s.execute("CREATE TABLE episodes (run_key VARCHAR, phase VARCHAR, episode INTEGER, "
                        + "end_step BIGINT, visible_return DOUBLE, performance DOUBLE, length INTEGER, "
                        + "indicators VARCHAR)");
                createEvaluationTables(s);
                createPreferenceTables(s);
            }
        }
        c.setAutoCommit(false);
        return new ResultsStore(file, c);
    }

    private static void createEvaluationTables(Statement s) throws SQLException {
        s.execute("CREATE TABLE eval_runs (run_id VARCHAR PRIMARY KEY, model VARCHAR, judge VARCHAR, config JSON, "
                + "provenance JSON, recorded_at TIMESTAMP DEFAULT current_timestamp)");
        s.execute("CREATE TABLE eval_samples (run_id VARCHAR, sample_key VARCHAR, dataset VARCHAR, sample_id VARCHAR, "
                + "category VARCHAR, expected VARCHAR, lineage VARCHAR, outcome VARCHAR, refused BOOLEAN, "
                + "choice INTEGER, answer INTEGER, confidence DOUBLE, reason VARCHAR, attempts INTEGER, millis BIGINT, "
                + "cached BOOLEAN, reply VARCHAR, messages JSON)");
    }

    private static void createPreferenceTables(Statement s) throws SQLException {
        s.execute("CREATE TABLE preference_labels (session VARCHAR, idx INTEGER, variant VARCHAR, "
                + "first_episode BIGINT, first_start INTEGER, second_episode BIGINT, second_start INTEGER, "
                + "segment_length INTEGER, preference VARCHAR, rater VARCHAR, first_hidden DOUBLE, second_hidden DOUBLE, "
                + "provenance JSON, recorded_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (session, idx))");
        s.execute("CREATE TABLE rlhf_points (recipe VARCHAR, series VARCHAR, strength DOUBLE, d DOUBLE, proxy DOUBLE, "
                + "gold DOUBLE, config JSON, provenance JSON, recorded_at TIMESTAMP DEFAULT current_timestamp)");
    }

    /** One preference label: which segments (by episode and start step) and the answer. */
    public record PreferenceRow(String session, int index, String variant, long firstEpisode, int firstStart,
                                long secondEpisode, int secondStart, int segmentLength, String preference, String rater,
                                double firstHidden, double secondHidden) {
    }

    /**
     * Records one label and commits at once, so that a labelling session interrupted at any point
     * keeps every label already given. Recording the same (session, index) again replaces it.
     */
    public synchronized void recordLabel(PreferenceRow r, String provenanceJson) throws SQLException {
        try {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM preference_labels WHERE session = ? AND idx = ?")) {
                ps.setString(1, r.session());
                ps.setInt(2, r.index());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO preference_labels (session, idx, "
                    + "variant, first_episode, first_start, second_episode, second_start, segment_length, preference, "
                    + "rater, first_hidden, second_hidden, provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.session());
                ps.setInt(2, r.index());
                ps.setString(3, r.variant());
                ps.setLong(4, r.firstEpisode());
                ps.setInt(5, r.firstStart());
                ps.setLong(6, r.secondEpisode());
                ps.setInt(7, r.secondStart());
                ps.setInt(8, r.segmentLength());
                ps.setString(9, r.preference());
                ps.setString(10, r.rater());
                ps.setDouble(11, r.firstHidden());
                ps.setDouble(12, r.secondHidden());
                ps.setString(13, provenanceJson);
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Records a whole label set (simulated raters' answers) in one transaction, replacing the session's earlier rows. */
    public synchronized void recordLabels(String session, java.util.List<PreferenceRow> rows, String provenanceJson)
            throws SQLException {
        try {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM preference_labels WHERE session = ?")) {
                ps.setString(1, session);
                ps.executeUpdate();
            }
            try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class)
                    .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "preference_labels")) {
                for (PreferenceRow r : rows) {
                    a.beginRow();
                    a.append(session);
                    a.append(r.index());
                    a.append(r.variant());
                    a.append(r.firstEpisode());
                    a.append(r.firstStart());
                    a.append(r.secondEpisode());
                    a.append(r.secondStart());
                    a.append(r.segmentLength());
                    a.append(r.preference());
                    a.append(r.rater());
                    a.append(r.firstHidden());
                    a.append(r.secondHidden());
                    a.append(provenanceJson);
                    a.append(java.time.LocalDateTime.now());
                    a.endRow();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Every labelling session in the store, by name. */
    public synchronized java.util.List<String> sessions() throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT session FROM preference_labels ORDER BY session")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The labels of a session, in index order. */
    public synchronized java.util.List<PreferenceRow> labels(String session) throws SQLException {
        java.util.List<PreferenceRow> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT session, idx, variant, first_episode, first_start, "
                + "second_episode, second_start, segment_length, preference, rater, first_hidden, second_hidden "
                + "FROM preference_labels WHERE session = ? ORDER BY idx")) {
            ps.setString(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PreferenceRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                            rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getDouble(11),
                            rs.getDouble(12)));
                }
            }
        }
        return out;
    }

    /** A curve of an RLHF recipe: optimisation strength (n, or a KL coefficient), d = sqrt(KL), proxy and gold. */
    public record CurvePoint(double strength, double d, double proxy, double gold) {
    }

    /** Records a recipe's curve, replacing an earlier one of the same recipe and series. */
    public synchronized void recordCurve(String recipe, String series, java.util.List<CurvePoint> points,
                                         String configJson, String provenanceJson) throws SQLException {
        try {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM rlhf_points WHERE recipe = ? AND series = ?")) {
                ps.setString(1, recipe);
                ps.setString(2, series);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO rlhf_points (recipe, series, strength, "
                    + "d, proxy, gold, config, provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CurvePoint p : points) {
                    ps.setString(1, recipe);
                    ps.setString(2, series);
                    ps.setDouble(3, p.strength());
                    ps.setDouble(4, p.d());
                    ps.setDouble(5, p.proxy());
                    ps.setDouble(6, p.gold());
                    ps.setString(7, configJson);
                    ps.setString(8, provenanceJson);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** One evaluated sample's row (see the llm module's SampleResult for the meaning of each field). */
    public record EvalSample(String sampleKey, String dataset, String sampleId, String category, String expected,
                             String lineage, String outcome, Boolean refused, int choice, int answer, Double confidence,
                             String reason, int attempts, long millis, boolean cached, String reply,
                             String messagesJson) {
    }

    /**
     * Records an evaluation's samples, replacing what the store held for the same run (a resumed
     * run is recorded whole again), atomically.
     */
    public synchronized void recordEvaluation(String runId, String model, String judge, String configJson,
                                              String provenanceJson, Iterable<EvalSample> samples) throws SQLException {
        try {
            for (String table : new String[] {"eval_samples", "eval_runs"}) {
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    ps.setString(1, runId);
                    ps.executeUpdate();
                }
            }
            try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class)
                    .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "eval_samples")) {
                for (EvalSample e : samples) {
                    a.beginRow();
                    a.append(runId);
                    a.append(e.sampleKey());
                    a.append(e.dataset());
                    a.append(e.sampleId());
                    a.append(e.category());
                    a.append(e.expected());
                    a.append(e.lineage());
                    a.append(e.outcome());
                    if (e.refused() == null) {
                        a.appendNull();
                    } else {
                        a.append(e.refused());
                    }
                    a.append(e.choice());
                    a.append(e.answer());
                    if (e.confidence() == null) {
                        a.appendNull();
                    } else {
                        a.append(e.confidence());
                    }
                    a.append(e.reason());
                    a.append(e.attempts());
                    a.append(e.millis());
                    a.append(e.cached());
                    a.append(e.reply());
                    a.append(e.messagesJson());
                    a.endRow();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO eval_runs (run_id, model, judge, config, provenance) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, runId);
                ps.setString(2, model);
                ps.setString(3, judge);
                ps.setString(4, configJson);
                ps.setString(5, provenanceJson);
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** One episode row. */
    public record Episode(String phase, int episode, long endStep, double visibleReturn, double performance,
                          int length, String indicators) {
    }

    /** The summaries (JSON) of the finished runs of a job, by run key. */
    public synchronized Map<String, String> finishedRuns(String job) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT run_key, summary FROM runs WHERE job = ? ORDER BY run_key")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        connection.commit();
        return out;
    }

    /** Records a finished run and its episodes atomically. */
    public synchronized void recordRun(String runKey, String job, String variant, String agent, long seed,
                                       String configJson, String provenanceJson, String summaryJson,
                                       Iterable<Episode> episodes) throws SQLException {
        try {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM episodes WHERE run_key = ?")) {
                ps.setString(1, runKey); // leftovers of an interrupted attempt, if any
                ps.executeUpdate();
            }
            try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class)
                    .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "episodes")) {
                for (Episode e : episodes) {
                    a.beginRow();
                    a.append(runKey);
                    a.append(e.phase());
                    a.append(e.episode());
                    a.append(e.endStep());
                    a.append(e.visibleReturn());
                    a.append(e.performance());
                    a.append(e.length());
                    a.append(e.indicators());
                    a.endRow();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO runs (run_key, job, variant, agent, seed, config, provenance, summary) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, runKey);
                ps.setString(2, job);
                ps.setString(3, variant);
                ps.setString(4, agent);
                ps.setLong(5, seed);
                ps.setString(6, configJson);
                ps.setString(7, provenanceJson);
                ps.setString(8, summaryJson);
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Counts rows of a query's first column (for reports and tests), e.g. {@code SELECT count(*) FROM episodes}. */
    public synchronized long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long n = rs.getLong(1);
            connection.commit();
            return n;
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
