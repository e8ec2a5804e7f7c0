package org.alignlab.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.rlhf.LabellingSession;
import org.alignlab.rlhf.Rater;
import org.alignlab.rlhf.Segment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignlab label}: a person compares segments in the terminal; every answer is stored as it is given. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Be the human rater: two segments of play are shown side by side, step by step (the board each "
            + "step, with the visible reward paid); answer 1 (left is better), 2 (right is better), t (tie), s (skip) "
            + "or q (quit). Every answer is committed to --store at once: quit or interrupt at any point and run the "
            + "same command again to continue where you stopped.", "",
            "What 'better' means is yours to judge: the hidden performance is not shown, and at the end you see how "
                + "often you agreed with it."})
final class LabelCommand extends CliCommand implements Callable<Integer> {
    @Option(names = "--env", defaultValue = "boat_race:default", paramLabel = "ENV[:VARIANT]",
            description = "The environment. Default: ${DEFAULT-VALUE}.")
    String env;

    @Option(names = "--pairs", defaultValue = "20", description = "Pairs in the session. Default: ${DEFAULT-VALUE}.")
    int pairs;

    @Option(names = "--length", defaultValue = "8", description = "Steps per segment. Default: ${DEFAULT-VALUE}.")
    int length;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the segments and pairs. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--session", defaultValue = "human", description = "Session name (resumes if it exists). Default: ${DEFAULT-VALUE}.")
    String session;

    @Option(names = "--store", defaultValue = "labels.duckdb", description = "Results store for the labels. Default: ${DEFAULT-VALUE}.")
    Path store;

    @Option(names = "--rater", defaultValue = "human", description = "Who is labelling (recorded with each label). Default: ${DEFAULT-VALUE}.")
    String rater;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (LabellingSession s = LabellingSession.open(store, session, Gridworlds.variant(env), pairs, length, seed,
                rater)) {
            if (s.answeredCount() > 0) {
                out.printf("Resuming session '%s': %d of %d pairs already answered.%n", session, s.answeredCount(), s.size());
            }
            LabellingSession.Pair p;
            while ((p = s.next()) != null) {
                show(out, s, p);
                Rater.Preference answer = null;
                while (answer == null) {
                    out.print("Which is better? 1 left, 2 right, t tie, s skip, q quit: ");
                    out.flush();
                    String line = in.readLine();
                    if (line == null || line.trim().equalsIgnoreCase("q")) {
                        out.printf("%nStopped: %d of %d pairs answered, all stored in %s. Run the same command to go on.%n",
                                s.answeredCount(), s.size(), store);
                        return 0;
                    }
                    answer = switch (line.trim().toLowerCase(java.util.Locale.ROOT)) {
                        case "1" -> Rater.Preference.FIRST;
                        case "2" -> Rater.Preference.SECOND;
                        case "t" -> Rater.Preference.TIE;
                        case "s" -> Rater.Preference.SKIP;
                        default -> null;
                    };
                    if (answer == null) {
                        out.println("Please answer 1, 2, t, s or q.");
                    }
                }
                s.answer(p, answer);
            }
            int[] agreement = s.agreementWithHiddenPerformance();
            out.printf("%nAll %d pairs answered and stored in %s (session '%s').%n", s.size(), store, session);
            out.printf("Your strict answers agreed with the hidden performance on %d of %d pairs where it differed.%n",
                    agreement[0], agreement[1]);
        }
        return 0;
    }

    private static void show(PrintWriter out, LabellingSession s, LabellingSession.Pair p) {
        out.printf("%n=== pair %d of %d ===   left (1)%s   right (2)%n", p.index() + 1, s.size(), " ".repeat(6), "");
        Segment a = p.first();
        Segment b = p.second();
        for (int t = 0; t < a.length(); t++) {
            String[] left = s.board(a, t);
            String[] right = s.board(b, t);
            out.printf("step %d: reward %s | %s%n", t + 1, reward(a, t), reward(b, t));
            for (int r = 0; r < left.length; r++) {
                out.printf("  %s    %s%n", left[r], right[r]);
            }
        }
        out.printf("visible return over the segment: left %.0f, right %.0f%n", a.visibleReturn(), b.visibleReturn());
    }

    private static String reward(Segment s, int t) {
        return s.padding()[t] ? "(ended)" : String.format("%+.0f", s.visibleRewards()[t]);
    }
}
