package org.alignlab.scalable;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A task whose size can grow, for amplification and debate: a register holding a digit (0-9) and
 * a program of n instructions, each "add k" (k = 1 to 9) or "multiply by k" (k = 3, 7 or 9), all
 * modulo 10; the question is the register's value at the end. Every instruction is a bijection of
 * the ten values (3, 7 and 9 are invertible modulo 10), so a wrong value stays wrong until another
 * mistake: the last value depends on every instruction, and no instruction lets a checker skip
 * what came before it.
 */
public final class ProgramTrace {
    /** Values the register takes. */
    public static final int VALUES = 10;
    /** Instructions: add 1..9, then multiply by 3, 7, 9. */
    public static final int INSTRUCTIONS = 12;
    private static final int[] MULTIPLIERS = {3, 7, 9};
    /** One-instruction steps a judge can be asked about (value, instruction, claimed next value): 1,200. */
    static final int STEPS = VALUES * INSTRUCTIONS * VALUES;

    private ProgramTrace() {
    }

    /** The register's value after {@code instruction} on {@code value}. */
    public static int apply(int value, int instruction) {
        return instruction < 9 ? (value + instruction + 1) % VALUES : value * MULTIPLIERS[instruction - 9] % VALUES;
    }

    /** A step's place among the {@link #STEPS}, value first: how judges and reward models keep a score per step. */
    static int step(int value, int instruction, int next) {
        return (value * INSTRUCTIONS + instruction) * VALUES + next;
    }

    /** The value, instruction and next value of the step at {@code index} (the inverse of {@link #step}). */
    static int[] step(int index) {
        return new int[] {index / (INSTRUCTIONS * VALUES), index / VALUES % INSTRUCTIONS, index % VALUES};
    }

    /** An instruction as a person reads it: "+4", "x7". */
    public static String describe(int instruction) {
        return instruction < 9 ? "+" + (instruction + 1) : "x" + MULTIPLIERS[instruction - 9];
    }

    /** A question: the register's first value and the program. */
    public record Problem(int start, int[] program) {
        public Problem {
            if (start < 0 || start >= VALUES || program.length == 0
                    || Arrays.stream(program).anyMatch(i -> i < 0 || i >= INSTRUCTIONS)) {
                throw new IllegalArgumentException("a problem needs a start value 0-9 and at least one instruction "
                        + "0-11; got start " + start + ", program " + Arrays.toString(program));
            }
        }

        public int size() {
            return program.length;
        }

        /** The register's true values: the start, then after each instruction ({@code size() + 1} values). */
        public int[] values() {
            int[] v = new int[program.length + 1];
            v[0] = start;
            for (int i = 0; i < program.length; i++) {
                v[i + 1] = apply(v[i], program[i]);
            }
            return v;
        }

        public int answer() {
            return values()[program.length];
        }

        /** A key that tells problems apart (for checking that evaluation problems were not trained on). */
        public String key() {
            return start + ":" + Arrays.toString(program);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Problem p && p.start == start && Arrays.equals(p.program, program);
        }

        @Override
        public int hashCode() {
            return 31 * start + Arrays.hashCode(program);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder().append(start);
            for (int i : program) {
                s.append(' ').append(describe(i));
            }
            return s.toString();
        }
    }

    /** A problem of {@code size} instructions, every value and instruction uniform. */
    public static Problem random(int size, SplittableRandom random) {
        int[] program = new int[size];
        for (int i = 0; i < size; i++) {
            program[i] = random.nextInt(INSTRUCTIONS);
        }
        return new Problem(random.nextInt(VALUES), program);
    }

    /** A value other than {@code value}, uniform over the nine. */
    public static int wrong(int value, SplittableRandom random) {
        return (value + 1 + random.nextInt(VALUES - 1)) % VALUES;
    }

    /**
     * An answer with its work shown, as a solver that slips writes it: each value follows from the
     * one before it, except that with probability {@code slip} a step writes a wrong value (uniform
     * over the nine) and the work goes on from there.
     */
    public static int[] solve(Problem p, double slip, SplittableRandom random) {
        int[] v = new int[p.size() + 1];
        v[0] = p.start();
        for (int i = 0; i < p.size(); i++) {
            int next = apply(v[i], p.program()[i]);
            v[i + 1] = random.nextDouble() < slip ? wrong(next, random) : next;
        }
        return v;
    }
}
