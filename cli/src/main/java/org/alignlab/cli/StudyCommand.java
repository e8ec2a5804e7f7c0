package org.alignlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Settings;
import org.alignlab.core.study.Studies;
import org.alignlab.core.study.Study;
import org.alignlab.report.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;

/** {@code alignlab study}: list the studies, or run any of them by name at a budget. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Every experiment of alignlab is a study: 'alignlab study list' names them, 'alignlab study NAME' "
            + "runs one and writes report.html, results.json and results.duckdb to --out/NAME. A killed run resumes from "
            + "its last finished step when run again with the same settings.", "",
            "Budgets: smoke (seconds, for tests; its numbers mean nothing), audit (what the default 'alignlab audit' runs), "
                + "default (the study's own), paper (the publication's protocol, hours)."})
final class StudyCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "A study's name, or 'list'.")
    String name;

    @Option(names = "--budget", defaultValue = "default", paramLabel = "BUDGET",
            description = "smoke, audit, default or paper. Default: ${DEFAULT-VALUE}.")
    String budget;

    @Option(names = "--set", paramLabel = "SETTING=VALUE",
            description = "Change one setting of the budget (repeatable; lists are comma-separated), e.g. --set seed=2.")
    List<String> changes = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the study's settings at this budget and stop.")
    boolean dryRun;

    @Option(names = "--out", defaultValue = "audit-results/studies", paramLabel = "DIR",
            description = "Output folder; the study writes to DIR/NAME. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (name.equals("list")) {
            for (Study<?> s : Studies.all()) {
                stdout.printf("%-24s %s%n%-24s %s%n", s.name(), s.title(), "", s.description());
            }
            stdout.println();
            stdout.println("Run one with 'alignlab study NAME [--budget B] [--set SETTING=VALUE]...'; "
                    + "'--dry-run' prints its settings.");
            stdout.flush();
            return 0;
        }
        return run(Studies.named(name), Budget.parse(budget), Settings.pairs(changes), stdout);
    }

    private <C extends Record> int run(Study<C> study, Budget b, Map<String, String> changed, PrintWriter stdout)
            throws Exception {
        C config = Settings.with(study.config(b), changed);
        study.validate(config);
        // Threads and resuming change no result, so a run that sets them is still kept under its budget's name.
        String label = label(study, config, b, "threads", "resume");
        if (dryRun) {
            stdout.printf("%s at budget %s:%n", study.name(), label);
            Settings.of(config).forEach((k, v) -> stdout.printf("  %-20s %s%n", k, v));
            stdout.flush();
            return 0;
        }
        StudyRunner.run(study, config, label, out.resolve(study.name()), System.err, System.console() != null, stdout);
        return 0;
    }

    /**
     * Runs {@code study} for a command of its own (such as {@code alignlab rlhf pluralism}): the budget is
     * named "default" when the options left every setting at the default budget's, else which settings changed.
     */
    static <C extends Record> int runAsCommand(CommandSpec spec, Study<C> study, C config, Path dir) throws Exception {
        return runAsCommand(spec, study, config, dir, Budget.DEFAULT);
    }

    /** The same, for a command whose options start from {@code base} rather than the default budget. */
    static <C extends Record> int runAsCommand(CommandSpec spec, Study<C> study, C config, Path dir, Budget base)
            throws Exception {
        StudyRunner.run(study, config, label(study, config, base), dir, System.err, System.console() != null,
                spec.commandLine().getOut());
        return 0;
    }

    /**
     * The budget a run is kept under: the budget's name when {@code config} holds its settings, else
     * which settings differ ("default, changed: seeds, steps"), leaving out {@code ignored} ones
     * (those that cannot change a result, such as threads).
     */
    static <C extends Record> String label(Study<C> study, C config, Budget base, String... ignored) {
        Map<String, String> defaults = Settings.of(study.config(base));
        List<String> changed = new ArrayList<>();
        Settings.of(config).forEach((k, v) -> {
            if (!v.equals(defaults.get(k)) && !List.of(ignored).contains(k)) {
                changed.add(k);
            }
        });
        return changed.isEmpty() ? base.label() : base.label() + ", changed: " + String.join(", ", changed);
    }
}
