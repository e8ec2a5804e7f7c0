package org.alignlab.cli;

/** A command that groups subcommands: run without one, it prints its usage to standard output. */
abstract class CommandGroup extends CliCommand implements Runnable {
    @Override
    public void run() {
        spec.commandLine().usage(out());
    }
}
