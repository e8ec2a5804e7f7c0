package org.alignlab.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moves a results store written by versions 1-3 (one table per domain) into the domain-free tables
 * of the current version, in one transaction: either every row is moved and the old tables dropped,
 * or nothing changes. The payloads it writes are those the domains write today, so their views read
 * old and new rows alike. This is the only place that knows the old tables.
 */
final class StoreUpgrade {
    private StoreUpgrade() {
    }

    static void toCurrent(Connection c, int version) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE runs RENAME TO old_runs");
            s.execute("ALTER TABLE episodes RENAME TO old_episodes");
            ResultsStore.createTables(s);
            // Version 1: the audit's gridworld runs and their episodes.
            s.execute("INSERT INTO runs (run_id, study, kind, seed, config, provenance, summary, recorded_at) "
                    + "SELECT run_key, job, 'gridworld.run', coalesce(seed, 0), config, provenance, summary, recorded_at "
                    + "FROM old_runs");
            s.execute("INSERT INTO samples SELECT run_key, "
                    + "row_number() OVER (PARTITION BY run_key ORDER BY phase = 'eval', episode) - 1, "
                    + "phase || '/' || episode, visible_return, performance, "
                    + "json_object('phase', phase, 'episode', episode, 'end_step', end_step, 'length', length, "
                    + "'indicators', coalesce(try_cast(indicators AS JSON), to_json(indicators))) FROM old_episodes");
            s.execute("DROP TABLE old_episodes");
            s.execute("DROP TABLE old_runs");
            if (version >= 2 && exists(c, "eval_runs")) {
                // Version 2: language-model evaluations; each sample's payload is the llm module's SampleResult.
                s.execute("INSERT INTO runs (run_id, study, kind, seed, config, provenance, summary, recorded_at) "
                        + "SELECT run_id, 'eval', 'llm.evaluation', 0, config, provenance, "
                        + "json_object('model', model, 'judge', judge), recorded_at FROM eval_runs");
                s.execute("INSERT INTO samples SELECT e.run_id, "
                        + "row_number() OVER (PARTITION BY e.run_id ORDER BY e.sample_key) - 1, e.sample_key, NULL, NULL, "
                        + "json_object('key', e.sample_key, 'model', r.model, 'sampleId', e.sample_id, 'dataset', e.dataset, "
                        + "'category', e.category, 'expected', e.expected, 'attacks', CASE WHEN e.lineage = 'plain' "
                        + "THEN CAST([] AS VARCHAR[]) ELSE string_split(e.lineage, '+') END, 'outcome', e.outcome, "
                        + "'refused', e.refused, 'choice', e.choice, 'answer', e.answer, 'reply', e.reply, "
                        + "'reason', e.reason, 'attempts', e.attempts, 'millis', e.millis, 'cached', e.cached, "
                        + "'judge', r.judge, 'confidence', e.confidence, 'messages', e.messages) "
                        + "FROM eval_samples e JOIN eval_runs r USING (run_id)");
                s.execute("DROP TABLE eval_samples");
                s.execute("DROP TABLE eval_runs");
            }
            if (version >= 3 && exists(c, "preference_labels")) {
                // Version 3: preference labels (one run per session) and the RLHF recipes' curves.
                s.execute("INSERT INTO runs (run_id, study, kind, seed, config, provenance, summary, recorded_at) "
                        + "SELECT session, 'labels', 'rlhf.preference-labels', 0, NULL, any_value(provenance), NULL, "
                        + "min(recorded_at) FROM preference_labels GROUP BY session");
                s.execute("INSERT INTO samples SELECT session, idx, CAST(idx AS VARCHAR), NULL, NULL, "
                        + "json_object('variant', variant, 'first_episode', first_episode, 'first_start', first_start, "
                        + "'second_episode', second_episode, 'second_start', second_start, 'segment_length', "
                        + "segment_length, 'preference', preference, 'rater', rater, 'first_hidden', first_hidden, "
                        + "'second_hidden', second_hidden) FROM preference_labels");
                s.execute("INSERT INTO runs (run_id, study, kind, seed, config, provenance, summary, recorded_at) "
                        + "SELECT recipe, recipe, 'rlhf.curves', 0, any_value(config), any_value(provenance), NULL, "
                        + "min(recorded_at) FROM rlhf_points GROUP BY recipe");
                s.execute("INSERT INTO curves SELECT recipe, series, "
                        + "CAST(row_number() OVER (PARTITION BY recipe, series ORDER BY strength) - 1 AS INTEGER), "
                        + "strength, json_object('d', d, 'proxy', proxy, 'gold', gold) FROM rlhf_points");
                s.execute("DROP TABLE preference_labels");
                s.execute("DROP TABLE rlhf_points");
            }
            s.execute("UPDATE meta SET value = '" + ResultsStore.SCHEMA_VERSION + "' WHERE key = 'schema_version'");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("could not upgrade the results store from version " + version + " (it is left as it "
                    + "was): " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
