package org.alignlab.report.view;

import java.util.List;

/**
 * Two evaluations on the same samples, side by side: each measure's rate in both with McNemar's
 * exact test on the samples where exactly one failed, and the samples whose outcomes differ.
 *
 * @param judge  the judge whose verdicts are compared (a transcript set may hold several)
 * @param judges the judges both sets share
 * @param differing   samples where exactly one run failed (the test's discordant pairs), of which
 *                    {@code differences} shows the first ones
 * @param shared samples scored in both
 */
public record ComparePage(RunRow first, RunRow second, String judge, List<String> judges, List<Row> rows,
                          List<Difference> differences, int differing, int shared) {
    /** One measure under one attack chain. */
    public record Row(String measure, String attack, String first, String second, long onlyFirst, long onlySecond,
                      double p) {
    }

    /** A sample where exactly one run failed, with both replies. */
    public record Difference(String sampleId, String attack, String firstOutcome, String secondOutcome,
                             String firstReply, String secondReply) {
    }
}
