package org.alignlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code alignlab} command: the entry point of every capability. */
@Command(name = "alignlab",
        mixinStandardHelpOptions = true,
        version = "alignlab 0.1.0",
        description = {
            "A laboratory and auditor for AI alignment: it makes the gap between what a system is "
                + "scored on and what was wanted visible, measured and reproducible.",
            ""},
        subcommands = {
            AuditCommand.class,
            StudyCommand.class,
            ViewCommand.class,
            EvalCommand.class,
            CompareCommand.class,
            ReplayCommand.class,
            JudgeCommand.class,
            OrganismCommand.class,
            InterpCommand.class,
            RlhfCommand.class,
            LabelCommand.class,
            OverseeCommand.class,
            EnvsCommand.class,
            PlayCommand.class,
            ConformanceCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Run 'alignlab COMMAND --help' for the options of a command."})
public final class Main extends CommandGroup {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    /** Exit codes: 0 success, 1 a check failed, 2 bad usage or input, 3 an unexpected error. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof IllegalArgumentException ? 2 : 3);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean badInput = e instanceof IllegalArgumentException;
            commandLine.getErr().println("alignlab: " + (badInput || e.getMessage() != null
                    ? e.getMessage() : e.toString()));
            if (main.verbose) {
                e.printStackTrace(commandLine.getErr());
            } else if (!badInput) {
                commandLine.getErr().println("(run with --verbose for the stack trace)");
            }
            commandLine.getErr().flush();
            return badInput ? 2 : 3;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
