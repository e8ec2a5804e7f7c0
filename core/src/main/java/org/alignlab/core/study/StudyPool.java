package org.alignlab.core.study;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs several studies side by side, as many at a time as there are threads: how an audit runs its
 * parts. Each should run its own work on one thread ({@link #oneThread}); a part that serves or
 * calls a model (the red-teaming) also keeps a server's threads busy. The ones that take longest start first (by
 * {@link Study#auditCoreSeconds()}), so that the pool does not end with one long study running
 * alone. One part's failure loses none of the others: every other part still runs and is
 * returned, and the failure is returned beside them.
 */
public final class StudyPool {
    private StudyPool() {
    }

    /** What came of the parts, each in the order they were given. */
    public record Outcome<T>(Map<String, T> done, Map<String, Throwable> failed) {
    }

    /** One part: its name, its expected core seconds (only the order of starting depends on it) and its work. */
    public record Part<T>(String name, double coreSeconds, Callable<T> work) {
    }

    /**
     * Runs {@code parts}, {@code threads} at a time, the longest first.
     *
     * @throws IllegalArgumentException if two parts have the same name (they would write into one folder)
     */
    public static <T> Outcome<T> run(int threads, List<Part<T>> parts) throws InterruptedException {
        if (parts.stream().map(Part::name).distinct().count() < parts.size()) {
            throw new IllegalArgumentException("each part must be named once, got " + parts.stream().map(Part::name).toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            Map<String, Future<T>> running = new LinkedHashMap<>();
            parts.stream().sorted(Comparator.comparingDouble(p -> -p.coreSeconds()))
                    .forEach(p -> running.put(p.name(), pool.submit(p.work())));
            Map<String, T> done = new LinkedHashMap<>();
            Map<String, Throwable> failed = new LinkedHashMap<>();
            for (Part<T> p : parts) {
                try {
                    done.put(p.name(), running.get(p.name()).get());
                } catch (ExecutionException e) {
                    failed.put(p.name(), e.getCause());
                }
            }
            return new Outcome<>(done, failed);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code config} with its {@code threads} setting, if it has one, set to 1: a study run in a pool
     * beside others runs its own work (its seeds) on one thread, so that the pool decides how many
     * cores are busy. No result depends on it (each seed draws from its own random sources).
     */
    public static <C extends Record> C oneThread(C config) {
        return Settings.of(config).containsKey("threads") ? Settings.with(config, Map.of("threads", "1")) : config;
    }
}
