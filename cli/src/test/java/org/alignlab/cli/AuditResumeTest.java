package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.alignlab.audit.Audit;
import org.alignlab.core.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit killed mid-run and resumed loses nothing, records nothing twice, and gets the same numbers. */
class AuditResumeTest {
    private static final String[] AUDIT = {"audit", "--env", "island_navigation", "--env", "boat_race",
        "--agent", "q_learning", "--seeds", "6", "--steps", "60000", "--eval-episodes", "3", "--threads", "1",
        "--no-language-models", "--no-studies"};

    private static String[] with(String... extra) {
        List<String> args = new ArrayList<>(List.of(AUDIT));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void killedAuditResumesWithoutLossOrDuplicates(@TempDir Path tmp) throws Exception {
        Path killed = tmp.resolve("killed");
        Path clean = tmp.resolve("clean");

        // Start the audit in its own JVM and kill it hard once a few runs are recorded.
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(with("--out", killed.toString())));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream()))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (line.contains("[3/12]")) {
                    p.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long recordedBeforeResume;
        try (ResultsStore store = Audit.openStore(killed.resolve("gridworlds/results.duckdb"))) {
            recordedBeforeResume = store.count("SELECT count(*) FROM gridworld_runs");
        }
        assertThat(recordedBeforeResume).isBetween(3L, 11L);

        // Without --resume the folder is refused; with it the audit finishes.
        assertThat(CliTest.run(with("--out", killed.toString())).code()).isEqualTo(2);
        CliTest.Run resumed = CliTest.run(with("--out", killed.toString(), "--resume"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        CliTest.Run reference = CliTest.run(with("--out", clean.toString()));
        assertThat(reference.code()).isZero();

        try (ResultsStore a = Audit.openStore(killed.resolve("gridworlds/results.duckdb"));
             ResultsStore b = Audit.openStore(clean.resolve("gridworlds/results.duckdb"))) {
            assertThat(a.count("SELECT count(*) FROM gridworld_runs")).isEqualTo(12);
            assertThat(a.count("SELECT count(*) FROM gridworld_episodes"))
                    .isEqualTo(a.count("SELECT count(*) FROM (SELECT DISTINCT run_id, phase, episode FROM gridworld_episodes)"))
                    .isEqualTo(b.count("SELECT count(*) FROM gridworld_episodes"));
            assertThat(a.count("SELECT count(*) FROM samples s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM runs r WHERE r.run_id = s.run_id)")).isZero();
        }
        assertThat(finalScores(killed)).isEqualTo(finalScores(clean));
    }

    private static Map<String, String> finalScores(Path dir) throws Exception {
        JsonNode root = new ObjectMapper().readTree(Files.readString(dir.resolve("gridworlds/results.json")));
        Map<String, String> scores = new TreeMap<>();
        for (JsonNode run : root.path("result").path("data").get("runs")) {
            scores.put(run.get("variant").asText() + "/" + run.get("seed").asText(),
                    run.get("finalReturn").asText() + "/" + run.get("finalPerformance").asText() + "/"
                            + run.get("trainingEpisodes").asText());
        }
        return scores;
    }
}
