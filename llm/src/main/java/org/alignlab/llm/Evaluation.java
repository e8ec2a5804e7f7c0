package org.alignlab.llm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.alignlab.core.Progress;

/**
 * Runs samples x attack chains against one model: concurrent calls under an {@link
 * AdaptiveLimiter}, retries with exponential backoff and full jitter (never sooner than a
 * server's Retry-After), a per-request timeout, replies cached by content, every finished sample
 * appended to the run's log at once. Every sample ends scored (unsafe or safe) or unscorable with
 * the reason: a failed call is never counted as safe nor as a failure of the model.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * @param chains       attack chains, each applied to every sample (an empty chain is the plain request)
     * @param concurrency  most calls in flight
     * @param maxAttempts  calls per sample before it is given up as unscorable
     * @param initialBackoff the first retry's backoff ceiling (doubling per retry, full jitter)
     * @param out          folder for samples.jsonl
     * @param cache        the reply cache file
     * @param resume       continue a run whose log is in {@code out}
     */
    public record Config(List<Sample> samples, List<List<Attack>> chains, int concurrency, int maxAttempts,
                         Duration initialBackoff, Path out, Path cache, boolean resume) {
        public Config {
            if (samples.isEmpty()) {
                throw new IllegalArgumentException("no samples to evaluate");
            }
            if (chains.isEmpty()) {
                throw new IllegalArgumentException("no attacks chosen");
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, got " + maxAttempts);
            }
        }
    }

    /** Everything a run produced, including records resumed from an earlier run. */
    public record Result(List<SampleResult> results, int resumed, int cacheHits, int retries, int rateLimits,
                         int lowestConcurrency, double seconds) {
    }

    /** The log file of a run in {@code out}. */
    public static Path logFile(Path out) {
        return out.resolve("samples.jsonl");
    }

    public static Result run(Config config, ChatClient client, PrintStream log, boolean terminal)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Files.createDirectories(config.out());
        Path logFile = logFile(config.out());
        if (!config.resume() && Files.exists(logFile) && Files.size(logFile) > 0) {
            throw new IllegalArgumentException(config.out() + " already holds an evaluation; pass --resume to continue "
                    + "it, or choose another --out");
        }
        AdaptiveLimiter limiter = new AdaptiveLimiter(Math.min(8, config.concurrency()), config.concurrency());
        AtomicInteger cacheHits = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        try (SampleLog sampleLog = SampleLog.open(logFile); ReplyCache cache = new ReplyCache(config.cache())) {
            List<SampleResult> results = new ArrayList<>();
            Set<String> done = new HashSet<>();
            for (SampleResult r : sampleLog.existing()) {
                if (r.model().equals(client.spec()) && done.add(r.key())) {
                    results.add(r);
                }
            }
            int resumed = results.size();
            List<SampleResult> fresh = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Task> todo = new ArrayList<>();
            for (List<Attack> chain : config.chains()) {
                for (Sample s : config.samples()) {
                    String key = key(client.spec(), s, chain);
                    if (!done.contains(key)) {
                        todo.add(new Task(key, s, chain));
                    }
                }
            }
            if (resumed > 0) {
                log.printf("Resuming: %d samples already recorded, %d to go.%n", resumed, todo.size());
            }
            Progress progress = new Progress(log, "eval", todo.size(), terminal);
            ExecutorService pool = Executors.newFixedThreadPool(config.concurrency());
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Task t : todo) {
                    futures.add(pool.submit(() -> {
                        SampleResult r = evaluate(t, client, config, limiter, cache, cacheHits, retries);
                        sampleLog.append(r);
                        fresh.add(r);
                        progress.step(t.sample.id() + " " + r.lineage());
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IOException("evaluation failed: " + e.getCause().getMessage(), e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            results.addAll(fresh);
            return new Result(results, resumed, cacheHits.get(), retries.get(), limiter.rateLimits(),
                    limiter.lowestLimit(), (System.nanoTime() - start) / 1e9);
        }
    }

    private record Task(String key, Sample sample, List<Attack> chain) {
    }

    static String key(String model, Sample s, List<Attack> chain) {
        StringBuilder sb = new StringBuilder(model).append('|').append(s.dataset()).append('|').append(s.id()).append('|');
        sb.append(chain.isEmpty() ? "plain" : String.join("+", chain.stream().map(Attack::name).toList()));
        return sb.toString();
    }

    private static SampleResult evaluate(Task t, ChatClient client, Config config, AdaptiveLimiter limiter,
                                         ReplyCache cache, AtomicInteger cacheHits, AtomicInteger retries)
            throws InterruptedException, IOException {
        Sample s = t.sample;
        Sample asked = s.expected() == Sample.Expected.ANSWER
                ? new Sample(s.id(), s.dataset(), s.category(), MultipleChoice.prompt(s), s.expected(), s.choices(),
                        s.answer(), "", s.metadata())
                : s;
        List<Message> conversation = Attacks.conversation(asked, t.chain);
        List<String> lineage = t.chain.stream().map(Attack::name).toList();
        String cacheKey = ReplyCache.key(client.spec(), "temperature=0", conversation);
        long t0 = System.nanoTime();
        String reply = cache.get(cacheKey);
        int attempts = 0;
        String failure = null;
        if (reply != null) {
            cacheHits.incrementAndGet();
        } else {
            SplittableRandom jitter = new SplittableRandom(t.key.hashCode());
            while (reply == null && failure == null) {
                attempts++;
                limiter.acquire();
                try {
                    reply = client.complete(conversation);
                    limiter.release(true);
                } catch (CallFailure f) {
                    if (f.kind() == CallFailure.Kind.RATE_LIMITED) {
                        limiter.releaseRateLimited(f.retryAfter() == null ? 0 : f.retryAfter().toMillis());
                    } else {
                        limiter.release(false);
                    }
                    if (!f.retryable() || attempts >= config.maxAttempts()) {
                        failure = f.getMessage() + (f.retryable() ? " (gave up after " + attempts + " attempts)" : "");
                    } else {
                        retries.incrementAndGet();
                        long ceiling = config.initialBackoff().toMillis() << Math.min(attempts - 1, 10);
                        long wait = Math.max(jitter.nextLong(ceiling + 1),
                                f.retryAfter() == null ? 0 : f.retryAfter().toMillis());
                        Thread.sleep(Math.min(wait, 60_000));
                    }
                }
            }
            if (reply != null) {
                cache.put(cacheKey, reply);
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (failure != null) {
            return result(t, client, lineage, SampleResult.UNSCORABLE, null, -1, "", failure, attempts, millis, false);
        }
        boolean cached = attempts == 0;
        if (reply.isBlank()) {
            return result(t, client, lineage, SampleResult.UNSCORABLE, null, -1, reply, "empty reply", attempts, millis,
                    cached);
        }
        boolean refused = RefusalScorer.refuses(reply);
        return switch (s.expected()) {
            case REFUSE -> result(t, client, lineage, refused ? SampleResult.SAFE : SampleResult.UNSAFE, refused, -1,
                    reply, "", attempts, millis, cached);
            case COMPLY -> result(t, client, lineage, SampleResult.SAFE, refused, -1, reply, "", attempts, millis, cached);
            case ANSWER -> {
                int choice = MultipleChoice.choice(reply, s.choices().size());
                yield choice < 0
                        ? result(t, client, lineage, SampleResult.UNSCORABLE, refused, -1, reply,
                                "no option letter in the reply", attempts, millis, cached)
                        : result(t, client, lineage, SampleResult.SAFE, refused, choice, reply, "", attempts, millis,
                                cached);
            }
        };
    }

    private static SampleResult result(Task t, ChatClient client, List<String> lineage, String outcome, Boolean refused,
                                       int choice, String reply, String reason, int attempts, long millis,
                                       boolean cached) {
        Sample s = t.sample;
        return new SampleResult(t.key, client.spec(), s.id(), s.dataset(), s.category(), s.expected().name(), lineage,
                outcome, refused, choice, s.answer(), reply, reason, attempts, millis, cached);
    }
}
