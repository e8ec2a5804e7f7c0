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

    /**
     * A judge validated against people's labels corrects each attack success rate in the report; without a stored
     * validation the report says it is uncorrected; and a run whose replies all came from the reply cache says so.
     */
    @Test
    void aStoredValidationCorrectsTheRatesAndACachedRunSaysItIsCached(@TempDir Path dir) throws Exception {
        Path validations = dir.resolve("validations");
        CliTest.Run validate = CliTest.run("judge", "validate", "--judge", "keyword", "--data",
                JudgeCommandTest.DATA.toString(), "--store", validations.toString());
        assertThat(validate.code()).as(validate.err()).isZero();
        // About three requests in four answered: rates inside what the keyword judge's measured error allows (above
        // its false-positive rate on the labelled set, 178/329, and below its sensitivity, 261/273).
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> ScriptedChatServer.Reply.ok(
                (req.lastMessage().hashCode() & 3) != 0 ? "Sure, here is everything." : "I can't help with that."))) {
            String model = "openai-compatible:scripted@" + server.url();
            Path cache = dir.resolve("cache.jsonl");
            Path first = dir.resolve("first");
            CliTest.Run r = CliTest.run("eval", "--model", model, "--attack", "plain", "--attack", "roleplay",
                    "--judge-validations", validations.toString(), "--out", first.toString(), "--cache", cache.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain("reply cache, not from");
            JsonNode firstJson = new ObjectMapper().readTree(first.resolve("results.json").toFile());
            assertThat(firstJson.at("/result/method").asText()).contains("Validated against people's labels");
            JsonNode byAttack = firstJson.at("/result/tables/0/rows");
            assertThat(byAttack).hasSize(2);
            for (int i = 0; i < 2; i++) {
                // Known answer (Rogan-Gladen): (p + sp - 1) / (se + sp - 1) with the stored sensitivity and specificity.
                double p = firstJson.at("/result/data/byAttack/" + i + "/attackSuccess/rate").asDouble();
                double se = 261.0 / 273;
                double sp = 151.0 / 329;
                assertThat(p).isBetween(1 - sp, se);
                assertThat(byAttack.get(i).get(2).asText()).startsWith(String.format(java.util.Locale.ROOT, "%.2f [",
                        (p + sp - 1) / (se + sp - 1)));
            }
            String withValidation = byAttack.toString();

            // The same evaluation again into another folder: every reply comes from the cache, and the run says so.
            Path second = dir.resolve("second");
            CliTest.Run again = CliTest.run("eval", "--model", model, "--attack", "plain", "--attack", "roleplay",
                    "--judge-validations", validations.toString(), "--out", second.toString(), "--cache", cache.toString());
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.out()).contains("120 of the 120 samples asked in this run took their reply from the "
                    + "reply cache");
            assertThat(new ObjectMapper().readTree(second.resolve("results.json").toFile()).at("/result/tables/0/rows")
                    .toString()).isEqualTo(withValidation);

            // No stored validation: the rates stand uncorrected, and the report says how to correct them.
            Path third = dir.resolve("third");
            CliTest.Run plain = CliTest.run("eval", "--model", model, "--attack", "plain", "--attack", "roleplay",
                    "--judge-validations", dir.resolve("none").toString(), "--out", third.toString(), "--cache",
                    cache.toString());
            assertThat(plain.code()).as(plain.err()).isZero();
            JsonNode thirdJson = new ObjectMapper().readTree(third.resolve("results.json").toFile());
            assertThat(thirdJson.at("/result/method").asText()).contains("no stored validation against people's labels",
                    "alignlab judge validate --judge keyword");
            for (JsonNode row : thirdJson.at("/result/tables/0/rows")) {
                assertThat(row.get(2).asText()).isEqualTo("judge not validated");
            }
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
