package org.alignlab.scalable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.core.DjlScalars;

/**
 * A classifier on DJL (PyTorch engine, one thread): fully connected ReLU layers into softmax logits,
 * or none (multinomial logistic regression). Trained with Adam on soft targets (a probability per
 * class per example), optionally with Burns et al.'s (2023) auxiliary confidence loss, which pulls
 * the network toward its own hardened predictions so that it need not copy its supervisor's errors.
 * Weights start uniform in +-1/sqrt(fan-in), as PyTorch's default, from the seed.
 */
public final class Mlp implements AutoCloseable {
    static {
        org.alignlab.core.DjlDefaults.apply();
    }

    /**
     * How a classifier is trained.
     *
     * @param hidden       widths of the hidden layers (none: logistic regression)
     * @param steps        Adam steps
     * @param batch        examples per step
     * @param learningRate Adam's step size
     * @param confidence   the auxiliary confidence loss's final weight (0: none); it rises linearly from 0 over the
     *                     first fifth of the steps, as in Burns et al.
     */
    public record Settings(int[] hidden, int steps, int batch, float learningRate, float confidence) {
        public Settings {
            if (steps < 1 || batch < 1 || !(learningRate > 0) || !(confidence >= 0 && confidence <= 1)
                    || java.util.Arrays.stream(hidden).anyMatch(h -> h < 1)) {
                throw new IllegalArgumentException("classifier settings out of range: steps and batch at least 1, "
                        + "hidden widths at least 1, learning rate above 0, confidence weight 0 to 1; got steps " + steps
                        + ", batch " + batch + ", learning rate " + learningRate + ", confidence " + confidence);
            }
        }

        /** The same settings with another confidence weight. */
        public Settings withConfidence(float weight) {
            return new Settings(hidden, steps, batch, learningRate, weight);
        }
    }

    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final int layers;
    final int classes;

    /**
     * A network from {@code width} inputs through layers of the given widths (the last is the
     * output), weights uniform in +-1/sqrt(fan-in) unless {@code start} gives a layer's weights and
     * biases (in turn, for as many leading layers as it holds).
     */
    private Mlp(int width, int[] widths, SplittableRandom random, float[][] start) {
        this.manager = NDManager.newBaseManager("PyTorch");
        this.layers = widths.length;
        this.classes = widths[widths.length - 1];
        int in = width;
        for (int l = 0; l < widths.length; l++) {
            int out = widths[l];
            double bound = 1 / Math.sqrt(in);
            float[] w = new float[in * out];
            float[] b = new float[out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            if (start != null && 2 * l < start.length) {
                if (start[2 * l].length != w.length || start[2 * l + 1].length != b.length) {
                    throw new IllegalArgumentException("starting weights for layer " + l + " have "
                            + start[2 * l].length + " values, the layer " + w.length);
                }
                w = start[2 * l];
                b = start[2 * l + 1];
            }
            parameters.put("w" + l, manager.create(w, new Shape(in, out)));
            parameters.put("b" + l, manager.create(b));
            in = out;
        }
        parameters.values().forEach(p -> p.setRequiresGradient(true));
    }

    private static int[] widths(int[] hidden, int outputs) {
        int[] widths = java.util.Arrays.copyOf(hidden, hidden.length + 1);
        widths[hidden.length] = outputs;
        return widths;
    }

    /** One Adam step on the scalar {@code loss} builds from the network (in the manager it is given). */
    private void step(Optimizer adam, java.util.function.Function<NDManager, NDArray> loss) {
        AdamStep.step(manager, parameters, adam, loss);
    }

    /**
     * Trains a classifier on {@code inputs} (rows of equal width) toward {@code targets} (rows of
     * {@code classes} probabilities).
     */
    public static Mlp train(float[][] inputs, float[][] targets, Settings s, long seed) {
        return train(inputs, targets, s, seed, null);
    }

    /**
     * As {@link #train(float[][], float[][], Settings, long)}, with the hidden layers starting from
     * {@code start} (weights and biases of each hidden layer in turn, e.g. an {@link #autoencoder}'s
     * encoder) instead of random weights; null starts them all at random.
     */
    public static Mlp train(float[][] inputs, float[][] targets, Settings s, long seed, float[][] start) {
        if (inputs.length == 0 || inputs.length != targets.length) {
            throw new IllegalArgumentException("a classifier needs as many target rows as inputs, at least one; got "
                    + inputs.length + " inputs and " + targets.length + " targets");
        }
        int width = inputs[0].length;
        int classes = targets[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        Mlp net = new Mlp(width, widths(s.hidden(), classes), random, start);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate())).build();
        float[] x = new float[s.batch() * width];
        float[] y = new float[s.batch() * classes];
        int warmUp = Math.max(1, s.steps() / 5);
        for (int step = 0; step < s.steps(); step++) {
            for (int b = 0; b < s.batch(); b++) {
                int i = random.nextInt(inputs.length);
                System.arraycopy(inputs[i], 0, x, b * width, width);
                System.arraycopy(targets[i], 0, y, b * classes, classes);
            }
            float alpha = s.confidence() * Math.min(1f, (step + 1f) / warmUp);
            net.step(adam, sub -> {
                NDArray logits = net.forward(sub.create(x, new Shape(s.batch(), width)));
                NDArray logp = logits.logSoftmax(1);
                NDArray supervised = logp.mul(sub.create(y, new Shape(s.batch(), classes))).sum(new int[] {1}).mean()
                        .neg();
                if (alpha == 0) {
                    return supervised;
                }
                // The network's own predictions, hardened and held fixed (no gradient through the argmax).
                NDArray own = logits.argMax(1).oneHot(classes).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                NDArray confident = logp.mul(own).sum(new int[] {1}).mean().neg();
                return DjlScalars.mul(supervised, 1 - alpha).add(DjlScalars.mul(confident, alpha));
            });
        }
        return net;
    }

