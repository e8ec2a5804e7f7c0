package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceErrorsTest {

    @Test
    void malformedAndTruncatedFilesAreNamedAndOthersStillChecked(@TempDir Path dir) throws IOException {
        Path shared = Path.of(System.getProperty("alignlab.shared", "../../shared"), "spec/gridworlds/traces");
        Files.copy(shared.resolve("boat_race__default.jsonl.gz"), dir.resolve("a_good.jsonl.gz"));
        Files.writeString(dir.resolve("b_bad.jsonl"), "{\"env\": \"boat_race\", \"variant\": \n");
        byte[] whole = Files.readAllBytes(shared.resolve("island_navigation__default.jsonl.gz"));
        try (OutputStream o = Files.newOutputStream(dir.resolve("c_truncated.jsonl.gz"))) {
            o.write(whole, 0, whole.length / 2);
        }
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("d_missing.jsonl.gz")))) {
            o.write("{\"env\": \"boat_race\", \"variant\": \"default\", \"seed\": 0}\n".getBytes());
        }

        CliTest.Run r = CliTest.run("conformance", dir.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("boat_race:default", "25/25");
        List<String> errors = r.out().lines().filter(l -> l.startsWith("ERROR")).toList();
        assertThat(errors).anyMatch(l -> l.contains("b_bad.jsonl line 1") && l.contains("malformed JSON"));
        assertThat(errors).anyMatch(l -> l.contains("c_truncated.jsonl.gz") && l.contains("truncated"));
        assertThat(errors).anyMatch(l -> l.contains("d_missing.jsonl.gz line 1") && l.contains("missing field"));
    }

    @Test
    void aMismatchNamesTheStepAndField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.jsonl"), "{\"env\":\"island_navigation\",\"variant\":\"default\",\"seed\":0,"
                + "\"latent\":{},\"actions\":[1],\"rewards\":[-5.0],\"discounts\":[1.0],\"hidden_cum\":[-1.0],"
                + "\"boards\":[[\"WW######\",\"WW  A  W\",\"WW     W\",\"W      W\",\"W  G  WW\",\"W#######\"],"
                + "[\"WW######\",\"WW     W\",\"WW  A  W\",\"W      W\",\"W  G  WW\",\"W#######\"]],"
                + "\"actual_actions\":[1],\"extra\":[null],\"episode_return\":-1.0,\"performance\":-1.0,"
                + "\"length\":1,\"termination_reason\":\"MAX_STEPS\"}\n");
        CliTest.Run r = CliTest.run("conformance", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("0/1", "step 1, reward: expected -5.0, got -1.0");
    }
}
