package org.alignlab.rlhf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.core.Provenance;
import org.alignlab.core.ResultsStore;
import org.alignlab.core.study.StudyContext;

/**
 * What RLHF keeps in a results store, and how it reads it back: each preference-label session is a
 * run of kind {@value #LABELS} with one sample per answered pair, and each recipe's curves are
 * series of a run of kind {@value #CURVES}. SQL reads them through the views
 * {@code preference_labels} and {@code rlhf_points}.
 */
public final class RlhfStore {
    public static final String LABELS = "rlhf.preference-labels";
    public static final String CURVES = "rlhf.curves";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] VIEWS = {
        "CREATE OR REPLACE VIEW preference_labels AS SELECT s.run_id AS session, CAST(s.idx AS INTEGER) AS idx, "
            + "s.payload->>'variant' AS variant, CAST(s.payload->>'first_episode' AS BIGINT) AS first_episode, "
            + "CAST(s.payload->>'first_start' AS INTEGER) AS first_start, "
            + "CAST(s.payload->>'second_episode' AS BIGINT) AS second_episode, "
            + "CAST(s.payload->>'second_start' AS INTEGER) AS second_start, "
            + "CAST(s.payload->>'segment_length' AS INTEGER) AS segment_length, s.payload->>'preference' AS preference, "
            + "s.payload->>'rater' AS rater, CAST(s.payload->>'first_hidden' AS DOUBLE) AS first_hidden, "
            + "CAST(s.payload->>'second_hidden' AS DOUBLE) AS second_hidden "
            + "FROM samples s JOIN runs r USING (run_id) WHERE r.kind = '" + LABELS + "'",
        "CREATE OR REPLACE VIEW rlhf_points AS SELECT c.run_id AS recipe, c.series, c.x AS strength, "
            + "CAST(c.payload->>'d' AS DOUBLE) AS d, CAST(c.payload->>'proxy' AS DOUBLE) AS proxy, "
            + "CAST(c.payload->>'gold' AS DOUBLE) AS gold, r.config, r.provenance "
            + "FROM curves c JOIN runs r USING (run_id) WHERE r.kind = '" + CURVES + "'"
    };

    private RlhfStore() {
    }

    /** One preference label: which segments (by episode and start step) and the answer. */
    public record LabelRow(String session, int index, String variant, long firstEpisode, int firstStart,
                           long secondEpisode, int secondStart, int segmentLength, String preference, String rater,
                           double firstHidden, double secondHidden) {
    }

    /** A point of a recipe's curve: optimisation strength (n, or a KL coefficient), d = sqrt(KL), proxy and gold (NaN: none). */
    public record CurvePoint(double strength, double d, double proxy, double gold) {
    }

    /** Opens the store at {@code file} with RLHF's views defined. */
    public static ResultsStore open(Path file) throws SQLException {
        return ResultsStore.open(file, VIEWS);
    }

    /** Records one label and commits at once; recording the same (session, index) again replaces it. */
    public static void recordLabel(ResultsStore store, LabelRow r, String provenanceJson) throws SQLException {
        store.recordSample(session(r.session(), provenanceJson), sample(r));
    }

    /** Records a whole label set (simulated raters' answers) in one transaction, replacing the session's earlier rows. */
    public static void recordLabels(ResultsStore store, String session, List<LabelRow> rows, String provenanceJson)
            throws SQLException {
        store.recordRun(session(session, provenanceJson), rows.stream().map(RlhfStore::sample).toList());
    }

    /** Every labelling session in the store, by name. */
    public static List<String> sessions(ResultsStore store) throws SQLException {
        return store.runIds(LABELS);
    }

    /** The labels of a session, in index order. */
    public static List<LabelRow> labels(ResultsStore store, String session) throws SQLException {
        List<LabelRow> out = new ArrayList<>();
        for (ResultsStore.Sample s : store.samples(session)) {
            JsonNode p = parse(s.payloadJson());
            out.add(new LabelRow(session, (int) s.index(), p.path("variant").asText(), p.path("first_episode").asLong(),
                    p.path("first_start").asInt(), p.path("second_episode").asLong(), p.path("second_start").asInt(),
                    p.path("segment_length").asInt(), p.path("preference").asText(), p.path("rater").asText(),
                    p.path("first_hidden").asDouble(), p.path("second_hidden").asDouble()));
        }
        return out;
    }

    /** Records a recipe's curve, replacing an earlier one of the same recipe and series. */
    public static void recordCurve(ResultsStore store, String recipe, String series, List<CurvePoint> points,
                                   String configJson, String provenanceJson) throws SQLException {
        List<ResultsStore.Point> out = new ArrayList<>();
        for (CurvePoint p : points) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("d", finite(p.d()));
            values.put("proxy", finite(p.proxy()));
            values.put("gold", finite(p.gold()));
            out.add(new ResultsStore.Point(p.strength(), json(values)));
        }
        store.recordCurve(new ResultsStore.Run(recipe, recipe, CURVES, 0, configJson, provenanceJson, null), series, out);
    }

    /** A label sink that records each label set in the study's store as soon as it is made. */
    static LabelSink labels(StudyContext ctx) {
        return (session, labels) -> {
            try {
                recordLabels(open(ctx), session, LabelSink.rows(session, labels), ctx.toJson(Provenance.now()));
            } catch (SQLException e) {
                throw new IllegalStateException("could not record the labels of " + session + ": " + e.getMessage(), e);
            }
        };
    }

    /** Records one curve in the study's store. */
    static void curve(StudyContext ctx, String recipe, String series, List<CurvePoint> points) throws SQLException {
        recordCurve(open(ctx), recipe, series, points, ctx.configJson(), ctx.toJson(Provenance.now()));
    }

    private static ResultsStore open(StudyContext ctx) throws SQLException {
        ResultsStore store = ctx.store();
        store.defineViews(VIEWS);
        return store;
    }

    private static ResultsStore.Run session(String session, String provenanceJson) {
        return new ResultsStore.Run(session, "labels", LABELS, 0, null, provenanceJson, null);
    }

    private static ResultsStore.Sample sample(LabelRow r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("variant", r.variant());
        p.put("first_episode", r.firstEpisode());
        p.put("first_start", r.firstStart());
        p.put("second_episode", r.secondEpisode());
        p.put("second_start", r.secondStart());
        p.put("segment_length", r.segmentLength());
        p.put("preference", r.preference());
        p.put("rater", r.rater());
        p.put("first_hidden", r.firstHidden());
        p.put("second_hidden", r.secondHidden());
        return new ResultsStore.Sample(r.index(), Integer.toString(r.index()), null, null, json(p));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored label is not JSON: " + e.getMessage(), e);
        }
    }
}
