package org.alignlab.oversight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An agent's conversation as a list of events: what was said, each tool call with its arguments,
 * and each tool result. Read from the chat formats agents are logged in: OpenAI chat messages
 * ({@code role}, {@code content}, {@code tool_calls}, {@code tool_call_id}) as JSONL, one message a
 * line or one {@code {"messages": [...]}} conversation a line, or as a JSON array; and Inspect's
 * evaluation logs, as JSON ({@code samples[].messages}) or in its zipped {@code .eval} form
 * ({@code samples/*.json}), where a tool call's function is a name and its arguments an object.
 *
 * @param source the file
 * @param id     which conversation of the file (a sample's id, a line number), or "" for the only one
 */
public record Transcript(String source, String id, List<Event> events) {
    /** The formats this reads, for error messages and help. */
    public static final String FORMATS = "OpenAI chat messages as JSONL (one message per line, or one "
            + "{\"messages\": [...]} conversation per line) or as a JSON array, and Inspect evaluation logs (.json or .eval)";

    /** What an event is. */
    public enum Kind { MESSAGE, TOOL_CALL, TOOL_RESULT }

    /**
     * One event.
     *
     * @param index     its place in the conversation, from 0
     * @param role      who: system, user, assistant or tool
     * @param tool      the tool called or answering (null for a message)
     * @param callId    the id pairing a tool call with its result (null where the log gives none)
     * @param arguments a tool call's arguments as an object (empty for others)
     * @param text      a message's text or a tool's result
     * @param message   which message of the conversation it came from, from 0 (a message and its tool calls share it)
     * @param line      the line of the file its message starts on (JSONL; 0 where not known)
     */
    public record Event(int index, Kind kind, String role, String tool, String callId, JsonNode arguments, String text,
                        int message, int line) {
        /** A string argument, or null when absent or not a string. */
        public String argument(String... names) {
            for (String n : names) {
                JsonNode v = arguments.get(n);
                if (v != null && v.isTextual()) {
                    return v.asText();
                }
            }
            return null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Every conversation in {@code file}.
     *
     * @throws IllegalArgumentException naming the line (or sample) that is not in a known format, and the formats known
     */
    public static List<Transcript> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("transcript " + file + " is not a readable file");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
            return inspectZip(file.toString(), bytes);
        }
        return parse(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** Every conversation in {@code text}, read from {@code file} (named in errors). */
    public static List<Transcript> parse(String file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("transcript " + file + " is empty; known formats: " + FORMATS);
        }
        // A whole-file JSON document (an array of messages, or a log object), else JSONL.
        JsonNode whole = null;
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            try {
                // Trailing tokens fail: a JSONL file's first line must not pass for the whole file.
                whole = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(trimmed);
            } catch (JsonProcessingException e) {
                // Several JSON objects one a line (JSONL), or one broken document: its error then names the place.
                String first = trimmed.lines().findFirst().orElse("");
                if (!parses(first)) {
                    throw new IllegalArgumentException("transcript " + file + " is not valid JSON at line "
                            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + " ("
                            + e.getOriginalMessage() + "); known formats: " + FORMATS);
                }
            }
        }
        if (whole != null && whole.isArray()) {
            return List.of(conversation(file, "", whole, null, "the array"));
        }
        if (whole != null && whole.has("samples")) {
            List<Transcript> out = new ArrayList<>();
            for (JsonNode sample : whole.get("samples")) {
                out.add(sample(file, sample));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("transcript " + file + " is an Inspect log with no samples");
            }
            return out;
        }
        if (whole != null && whole.has("messages")) {
            return List.of(conversation(file, "", whole.get("messages"), null, "its \"messages\""));
        }
        return jsonl(file, text);
    }

    private static boolean parses(String line) {
        try {
            JSON.readTree(line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static List<Transcript> jsonl(String file, String text) {
        String[] lines = text.split("\n", -1);
        List<JsonNode> messages = new ArrayList<>();
        List<Integer> messageLines = new ArrayList<>();
        List<Transcript> conversations = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("transcript " + file + " line " + (i + 1) + " is not JSON ("
                        + e.getOriginalMessage() + "); known formats: " + FORMATS);
            }
            if (node != null && node.isObject() && node.has("messages")) {
                String id = node.hasNonNull("id") ? node.get("id").asText() : "line " + (i + 1);
                conversations.add(conversation(file, id, node.get("messages"), null, "line " + (i + 1)));
            } else if (node != null && node.isObject() && node.has("role")) {
                messages.add(node);
                messageLines.add(i + 1);
            } else {
                throw new IllegalArgumentException("transcript " + file + " line " + (i + 1) + " is neither a chat "
                        + "message (no \"role\") nor a conversation (no \"messages\"); known formats: " + FORMATS);
            }
        }
        if (!messages.isEmpty() && !conversations.isEmpty()) {
            throw new IllegalArgumentException("transcript " + file + " mixes single messages and whole conversations "
                    + "on its lines; write one or the other");
        }
        if (!messages.isEmpty()) {
            return List.of(conversation(file, "", JSON.valueToTree(messages), messageLines, "the file"));
        }
        return conversations;
    }

    private static List<Transcript> inspectZip(String file, byte[] bytes) throws IOException {
        List<Transcript> out = new ArrayList<>();
        String entry = "";
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entry = e.getName();
                if (e.getName().startsWith("samples/") && e.getName().endsWith(".json")) {
                    out.add(sample(file, JSON.readTree(zip.readAllBytes())));
                }
            }
        } catch (IOException e) {
            // A corrupt archive, a malformed sample or a compression this reader lacks.
            throw new IllegalArgumentException("transcript " + file + ": the .eval archive could not be read at "
                    + (entry.isEmpty() ? "its start" : entry) + " (" + e.getMessage() + "); convert it with 'inspect "
                    + "log convert --to json' and give the .json");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("transcript " + file + " is a zip archive with no samples/*.json; known "
                    + "formats: " + FORMATS);
        }
        return out;
    }

    private static Transcript sample(String file, JsonNode sample) {
        String id = sample.hasNonNull("id") ? sample.get("id").asText() : "";
        if (sample.hasNonNull("epoch")) {
            id = id + " (epoch " + sample.get("epoch").asText() + ")";
        }
        if (!sample.has("messages")) {
            throw new IllegalArgumentException("transcript " + file + ": sample " + id + " has no \"messages\"; known "
                    + "formats: " + FORMATS);
        }
        return conversation(file, id, sample.get("messages"), null, "sample " + id);
    }

    /** One conversation's messages as events; {@code lines} gives each message's line in the file, when known. */
    private static Transcript conversation(String file, String id, JsonNode messages, List<Integer> lines, String where) {
        if (messages == null || !messages.isArray()) {
            throw new IllegalArgumentException("transcript " + file + ": " + where + " is not a list of messages; known "
                    + "formats: " + FORMATS);
        }
        List<Event> events = new ArrayList<>();
        Map<String, String> toolOfCall = new HashMap<>();
        int m = 0;
        for (JsonNode message : messages) {
            int line = lines == null ? 0 : lines.get(m);
            m++;
            if (!message.isObject() || !message.hasNonNull("role")) {
                throw new IllegalArgumentException("transcript " + file + ": message " + m + " of " + where
                        + " has no \"role\"; known formats: " + FORMATS);
            }
            String role = message.get("role").asText();
            String text = content(message.get("content"));
            int ordinal = m - 1;
            if (role.equals("tool") || role.equals("function")) { // "function": the older OpenAI form
                String callId = message.hasNonNull("tool_call_id") ? message.get("tool_call_id").asText() : null;
                String tool = message.hasNonNull("function") ? message.get("function").asText()
                        : message.hasNonNull("name") ? message.get("name").asText() : toolOfCall.get(callId);
                if (message.hasNonNull("error") && message.get("error").isObject()) {
                    text = "error: " + message.get("error").path("message").asText() + (text.isEmpty() ? "" : "\n" + text);
                }
                events.add(new Event(events.size(), Kind.TOOL_RESULT, role, tool, callId, JSON.createObjectNode(), text,
                        ordinal, line));
                continue;
            }
            if (!text.isEmpty()) {
                events.add(new Event(events.size(), Kind.MESSAGE, role, null, null, JSON.createObjectNode(), text,
                        ordinal, line));
            }
            if (message.path("function_call").isObject()) { // the older OpenAI form: one call, no id
                JsonNode call = message.get("function_call");
                events.add(new Event(events.size(), Kind.TOOL_CALL, role, call.path("name").asText(), null,
                        arguments(call.get("arguments")), "", ordinal, line));
            }
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode function = call.get("function");
                String name;
                JsonNode arguments;
                if (function != null && function.isObject()) { // OpenAI: {"name", "arguments": "<JSON text>"}
                    name = function.path("name").asText();
                    arguments = arguments(function.get("arguments"));
                } else { // Inspect: "function": "bash", "arguments": {...}
                    name = function == null ? call.path("name").asText() : function.asText();
                    arguments = arguments(call.get("arguments"));
                }
                String callId = call.hasNonNull("id") ? call.get("id").asText() : null;
                toolOfCall.put(callId, name);
                events.add(new Event(events.size(), Kind.TOOL_CALL, role, name, callId, arguments, "", ordinal, line));
            }
        }
        return new Transcript(file.toString(), id, List.copyOf(events));
    }

    /** Arguments as an object: JSON text is parsed; anything else that is not an object is kept as {"input": ...}. */
    private static JsonNode arguments(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return JSON.createObjectNode();
        }
        if (raw.isObject()) {
            return raw;
        }
        if (raw.isTextual()) {
            try {
                JsonNode parsed = JSON.readTree(raw.asText());
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (JsonProcessingException e) {
                // not JSON: kept as text below
            }
        }
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("input", raw);
        return wrapped;
    }

    /** A message's text: a string, or the text of its parts (OpenAI and Inspect content lists). */
    private static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            // Text parts only: reasoning is the model's own working, not what it said.
            String t = part.isTextual() ? part.asText() : part.hasNonNull("text") ? part.get("text").asText() : "";
            if (!t.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : "\n").append(t);
            }
        }
        return sb.toString();
    }
}
