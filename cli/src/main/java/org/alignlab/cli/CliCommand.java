package org.alignlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every alignlab command shares: its picocli model, its standard output, and the check that
 * refuses bad input before any work starts.
 */
abstract class CliCommand {
    /** The command as picocli built it; picocli injects it (into this superclass field too) before the command runs. */
    @Spec
    CommandSpec spec;

    /** The command's standard output: the writer {@link Main#execute} was given. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * Refuses bad input: throws {@link IllegalArgumentException} with {@code message} unless {@code ok}. {@link Main}
     * prints the message as one line on standard error and exits with code 2.
     */
    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