    /**
     * Learns a representation of {@code inputs} without labels: an autoencoder whose encoder has
     * the given hidden widths (ReLU) and whose linear decoder reconstructs the input, trained with
     * Adam on squared error. Returns the encoder's weights and biases, layer by layer, for
     * {@link #train(float[][], float[][], Settings, long, float[][])} to start from.
     */
    public static float[][] autoencoder(float[][] inputs, int[] hidden, int steps, int batch, float learningRate,
                                        long seed) {
        int width = inputs[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        try (Mlp net = new Mlp(width, widths(hidden, width), random, null)) {
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
            float[] x = new float[batch * width];
            for (int step = 0; step < steps; step++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(inputs[random.nextInt(inputs.length)], 0, x, b * width, width);
                }
                net.step(adam, sub -> {
                    NDArray input = sub.create(x, new Shape(batch, width));
                    return net.forward(input).sub(input).square().sum(new int[] {1}).mean();
                });
            }
            float[][] encoder = new float[2 * hidden.length][];
            for (int l = 0; l < hidden.length; l++) {
                encoder[2 * l] = net.parameters.get("w" + l).toFloatArray();
                encoder[2 * l + 1] = net.parameters.get("b" + l).toFloatArray();
            }
            return encoder;
        }
    }

    private NDArray forward(NDArray x) {
        NDArray h = x;
        for (int l = 0; l < layers; l++) {
            h = h.matMul(parameters.get("w" + l)).add(parameters.get("b" + l));
            if (l < layers - 1) {
                h = h.getNDArrayInternal().relu();
            }
        }
        return h;
    }

    /** Class probabilities for each row of {@code inputs}. */
    public float[][] probabilities(float[][] inputs) {
        int width = inputs[0].length;
        float[] x = new float[inputs.length * width];
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, x, i * width, width);
        }
        try (NDManager sub = manager.newSubManager()) {
            parameters.values().forEach(p -> p.tempAttach(sub));
            boolean gradMode = JniUtils.isGradMode();
            JniUtils.setGradMode(false);
            try {
                float[] p = forward(sub.create(x, new Shape(inputs.length, width))).softmax(1).toFloatArray();
                float[][] out = new float[inputs.length][classes];
                for (int i = 0; i < inputs.length; i++) {
                    System.arraycopy(p, i * classes, out[i], 0, classes);
                }
                return out;
            } finally {
                JniUtils.setGradMode(gradMode);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
