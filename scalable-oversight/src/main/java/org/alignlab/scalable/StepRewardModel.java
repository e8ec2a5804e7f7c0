package org.alignlab.scalable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.core.DjlScalars;

/**
 * A reward model of answers that show their work ({@link ProgramTrace}): a small network scores
 * each step (the question it answers and the value it claims; one hidden ReLU layer, weights shared by every
 * step)
 * and an answer scores as its worst step, so that it can learn which steps sink an answer from
 * labels on whole answers. Trained on DJL with Adam on the logistic loss of the answer's score
 * against its label (1: the oversight accepted the answer). The same model learns from every kind
 * of oversight; only the labels differ.
 */
public final class StepRewardModel {
    static {
        org.alignlab.core.DjlDefaults.apply();
    }

    /**
     * A step's input: which of the 120 one-instruction questions it answers (value and instruction together, so that
     * one hidden layer can tie each question to its own result; with value and instruction one-hot apart it has to
     * learn a three-way interaction and, at this width, does not), and the result it claims.
     */
    private static final int FEATURES = ProgramTrace.VALUES * ProgramTrace.INSTRUCTIONS + ProgramTrace.VALUES;
    /** The trained model's score of every step, by {@link ProgramTrace#step}. */
    private final double[] steps;

    private StepRewardModel(double[] steps) {
        this.steps = steps;
    }

    /** One answer: its work ({@code written[0]} the start, then the value after each instruction) and its label. */
    public record Example(ProgramTrace.Problem problem, int[] written, boolean accepted) {
    }

    /**
     * Trains a reward model on {@code examples} (all of one size): {@code steps} Adam steps of
     * {@code batch} answers each, hidden width {@code hidden}.
     */
    public static StepRewardModel train(List<Example> examples, int hidden, int steps, int batch, float learningRate,
                                        long seed) {
        int size = examples.get(0).problem().size();
        if (examples.stream().anyMatch(e -> e.problem().size() != size)) {
            throw new IllegalArgumentException("a reward model trains on answers of one size");
        }
        SplittableRandom random = new SplittableRandom(seed);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            parameters.put("w0", uniform(manager, random, FEATURES, new Shape(FEATURES, hidden)));
            parameters.put("b0", uniform(manager, random, FEATURES, new Shape(hidden)));
            parameters.put("w1", uniform(manager, random, hidden, new Shape(hidden, 1)));
            parameters.put("b1", uniform(manager, random, hidden, new Shape(1)));
            parameters.values().forEach(p -> p.setRequiresGradient(true));
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
            float[] x = new float[batch * size * FEATURES];
            float[] y = new float[batch];
            for (int step = 0; step < steps; step++) {
                java.util.Arrays.fill(x, 0);
                for (int b = 0; b < batch; b++) {
                    Example e = examples.get(random.nextInt(examples.size()));
                    for (int i = 0; i < size; i++) {
                        oneHot(x, (b * size + i) * FEATURES, e.written()[i], e.problem().program()[i],
                                e.written()[i + 1]);
                    }
                    y[b] = e.accepted() ? 1 : 0;
                }
                AdamStep.step(manager, parameters, adam, sub -> {
                    NDArray z = stepScores(parameters, sub.create(x, new Shape((long) batch * size, FEATURES)))
                            .reshape(batch, size).min(new int[] {1});
                    NDArray label = sub.create(y);
                    // The logistic loss on logits, stable for large scores: max(z, 0) - z y + log(1 + exp(-|z|)).
                    return DjlScalars.maximum(z, 0).sub(z.mul(label)).add(z.abs().neg().exp().add(1).log()).mean();
                });
            }
            return new StepRewardModel(table(manager, parameters));
        }
    }

    private static NDArray uniform(NDManager manager, SplittableRandom random, int fanIn, Shape shape) {
        double bound = 1 / Math.sqrt(fanIn);
        float[] w = new float[(int) shape.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return manager.create(w, shape);
    }

    private static void oneHot(float[] x, int offset, int value, int instruction, int next) {
        x[offset + value * ProgramTrace.INSTRUCTIONS + instruction] = 1;
        x[offset + ProgramTrace.VALUES * ProgramTrace.INSTRUCTIONS + next] = 1;
    }

    private static NDArray stepScores(Map<String, NDArray> p, NDArray x) {
        NDArray h = x.matMul(p.get("w0")).add(p.get("b0")).getNDArrayInternal().relu();
        return h.matMul(p.get("w1")).add(p.get("b1"));
    }

    /** Every step's score, read out of the network once: an answer's score is then a lookup per step. */
    private static double[] table(NDManager manager, Map<String, NDArray> parameters) {
        float[] x = new float[ProgramTrace.STEPS * FEATURES];
        for (int k = 0; k < ProgramTrace.STEPS; k++) {
            int[] step = ProgramTrace.step(k);
            oneHot(x, k * FEATURES, step[0], step[1], step[2]);
        }
        try (NDManager sub = manager.newSubManager()) {
            parameters.values().forEach(p -> p.tempAttach(sub));
            float[] z = stepScores(parameters, sub.create(x, new Shape(ProgramTrace.STEPS, FEATURES))).toFloatArray();
            double[] out = new double[z.length];
            for (int k = 0; k < z.length; k++) {
                out[k] = z[k];
            }
            return out;
        }
    }

    /** The model's score of an answer: its worst step's. */
    public double score(ProgramTrace.Problem p, int[] written) {
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            worst = Math.min(worst, steps[ProgramTrace.step(written[i], p.program()[i], written[i + 1])]);
        }
        return worst;
    }
}
