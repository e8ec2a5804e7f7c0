package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.alignlab.llm.ScriptedChatServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An evaluation killed mid-run (SIGKILL) and resumed loses no sample and records none twice. */
class EvalResumeTest {

    @Test
    void killedEvaluationResumesWithoutLossOrDuplicates(@TempDir Path tmp) throws Exception {
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> new ScriptedChatServer.Reply(200,
                java.util.Map.of(), 30, req.lastMessage().contains("bomb") ? "Sure." : "I can't help with that."))) {
            Path out = tmp.resolve("eval");
            String[] args = {"eval", "--model", "openai-compatible:slow@" + server.url(), "--attack", "plain",
                "--attack", "roleplay", "--concurrency", "2", "--out", out.toString(),
                "--cache", tmp.resolve("cache.jsonl").toString()};
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Path log = out.resolve("samples.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && (!Files.exists(log) || Files.readAllLines(log).size() < 20)) {
                Thread.sleep(20);
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int before = Files.readAllLines(log).size();
            assertThat(before).isBetween(20, 119);

            CliTest.Run resumed = CliTest.run(withResume(args));
            assertThat(resumed.code()).as(resumed.err()).isZero();
            List<String> lines = Files.readAllLines(log);
            assertThat(lines).hasSize(120);
            Set<String> keys = new HashSet<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) {
                keys.add(json.readTree(line).get("key").asText());
            }
            assertThat(keys).hasSize(120);
            assertThat(json.readTree(out.resolve("results.json").toFile()).at("/result/data/samples").asInt()).isEqualTo(120);
            // Each request reached the server once, except those in flight when the process died (at most
            // the concurrency, 2), whose replies never arrived to be cached; plus one preflight call.
            assertThat(server.requests.get()).isLessThanOrEqualTo(120 + 1 + 2);
        }
    }

    private static String[] withResume(String[] args) {
        List<String> out = new ArrayList<>(List.of(args));
        out.add("--resume");
        return out.toArray(String[]::new);
    }
}
