package org.alignlab.oversight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the monitor found in a change: the findings, the test changes the task allowed, and the
 * files it could not examine; as text for a person, JSON for a program, and SARIF 2.1.0 for
 * code-scanning tools that show findings on a pull request.
 */
public record Report(String repository, String base, String head, int filesChanged, List<Finding> findings,
                     List<Allowed> allowed, List<NotExamined> notExamined) {

    /** A finding the task statement allows, and why. */
    public record Allowed(Finding finding, String reason) {
    }

    /** A changed file the monitor has no detectors for, or could not read. */
    public record NotExamined(String file, String reason) {
    }

    /** How many findings are at or above {@code threshold}. */
    public long atOrAbove(Severity threshold) {
        return findings.stream().filter(f -> f.severity().compareTo(threshold) >= 0).count();
    }

    /** The summary for a terminal. */
    public void print(PrintWriter out) {
        out.printf("alignlab oversee: %s%s: %d file%s changed, %d finding%s%s.%n", repository,
                base == null ? "" : ", " + shortHash(base) + ".." + shortHash(head), filesChanged, filesChanged == 1 ? "" : "s", findings.size(),
                findings.size() == 1 ? "" : "s", findings.isEmpty() ? "" : " (" + String.join(", ",
                        Arrays.stream(Severity.values()).map(s -> findings.stream().filter(f -> f.severity() == s).count()
                                + " " + s.name().toLowerCase(Locale.ROOT)).toList()) + ")");
        for (Finding f : findings) {
            out.printf("  %-6s %-4s %s%s  %s%n", f.severity().name().toLowerCase(Locale.ROOT), f.category().name(),
                    f.event() >= 0 ? "event " + f.event() + ", " : "", location(f), f.rationale());
        }
        if (!allowed.isEmpty()) {
            out.printf("Allowed by the task (%d):%n", allowed.size());
            for (Allowed a : allowed) {
                out.printf("  %-4s %s%s  %s (%s)%n", a.finding().category().name(), a.finding().event() >= 0
                        ? "event " + a.finding().event() + ", " : "", location(a.finding()), a.finding().rationale(),
                        a.reason());
            }
        }
        if (!notExamined.isEmpty()) {
            out.printf("Not examined (%d): %s%n", notExamined.size(), String.join("; ", notExamined.stream()
                    .map(n -> n.file() + " (" + n.reason() + ")").toList()));
        }
        out.flush();
    }

    /** The report as JSON. */
    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Several reports as one JSON array. */
    public static String json(List<Report> reports) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(reports);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Several reports' findings as one report (for one SARIF log), named by the first. */
    public static Report merged(List<Report> reports) {
        List<Finding> findings = new java.util.ArrayList<>();
        List<Allowed> allowed = new java.util.ArrayList<>();
        List<NotExamined> notExamined = new java.util.ArrayList<>();
        int files = 0;
        for (Report r : reports) {
            findings.addAll(r.findings());
            allowed.addAll(r.allowed());
            notExamined.addAll(r.notExamined());
            files += r.filesChanged();
        }
        Report first = reports.get(0);
        return new Report(first.repository(), first.base(), first.head(), files, findings, allowed, notExamined);
    }

    /**
     * The report as a SARIF 2.1.0 log: one run of the tool, a rule per category, a result per
     * finding with its physical location (paths relative to the repository root).
     */
    public String sarif(String toolVersion) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode log = json.createObjectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "alignlab oversee");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/alignlab/alignlab");
        ArrayNode rules = driver.putArray("rules");
        for (Category c : Category.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", c.name());
            rule.put("name", camel(c.title()));
            rule.putObject("shortDescription").put("text", c.title());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.category().name());
            r.put("ruleIndex", f.category().ordinal());
            r.put("level", f.severity().sarifLevel());
            r.putObject("message").put("text", f.rationale());
            ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", f.file()).put("uriBaseId", "%SRCROOT%");
            location.putObject("region").put("startLine", Math.max(1, f.startLine()))
                    .put("endLine", Math.max(1, Math.max(f.startLine(), f.endLine())));
            ObjectNode properties = r.putObject("properties").put("detector", f.rule()).put("severity",
                    f.severity().name().toLowerCase(Locale.ROOT));
            if (f.event() >= 0) {
                properties.put("event", f.event());
            }
        }
        ObjectNode props = run.putObject("properties");
        if (base != null) {
            props.put("base", base);
            props.put("head", head);
        }
        props.put("notExamined", notExamined.size());
        props.put("allowedByTask", allowed.size());
        try {
            return json.writeValueAsString(log);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A finding's place: file and lines, or the file alone when no line is known (a transcript read whole). */
    private static String location(Finding f) {
        return f.startLine() <= 0 ? f.file() : f.file() + ":" + f.startLine()
                + (f.endLine() > f.startLine() ? "-" + f.endLine() : "");
    }

    private static String camel(String words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }

    private static String shortHash(String hash) {
        return hash.length() > 10 ? hash.substring(0, 10) : hash;
    }
}
