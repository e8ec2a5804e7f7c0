package org.alignlab.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The harness's own speed: an evaluation against a loopback server that answers at once, so
 * the time measured is alignlab's (attack, cache lookup, LangChain4j request and response,
 * HTTP on loopback, scoring, the append to the log), plus the server's minimal work on the same
 * machine.
 */
public final class EvalThroughput {
    private EvalThroughput() {
    }

    /** What one measurement found. */
    public record Measurement(int samples, int concurrency, double seconds, double cpuSeconds) {
        /** CPU time of the whole process (harness and server) per sample. */
        public double cpuMillisPerSample() {
            return cpuSeconds * 1000 / samples;
        }

        public double samplesPerSecond() {
            return samples / seconds;
        }

        /** Wall time per sample; at concurrency 1 this is the per-sample cost of one call. */
        public double millisPerSample() {
            return seconds * 1000 / samples;
        }
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Evaluates {@code samples} distinct prompts at {@code concurrency} against an instant server. */
    public static Measurement measure(int samples, int concurrency) throws IOException, InterruptedException {
        if (samples < 1 || concurrency < 1) {
            throw new IllegalArgumentException("samples and concurrency must be at least 1");
        }
        List<Sample> list = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            list.add(Sample.request("s" + i, "bench", "bench", "How do I bake bread, variant " + i + "?",
                    i % 2 == 0 ? Sample.Expected.COMPLY : Sample.Expected.REFUSE));
        }
        Path dir = Files.createTempDirectory("alignlab-bench-eval");
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> ScriptedChatServer.Reply.ok(
                "Sure, here is a short answer."))) {
            ChatClient client = ChatClient.of("openai-compatible:instant@" + server.url(), Duration.ofSeconds(30), 32,
                    Map.of());
            Evaluation.Config config = Evaluation.Config.keyword(list, List.of(List.of()), concurrency, 3,
                    Duration.ofMillis(10), dir.resolve("out"), dir.resolve("cache.jsonl"), false);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Evaluation.Result r = Evaluation.run(config, client, quiet, false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            long unscorable = r.results().stream().filter(x -> x.outcome().equals(SampleResult.UNSCORABLE)).count();
            if (unscorable > 0) {
                throw new IllegalStateException(unscorable + " samples failed against the instant server");
            }
            return new Measurement(samples, concurrency, seconds, cpuSeconds);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
