package org.alignlab.gridworlds.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.alignlab.gridworlds.FriendFoe;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.RandomSourceFactory;

/**
 * Replays reference traces of the original implementation and reports, per variant, how many
 * episodes this implementation reproduces exactly: every board, reward, discount, cumulative
 * hidden reward, actual action, extra observation, latent outcome and the episode totals.
 *
 * <p>Each episode runs on a NumPy-compatible random source seeded with the trace's seed, so
 * episode-level outcomes and per-step draws alike replay bit for bit. Variants named
 * {@code *_persistent} replay their records in order on one copy, seeded once.
 */
public final class Conformance {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Conformance() {
    }

    /** Where an episode first differs from the reference. */
    public record Mismatch(Path file, int line, long seed, int step, String field, String expected,
                           String actual) {
        @Override
        public String toString() {
            return file.getFileName() + " line " + line + " (seed " + seed + "): step " + step + ", "
                    + field + ": expected " + expected + ", got " + actual;
        }
    }

    /** A file or record that could not be read. */
    public record FileError(Path file, int line, String message) {
        @Override
        public String toString() {
            return file.getFileName() + (line > 0 ? " line " + line : "") + ": " + message;
        }
    }

    /** Episodes matched out of those replayed, for one variant. */
    public record VariantResult(String variant, int matched, int total, Mismatch firstMismatch) {
        public boolean passed() {
            return matched == total;
        }
    }

    /** Everything one check found. */
    public record Report(List<VariantResult> variants, List<FileError> errors) {
        public boolean passed() {
            return errors.isEmpty() && !variants.isEmpty() && variants.stream().allMatch(VariantResult::passed);
        }

        public int episodes() {
            return variants.stream().mapToInt(VariantResult::total).sum();
        }
    }

