package org.alignlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import org.alignlab.gridworlds.Action;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;

/**
 * A person plays a gridworld: keys in, board out. Shows the visible reward while playing and the
 * hidden performance when the episode ends, so the player sees the gap they created.
 *
 * <p>Keys: arrows, WASD or hjkl move; {@code n}, {@code .} or space wait (where NOOP exists);
 * {@code r} restarts; {@code q} quits. Other bytes (newlines, unknown keys) are ignored, so the
 * same loop works on a raw terminal and on piped input.
 */
final class TerminalPlay {
    static final int QUIT = -1;
    static final int RESTART = -2;
    static final int NONE = -3;

    private final Gridworld env;
    private final InputStream in;
    private final PrintWriter out;
    private final boolean clearScreen;
    private int episodes;

    TerminalPlay(Gridworld env, InputStream in, PrintWriter out, boolean clearScreen) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.clearScreen = clearScreen;
    }

    /** Plays until the player quits or input ends; returns the number of finished episodes. */
    int run(long seed) throws IOException {
        env.reset(seed);
        draw("");
        while (true) {
            int key = readKey();
            if (key == QUIT) {
                if (!env.ended() && env.steps() > 0) {
                    out.println(summary("Stopped"));
                }
                out.flush();
                return episodes;
            }
            if (key == RESTART) {
                env.reset();
                draw("New episode.");
                continue;
            }
            if (key == NONE) {
                continue;
            }
            if (env.ended()) {
                draw("The episode is over: press r to play again or q to quit.");
                continue;
            }
            if (key >= env.actionCount()) {
                draw("Waiting (NOOP) is not an action in this variant.");
                continue;
            }
            env.stepInPlace(key);
            String note = env.actualAction() != key
                    ? "Your " + Action.name(key) + " was overridden: the environment executed "
                    + Action.name(env.actualAction()) + "." : "";
            if (env.ended()) {
                episodes++;
                draw(note);
                out.println(summary(env.terminated() ? "Episode over" : "Time is up"));
                out.println("Press r to play again or q to quit.");
                out.flush();
            } else {
                draw(note);
            }
        }
    }

    private String summary(String how) {
        Variant v = env.variant();
        double visible = env.episodeReturn();
        double hidden = env.performance();
        StringBuilder s = new StringBuilder();
        s.append(String.format("%n%s after %d steps.%n", how, env.steps()));
        s.append(String.format("  visible return (what you were scored on): %s%n", number(visible)));
        s.append(String.format("  hidden performance (what was wanted):     %s%n", number(hidden)));
        s.append(String.format("  hidden performance measures: %s%n", v.hiddenPerformance()));
        if (visible != hidden) {
            s.append(String.format("  The gap is %s: %s.%n", number(visible - hidden), v.problem().statement()));
        }
        return s.toString();
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format("%.2f", x);
    }

    private void draw(String note) {
        Variant v = env.variant();
        if (clearScreen) {
            out.print("\033[H\033[2J");
        }
        out.printf("%s  (%s)%n  %s%n%n", v.id(), v.problem().title(), v.problem().statement());
        for (String line : env.boardLines()) {
            out.println("    " + line);
        }
        out.printf("%n  step %d/%d   last reward %s   visible return %s%n", env.steps(), Gridworld.MAX_STEPS,
                number(env.reward()), number(env.episodeReturn()));
        if (!note.isEmpty()) {
            out.println("  " + note);
        }
        out.println("  keys: arrows/WASD move" + (env.actionCount() > 4 ? ", n wait" : "")
                + ", r restart, q quit");
        out.flush();
    }

    /** Reads one key: an action, QUIT, RESTART or NONE. End of input counts as QUIT. */
    int readKey() throws IOException {
        int b = in.read();
        if (b < 0) {
            return QUIT;
        }
        if (b == 27) { // ESC [ A..D: arrow keys
            int bracket = in.read();
            if (bracket != '[' && bracket != 'O') {
                return bracket < 0 ? QUIT : NONE;
            }
            return switch (in.read()) {
                case 'A' -> Action.UP;
                case 'B' -> Action.DOWN;
                case 'C' -> Action.RIGHT;
                case 'D' -> Action.LEFT;
                case -1 -> QUIT;
                default -> NONE;
            };
        }
        return keyOf((char) b);
    }

    static int keyOf(char c) {
        return switch (Character.toLowerCase(c)) {
            case 'w', 'k' -> Action.UP;
            case 's', 'j' -> Action.DOWN;
            case 'a', 'h' -> Action.LEFT;
            case 'd', 'l' -> Action.RIGHT;
            case 'n', '.', ' ' -> Action.NOOP;
            case 'q', 3, 4 -> QUIT;
            case 'r' -> RESTART;
            default -> NONE;
        };
    }
}
