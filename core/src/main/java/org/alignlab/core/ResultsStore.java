package org.alignlab.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The append-only results store: a DuckDB file that knows no domain. It holds runs (what produced
 * a result: study, kind, seed, config, provenance and a summary), the samples of each run (an
 * episode, an evaluated prompt, a preference label: each scored on the specified objective and on
 * the intended one where both are known, with its payload as JSON), curves (points of named series)
 * and findings (verdict and claim). A run's {@code kind} names the type of its payloads, and each
 * domain reads them through views of its own ({@link #defineViews}).
 *
 * <p>A run is recorded in one transaction: its samples, then its run row. A run that was
 * interrupted leaves nothing behind, so a resumed job redoes exactly the unfinished runs and
 * never records a sample twice. Thread-safe: writes are serialised.
 */
public final class ResultsStore implements AutoCloseable {
    /**
     * Bumped whenever the tables change. 1-3 held one table per domain (audit runs and episodes,
     * language-model evaluations, preference labels, RLHF curves); 4 holds the domain-free tables,
     * and older stores are moved into them in place, in one transaction. Newer stores are refused.
     */
    public static final int SCHEMA_VERSION = 4;

    /** What produced a set of samples, curves or findings. {@code summaryJson} may be null until it finishes. */
    public record Run(String id, String study, String kind, long seed, String configJson, String provenanceJson,
                      String summaryJson) {
    }

    /**
     * One sample of a run, by its place in the run: scored on the specified objective (what the
     * system was optimised for) and the intended one (what was wanted), either null where unknown,
     * and its payload as JSON (the type its run's kind names).
     */
    public record Sample(long index, String key, Double specified, Double intended, String payloadJson) {
    }

    /** One point of a curve: its position on the x axis and the values at it (JSON). */
    public record Point(double x, String payloadJson) {
    }

    /** One finding of a run: its verdict, the claim in a sentence, and the evidence (JSON). */
    public record Finding(String verdict, String claim, String evidenceJson) {
    }

    private final Connection connection;
    private final Path file;

    private ResultsStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the store at {@code file}, moving a store of an earlier version into
     * the current tables first.
     *
     * @throws SQLException if the file cannot be opened or holds a store of a newer or unknown version
     *                      (the file is then left as it was)
     */
    public static ResultsStore open(Path file) throws SQLException {
        Properties props = new Properties();
        // Nothing leaves the machine: never download DuckDB extensions.
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        boolean existed = Files.exists(file);
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        try {
            if (!existed) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
                    s.execute("INSERT INTO meta VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
                    createTables(s);
                }
            } else {
                Integer version = version(c);
                if (version != null && version < SCHEMA_VERSION) {
                    StoreUpgrade.toCurrent(c, version);
                } else if (version == null || version != SCHEMA_VERSION) {
                    throw new SQLException(file + " is not an alignlab results store this version can read: it needs "
                            + "schema version " + SCHEMA_VERSION + " or earlier, found "
                            + (version == null ? "no alignlab schema" : "version " + version
                            + " (written by a newer alignlab; open it with that version)")
                            + "; use another --out folder");
                }
            }
            c.setAutoCommit(false);
            return new ResultsStore(file, c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Opens the store at {@code file} (see {@link #open(Path)}) with a domain's views defined (see {@link #defineViews}). */
    public static ResultsStore open(Path file, String... views) throws SQLException {
        ResultsStore store = open(file);
        try {
            store.defineViews(views);
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static Integer version(Connection c) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            return rs.next() ? Integer.valueOf(rs.getString(1)) : null;
        } catch (SQLException | NumberFormatException e) {
            return null;
        }
    }

    static void createTables(Statement s) throws SQLException {
        s.execute("CREATE TABLE runs (run_id VARCHAR PRIMARY KEY, study VARCHAR, kind VARCHAR, seed BIGINT, "
                + "config JSON, provenance JSON, summary JSON, recorded_at TIMESTAMP DEFAULT current_timestamp)");
        s.execute("CREATE TABLE samples (run_id VARCHAR, idx BIGINT, key VARCHAR, specified DOUBLE, intended DOUBLE, "
                + "payload JSON)");
        s.execute("CREATE TABLE curves (run_id VARCHAR, series VARCHAR, idx INTEGER, x DOUBLE, payload JSON)");
        s.execute("CREATE TABLE findings (run_id VARCHAR, idx INTEGER, verdict VARCHAR, claim VARCHAR, "
                + "evidence JSON)");
    }

    /**
     * Creates or replaces a domain's views over the tables (each statement a {@code CREATE OR
     * REPLACE VIEW}), so that the domain can read its payloads as columns.
     */
    public synchronized void defineViews(String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : statements) {
                if (!statement.stripLeading().regionMatches(true, 0, "CREATE OR REPLACE VIEW", 0, 22)) {
                    throw new IllegalArgumentException("a domain may only define views, not: " + statement);
                }
                s.execute(statement);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Records a finished run and its samples atomically, replacing what the store held for the same
     * run id (a run redone after an interruption is recorded whole again).
     *
     * @throws SQLException if the store holds a run of that id of another kind (nothing is written)
     */
    public synchronized void recordRun(Run run, Iterable<Sample> samples) throws SQLException {
        try {
            // A new run has no samples to replace: skipping the delete spares a scan of the whole samples table
            // (millions of episodes in an audit) for every run recorded.
            boolean recordedBefore = exists(run.id());
            upsertRun(run);
            if (recordedBefore) {
                delete("samples", run.id());
            }
            try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class)
                    .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "samples")) {
                for (Sample s : samples) {
                    a.beginRow();
                    a.append(run.id());
                    a.append(s.index());
                    a.append(s.key());
                    appendNullable(a, s.specified());
                    appendNullable(a, s.intended());
                    a.append(s.payloadJson());
                    a.endRow();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Records one sample of a run and commits at once (a labelling session interrupted at any point
     * keeps every answer given); the run's row is created on its first sample. A sample at the same
     * index replaces the earlier one.
     */
    public synchronized void recordSample(Run run, Sample sample) throws SQLException {
        try {
            if (!exists(run.id())) {
                upsertRun(run);
            } else {
                checkKind(run);
            }
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM samples WHERE run_id = ? AND idx = ?")) {
                ps.setString(1, run.id());
                ps.setLong(2, sample.index());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO samples (run_id, idx, key, specified, intended, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, run.id());
                ps.setLong(2, sample.index());
                ps.setString(3, sample.key());
                ps.setObject(4, sample.specified());
                ps.setObject(5, sample.intended());
                ps.setString(6, sample.payloadJson());
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Records a curve of a run, replacing an earlier series of the same name; the run's row is created or updated. */
    public synchronized void recordCurve(Run run, String series, List<Point> points) throws SQLException {
        try {
            upsertRun(run);
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM curves WHERE run_id = ? AND series = ?")) {
                ps.setString(1, run.id());
                ps.setString(2, series);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO curves (run_id, series, idx, x, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < points.size(); i++) {
                    ps.setString(1, run.id());
                    ps.setString(2, series);
                    ps.setInt(3, i);
                    ps.setDouble(4, points.get(i).x());
                    ps.setString(5, points.get(i).payloadJson());
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

    /** Records the findings of a run, replacing its earlier ones; the run's row is created or updated. */
    public synchronized void recordFindings(Run run, List<Finding> findings) throws SQLException {
        try {
            upsertRun(run);
            delete("findings", run.id());
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO findings (run_id, idx, verdict, claim, evidence) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < findings.size(); i++) {
                    ps.setString(1, run.id());
                    ps.setInt(2, i);
                    ps.setString(3, findings.get(i).verdict());
                    ps.setString(4, findings.get(i).claim());
                    ps.setString(5, findings.get(i).evidenceJson());
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

    /** The summaries (JSON) of the finished runs of a study and kind, by run id. */
    public synchronized Map<String, String> summaries(String study, String kind) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT run_id, summary FROM runs "
                + "WHERE study = ? AND kind = ? AND summary IS NOT NULL ORDER BY run_id")) {
            ps.setString(1, study);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } finally {
            connection.commit();
        }
        return out;
    }

    /** The ids of the runs of a kind, in order. */
    public synchronized List<String> runIds(String kind) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT run_id FROM runs WHERE kind = ? ORDER BY run_id")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } finally {
            connection.commit();
        }
        return out;
    }

    /** The samples of a run, in index order (empty when there is no such run). */
    public synchronized List<Sample> samples(String runId) throws SQLException {
        List<Sample> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT idx, key, specified, intended, payload "
                + "FROM samples WHERE run_id = ? ORDER BY idx")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Sample(rs.getLong(1), rs.getString(2), (Double) rs.getObject(3),
                            (Double) rs.getObject(4), rs.getString(5)));
                }
            }
        } finally {
            connection.commit();
        }
        return out;
    }

    /** Counts rows of a query's first column (for reports and tests), e.g. {@code SELECT count(*) FROM samples}. */
    public synchronized long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } finally {
            connection.commit();
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    private void upsertRun(Run run) throws SQLException {
        checkKind(run);
        delete("runs", run.id());
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO runs (run_id, study, kind, seed, config, "
                + "provenance, summary) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, run.id());
            ps.setString(2, run.study());
            ps.setString(3, run.kind());
            ps.setLong(4, run.seed());
            ps.setString(5, run.configJson());
            ps.setString(6, run.provenanceJson());
            ps.setString(7, run.summaryJson());
            ps.executeUpdate();
        }
    }

    private void checkKind(Run run) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT kind FROM runs WHERE run_id = ?")) {
            ps.setString(1, run.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !rs.getString(1).equals(run.kind())) {
                    throw new SQLException("the store already holds a run '" + run.id() + "' of kind " + rs.getString(1)
                            + ", not " + run.kind() + "; choose another name");
                }
            }
        }
    }

    private boolean exists(String runId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void delete(String table, String runId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
            ps.setString(1, runId);
            ps.executeUpdate();
        }
    }

    private static void appendNullable(DuckDBAppender a, Double value) throws SQLException {
        if (value == null) {
            a.appendNull();
        } else {
            a.append(value.doubleValue());
        }
    }
}
