package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeCommandTest {
    static final Path DATA = Path.of(System.getProperty("alignlab.shared", "../../shared"))
            .resolve("data/harmbench-classifier-val/text_behaviors_val_set.json");

    @Test
    void validatePrintsTheHumanAgreementTableWithThePublishedJudgesAndStoresTheResult(@TempDir Path dir)
            throws Exception {
        CliTest.Run r = CliTest.run("judge", "validate", "--judge", "keyword", "--data", DATA.toString(), "--store",
                dir.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode table = new ObjectMapper().readTree(r.out());
        assertThat(table.get("items").asInt()).isEqualTo(602);
        assertThat(table.get("harmful_by_majority").asInt()).isEqualTo(273);
        JsonNode keyword = table.get("judges").get(0);
        assertThat(keyword.get("judge").asText()).isEqualTo("keyword");
        assertThat(keyword.get("source").asText()).isEqualTo("alignlab");
        assertThat(keyword.get("agreement").get("successes").asInt()).isEqualTo(412);
        assertThat(keyword.get("kappa").get("low").asDouble()).isLessThan(keyword.get("kappa").get("estimate").asDouble());
        boolean hasCls = false;
        for (JsonNode j : table.get("judges")) {
            hasCls |= j.get("judge").asText().equals("cls") && j.get("source").asText().equals("published");
        }
        assertThat(hasCls).isTrue();
        assertThat(Files.exists(dir.resolve("keyword.json"))).isTrue();
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "prompt,reply,label\n");
        CliTest.Run r = CliTest.run("judge", "validate", "--data", csv.toString(), "--store", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not JSON").doesNotContain("Exception");
        CliTest.Run missing = CliTest.run("judge", "validate", "--data", dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no labelled set at");
        // A judge model nobody serves: the preflight call fails and nothing is stored.
        CliTest.Run unreachable = CliTest.run("judge", "validate", "--judge", "openai-compatible:j@http://127.0.0.1:9/v1",
                "--data", DATA.toString(), "--store", dir.toString(), "--cache", dir.resolve("c.jsonl").toString());
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err()).contains("cannot be used");
        assertThat(Files.exists(dir.resolve("openai-compatible_j_http___127.0.0.1_9_v1.json"))).isFalse();
        // A set whose people's majority is one class only: no sensitivity or specificity can be measured on it.
        Path oneClass = dir.resolve("one-class.json");
        Files.writeString(oneClass, "{\"b\": [{\"test_case\": \"t\", \"generation\": \"g\", \"human_0\": 1, "
                + "\"human_1\": 1, \"human_2\": 0}, {\"test_case\": \"u\", \"generation\": \"h\", \"human_0\": 1, "
                + "\"human_1\": 1, \"human_2\": 1}]}");
        CliTest.Run single = CliTest.run("judge", "validate", "--judge", "keyword", "--data", oneClass.toString(),
                "--store", dir.toString());
        assertThat(single.code()).isEqualTo(2);
        assertThat(single.err()).contains("both kinds").doesNotContain("Exception");
        assertThat(single.err().strip().lines()).hasSize(1);
    }
}
