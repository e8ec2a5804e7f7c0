package org.alignlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.alignlab.core.Sha256;
import org.alignlab.core.study.StudyContext;
import org.alignlab.llm.Transcripts;
import org.alignlab.report.StoredStudy;
import org.alignlab.report.StudyReports;
import org.alignlab.report.view.RunRow;

/**
 * The runs found in the dashboard's folders, read afresh on every request (so a run that finishes
 * while the dashboard is open appears on reload): studies (results.json of a study), audits
 * (results.json of an audit) and transcript sets (folders of samples.jsonl, one per judge).
 */
final class RunIndex {
    /** How deep under a folder runs are looked for (an audit's language models sit three levels down). */
    private static final int DEPTH = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run and what the dashboard needs to show it. */
    /** {@code audit}: for an audit, its gridworld part's results.json (missing when not written). */
    record Run(RunRow row, Path folder, StoredStudy study, JsonNode audit, Map<String, Path> judges) {
    }

    private final List<Run> runs;
    private final List<String> notes;

    private RunIndex(List<Run> runs, List<String> notes) {
        this.runs = runs;
        this.notes = notes;
    }

    /** Scans {@code roots}; a folder with no results gets a note saying so. */
    static RunIndex scan(List<Path> roots) throws IOException {
        List<Run> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path root : roots) {
            int before = runs.size();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root, DEPTH)) {
                files = walk.filter(p -> {
                    String name = p.getFileName().toString();
                    return name.equals(StudyReports.RESULTS) || name.equals(Transcripts.FILE)
                            || name.equals(StudyContext.PROGRESS);
                }).sorted().toList();
            }
            Map<Path, Map<String, Path>> transcriptSets = new LinkedHashMap<>();
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.equals(StudyReports.RESULTS)) {
                    try {
                        read(f).ifPresent(runs::add);
                    } catch (IOException | RuntimeException e) {
                        notes.add("Could not read " + f + ": " + e.getMessage());
                    }
                } else if (name.equals(StudyContext.PROGRESS) && running(f.getParent())
                        && !Files.exists(f.resolveSibling(StudyReports.RESULTS))) {
                    Path folder = f.getParent();
                    runs.add(new Run(new RunRow(id(folder), "study", folder.getFileName().toString(),
                            folder.getFileName().toString(), Progress.of(folder).describe(), "", "", "",
                            folder.toString()), folder, null, null, Map.of()));
                } else if (name.equals(Transcripts.FILE)) {
                    addTranscripts(root, f, transcriptSets);
                }
            }
            transcriptSets.forEach((folder, judges) -> runs.add(new Run(new RunRow(id(folder), "transcripts",
                    root.relativize(folder).toString(), String.join(" / ", root.relativize(folder).toString().split("/")),
                    "finished", "", "", "", folder.toString()), folder, null, null, judges)));
            if (runs.size() == before) {
                notes.add("No results in " + root.toAbsolutePath() + ".");
            }
        }
        runs.sort(Comparator.comparing((Run r) -> r.row().kind()).thenComparing(r -> r.row().folder()));
        return new RunIndex(List.copyOf(runs), List.copyOf(notes));
    }

    /** Whether a study is under way in {@code folder}: its progress is newer than its result, or it has none. */
    static boolean running(Path folder) throws IOException {
        Path progress = folder.resolve(StudyContext.PROGRESS);
        Path result = folder.resolve(StudyReports.RESULTS);
        return Files.exists(progress) && (!Files.exists(result)
                || Files.getLastModifiedTime(progress).compareTo(Files.getLastModifiedTime(result)) > 0);
    }

    /**
     * A samples.jsonl joins a set of judges when it sits in a folder named after the judge that
     * scored it, beside other such folders (the audit's language models keep ORGANISM/SET/JUDGE);
     * otherwise its folder is a run of its own (an evaluation's --out). A set never reaches above
     * the folder the dashboard was given.
     */
    private static void addTranscripts(Path root, Path file, Map<Path, Map<String, Path>> sets) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path parent = folder.getParent();
        if (parent != null && parent.startsWith(root.toAbsolutePath()) && judgeFolder(folder)) {
            long judges;
            try (Stream<Path> s = Files.list(parent)) {
                judges = s.filter(p -> Files.isRegularFile(p.resolve(Transcripts.FILE)) && judgeFolder(p)).count();
            }
            if (judges > 1) {
                sets.computeIfAbsent(parent, k -> new LinkedHashMap<>()).put(folder.getFileName().toString(), file);
                return;
            }
        }
        sets.computeIfAbsent(folder, k -> new LinkedHashMap<>()).put("judge", file);
    }

    /** Whether the folder is named after the judge of its samples. */
    private static boolean judgeFolder(Path folder) {
        try {
            String judge = FileCache.get(folder.resolve(Transcripts.FILE), "judge", f -> {
                try (var lines = Files.lines(f)) {
                    return lines.findFirst().map(l -> {
                        try {
                            return JSON.readTree(l).path("judge").asText();
                        } catch (IOException e) {
                            return "";
                        }
                    }).orElse("");
                }
            });
            return folder.getFileName().toString().equals(judge);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Run> read(Path resultsJson) throws IOException {
        JsonNode node;
        try {
            node = FileCache.get(resultsJson, "json", f -> JSON.readTree(f.toFile()));
        } catch (IOException e) {
            return Optional.empty(); // being written, or not ours
        }
        Path folder = resultsJson.getParent();
        if (node.has("study") && node.has("result")) {
            StoredStudy s = FileCache.get(resultsJson, "study", StudyReports::read);
            String status = running(folder) ? "finished; a new run: " + Progress.of(folder).describe() : "finished";
            return Optional.of(new Run(new RunRow(id(folder), "study", s.study(), s.result().title(), status,
                    s.budget(), minutes(String.valueOf(s.provenance().getOrDefault("recorded_at", ""))),
                    String.valueOf(s.provenance().getOrDefault("code_version", "")), folder.toString()), folder, s, null,
                    Map.of()));
        }
        if (node.path("alignlab").asText().equals("audit")) {
            JsonNode p = node.path("provenance");
            // The audit's page draws its gridworld part: that study's results.json, when it is there.
            Path gridworlds = gridworldPart(folder, node).resolve(StudyReports.RESULTS);
            JsonNode part = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            if (Files.isRegularFile(gridworlds)) {
                try {
                    part = FileCache.get(gridworlds, "json", f -> JSON.readTree(f.toFile()));
                } catch (IOException e) {
                    // being written: the page shows the audit without its runs
                }
            }
            return Optional.of(new Run(new RunRow(id(folder), "audit", "audit", "Audit of " + folder.getFileName(),
                    "finished", "", minutes(p.path("recorded_at").asText()), p.path("code_version").asText(), folder.toString()),
                    folder, null, part, Map.of()));
        }
        return Optional.empty();
    }

    /**
     * The folder of an audit's gridworld part, as its results.json lists it: gridworlds/ when the audit ran it,
     * studies/audit-gridworlds when it took that study's stored result at a larger budget.
     */
    static Path gridworldPart(Path auditFolder) {
        try {
            return gridworldPart(auditFolder, FileCache.get(auditFolder.resolve(StudyReports.RESULTS), "json",
                    f -> JSON.readTree(f.toFile())));
        } catch (IOException e) {
            return auditFolder.resolve("gridworlds"); // being written
        }
    }

    static Path gridworldPart(Path auditFolder, JsonNode audit) {
        for (JsonNode part : audit.path("parts")) {
            if (part.path("study").asText().equals("audit-gridworlds") && !part.path("folder").asText().isBlank()) {
                Path folder = auditFolder.resolve(part.path("folder").asText()).normalize();
                if (folder.startsWith(auditFolder.normalize())) {
                    return folder;
                }
            }
        }
        return auditFolder.resolve("gridworlds");
    }

    /** An ISO-8601 instant to the minute, as a person reads it ("2026-11-30 06:10 UTC"). */
    static String minutes(String instant) {
        return instant.length() >= 16 && instant.charAt(10) == 'T' ? instant.substring(0, 10) + " "
                + instant.substring(11, 16) + " UTC" : instant;
    }

    /** A run's id: the start of the hash of its folder's absolute path, stable across restarts. */
    static String id(Path folder) {
        return Sha256.hex(folder.toAbsolutePath().normalize().toString()).substring(0, 12);
    }

    List<Run> runs() {
        return runs;
    }

    List<String> notes() {
        return notes;
    }

    Optional<Run> find(String id) {
        return runs.stream().filter(r -> r.row().id().equals(id)).findFirst();
    }
}
