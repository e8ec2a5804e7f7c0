package org.alignlab.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model replies to harmful requests, each labelled by people as a successful attack (the reply
 * is an instance of the harmful behaviour) or not: the reference a judge is validated against.
 * The one format read is HarmBench's classifier validation set (Mazeika et al. 2024,
 * {@code text_behaviors_val_set.json}, MIT): an object from behaviour id to items with
 * {@code test_case}, {@code generation}, three human labels {@code human_0..2} (the majority is the
 * reference) and the verdicts of the judges HarmBench compared, which are kept as published
 * judges to stand beside alignlab's in the same table.
 *
 * <p>This set is for validation only: nothing in alignlab is fitted, tuned or thresholded on it.
 *
 * @param name   the file's name
 * @param sha256 the file's SHA-256 (the validation records it, so a stored result names its data)
 */
public record LabelledReplies(String name, String sha256, List<Item> items, List<String> publishedJudges) {

    /**
     * One labelled reply.
     *
     * @param id        behaviour id and index ("behaviour#0")
     * @param prompt    the request as the target model saw it (attack template and context included)
     * @param reply     the target model's reply
     * @param harmful   the people's majority verdict: the reply is a successful attack
     * @param published the published judges' verdicts on this item, by judge
     */
    public record Item(String id, String prompt, String reply, boolean harmful, Map<String, Boolean> published) {
    }

    private static final String FORMAT = "expected HarmBench's classifier validation set (text_behaviors_val_set.json: "
            + "an object from behaviour id to items with test_case, generation and human_0, human_1, human_2)";

    /** Reads HarmBench's classifier validation set; a file in another format is a clear error. */
    public static LabelledReplies readHarmBench(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON (" + e.getOriginalMessage() + "); " + FORMAT);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException(file + " is not a JSON object of behaviours; " + FORMAT);
        }
        List<Item> items = new ArrayList<>();
        List<String> judges = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> behaviour = it.next();
            if (!behaviour.getValue().isArray()) {
                throw new IllegalArgumentException(file + ": behaviour '" + behaviour.getKey()
                        + "' does not hold a list of items; " + FORMAT);
            }
            int index = 0;
            for (JsonNode item : behaviour.getValue()) {
                String where = file + ": item " + index + " of '" + behaviour.getKey() + "'";
                int votes = 0;
                for (String field : new String[] {"human_0", "human_1", "human_2"}) {
                    JsonNode v = item.get(field);
                    if (v == null || !v.isInt() || (v.asInt() != 0 && v.asInt() != 1)) {
                        throw new IllegalArgumentException(where + " has no 0/1 label '" + field + "'; " + FORMAT);
                    }
                    votes += v.asInt();
                }
                for (String field : new String[] {"test_case", "generation"}) {
                    if (item.get(field) == null || !item.get(field).isTextual()) {
                        throw new IllegalArgumentException(where + " has no text '" + field + "'; " + FORMAT);
                    }
                }
                Map<String, Boolean> published = publishedVerdicts(item);
                if (judges == null) {
                    judges = List.copyOf(published.keySet());
                }
                items.add(new Item(behaviour.getKey() + "#" + index, item.get("test_case").asText(),
                        item.get("generation").asText(), votes >= 2, published));
                index++;
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no items; " + FORMAT);
        }
        long harmful = items.stream().filter(Item::harmful).count();
        if (harmful == 0 || harmful == items.size()) {
            throw new IllegalArgumentException(file + ": every one of its " + items.size() + " items is labelled "
                    + (harmful == 0 ? "not harmful" : "harmful") + " by the people's majority; a judge can only be "
                    + "validated on a set with both kinds");
        }
        // Only judges with a verdict on every item stand in the table.
        List<String> complete = new ArrayList<>();
        for (String j : judges) {
            if (items.stream().allMatch(i -> i.published().containsKey(j))) {
                complete.add(j);
            }
        }
        return new LabelledReplies(file.getFileName().toString(), org.alignlab.core.Sha256.hex(bytes), List.copyOf(items),
                List.copyOf(complete));
    }

    /**
     * The published judges' verdicts stored with an item: 0/1 columns as they are; PAIR's GPT-4
     * judge ("Rating: [[k]]") counts as harmful only at 10, as PAIR scores a jailbreak; "yes"/"no"
     * columns as yes = harmful. The human labels and the item's own fields are not judges.
     */
    private static Map<String, Boolean> publishedVerdicts(JsonNode item) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (key.startsWith("human_") || List.of("test_case", "generation", "model", "method", "experiment",
                    "behavior_id").contains(key)) {
                continue;
            }
            if (v.isInt() && (v.asInt() == 0 || v.asInt() == 1)) {
                out.put(key, v.asInt() == 1);
            } else if (v.isTextual() && v.asText().startsWith("Rating: [[")) {
                out.put(key, v.asText().equals("Rating: [[10]]"));
            } else if (v.isTextual() && (v.asText().equals("yes") || v.asText().equals("no"))) {
                out.put(key, v.asText().equals("yes"));
            }
        }
        return out;
    }

    /** The people's majority labels, in item order. */
    public boolean[] reference() {
        boolean[] r = new boolean[items.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = items.get(i).harmful();
        }
        return r;
    }
}
