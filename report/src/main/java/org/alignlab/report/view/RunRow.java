package org.alignlab.report.view;

/**
 * One run as the dashboard lists it.
 *
 * @param id          a stable id (a hash of the run's folder)
 * @param kind        study, audit or transcripts
 * @param name        the study's name, or the folder's
 * @param status      finished, or incomplete with what was done
 * @param budget      the budget, or "" where there is none
 * @param recordedAt  when it was recorded (ISO-8601), or ""
 * @param codeVersion the code version that produced it, or ""
 * @param folder      where it is on disk
 */
public record RunRow(String id, String kind, String name, String title, String status, String budget, String recordedAt,
                     String codeVersion, String folder) {
    /** The run's page on the dashboard. */
    public String href() {
        return (kind.equals("transcripts") ? "/transcripts/" : "/run/") + id;
    }
}
