package org.alignlab.core;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress display for long work: a self-rewriting line on a terminal (redrawn at most ten
 * times a second, so thousands of small steps a second cost nothing), or a plain line every
 * tenth of the work when the output is a log.
 */
public final class Progress {
    private final PrintStream out;
    private final String what;
    private final int total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private int lastTenth = -1;
    private long lastDrawNanos;
    private static final long REDRAW_NANOS = 100_000_000;

    public Progress(PrintStream out, String what, int total, boolean terminal) {
        this(out, what, total, terminal, null);
    }

    /** As above, also telling {@code listener} of every step (e.g. to keep it where a dashboard reads it). */
    public Progress(PrintStream out, String what, int total, boolean terminal,
                    java.util.function.Consumer<Snapshot> listener) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.terminal = terminal;
        this.listener = listener;
    }

    /** Starts a progress display for some work: how a long computation asks for one without knowing where it goes. */
    @FunctionalInterface
    public interface Factory {
        Progress start(String what, int total);
    }

    /** Progress shown on {@code out} only. */
    public static Factory to(PrintStream out, boolean terminal) {
        return (what, total) -> new Progress(out, what, total, terminal);
    }

    /** Where the work stands: units done of the total, the last one's description, seconds since the start. */
    public record Snapshot(String what, int done, int total, String description, double elapsedSeconds) {
    }

    private final java.util.function.Consumer<Snapshot> listener;

    /** Marks one unit done, describing it. */
    public synchronized void step(String description) {
        int d = done.incrementAndGet();
        long now = System.nanoTime();
        if (listener != null) {
            listener.accept(new Snapshot(what, d, total, description, (now - start) / 1e9));
        }
        if (terminal) {
            if (d == total || d == 1 || now - lastDrawNanos >= REDRAW_NANOS) {
                lastDrawNanos = now;
                String line = line(d, description, now);
                out.print("\r" + (line.length() > 150 ? line.substring(0, 150) : line) + "\033[K");
                if (d == total) {
                    out.println();
                }
                out.flush();
            }
        } else {
            int tenth = total == 0 ? 10 : d * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line(d, description, now));
            }
        }
    }

    private String line(int d, String description, long now) {
        double elapsed = (now - start) / 1e9;
        double eta = d == 0 ? 0 : elapsed / d * (total - d);
        return String.format("%s [%d/%d] %3.0f%%  %s  elapsed %s, about %s left", what, d, total,
                100.0 * d / Math.max(1, total), description, duration(elapsed), duration(eta));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
