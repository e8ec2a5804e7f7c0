package org.alignlab.gridworlds.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.alignlab.gridworlds.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceTraceTest {

    static Stream<Path> traceFiles() throws IOException {
        try (Stream<Path> s = Files.list(SharedData.traces())) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
            assertThat(files).hasSizeGreaterThanOrEqualTo(36);
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traceFiles")
    void everyEpisodeReplaysExactly(Path file) {
        Conformance.Report report = Conformance.checkFiles(List.of(file));

        assertThat(report.errors()).isEmpty();
        assertThat(report.variants()).hasSize(1);
        Conformance.VariantResult result = report.variants().get(0);
        assertThat(result.total()).isGreaterThanOrEqualTo(25);
        assertThat(result.firstMismatch()).as("first mismatch").isNull();
        assertThat(result.matched()).isEqualTo(result.total());
    }
}
