package org.alignlab.scalable;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The weak judge of the amplification study: a network (an {@link Mlp}) that reads a question of
 * the {@link ProgramTrace} task (the start value, up to {@link #MAX_SIZE} instructions, one-hot by
 * position) and a claimed answer, and says how likely the claim is right. It is trained on the
 * truth, equally many examples at each size, half with the right answer and half with a wrong one;
 * how well it judges each size is measured, not set: one instruction is a lookup it learns, a long
 * program a composition it does not.
 */
public final class TraceJudge implements AutoCloseable {
    /** The longest program the judge can be shown. */
    public static final int MAX_SIZE = 64;
    static final int WIDTH = ProgramTrace.VALUES + MAX_SIZE * ProgramTrace.INSTRUCTIONS + ProgramTrace.VALUES;

    private final Mlp net;
    private final Set<ProgramTrace.Problem> trained;
    /** The judge's probability for every one-instruction question and claimed result, by {@link ProgramTrace#step}. */
    private final double[] steps;

    private TraceJudge(Mlp net, Set<ProgramTrace.Problem> trained) {
        this.net = net;
        this.trained = trained;
        float[][] queries = new float[ProgramTrace.STEPS][];
        for (int k = 0; k < queries.length; k++) {
            int[] step = ProgramTrace.step(k);
            queries[k] = encode(new ProgramTrace.Problem(step[0], new int[] {step[1]}), step[2]);
        }
        float[][] p = net.probabilities(queries);
        steps = new double[queries.length];
        for (int k = 0; k < queries.length; k++) {
            steps[k] = p[k][1];
        }
    }

    /** The judge's input for a question and a claimed answer. */
    static float[] encode(ProgramTrace.Problem p, int claim) {
        if (p.size() > MAX_SIZE) {
            throw new IllegalArgumentException("the judge reads programs of at most " + MAX_SIZE
                    + " instructions, got " + p.size());
        }
        float[] x = new float[WIDTH];
        x[p.start()] = 1;
        for (int i = 0; i < p.size(); i++) {
            x[ProgramTrace.VALUES + i * ProgramTrace.INSTRUCTIONS + p.program()[i]] = 1;
        }
        x[WIDTH - ProgramTrace.VALUES + claim] = 1;
        return x;
    }

    /**
     * Trains a judge on {@code perSize} random questions of each size, each with the right answer
     * or (half the time) a wrong one.
     */
    public static TraceJudge train(int[] sizes, int perSize, Mlp.Settings settings, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] inputs = new float[sizes.length * perSize][];
        float[][] targets = new float[inputs.length][];
        Set<ProgramTrace.Problem> trained = new HashSet<>();
        int k = 0;
        for (int size : sizes) {
            for (int e = 0; e < perSize; e++, k++) {
                ProgramTrace.Problem p = ProgramTrace.random(size, random);
                trained.add(p);
                boolean right = random.nextBoolean();
                inputs[k] = encode(p, right ? p.answer() : ProgramTrace.wrong(p.answer(), random));
                targets[k] = right ? new float[] {0, 1} : new float[] {1, 0};
            }
        }
        return new TraceJudge(Mlp.train(inputs, targets, settings, seed + 1), trained);
    }

    /** The judge's probability that each claim is the answer to its question. */
    public double[] probability(List<ProgramTrace.Problem> questions, int[] claims) {
        float[][] x = new float[questions.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = encode(questions.get(i), claims[i]);
        }
        float[][] p = net.probabilities(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = p[i][1];
        }
        return out;
    }

    /** The judge's probability that {@code instruction} takes {@code value} to {@code claimed} (a one-step question). */
    public double step(int value, int instruction, int claimed) {
        return steps[ProgramTrace.step(value, instruction, claimed)];
    }

    /** Whether the judge was trained on this question (with some claim). */
    public boolean trainedOn(ProgramTrace.Problem p) {
        return trained.contains(p);
    }

    @Override
    public void close() {
        net.close();
    }
}
