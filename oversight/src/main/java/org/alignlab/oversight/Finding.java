package org.alignlab.oversight;

/**
 * One thing the monitor flags: its category, severity, where (a file and a line span in the
 * revision that shows it: the head for added or changed code, the base for removed code), the
 * rule that fired, and one sentence saying why.
 */
public record Finding(Category category, Severity severity, String rule, String file, int startLine, int endLine,
                      String rationale) {
}
