package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"envs", "--help"}, {"play", "--help"},
                {"conformance", "--help"}, {"bench", "envs", "--help"}, {"audit", "--help"}}) {
            Run r = run(cmd);
            assertThat(r.code()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }

    @Test
    void envsListsEveryVariantWithItsProblem() {
        Run r = run("envs");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("boat_race:default", "reward gaming", "rocks_diamonds:level1", "44 variants");
        Run json = run("envs", "--json");
        assertThat(json.out()).contains("\"name\" : \"whisky_gold:human_player\"");
    }

    @Test
    void unknownEnvironmentIsABadInputExit() {
        Run r = run("play", "boat-race");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown environment 'boat-race'", "boat_race");
        assertThat(run("audit", "--agent", "dqn-9000").err()).contains("unknown agent", "q_learning");
    }

    @Test
    void conformanceReplaysTheReferenceTracesAndFailsOnAMissingFolder() {
        Path traces = Path.of(System.getProperty("alignlab.shared", "../../shared"), "spec/gridworlds/traces");
        Run r = run("conformance", traces.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("boat_race:default", "25/25", "of 950 episodes matched exactly");
        assertThat(run("conformance", "/no/such/folder").code()).isEqualTo(2);
    }

    @Test
    void benchEnvsPrintsJsonPerVariant() {
        Run r = run("bench", "envs", "--env", "boat_race", "--seconds", "0.05", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"boat_race:default\"", "\"single\"", "\"batched\"");
    }
}
