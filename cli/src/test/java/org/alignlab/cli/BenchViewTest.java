package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The page-time benchmark runs end to end on small generated evaluations (its figures are for BENCHMARKS.md, not here). */
class BenchViewTest {

    @Test
    void everyPageIsTimedAndTheTargetReported() throws Exception {
        CliTest.Run r = CliTest.run("bench", "view", "--samples", "300", "--requests", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.has("transcripts, first page of 300")).isTrue();
        assertThat(json.has("compare two of 300")).isTrue();
        assertThat(json.path("label a pair").path("max_ms").asDouble()).isPositive();
        assertThat(json.path("target_ms").asDouble()).isEqualTo(200.0);
        assertThat(json.has("met")).isTrue();
    }
}
