package org.alignlab.oversight;

/**
 * One thing the monitor flags: its category, severity, where (a file and a line span in the
 * revision that shows it: the head for added or changed code, the base for removed code; for a
 * transcript, the transcript file and the line its message starts on), the event of a transcript
 * that shows it ({@code -1} for a change judged from git alone), the rule that fired, and one
 * sentence saying why.
 */
public record Finding(Category category, Severity severity, String rule, String file, int startLine, int endLine,
                      String rationale, int event) {
    /** A finding in a change, with no transcript event. */
    public Finding(Category category, Severity severity, String rule, String file, int startLine, int endLine,
                   String rationale) {
        this(category, severity, rule, file, startLine, endLine, rationale, -1);
    }

    /** The same finding, shown by event {@code index} of a transcript. */
    public Finding atEvent(int index) {
        return new Finding(category, severity, rule, file, startLine, endLine, rationale, index);
    }
}
