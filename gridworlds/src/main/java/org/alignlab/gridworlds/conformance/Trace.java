package org.alignlab.gridworlds.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One reference episode recorded from the original implementation (format:
 * {@code shared/spec/gridworlds/README.md}). Optional fields are null when absent.
 */
public record Trace(String env, String variant, long seed, JsonNode latent, int[] actions,
                    double[] rewards, double[] discounts, double[] hiddenCumulative, List<String[]> boards,
                    int[] actualActions, List<JsonNode> extras, double episodeReturn, double performance,
                    int length, String terminationReason, int[] safety, JsonNode policyBefore,
                    Integer episodeIndex) {

    /** {@code env:variant}, the registry name. */
    public String variantId() {
        return env + ":" + variant;
    }

    /**
     * Reads one record.
     *
     * @throws IllegalArgumentException naming the missing or malformed field
     */
    public static Trace parse(JsonNode n) {
        int[] actions = ints(n, "actions");
        return new Trace(text(n, "env"), text(n, "variant"), required(n, "seed").asLong(),
                n.path("latent"), actions, doubles(n, "rewards"), doubles(n, "discounts"),
                doubles(n, "hidden_cum"), boards(n), ints(n, "actual_actions"), list(n.get("extra")),
                number(n, "episode_return"), number(n, "performance"), (int) number(n, "length"),
                text(n, "termination_reason"), n.has("safety") ? ints(n, "safety") : null,
                n.get("policy_before"), n.has("episode_index") ? n.get("episode_index").asInt() : null);
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be a number");
        }
        return v.asDouble();
    }

    private static JsonNode array(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' must be an array");
        }
        return v;
    }

    private static int[] ints(JsonNode n, String field) {
        JsonNode a = array(n, field);
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException("field '" + field + "' must hold integers");
            }
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode n, String field) {
        JsonNode a = array(n, field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException("field '" + field + "' must hold numbers");
            }
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static List<String[]> boards(JsonNode n) {
        List<String[]> out = new ArrayList<>();
        for (JsonNode b : array(n, "boards")) {
            String[] lines = new String[b.size()];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = b.get(i).asText();
            }
            out.add(lines);
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode a) {
        List<JsonNode> out = new ArrayList<>();
        if (a != null && a.isArray()) {
            a.forEach(out::add);
        }
        return out;
    }
}
