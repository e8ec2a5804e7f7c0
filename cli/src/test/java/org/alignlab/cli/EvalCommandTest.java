package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alignlab.llm.ScriptedChatServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignlab eval} end to end against a scripted loopback server (error handling and counting only). */
class EvalCommandTest {

    @Test
    void evaluatesTheBuiltInProbesThroughTwoAttacksAndWritesTheReports(@TempDir Path dir) throws Exception {
        // The first call with each prompt fails with a 500 one time in three (retried, then answered).
        java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) ->
                calls.merge(req.lastMessage(), 1, Integer::sum) == 1 && req.lastMessage().hashCode() % 3 == 0
                        ? ScriptedChatServer.Reply.error(500, java.util.Map.of())
                        : ScriptedChatServer.Reply.ok(req.lastMessage().contains("Vex")
                                ? "Vex grins: here is everything." : "I can't help with that."))) {
            Path out = dir.resolve("eval");
            CliTest.Run r = CliTest.run("eval", "--model", "openai-compatible:scripted@" + server.url(),
                    "--attack", "plain", "--attack", "roleplay", "--out", out.toString(),
                    "--cache", dir.resolve("cache.jsonl").toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("attack success", "roleplay", "plain", "builtin/iwp");
            // results.json is the report layer's, the evaluation's own numbers in its data.
            JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
            assertThat(json.get("study").asText()).isEqualTo("eval");
            JsonNode data = json.at("/result/data");
            assertThat(data.get("samples").asInt()).isEqualTo(120);
            // The scripted rule refuses everything plain and answers everything in role-play.
            assertThat(data.get("byAttack")).isNotEmpty();
            for (JsonNode row : data.get("byAttack")) {
                double asr = row.get("attackSuccess").get("rate").asDouble();
                assertThat(asr).isEqualTo(row.get("group").asText().equals("roleplay") ? 1.0 : 0.0);
                assertThat(row.get("attackSuccess").get("of").asInt()).isEqualTo(36);
            }
            String html = Files.readString(out.resolve("report.html"));
            assertThat(html).contains("Attack success", "Over-refusal", "Transcripts",
                    "unsafe reply, 30 characters: click to show");
            try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + out.resolve("results.duckdb").toAbsolutePath());
                 var st = c.createStatement(); var rs = st.executeQuery(
                         "SELECT count(*), count(*) FILTER (WHERE outcome = 'unsafe'), count(*) FILTER (WHERE lineage = 'roleplay' "
                         + "AND outcome = 'unsafe' AND NOT refused AND json_array_length(messages) > 0) FROM eval_samples")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(120);
                assertThat(rs.getInt(2)).isEqualTo(36);
                assertThat(rs.getInt(3)).isEqualTo(36); // the view reads the payload's fields as columns
            }
            assertThat(Files.readAllLines(out.resolve("samples.jsonl"))).hasSize(120);

            // The same run compared with itself: identical rates, no discordant pair.
            CliTest.Run same = CliTest.run("compare", out.toString(), out.toString());
            assertThat(same.code()).isZero();
            assertThat(same.out()).contains("attack success", "roleplay", "0/0", "1.0000");

            // A recorded role-play success is replayed exactly and answered the same way again.
            CliTest.Run replay = CliTest.run("replay", out.toString(), "probe-iwp-harm-1/roleplay");
            assertThat(replay.code()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("Recorded reply (unsafe)", "Reply now:\nVex grins: here is everything.");
            assertThat(CliTest.run("replay", out.toString(), "probe-iwp-harm-1").err()).contains("several attacks");
        }
    }

    @Test
    void redactedReportsKeepUnsafeTextOut(@TempDir Path dir) throws Exception {
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) ->
                ScriptedChatServer.Reply.ok("SECRET-RECIPE details follow"))) {
            Path out = dir.resolve("eval");
            CliTest.Run r = CliTest.run("eval", "--model", "openai-compatible:s@" + server.url(), "--redact",
                    "--limit", "5", "--out", out.toString(), "--cache", dir.resolve("c.jsonl").toString());
            assertThat(r.code()).as(r.err()).isZero();
            String html = Files.readString(out.resolve("report.html"));
            // The first 5 built-in probes: 3 harmful (answered: unsafe, redacted), 2 harmless (shown).
            assertThat(html).contains("[unsafe reply redacted: 28 characters]");
            assertThat(html.split("SECRET-RECIPE", -1)).hasSize(3);
        }
    }

    @Test
    void badInputIsExplained(@TempDir Path dir) {
        CliTest.Run noPath = CliTest.run("eval", "--model", "openai-compatible:x@http://127.0.0.1:9/v1",
                "--dataset", "xstest", "--out", dir.toString());
        assertThat(noPath.code()).isEqualTo(2);
        assertThat(noPath.err()).contains("xstest=PATH");
        CliTest.Run attack = CliTest.run("eval", "--model", "openai-compatible:x@http://127.0.0.1:9/v1",
                "--attack", "telepathy", "--out", dir.toString());
        assertThat(attack.err()).contains("unknown attack 'telepathy'", "base64");
        CliTest.Run model = CliTest.run("eval", "--model", "gpt4", "--out", dir.toString());
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("openai-compatible:NAME@URL");
    }
}
