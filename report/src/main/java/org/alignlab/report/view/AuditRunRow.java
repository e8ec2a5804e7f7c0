package org.alignlab.report.view;

/** One training run of an audit, as its page lists it, with a link to replay its first evaluation episode. */
public record AuditRunRow(String variant, String agent, long seed, double finalReturn, double finalPerformance,
                          String replayHref) {
}
