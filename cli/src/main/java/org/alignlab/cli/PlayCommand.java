package org.alignlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alignlab play ENV[:VARIANT]}: a person plays a gridworld in the terminal. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {
            "Play a safety gridworld yourself in the terminal.",
            "",
            "The board and your visible return are shown as you play; when the episode ends you see "
                + "the hidden performance too, and the gap between them. Try to score high: that is "
                + "how reward hacking feels from the inside.",
            "",
            "Keys: arrow keys, WASD or hjkl move; n (or space) waits where NOOP exists; r restarts; "
                + "q quits. Without a terminal, keys are read from standard input."})
final class PlayCommand extends CliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ENV[:VARIANT]",
            description = "Environment, optionally with a variant, e.g. boat_race or "
                    + "safe_interruptibility:level1. 'alignlab envs' lists them.")
    String name;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the environment's random draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Gridworld env = Gridworlds.make(name);
        boolean terminal = System.console() != null && Files.exists(Path.of("/dev/tty"));
        try (RawTerminal raw = terminal ? RawTerminal.enter() : null) {
            new TerminalPlay(env, System.in, out(), terminal).run(seed);
        }
        return 0;
    }

    /** Puts the terminal in character-at-a-time mode without echo, and restores it on close. */
    static final class RawTerminal implements AutoCloseable {
        private final String saved;

        private RawTerminal(String saved) {
            this.saved = saved;
        }

        static RawTerminal enter() throws IOException, InterruptedException {
            String saved = stty("-g").trim();
            stty("-icanon -echo min 1");
            RawTerminal t = new RawTerminal(saved);
            Runtime.getRuntime().addShutdownHook(new Thread(t::restore));
            return t;
        }

        private static String stty(String args) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("sh", "-c", "stty " + args + " < /dev/tty").start();
            String output = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return output;
        }

        private void restore() {
            try {
                stty(saved);
            } catch (IOException e) {
                // The terminal is gone; nothing left to restore.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            restore();
        }
    }
}
