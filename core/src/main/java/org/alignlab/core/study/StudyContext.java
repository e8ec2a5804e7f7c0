package org.alignlab.core.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alignlab.core.Progress;
import org.alignlab.core.ResultsStore;
import org.alignlab.core.Sha256;

/**
 * What a running study writes through: its output folder, progress, the results store, and
 * resumable steps. A study never picks its own paths, so every study's output is laid out the same
 * way and a killed run resumes from its last finished step.
 */
public final class StudyContext implements AutoCloseable {
    /** The folder finished steps are kept in, under the study's folder. */
    public static final String STEPS = "steps";

    private final Path dir;
    private final PrintStream log;
    private final boolean terminal;
    private final String configJson;
    private final ObjectMapper json = new ObjectMapper();
    private ResultsStore store;
    private final java.util.concurrent.atomic.AtomicInteger resumed = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param dir        the study's output folder (created if needed)
     * @param log        where progress goes (standard error on the command line)
     * @param terminal   whether {@code log} is a terminal (a self-rewriting progress line)
     * @param configJson the configuration, as JSON: finished steps are reused only under the same one
     */
    public StudyContext(Path dir, PrintStream log, boolean terminal, String configJson) throws IOException {
        this.dir = dir;
        this.log = log;
        this.terminal = terminal;
        this.configJson = configJson;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create output folder " + dir + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); choose another --out");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("output folder " + dir + " is not writable; choose another --out");
        }
    }

    /** The study's output folder. */
    public Path dir() {
        return dir;
    }

    /** Where messages for the person running the study go. */
    public PrintStream log() {
        return log;
    }

    /** Whether the log is a terminal. */
    public boolean terminal() {
        return terminal;
    }

    /**
     * A progress display for {@code total} units of work, also kept in {@code progress.json} in the
     * study's folder (at most twice a second, and at the last step) for a dashboard to follow.
     */
    public Progress progress(String what, int total) {
        return new Progress(log, what, total, terminal, this::keep);
    }

    /** The file a running study's progress is kept in. */
    public static final String PROGRESS = "progress.json";
    private long lastKept;

    private synchronized void keep(Progress.Snapshot s) {
        long now = System.nanoTime();
        if (s.done() < s.total() && now - lastKept < 500_000_000L) {
            return;
        }
        lastKept = now;
        try {
            var node = json.createObjectNode();
            node.put("what", s.what());
            node.put("done", s.done());
            node.put("total", s.total());
            node.put("description", s.description());
            node.put("elapsed_seconds", s.elapsedSeconds());
            node.put("updated_at", java.time.Instant.now().toString());
            Path tmp = dir.resolve(PROGRESS + ".tmp");
            Files.writeString(tmp, json.writeValueAsString(node), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(PROGRESS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.println("alignlab: could not keep progress in " + dir.resolve(PROGRESS) + ": " + e.getMessage());
        }
    }

    /** The configuration as JSON, for provenance columns. */
    public String configJson() {
        return configJson;
    }

    /** The study's results store ({@code results.duckdb} in its folder), opened on first use. */
    public synchronized ResultsStore store() throws SQLException {
        if (store == null) {
            store = ResultsStore.open(dir.resolve("results.duckdb"));
        }
        return store;
    }

    /** How many steps this run took from an earlier run's finished work instead of doing them. */
    public int resumedSteps() {
        return resumed.get();
    }

    /**
     * Runs one step of the study, or, when an earlier run under the same configuration and code
     * version finished it, returns what it returned then. The result is kept as JSON ({@code steps/KEY.json}), written
     * atomically once the step is done, so a kill loses at most the step in progress.
     *
     * @param key  a name unique within the study (letters, digits, '-', '_', '.', ':', '/')
     * @param type the step's result type; {@link #resumable(String, JavaType, Callable)} for generic types
     */
    public <T> T resumable(String key, Class<T> type, Callable<T> work) throws Exception {
        return resumable(key, json.constructType(type), work);
    }

    /** As {@link #resumable(String, Class, Callable)}, for a generic result type. */
    public <T> T resumable(String key, JavaType type, Callable<T> work) throws Exception {
        return resumable(key, type, configHash(), work);
    }

    /**
     * As {@link #resumable(String, Class, Callable)}, but kept across runs whose settings differ elsewhere: the step is
     * reused when {@code inputs} (every setting its work reads, as the caller writes them out) and the code are the
     * same. A sweep run in pieces (some alphas, then the rest) so trains no agent twice. Name in {@code inputs}
     * everything the work depends on: what is left out is not checked.
     */
    public <T> T resumable(String key, Class<T> type, Object inputs, Callable<T> work) throws Exception {
        // Map entries sorted by key: Map.of's order changes from one process to the next.
        String written = json.writer().with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(inputs);
        return resumable(key, json.constructType(type), hash(written), work);
    }

    private <T> T resumable(String key, JavaType type, String hash, Callable<T> work) throws Exception {
        Path file = stepFile(key);
        var kept = kept(file, true, hash);
        if (kept != null) {
            try {
                T result = json.convertValue(kept, type);
                resumed.incrementAndGet();
                return result;
            } catch (IllegalArgumentException e) {
                log.println("alignlab: the kept step " + file + " could not be read (" + e.getMessage() + "); doing it again");
            }
        }
        T result = work.call();
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        var node = json.createObjectNode();
        node.put("config_sha256", hash);
        node.set("result", json.valueToTree(result));
        Files.writeString(tmp, json.writeValueAsString(node), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return result;
    }

    /**
     * Whether an earlier run under the same configuration and code version finished step {@code key} (a step kept under
     * its own inputs is not seen here).
     */
    public boolean isKept(String key) {
        return kept(stepFile(key), false, configHash()) != null;
    }

    private Path stepFile(String key) {
        if (!key.matches("[A-Za-z0-9_.:/-]+")) {
            throw new IllegalArgumentException("step key '" + key + "' may hold only letters, digits and - _ . : /");
        }
        // The key names the file reversibly (no two keys share one).
        return dir.resolve(STEPS).resolve(java.net.URLEncoder.encode(key, StandardCharsets.UTF_8) + ".json");
    }

    /** The hash a kept step must carry: it covers the settings and the code, so a step is never reused after a fix. */
    private String configHash() {
        return hash(configJson);
    }

    private static String hash(String settings) {
        return Sha256.hex(settings + "\n" + org.alignlab.core.Provenance.codeVersion());
    }

    /**
     * A kept step's result, or null when there is none under these settings ({@code hash}) and code (or it cannot be read,
     * which is said on the log when {@code sayWhy}).
     */
    private com.fasterxml.jackson.databind.JsonNode kept(Path file, boolean sayWhy, String hash) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            var node = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return hash.equals(node.path("config_sha256").asText()) ? node.get("result") : null;
        } catch (IOException e) {
            if (sayWhy) {
                log.println("alignlab: the kept step " + file + " could not be read (" + e.getMessage() + "); doing it again");
            }
            return null;
        }
    }

    /** The kind of the run under which a study's findings are kept in its results store. */
    public static final String FINDINGS_KIND = "study";

    /**
     * Runs {@code tasks} on {@code threads} threads and returns their results in the tasks' order.
     * The first task to fail (whichever finishes first) stops the rest: those not yet started never
     * start, those running are waited for (training cannot be interrupted mid-run, and a task still
     * running after its study failed would go on writing into its folder), and its exception is
     * thrown.
     */
    public static <T> List<T> parallel(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CompletionService<T> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
        try {
            java.util.Map<Future<T>, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < tasks.size(); i++) {
                index.put(done.submit(tasks.get(i)), i);
            }
            List<T> results = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), null));
            for (int n = 0; n < tasks.size(); n++) {
                Future<T> f = done.take();
                try {
                    results.set(index.get(f), f.get());
                } catch (ExecutionException e) {
                    index.keySet().forEach(other -> other.cancel(false));
                    pool.shutdown();
                    while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                        // the running tasks finish their work
                    }
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Keeps the study's verdicts in its results store, beside the runs, samples and curves they
     * rest on: run {@code study/NAME} of kind {@value #FINDINGS_KIND}, its summary the overall
     * verdict, budget and time, one row a finding (replacing an earlier run's).
     */
    public void recordFindings(StudyResult result, String budget) throws SQLException {
        java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("verdict", result.verdict());
        summary.put("budget", budget);
        summary.put("seconds", result.seconds());
        store().recordFindings(new ResultsStore.Run("study/" + result.study(), result.study(), FINDINGS_KIND, 0,
                configJson, toJson(org.alignlab.core.Provenance.now()), toJson(summary)),
                result.findings().stream().map(f -> new ResultsStore.Finding(f.verdict().name(), f.text(), null)).toList());
    }

    /** {@code value} as JSON, for provenance columns. */
    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
