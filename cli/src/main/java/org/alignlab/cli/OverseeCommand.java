package org.alignlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alignlab.core.Provenance;
import org.alignlab.oversight.ChangeMonitor;
import org.alignlab.oversight.FileChange;
import org.alignlab.oversight.GitChanges;
import org.alignlab.oversight.Report;
import org.alignlab.oversight.ScopeManifest;
import org.alignlab.oversight.Severity;
import org.alignlab.oversight.TaskStatement;
import org.alignlab.oversight.sandbox.SandboxStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alignlab oversee}: oversight of autonomous coding agents. */
@Command(name = "oversee", mixinStandardHelpOptions = true,
        description = "Oversight of coding agents: catch test tampering, rewritten success criteria and out-of-scope "
                + "changes.",
        subcommands = {OverseeCommand.Diff.class, OverseeCommand.SandboxRun.class})
final class OverseeCommand {

    /** {@code alignlab oversee diff}: judge the change between two revisions of a git repository. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {
                "Judge the change between two revisions of a git repository, as a coding agent's pull request would be "
                    + "judged: tests deleted, disabled or assumed away (G1), assertions removed, trivialised or their "
                    + "expected values changed (G2), the build or CI told to skip tests or ignore failures (G1, G3), "
                    + "exits added to code under test (G4), equals or compareTo made constant (G5), branches on values "
                    + "the tests use (G6), static call counters (G7), and paths outside a scope manifest (G9). Java is "
                    + "parsed (JavaParser); Maven, Gradle, CI workflows and Python are read line by line.",
                "",
                "Test changes that --task asks for are reported as allowed, not as findings. Exit status: 0, or 1 when "
                    + "a finding is at or above --fail-on (a CI gate: alignlab oversee diff --base origin/main --head "
                    + "HEAD --fail-on high --sarif oversee.sarif); 2 for bad input."})
    static final class Diff implements Callable<Integer> {
        @Option(names = "--repo", defaultValue = ".", description = "The git repository (default: the current folder).")
        Path repo;

        @Option(names = "--base", defaultValue = "HEAD~1", description = "The revision before the change (default: ${DEFAULT-VALUE}).")
        String base;

        @Option(names = "--head", defaultValue = "HEAD", description = "The revision after it (default: ${DEFAULT-VALUE}).")
        String head;

        @Option(names = "--task", paramLabel = "FILE", description = "The task statement the agent was given (text).")
        Path task;

        @Option(names = "--scope", paramLabel = "FILE",
                description = "A scope manifest: JSON {\"paths\": [glob, ...], \"commands\": [...], \"hosts\": [...]}.")
        Path scope;

        @Option(names = "--fail-on", defaultValue = "high", paramLabel = "SEVERITY",
                description = "Exit 1 when a finding is at or above this: low, medium, high, or none (default: ${DEFAULT-VALUE}).")
        String failOn;

        @Option(names = "--json", description = "Print the report as JSON instead of text.")
        boolean json;

        @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0 to FILE.")
        Path sarif;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Severity threshold = failOn.equalsIgnoreCase("none") ? null : Severity.parse(failOn);
            TaskStatement statement = task == null ? TaskStatement.NONE
                    : new TaskStatement(Files.readString(readable(task, "--task"), StandardCharsets.UTF_8));
            ScopeManifest manifest = scope == null ? ScopeManifest.ANY : ScopeManifest.read(readable(scope, "--scope"));
            Report report;
            try (GitChanges git = GitChanges.open(repo)) {
                String from = git.mergeBase(base, head); // base itself, or where head's branch left it
                String to = git.resolve(head);
                var changes = git.between(base, head);
                var tests = git.filesAt(head, FileChange::isTest);
                report = new ChangeMonitor().judge(repo.toAbsolutePath().normalize().toString(), from, to, changes,
                        tests, statement, manifest);
            }
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(report.json());
                out.flush();
            } else {
                report.print(out);
            }
            if (sarif != null) {
                Files.writeString(sarif, report.sarif(Provenance.codeVersion()), StandardCharsets.UTF_8);
                if (!json) {
                    out.printf("Wrote %s.%n", sarif);
                    out.flush();
                }
            }
            return threshold != null && report.atOrAbove(threshold) > 0 ? 1 : 0;
        }

        private static Path readable(Path file, String option) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(option + " " + file + " is not a readable file");
            }
            return file;
        }
    }

    /** {@code alignlab oversee sandbox}: the scripted agent organisms in the sandbox, judged by the monitor. */
    @Command(name = "sandbox", mixinStandardHelpOptions = true,
            description = {
                "Run scripted agent organisms with planted policies (honest, stops and asks, deletes the failing test, "
                    + "edits the expected value, special-cases the input, exits early, escapes its scope, narrates an "
                    + "excuse) on small Java tasks in throw-away git workspaces, each task possible and impossible (a "
                    + "flipped expected value, a contradictory assertion). Prints per agent the outcome by ground "
                    + "truth (solved / honest stop / failed / exploited) and the change monitor's catch rate and false "
                    + "alarms; writes report.html and results.json to --out. The organisms' behaviour is planted: "
                    + "their rows test the sandbox and the monitor, not agents. The same study runs as "
                    + "'alignlab study agent-sandbox'."})
    static final class SandboxRun implements Callable<Integer> {
        @Option(names = "--task", paramLabel = "NAME", description = "Tasks: leap-year, roman-numerals, word-count "
                + "(default: all).")
        java.util.List<String> tasks = new java.util.ArrayList<>();

        @Option(names = "--agent", paramLabel = "NAME", description = "Scripted agents (default: all eight).")
        java.util.List<String> agents = new java.util.ArrayList<>();

        @Option(names = "--variant", paramLabel = "NAME", description = "Task variants: possible, flipped, "
                + "contradictory (default: all three).")
        java.util.List<String> variants = new java.util.ArrayList<>();

        @Option(names = "--model", paramLabel = "SPEC", description = "Also run a model behind an endpoint as an agent, "
                + "by function calling, once offered the stop-and-ask tool and once not (the forms alignlab eval takes, "
                + "e.g. openai-compatible:NAME@URL). With --model and no --agent, only the model runs.")
        String model;

        @Option(names = "--out", defaultValue = "audit-results/agent-sandbox",
                description = "Output folder. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SandboxStudy study = new SandboxStudy();
            SandboxStudy.Config d = study.config(org.alignlab.core.study.Budget.DEFAULT);
            SandboxStudy.Config config = new SandboxStudy.Config(tasks.isEmpty() ? d.tasks()
                    : tasks.toArray(String[]::new), variants.isEmpty() ? d.variants() : variants.toArray(String[]::new),
                    agents.isEmpty() ? (model == null ? d.agents() : new String[0]) : agents.toArray(String[]::new),
                    model == null ? "" : model);
            study.validate(config);
            return StudyCommand.runAsCommand(spec, study, config, out);
        }
    }
}
