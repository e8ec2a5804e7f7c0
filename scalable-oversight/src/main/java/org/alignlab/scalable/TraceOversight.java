package org.alignlab.scalable;

import java.util.function.IntUnaryOperator;

/**
 * Three ways a weak judge can oversee an answer to a {@link ProgramTrace} question, and what an
 * adversary gets past each:
 * <ul>
 * <li><b>direct</b>: the judge reads the whole question and the claimed answer;</li>
 * <li><b>decomposition</b> (amplification, recursive reward modelling): the answer shows its work,
 * the register's value after every instruction, and the judge checks each step as a one-instruction
 * question; the answer stands when every step does. A tree of sub-questions whose leaves are
 * single instructions asks the same questions, since an inner node's check (the halves meet at the
 * value both claim) is exact;</li>
 * <li><b>debate</b>: two debaters claim different answers and bisect: each states the register's
 * value halfway through the part still disputed, the dispute moves to the half where they first
 * differ, and at one instruction the judge says which of the two claimed results it finds the more
 * likely (Irving et al. 2018's argument that debate reduces a long computation to one step the
 * judge can check).</li>
 * </ul>
 * The liars search: each knows the judge and picks the lie it lets through, if there is one.
 */
public final class TraceOversight {
    private TraceOversight() {
    }

    /** A judge of one-instruction questions: its probability that {@code instruction} takes a value to another. */
    @FunctionalInterface
    public interface StepJudge {
        double step(int value, int instruction, int claimed);
    }

    /** A judge accepts a claim it finds more likely right than wrong. */
    static boolean accepts(double probability) {
        return probability > 0.5;
    }

    /**
     * Decomposition: whether the judge accepts every step of the work shown ({@code written[0]} the
     * start, {@code written[i + 1]} the value after instruction i).
     */
    public static boolean decompositionAccepts(StepJudge judge, ProgramTrace.Problem p, int[] written) {
        if (written.length != p.size() + 1 || written[0] != p.start()) {
            throw new IllegalArgumentException("work shown must start at the problem's start and give a value after "
                    + "each of its " + p.size() + " instructions");
        }
        for (int i = 0; i < p.size(); i++) {
            if (!accepts(judge.step(written[i], p.program()[i], written[i + 1]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The work of a solver who slips once: the true values up to
     * instruction {@code at}, {@code value} (a wrong one) after it, and correct work from there on,
     * so that every later step checks out and the answer is wrong.
     */
    static int[] slipAt(ProgramTrace.Problem p, int at, int value) {
        int[] v = p.values();
        v[at + 1] = value;
        for (int i = at + 1; i < p.size(); i++) {
            v[i + 1] = ProgramTrace.apply(v[i], p.program()[i]);
        }
        return v;
    }

    /**
     * Whether a liar gets a wrong answer past decomposition: whether any work the judge accepts in
     * full ends at a wrong value. The values such work can reach after each instruction are followed
     * exactly (those the judge accepts from some value reachable before it), so every lie is
     * tried, with any number of slips: a single slip is not always the liar's best, as a judge that
     * rejects a correct step from a wrong value may accept a second slip there.
     */
    public static boolean decompositionFooled(StepJudge judge, ProgramTrace.Problem p) {
        boolean[] reachable = new boolean[ProgramTrace.VALUES];
        reachable[p.start()] = true;
        for (int instruction : p.program()) {
            boolean[] next = new boolean[ProgramTrace.VALUES];
            for (int from = 0; from < ProgramTrace.VALUES; from++) {
                for (int to = 0; reachable[from] && to < ProgramTrace.VALUES; to++) {
                    next[to] |= accepts(judge.step(from, instruction, to));
                }
            }
            reachable = next;
        }
        int answer = p.answer();
        for (int v = 0; v < ProgramTrace.VALUES; v++) {
            if (v != answer && reachable[v]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Plays a debate by bisection between an honest debater (who states the true values) and a
     * liar whose claimed value at each point is {@code liar} (its claim for the last point is its
     * answer, which must be wrong). Returns whether the judge sided with the honest debater.
     */
    public static boolean debate(StepJudge judge, ProgramTrace.Problem p, IntUnaryOperator liar) {
        int[] truth = p.values();
        int lo = 0;
        int hi = p.size();
        if (liar.applyAsInt(hi) == truth[hi]) {
            throw new IllegalArgumentException("the liar's answer must differ from the truth");
        }
        // Both agree at lo (the start, or a point where the liar told the truth) and differ at hi.
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (liar.applyAsInt(mid) == truth[mid]) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        int instruction = p.program()[lo];
        return judge.step(truth[lo], instruction, truth[hi]) >= judge.step(truth[lo], instruction, liar.applyAsInt(hi));
    }

    /**
     * The liar who tells the truth up to the value after instruction {@code at}, claims
     * {@code value} there, and a wrong value at every later point ({@code answer} at the end, or any
     * wrong value when {@code answer} is negative): bisection then stops at instruction {@code at}.
     */
    static IntUnaryOperator liarDivergingAt(ProgramTrace.Problem p, int at, int value, int answer) {
        int[] truth = p.values();
        return point -> point <= at ? truth[point] : point == at + 1 ? value
                : point == p.size() && answer >= 0 ? answer : (truth[point] + 1) % ProgramTrace.VALUES;
    }

    /**
     * Whether a liar wins a debate against the honest debater, searching every point to diverge at
     * and every wrong value there; {@code answer} is the wrong answer the liar must defend, or
     * negative when it may choose any. A tie goes to the honest debater.
     */
    public static boolean liarWins(StepJudge judge, ProgramTrace.Problem p, int answer) {
        int[] truth = p.values();
        for (int at = 0; at < p.size(); at++) {
            for (int value = 0; value < ProgramTrace.VALUES; value++) {
                boolean last = at == p.size() - 1;
                if (value == truth[at + 1] || last && answer >= 0 && value != answer) {
                    continue;
                }
                if (!debate(judge, p, liarDivergingAt(p, at, value, answer))) {
                    return true;
                }
            }
        }
        return false;
    }
}
