package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.alignlab.core.ResultsStore;
import org.alignlab.rlhf.RlhfStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person labels in the terminal; quitting or losing the input keeps every answer, and the same command resumes. */
class LabelCommandTest {

    private static CliTest.Run withInput(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliTest.run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void anInterruptedSessionKeepsItsLabelsAndResumes(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("labels.duckdb");
        String[] args = {"label", "--env", "boat_race:default", "--pairs", "5", "--length", "4", "--store", store.toString()};
        // Two answers, a bad one that is asked again, then the input ends (as when a terminal closes).
        CliTest.Run first = withInput("1\nmaybe\n2\n", args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("pair 1 of 5", "Please answer 1, 2, t, s or q.", "Stopped: 2 of 5 pairs answered");
        try (ResultsStore s = RlhfStore.open(store)) {
            assertThat(RlhfStore.labels(s, "human")).extracting(RlhfStore.LabelRow::preference).containsExactly("FIRST", "SECOND");
        }
        CliTest.Run second = withInput("t\ns\n1\n", args);
        assertThat(second.out()).contains("Resuming session 'human': 2 of 5 pairs already answered", "pair 3 of 5",
                "All 5 pairs answered", "agreed with the hidden performance");
        try (ResultsStore s = RlhfStore.open(store)) {
            assertThat(RlhfStore.labels(s, "human")).extracting(RlhfStore.LabelRow::preference)
                    .containsExactly("FIRST", "SECOND", "TIE", "SKIP", "FIRST");
        }
        // The same session with other settings is refused, not mixed.
        CliTest.Run other = withInput("1\n", "label", "--env", "boat_race:default", "--pairs", "5", "--length", "6",
                "--store", store.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("already holds a session 'human' with other settings");
    }
}
