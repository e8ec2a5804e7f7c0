package org.alignlab.report.view;

/**
 * One training run of an audit, as its page lists it, with links to replay its recorded first
 * evaluation episode and to play its stored policy from a seed of one's choosing (each null when
 * not kept).
 */
public record AuditRunRow(String variant, String agent, long seed, double finalReturn, double finalPerformance,
                          String replayHref, String playHref) {
}
