package org.alignlab.report.view;

import java.util.List;
import java.util.Map;

/**
 * A page of transcripts with the filters that chose them.
 *
 * @param judges     the judges whose verdicts are shown, one column each
 * @param attacks    every attack lineage present, for the filter
 * @param categories every category present
 * @param outcomes   every outcome present
 * @param selected   the filters applied (attack, category, outcome, disagreement, q)
 * @param matching   how many samples match the filters
 * @param total      how many samples there are
 * @param page       the page shown (from 1), of {@code pages}
 */
public record TranscriptPage(RunRow run, List<String> judges, List<String> attacks, List<String> categories,
                             List<String> outcomes, Map<String, String> selected, List<Row> rows, int matching, int total,
                             int page, int pages) {
    /**
     * One sample under one attack chain, with each judge's verdict.
     *
     * @param outcomes     judge to outcome (unsafe, safe, unscorable), in the order of {@code judges}
     * @param disagreement whether the judges' outcomes differ
     * @param messages     the conversation sent, one "role: text" per turn
     */
    public record Row(String key, String sampleId, String dataset, String category, String attack,
                      Map<String, String> outcomes, boolean disagreement, String reply, List<String> messages) {
    }

    /** The filter value chosen for {@code name}, or "". */
    public String chosen(String name) {
        return selected.getOrDefault(name, "");
    }

    /** The query string of this page's filters with another page number. */
    public String pageLink(int number) {
        StringBuilder q = new StringBuilder("?page=").append(number);
        selected.forEach((k, v) -> {
            if (!v.isEmpty()) {
                q.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }
}
