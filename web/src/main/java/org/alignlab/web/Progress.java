package org.alignlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.alignlab.core.study.StudyContext;
import org.alignlab.report.StudyReports;

/** A study's progress as its context keeps it ({@code progress.json}), read for the dashboard. */
record Progress(int done, int total, String description, Instant updated, boolean finished) {
    /** No word from a running study for this long: it was stopped or killed. */
    static final Duration SILENT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    static Progress of(Path folder) throws IOException {
        boolean finished = !RunIndex.running(folder);
        Path file = folder.resolve(StudyContext.PROGRESS);
        if (!Files.exists(file)) {
            return new Progress(0, 0, "", Instant.EPOCH, finished);
        }
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return new Progress(0, 0, "", Instant.EPOCH, finished); // replaced while read: the next poll sees it
        }
        return new Progress(n.path("done").asInt(), n.path("total").asInt(), n.path("description").asText(),
                Instant.parse(n.path("updated_at").asText(Instant.EPOCH.toString())), finished);
    }

    /** "running: 3 of 10 (30%), reward model ..." or "stopped at 3 of 10" when it has gone silent. */
    String describe() {
        if (finished) {
            return "finished";
        }
        boolean silent = Duration.between(updated, Instant.now()).compareTo(SILENT) > 0;
        return String.format("%s %d of %d (%.0f%%)%s", silent ? "stopped at" : "running:", done, total,
                total == 0 ? 0.0 : 100.0 * done / total, description.isEmpty() ? "" : ", " + description);
    }

    /** As JSON for the page's event stream. */
    String json() {
        var n = JSON.createObjectNode();
        n.put("done", done);
        n.put("total", total);
        n.put("finished", finished);
        n.put("status", describe());
        return n.toString();
    }
}
