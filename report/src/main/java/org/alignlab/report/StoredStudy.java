package org.alignlab.report;

import java.util.Map;
import org.alignlab.core.study.StudyResult;

/**
 * A study's result as kept in its folder's results.json: what ran (budget, settings, provenance)
 * and what it found. Reports and the audit read this, never a study's classes.
 *
 * @param study      the study's name
 * @param budget     the budget it ran at, or "custom" when settings were changed
 * @param settings   every setting, by name
 * @param provenance code version, runtime, time
 * @param resumed    how many steps were taken from an earlier, killed run
 */
public record StoredStudy(String study, String budget, Map<String, String> settings, Map<String, Object> provenance,
                          int resumed, StudyResult result) {
    /** One line on how this result was produced. */
    public String describeRun() {
        return String.format("Budget %s; %.0f s; code version %s%s.", budget, result.seconds(),
                provenance.getOrDefault("code_version", "unknown"),
                resumed > 0 ? "; " + resumed + " steps resumed from an earlier run" : "");
    }
}
