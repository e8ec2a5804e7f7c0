package org.alignlab.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against a real loopback HTTP server that injects rate limits, errors and stalls. */
class EvaluationTest {
    @TempDir
    Path dir;

    private static List<Sample> samples(int harmful, int harmless) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < harmful; i++) {
            // Every third harmful request is "answered" by the scripted server; the rest refused.
            String marker = i % 3 == 0 ? "COMPLY" : "REFUSE";
            out.add(Sample.request("h" + i, "test", i % 2 == 0 ? "cat_a" : "cat_b", "harmful " + marker + " " + i,
                    Sample.Expected.REFUSE));
        }
        for (int i = 0; i < harmless; i++) {
            String marker = i % 4 == 0 ? "REFUSE" : "COMPLY";
            out.add(Sample.request("b" + i, "test", "cat_a", "harmless " + marker + " " + i, Sample.Expected.COMPLY));
        }
        return out;
    }

    private static ScriptedChatServer.Reply rule(String last) {
        return last.contains("REFUSE") ? ScriptedChatServer.Reply.ok("I can't help with that.")
                : ScriptedChatServer.Reply.ok("Sure, here is the answer.");
    }

    private ChatClient client(ScriptedChatServer server, Duration timeout) {
        return ChatClient.of("openai-compatible:scripted@" + server.url(), timeout, 64,
                Map.of("ALIGNLAB_API_KEY", "sk-test-secret-0042"));
    }

    private Evaluation.Config config(List<Sample> samples, Path out, boolean resume) {
        return Evaluation.Config.keyword(samples, List.of(List.of()), 16, 4, Duration.ofMillis(5), out,
                dir.resolve("cache.jsonl"), resume);
    }

    @Test
    void countsStayCorrectUnderRateLimitsServerErrorsAndTimeouts() throws Exception {
        List<Sample> samples = new ArrayList<>(samples(30, 12));
        samples.add(Sample.request("stall", "test", "cat_a", "STALL forever", Sample.Expected.REFUSE));
        samples.add(Sample.request("bad", "test", "cat_a", "BAD request", Sample.Expected.REFUSE));
        // Faults per prompt, so that every sample meets them the same way whatever the interleaving:
        // every 5th prompt is rate-limited on its first call, every 7th fails twice with a 503.
        java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> {
            String last = req.lastMessage();
            int call = calls.merge(last, 1, Integer::sum);
            int index = last.matches(".* \\d+$") ? Integer.parseInt(last.substring(last.lastIndexOf(' ') + 1)) : -1;
            if (last.contains("STALL")) {
                return new ScriptedChatServer.Reply(200, Map.of(), 2_000, "too late");
            }
            if (last.contains("BAD")) {
                return ScriptedChatServer.Reply.error(400, Map.of());
            }
            if (index % 5 == 0 && call == 1) {
                return ScriptedChatServer.Reply.error(429, Map.of("Retry-After", "0.05"));
            }
            if (index % 7 == 0 && call <= 2) {
                return ScriptedChatServer.Reply.error(503, Map.of());
            }
            return rule(last);
        })) {
            Evaluation.Result r = Evaluation.run(config(samples, dir.resolve("run"), false),
                    client(server, Duration.ofMillis(300)), System.err, false);

            assertThat(r.results()).hasSize(samples.size());
            assertThat(r.results().stream().map(SampleResult::key).distinct()).hasSize(samples.size());
            Map<String, SampleResult> byId = r.results().stream()
                    .collect(Collectors.toMap(SampleResult::sampleId, x -> x));
            assertThat(byId.get("stall").outcome()).isEqualTo(SampleResult.UNSCORABLE);
            assertThat(byId.get("stall").reason()).contains("no reply within").contains("gave up after 4 attempts");
            assertThat(byId.get("bad").outcome()).isEqualTo(SampleResult.UNSCORABLE);
            assertThat(byId.get("bad").reason()).contains("HTTP 400");
            assertThat(byId.get("bad").attempts()).isEqualTo(1);
            // Everything else was scored despite the 429s and 503s, and scored right.
            for (int i = 0; i < 30; i++) {
                assertThat(byId.get("h" + i).outcome()).isEqualTo(i % 3 == 0 ? SampleResult.UNSAFE : SampleResult.SAFE);
            }
            for (int i = 0; i < 12; i++) {
                assertThat(byId.get("b" + i).refused()).isEqualTo(i % 4 == 0);
            }
            assertThat(r.rateLimits()).isPositive();
            assertThat(r.retries()).isPositive();

            EvalMetrics.Rates all = EvalMetrics.rates(r.results(), x -> "all").get(0);
            assertThat(all.attackSuccess().successes()).isEqualTo(10);
            assertThat(all.attackSuccess().trials()).isEqualTo(30);
            assertThat(all.overRefusal().successes()).isEqualTo(3);
            assertThat(all.overRefusal().trials()).isEqualTo(12);
            assertThat(all.unscorable()).isEqualTo(2);
        }
    }

    @Test
    void aKilledRunResumesWithoutLosingOrRepeatingSamplesAndTheCacheSavesCalls() throws Exception {
        List<Sample> samples = samples(20, 10);
        Path out = dir.resolve("run");
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> rule(req.lastMessage()))) {
            ChatClient client = client(server, Duration.ofSeconds(5));
            Evaluation.run(config(samples.subList(0, 12), out, false), client, System.err, false);
            // A crash mid-write leaves half a line at the end of the log.
            Files.writeString(Evaluation.logFile(out), "{\"key\":\"openai-compat", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            assertThatThrownBy(() -> Evaluation.run(config(samples, out, false), client, System.err, false))
                    .hasMessageContaining("--resume");

            int before = server.requests.get();
            Evaluation.Result r = Evaluation.run(config(samples, out, true), client, System.err, false);
            assertThat(r.resumed()).isEqualTo(12);
            assertThat(r.results()).hasSize(30);
            assertThat(server.requests.get() - before).isEqualTo(18);
            List<String> lines = Files.readAllLines(Evaluation.logFile(out));
            assertThat(lines).hasSize(30);
            assertThat(lines.stream().distinct()).hasSize(30);

            // Resuming with another judge would mix verdicts: refused.
            assertThatThrownBy(() -> Evaluation.run(new Evaluation.Config(samples, List.of(List.of()), 4, 2,
                    Duration.ofMillis(5), out, dir.resolve("cache.jsonl"), true,
                    Judge.model("openai-compatible:j@http://127.0.0.1:9/v1"),
                    ChatClient.of("openai-compatible:j@http://127.0.0.1:9/v1", Duration.ofSeconds(1), 8, Map.of()),
                    null, 1),
                    client, System.err, false)).hasMessageContaining("judged by keyword");

            // The same requests in a new run are answered from the cache, not sent again.
            int sent = server.requests.get();
            Evaluation.Result again = Evaluation.run(config(samples, dir.resolve("again"), false), client,
                    System.err, false);
            assertThat(server.requests.get()).isEqualTo(sent);
            assertThat(again.cacheHits()).isEqualTo(30);
            assertThat(again.results()).allMatch(SampleResult::cached);
        }
    }

    @Test
    void aBadKeyStopsTheRunWithOneMessageThatDoesNotContainTheKey() throws Exception {
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) ->
                new ScriptedChatServer.Reply(401, Map.of(), 0, "{\"error\":\"bad key " + req.authorization() + "\"}"))) {
            assertThatThrownBy(() -> Evaluation.run(config(samples(2, 0), dir.resolve("run"), false),
                    client(server, Duration.ofSeconds(5)), System.err, false))
                    .hasMessageContaining("cannot be used: HTTP 401")
                    .hasMessageContaining("nothing was sent")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-test-secret-0042"));
            assertThat(server.requests.get()).isEqualTo(1);
        }
    }

    /**
     * A server that echoes the key back URL-encoded, JSON-escaped, \\u-escaped and in Base64: no
     * form of it reaches the error. A key written into the model's URL is never recorded: not in
     * the spec, the samples log nor the results store.
     */
    @Test
    void keysAreRemovedInEveryEchoedFormAndAKeyInTheUrlIsNeverStored() throws Exception {
        String key = "sk-test/secret+0042";
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> {
            String echoed = String.join(" | ", Secrets.forms(key));
            return new ScriptedChatServer.Reply(401, Map.of(), 0, "{\"error\":\"bad key " + echoed + "\"}");
        })) {
            ChatClient client = ChatClient.of("openai-compatible:m@" + server.url(), Duration.ofSeconds(5), 8,
                    Map.of("ALIGNLAB_API_KEY", key));
            assertThatThrownBy(() -> Evaluation.run(config(samples(1, 0), dir.resolve("run"), false), client,
                    System.err, false)).satisfies(e -> {
                        assertThat(e.getMessage()).contains("HTTP 401", "[key removed]");
                        for (String form : Secrets.forms(key)) {
                            assertThat(e.getMessage()).doesNotContain(form);
                        }
                    });
        }
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> rule(req.lastMessage()))) {
            String url = server.url().replace("http://", "http://alice:sk-in-the-url-0042@") + "?api_key=sk-query-0077";
            ChatClient client = ChatClient.of("openai-compatible:m@" + url, Duration.ofSeconds(5), 8, Map.of());
            assertThat(client.spec()).doesNotContain("sk-in-the-url-0042").doesNotContain("sk-query-0077")
                    .contains("[removed]@127.0.0.1").contains("api_key=[removed]");
            Path out = dir.resolve("url-key");
            try {
                Evaluation.run(config(samples(2, 1), out, false), client, System.err, false);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).doesNotContain("sk-in-the-url-0042").doesNotContain("sk-query-0077");
            }
            try (var files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(text).as(f.toString()).doesNotContain("sk-in-the-url-0042").doesNotContain("sk-query-0077");
                }
            }
        }
    }

    /** Replies cached for one version of a model are not reused for another version under the same spec. */
    @Test
    void theReplyCacheKeepsModelVersionsApart() throws Exception {
        List<Sample> samples = samples(3, 2);
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> rule(req.lastMessage()))) {
            ChatClient v1 = client(server, Duration.ofSeconds(5)).versioned("v1");
            Evaluation.run(config(samples, dir.resolve("v1"), false), v1, System.err, false);
            int sent = server.requests.get();
            Evaluation.Result again = Evaluation.run(config(samples, dir.resolve("v1-again"), false), v1,
                    System.err, false);
            assertThat(again.cacheHits()).isEqualTo(5);
            assertThat(server.requests.get()).isEqualTo(sent);
            ChatClient v2 = client(server, Duration.ofSeconds(5)).versioned("v2");
            Evaluation.Result other = Evaluation.run(config(samples, dir.resolve("v2"), false), v2, System.err, false);
            assertThat(other.cacheHits()).isZero();
            assertThat(other.results()).allMatch(r -> r.model().endsWith("#v2"));
        }
    }

    @Test
    void anUnreachableEndpointStopsTheRunBeforeAnyWork() {
        ChatClient nowhere = ChatClient.of("openai-compatible:m@http://127.0.0.1:9/v1", Duration.ofSeconds(2), 8, Map.of());
        assertThatThrownBy(() -> Evaluation.run(config(samples(2, 0), dir.resolve("run"), false), nowhere,
                System.err, false)).hasMessageContaining("connection to 127.0.0.1:9 failed");
    }

    @Test
    void malformedRepliesAndConnectionResetsAreUnscorableOrRetriedWithReasons() throws Exception {
        List<Sample> samples = List.of(
                Sample.request("garbled", "test", "c", "GARBLED once, then REFUSE", Sample.Expected.REFUSE),
                Sample.request("garbage", "test", "c", "GARBLED always", Sample.Expected.REFUSE),
                Sample.request("reset", "test", "c", "RESET once, then REFUSE", Sample.Expected.REFUSE),
                Sample.request("fine", "test", "c", "REFUSE this", Sample.Expected.REFUSE));
        java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> {
            String last = req.lastMessage();
            int call = calls.merge(last, 1, Integer::sum);
            if (last.contains("GARBLED") && (call == 1 || last.contains("always"))) {
                return ScriptedChatServer.Reply.raw("{\"choices\": [truncated"); // a 200 whose body is not JSON
            }
            if (last.contains("RESET") && call == 1) {
                return ScriptedChatServer.Reply.RESET;
            }
            return rule(last);
        })) {
            Evaluation.Result r = Evaluation.run(config(samples, dir.resolve("run"), false),
                    client(server, Duration.ofSeconds(5)), System.err, false);
            Map<String, SampleResult> byId = r.results().stream()
                    .collect(Collectors.toMap(SampleResult::sampleId, x -> x));
            // A malformed body is transient like a dropped connection: retried, unscorable only when attempts run out.
            assertThat(byId.get("garbled").outcome()).isEqualTo(SampleResult.SAFE);
            assertThat(byId.get("garbled").attempts()).isEqualTo(2);
            assertThat(byId.get("garbage").outcome()).isEqualTo(SampleResult.UNSCORABLE);
            assertThat(byId.get("garbage").reason()).startsWith("unusable reply").contains("gave up after 4 attempts");
            assertThat(byId.get("reset").outcome()).isEqualTo(SampleResult.SAFE);
            assertThat(byId.get("reset").attempts()).isEqualTo(2);
            assertThat(byId.get("fine").outcome()).isEqualTo(SampleResult.SAFE);
        }
    }

    /**
     * 520 samples against a server that meets them with every transient fault: a 429 with
     * Retry-After, 500s, replies slower than the timeout, a body cut off halfway, a body that is
     * not JSON and a dropped connection, each on a sample's first calls. With 4 attempts every
     * sample is scored and the counts are exactly the server's ground truth.
     */
    @Test
    void everySampleIsScoredThroughEveryTransientFault() throws Exception {
        List<Sample> samples = samples(390, 130);
        java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, Integer> faults = new java.util.concurrent.ConcurrentHashMap<>();
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> {
            String last = req.lastMessage();
            int call = calls.merge(last, 1, Integer::sum);
            int index = last.matches(".* \\d+$") ? Integer.parseInt(last.substring(last.lastIndexOf(' ') + 1)) : -1;
            ScriptedChatServer.Reply fault = null;
            if (index % 5 == 0 && call == 1) {
                fault = ScriptedChatServer.Reply.error(429, Map.of("Retry-After", "0.02"));
            } else if (index % 7 == 1 && call <= 2) {
                fault = ScriptedChatServer.Reply.error(500, Map.of());
            } else if (index % 11 == 2 && call == 1) {
                fault = new ScriptedChatServer.Reply(200, Map.of(), 400, "too late");
            } else if (index % 13 == 3 && call == 1) {
                fault = ScriptedChatServer.Reply.TRUNCATED;
            } else if (index % 17 == 4 && call == 1) {
                fault = ScriptedChatServer.Reply.raw("{\"choices\": [{\"message\": ");
            } else if (index % 19 == 5 && call <= 2) {
                fault = ScriptedChatServer.Reply.RESET;
            }
            if (fault != null) {
                faults.merge(fault.status() + "/" + fault.delayMillis(), 1, Integer::sum);
                return fault;
            }
            return rule(last);
        })) {
            Evaluation.Result r = Evaluation.run(config(samples, dir.resolve("run"), false),
                    client(server, Duration.ofMillis(250)), System.err, false);
            assertThat(r.results()).hasSize(520);
            EvalMetrics.Rates all = EvalMetrics.rates(r.results(), x -> "all").get(0);
            assertThat(all.unscorable()).isZero();
            // Ground truth: every third harmful request answered, every fourth harmless one refused.
            assertThat(all.attackSuccess().successes()).isEqualTo(130);
            assertThat(all.attackSuccess().trials()).isEqualTo(390);
            assertThat(all.overRefusal().successes()).isEqualTo(33);
            assertThat(all.overRefusal().trials()).isEqualTo(130);
            // Each kind of fault was met (429, 500, slow, truncated, not JSON, reset).
            assertThat(faults.keySet()).contains("429/0", "500/0", "200/400", "-2/0", "200/0", "-1/0");
            // One retry per fault met: none more, none lost.
            assertThat(r.retries()).isEqualTo(faults.values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    @Test
    void badModelSpecsAreExplained() {
        assertThatThrownBy(() -> ChatClient.of("llama3", Duration.ofSeconds(1), 10, Map.of()))
                .hasMessageContaining("openai-compatible:NAME@URL");
        assertThatThrownBy(() -> ChatClient.of("openai-compatible:llama3", Duration.ofSeconds(1), 10, Map.of()))
                .hasMessageContaining("expected openai-compatible:NAME@URL");
        assertThatThrownBy(() -> ChatClient.of("openai:gpt-4o", Duration.ofSeconds(1), 10, Map.of()))
                .hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> ChatClient.of("mystery:x", Duration.ofSeconds(1), 10, Map.of()))
                .hasMessageContaining("unknown model provider 'mystery'");
    }
}
