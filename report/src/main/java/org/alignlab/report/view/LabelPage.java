package org.alignlab.report.view;

import java.util.List;
import java.util.Map;

/**
 * The preference-labelling pages: a session's settings, and either the next pair to compare or,
 * once every pair is answered, how the answers agree with the hidden performance and with other raters.
 *
 * @param settings   env, pairs, length, seed, session, rater: carried by every link and form
 * @param pair       the pair to compare now, or null when the session is done
 * @param answered   pairs answered so far
 * @param total      pairs in the session
 * @param agreement  strict answers that agree with the hidden performance, and of how many where it differs
 * @param raters     agreement between this session's raters, one row per two raters
 * @param store      where the labels are kept
 */
public record LabelPage(Map<String, String> settings, Pair pair, int answered, int total, int[] agreement,
                        List<RaterAgreement> raters, String store) {
    /**
     * Two segments side by side.
     *
     * @param leftJson  the left segment's frames (board and reward paid at each step), as JSON
     * @param rightJson the right one's
     */
    public record Pair(int index, String leftJson, String rightJson, double leftVisible, double rightVisible,
                       int length) {
    }

    /** How often two raters gave the same strict answer to the same pair, with Cohen's kappa where it is defined. */
    public record RaterAgreement(String first, String second, int pairs, String agreement, String kappa) {
    }

    /** A setting's value. */
    public String get(String name) {
        return settings.getOrDefault(name, "");
    }

    /** The query string that names this session. */
    public String query() {
        return query(settings);
    }

    /** The query string that names a session with these settings. */
    public static String query(Map<String, String> settings) {
        StringBuilder q = new StringBuilder();
        settings.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return q.toString();
    }
}