    /**
     * Checks every {@code *.jsonl.gz} and {@code *.jsonl} file in a directory, in name order.
     *
     * @throws IOException if the directory cannot be listed
     */
    public static Report checkDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".jsonl.gz") || n.endsWith(".jsonl");
            }).sorted().toList();
        }
        return checkFiles(files);
    }

    /** Checks the given trace files; a bad file is reported and the others are still checked. */
    public static Report checkFiles(List<Path> files) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Mismatch> firstMismatch = new LinkedHashMap<>();
        List<FileError> errors = new ArrayList<>();
        for (Path file : files) {
            checkFile(file, counts, firstMismatch, errors);
        }
        List<VariantResult> results = new ArrayList<>();
        counts.forEach((variant, c) -> results.add(new VariantResult(variant, c[0], c[1], firstMismatch.get(variant))));
        return new Report(results, errors);
    }

    private static void checkFile(Path file, Map<String, int[]> counts, Map<String, Mismatch> firstMismatch,
                                  List<FileError> errors) {
        Gridworld persistent = null;
        int line = 0;
        try (BufferedReader reader = open(file)) {
            String text;
            while ((text = readLine(reader, file, line)) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                Trace trace;
                Variant variant;
                try {
                    trace = Trace.parse(JSON.readTree(text));
                    variant = Gridworlds.variant(trace.variantId());
                    checkLengths(trace);
                } catch (JsonProcessingException e) {
                    errors.add(new FileError(file, line, "malformed JSON: " + e.getOriginalMessage()));
                    continue;
                } catch (IllegalArgumentException e) {
                    errors.add(new FileError(file, line, e.getMessage()));
                    continue;
                }
                boolean carryOver = variant.name().endsWith("_persistent");
                Gridworld env;
                boolean seed;
                if (carryOver && persistent != null && persistent.variant() == variant) {
                    env = persistent;
                    seed = false;
                } else {
                    env = variant.create();
                    env.setRandomSourceFactory(RandomSourceFactory.NUMPY);
                    seed = true;
                    persistent = carryOver ? env : null;
                }
                Mismatch m;
                try {
                    m = replay(trace, env, seed, file, line);
                } catch (RuntimeException e) {
                    m = new Mismatch(file, line, trace.seed(), -1, "replay", "no error", e.toString());
                }
                int[] c = counts.computeIfAbsent(variant.id(), k -> new int[2]);
                c[1]++;
                if (m == null) {
                    c[0]++;
                } else {
                    firstMismatch.putIfAbsent(variant.id(), m);
                }
            }
        } catch (IOException e) {
            errors.add(new FileError(file, line + 1, e.getMessage()));
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in);
            } catch (ZipException e) {
                in.close();
                throw new IOException("not a gzip file (" + e.getMessage() + ")");
            }
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static String readLine(BufferedReader reader, Path file, int linesRead) throws IOException {
        try {
            return reader.readLine();
        } catch (EOFException e) {
            throw new IOException("file is truncated (unexpected end of compressed data)");
        }
    }

    private static void checkLengths(Trace t) {
        int n = t.actions().length;
        if (t.length() != n || t.rewards().length != n || t.discounts().length != n
                || t.hiddenCumulative().length != n || t.actualActions().length != n
                || t.boards().size() != n + 1) {
            throw new IllegalArgumentException("inconsistent record: length " + t.length() + ", "
                    + n + " actions, " + t.rewards().length + " rewards, " + t.discounts().length
                    + " discounts, " + t.hiddenCumulative().length + " hidden_cum, "
                    + t.actualActions().length + " actual_actions, " + t.boards().size()
                    + " boards (expected length + 1)");
        }
    }

    /** Replays one episode; null if it matches, else the first difference. */
    static Mismatch replay(Trace t, Gridworld env, boolean seed, Path file, int line) {
        if (seed) {
            env.seed(t.seed());
        }
        if (t.policyBefore() != null && env instanceof FriendFoe ff) {
            for (FriendFoe.Bandit b : FriendFoe.Bandit.values()) {
                JsonNode expected = t.policyBefore().get(b.name().toLowerCase(java.util.Locale.ROOT));
                double[] actual = ff.estimate(b);
                if (expected != null && (expected.get(0).asDouble() != actual[0]
                        || expected.get(1).asDouble() != actual[1])) {
                    return new Mismatch(file, line, t.seed(), 0, "policy_before." + b.name().toLowerCase(),
                            expected.toString(), Arrays.toString(actual));
                }
            }
        }
        env.resetInPlace();
        Map<String, Object> latent = env.latent();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.latent().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("is_testing")) {
                continue; // a constructor argument, not an outcome
            }
            String actual = String.valueOf(latent.get(e.getKey()));
            if (!actual.equals(e.getValue().asText())) {
                return new Mismatch(file, line, t.seed(), 0, "latent." + e.getKey(), e.getValue().asText(), actual);
            }
        }
        Mismatch m = compareBoard(t, env, 0, file, line);
        if (m == null) {
            m = compareSafety(t, env, 0, file, line);
        }
        if (m != null) {
            return m;
        }
        int n = t.actions().length;
        for (int i = 0; i < n; i++) {
            int step = i + 1;
            if (env.ended()) {
                return new Mismatch(file, line, t.seed(), step, "length", String.valueOf(n), String.valueOf(i));
            }
            env.stepInPlace(t.actions()[i]);
            if (env.actualAction() != t.actualActions()[i]) {
                return mismatch(t, file, line, step, "actual_action", t.actualActions()[i], env.actualAction());
            }
            if (env.reward() != t.rewards()[i]) {
                return mismatch(t, file, line, step, "reward", t.rewards()[i], env.reward());
            }
            if (env.discount() != t.discounts()[i]) {
                return mismatch(t, file, line, step, "discount", t.discounts()[i], env.discount());
            }
            if (env.hiddenReturn() != t.hiddenCumulative()[i]) {
                return mismatch(t, file, line, step, "hidden_cum", t.hiddenCumulative()[i], env.hiddenReturn());
            }
            m = compareBoard(t, env, step, file, line);
            if (m == null) {
                m = compareExtras(t, env, step, file, line);
            }
            if (m == null) {
                m = compareSafety(t, env, step, file, line);
            }
            if (m != null) {
                return m;
            }
        }
        if (!env.ended()) {
            return new Mismatch(file, line, t.seed(), n, "length", String.valueOf(n), "episode still running");
        }
        String reason = env.terminated() ? "TERMINATED" : "MAX_STEPS";
        if (!reason.equals(t.terminationReason())) {
            return new Mismatch(file, line, t.seed(), n, "termination_reason", t.terminationReason(), reason);
        }
        if (env.episodeReturn() != t.episodeReturn()) {
            return mismatch(t, file, line, n, "episode_return", t.episodeReturn(), env.episodeReturn());
        }
        if (env.performance() != t.performance()) {
            return mismatch(t, file, line, n, "performance", t.performance(), env.performance());
        }
        return null;
    }

    private static Mismatch mismatch(Trace t, Path file, int line, int step, String field, Object expected,
                                     Object actual) {
        return new Mismatch(file, line, t.seed(), step, field, String.valueOf(expected), String.valueOf(actual));
    }

    private static Mismatch compareBoard(Trace t, Gridworld env, int step, Path file, int line) {
        String[] expected = t.boards().get(step);
        String[] actual = env.boardLines();
        if (!Arrays.equals(expected, actual)) {
            return new Mismatch(file, line, t.seed(), step, "board", String.join("|", expected),
                    String.join("|", actual));
        }
        return null;
    }

    private static Mismatch compareExtras(Trace t, Gridworld env, int step, Path file, int line) {
        if (t.extras().size() < step) {
            return null;
        }
        JsonNode expected = t.extras().get(step - 1);
        if (expected == null || !expected.isObject()) {
            return null;
        }
        Map<String, Object> actual = env.extras();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Object value = actual.get(e.getKey());
            JsonNode want = e.getValue();
            boolean same = want.isNull() ? value == null
                    : want.isBoolean() ? Objects.equals(value, want.asBoolean())
                    : want.isNumber() ? value instanceof Number v && v.doubleValue() == want.asDouble()
                    : Objects.equals(String.valueOf(value), want.asText());
            if (!same) {
                return new Mismatch(file, line, t.seed(), step, "extra." + e.getKey(), want.toString(),
                        String.valueOf(value));
            }
        }
        return null;
    }

    private static Mismatch compareSafety(Trace t, Gridworld env, int step, Path file, int line) {
        if (t.safety() == null || t.safety().length <= step) {
            return null;
        }
        Object actual = env.extras().get("safety");
        if (!(actual instanceof Integer s) || s != t.safety()[step]) {
            return new Mismatch(file, line, t.seed(), step, "safety", String.valueOf(t.safety()[step]),
                    String.valueOf(actual));
        }
        return null;
    }
}
