package org.alignlab.rlhf;

import java.sql.SQLException;
import java.util.List;
import org.alignlab.core.Provenance;
import org.alignlab.core.ResultsStore.CurvePoint;
import org.alignlab.core.study.StudyContext;

/** What the RLHF studies keep in their results store: every label set (at once) and every curve. */
final class RlhfStore {
    private RlhfStore() {
    }

    /** A label sink that records each label set in the study's store as soon as it is made. */
    static LabelSink labels(StudyContext ctx) {
        return (session, labels) -> {
            try {
                ctx.store().recordLabels(session, LabelSink.rows(session, labels), ctx.toJson(Provenance.now()));
            } catch (SQLException e) {
                throw new IllegalStateException("could not record the labels of " + session + ": " + e.getMessage(), e);
            }
        };
    }

    /** Records one curve (table rlhf_points), replacing an earlier one of the same recipe and series. */
    static void curve(StudyContext ctx, String recipe, String series, List<CurvePoint> points) throws SQLException {
        ctx.store().recordCurve(recipe, series, points, ctx.configJson(), ctx.toJson(Provenance.now()));
    }
}
