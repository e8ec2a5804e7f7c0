package org.alignlab.report.view;

import java.util.List;

/**
 * The page that starts or resumes a labelling session.
 *
 * @param variants every environment variant, for the choice
 * @param sessions the sessions already in the store: name and answers so far
 * @param store    where labels are kept
 */
public record LabelStart(List<String> variants, List<Session> sessions, String store) {
    /** A session in the store, with its link to resume it where it can be told from its rows. */
    public record Session(String name, String variant, int answered) {
    }
}
