package org.alignlab.scalable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The debate's judge: a network that classifies a digit from a few revealed pixels. Its input is
 * Irving et al.'s two planes of 784, a mask of which pixels are revealed and their intensities
 * (0-1), into one hidden layer of ReLU units and ten logits. Because at most a handful of pixels
 * are revealed, the first layer is computed as the sum of the revealed pixels' weight rows rather
 * than a product with mostly zeros: the same function, orders of magnitude cheaper.
 *
 * <p>Trained on DJL (PyTorch engine, one thread, Adam, cross-entropy) on random sets of k nonzero
 * pixels, as in the paper, then evaluated in plain Java: a debater's search asks the judge tens of
 * thousands of times per game, and each move changes one input, so the hidden layer is updated
 * incrementally. A test checks the Java evaluation against the DJL forward pass.
 */
public final class SparseJudge {
    static {
        org.alignlab.core.DjlDefaults.apply();
    }

    /** Digits. */
    static final int CLASSES = 10;

    /**
     * How a judge is trained.
     *
     * @param hidden       hidden units
     * @param steps        Adam steps
     * @param batch        images per step (each with its own random pixels)
     * @param learningRate Adam's step size at the start (it decays along a cosine to a thirtieth of it)
     */
    public record Settings(int hidden, int steps, int batch, float learningRate) {
        public Settings {
            if (hidden < 1 || steps < 1 || batch < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("judge settings out of range: hidden units, steps and batch must be "
                        + "at least 1 and the learning rate above 0; got " + this);
            }
        }
    }

    final int hidden;
    /** Weight rows of the mask plane and of the intensity plane, one row of {@link #hidden} per pixel. */
    final float[] maskWeights;
    final float[] intensityWeights;
    final float[] hiddenBias;
    /** Output weights, one row of {@link #hidden} per class. */
    final float[] outputWeights;
    final float[] outputBias;

    SparseJudge(int hidden, float[] maskWeights, float[] intensityWeights, float[] hiddenBias, float[] outputWeights,
                float[] outputBias) {
        this.hidden = hidden;
        this.maskWeights = maskWeights;
        this.intensityWeights = intensityWeights;
        this.hiddenBias = hiddenBias;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
    }

    /**
     * Trains a judge on {@code k} random nonzero pixels of the given images, a fresh draw of pixels
     * for every image in every batch.
     *
     * @param images   the indices of the training images in {@code data}
     * @param progress told after each step (may be null)
     */
    public static SparseJudge train(Mnist data, int[] images, int k, Settings s, long seed, IntConsumer progress) {
        if (k < 1 || k > Mnist.PIXELS) {
            throw new IllegalArgumentException("k (revealed pixels) must be 1 to " + Mnist.PIXELS + ", got " + k);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int h = s.hidden();
        // PyTorch's default initialisation for a layer of fan-in 2 x 784: uniform in +-1/sqrt(fan-in).
        double bound1 = 1 / Math.sqrt(2.0 * Mnist.PIXELS);
        double bound2 = 1 / Math.sqrt(h);
        SparseJudge init = new SparseJudge(h, uniform(random, Mnist.PIXELS * h, bound1),
                uniform(random, Mnist.PIXELS * h, bound1), uniform(random, h, bound1),
                uniform(random, CLASSES * h, bound2), uniform(random, CLASSES, bound2));
        int[][] nonzero = new int[images.length][];
        for (int i = 0; i < images.length; i++) {
            nonzero[i] = data.nonzero(images[i]);
        }
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Map<String, NDArray> params = init.toArrays(manager);
            params.values().forEach(p -> p.setRequiresGradient(true));
            // The step size falls along a cosine to a thirtieth of its start by the last step.
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.cosine().setBaseValue(s.learningRate())
                    .optFinalValue(s.learningRate() / 30).setMaxUpdates(s.steps()).build()).build();
            long[] pixels = new long[s.batch() * k];
            float[] intensities = new float[s.batch() * k];
            float[] targets = new float[s.batch() * CLASSES];
            int[] drawn = new int[k];
            for (int step = 0; step < s.steps(); step++) {
                java.util.Arrays.fill(targets, 0);
                for (int b = 0; b < s.batch(); b++) {
                    int i = random.nextInt(images.length);
                    draw(nonzero[i], k, random, drawn);
                    for (int j = 0; j < k; j++) {
                        pixels[b * k + j] = drawn[j];
                        intensities[b * k + j] = data.intensity(images[i], drawn[j]) / 255f;
                    }
                    targets[b * CLASSES + data.labels()[images[i]]] = 1;
                }
                AdamStep.step(manager, params, adam, sub -> forward(params, sub.create(pixels, new Shape(s.batch(), k)),
                        sub.create(intensities, new Shape(s.batch(), k))).logSoftmax(1)
                        .mul(sub.create(targets, new Shape(s.batch(), CLASSES))).sum(new int[] {1}).mean().neg());
                if (progress != null) {
                    progress.accept(step + 1);
                }
            }
            return new SparseJudge(h, params.get("mask").toFloatArray(), params.get("intensity").toFloatArray(),
                    params.get("hidden_bias").toFloatArray(), params.get("output").toFloatArray(),
                    params.get("output_bias").toFloatArray());
        }
    }

    /** The weights as DJL arrays: mask and intensity (784 x hidden), output (classes x hidden), biases. */
    Map<String, NDArray> toArrays(NDManager manager) {
        Map<String, NDArray> params = new LinkedHashMap<>();
        params.put("mask", manager.create(maskWeights, new Shape(Mnist.PIXELS, hidden)));
        params.put("intensity", manager.create(intensityWeights, new Shape(Mnist.PIXELS, hidden)));
        params.put("hidden_bias", manager.create(hiddenBias));
        params.put("output", manager.create(outputWeights, new Shape(CLASSES, hidden)));
        params.put("output_bias", manager.create(outputBias));
        return params;
    }

    /**
     * The network on DJL: logits (batch x 10) for revealed pixels (batch x k, int64) and their
     * intensities (batch x k). Equal to a dense layer on the two 784-planes, since an unrevealed
     * pixel contributes nothing to either.
     */
    static NDArray forward(Map<String, NDArray> params, NDArray pixels, NDArray intensities) {
        long batch = pixels.getShape().get(0);
        long k = pixels.getShape().get(1);
        NDArray flat = pixels.reshape(batch * k);
        NDArray rows = params.get("mask").get(new NDIndex("{}", flat))
                .add(params.get("intensity").get(new NDIndex("{}", flat)).mul(intensities.reshape(batch * k, 1)));
        NDArray hiddenLayer = rows.reshape(batch, k, -1).sum(new int[] {1}).add(params.get("hidden_bias"))
                .getNDArrayInternal().relu();
        return hiddenLayer.matMul(params.get("output").transpose()).add(params.get("output_bias"));
    }

    private static float[] uniform(SplittableRandom random, int n, double bound) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return out;
    }

    /** Fills {@code out} with {@code out.length} distinct entries of {@code from}, uniformly (a partial shuffle of a copy). */
    static void draw(int[] from, int count, SplittableRandom random, int[] out) {
        if (from.length < count) {
            throw new IllegalArgumentException("an image has " + from.length + " nonzero pixels, fewer than k = " + count);
        }
        int[] pool = from.clone();
        for (int j = 0; j < count; j++) {
            int pick = j + random.nextInt(pool.length - j);
            int t = pool[j];
            pool[j] = pool[pick];
            pool[pick] = t;
            out[j] = pool[j];
        }
    }

    // ---- evaluation in Java ----

    /** A hidden layer's pre-activations with nothing revealed (the bias), to add pixels to. */
    float[] empty() {
        return hiddenBias.clone();
    }

    /** Adds a revealed pixel to the pre-activations {@code pre}. */
    void reveal(float[] pre, int pixel, float intensity) {
        int base = pixel * hidden;
        for (int u = 0; u < hidden; u++) {
            pre[u] += maskWeights[base + u] + intensity * intensityWeights[base + u];
        }
    }

    /** The ten logits for pre-activations {@code pre}. */
    float[] logits(float[] pre) {
        float[] out = outputBias.clone();
        for (int c = 0; c < CLASSES; c++) {
            int base = c * hidden;
            float sum = 0;
            for (int u = 0; u < hidden; u++) {
                sum += Math.max(pre[u], 0f) * outputWeights[base + u];
            }
            out[c] += sum;
        }
        return out;
    }

    /** The class with the highest logit. */
    static int argmax(float[] logits) {
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * How a contest between two classes is read off the network fast: the difference of their
     * output rows and biases, so that the margin of {@code a} over {@code b} costs one pass over the
     * hidden layer instead of ten.
     */
    Contest contest(int a, int b) {
        float[] diff = new float[hidden];
        for (int u = 0; u < hidden; u++) {
            diff[u] = outputWeights[a * hidden + u] - outputWeights[b * hidden + u];
        }
        return new Contest(diff, outputBias[a] - outputBias[b]);
    }

    /** Logit of one class minus another's, as a function of the hidden pre-activations. */
    final class Contest {
        private final float[] diff;
        private final float bias;

        private Contest(float[] diff, float bias) {
            this.diff = diff;
            this.bias = bias;
        }

        /** The margin at pre-activations {@code pre}. */
        float margin(float[] pre) {
            float sum = bias;
            for (int u = 0; u < hidden; u++) {
                sum += Math.max(pre[u], 0f) * diff[u];
            }
            return sum;
        }

        /** The margin once {@code pixel} is revealed too, leaving {@code pre} as it was. */
        float marginWith(float[] pre, int pixel, float intensity) {
            int base = pixel * hidden;
            float sum = bias;
            for (int u = 0; u < hidden; u++) {
                // Summed in the order reveal() sums, so a margin found here equals the one after revealing, bit for bit.
                float x = pre[u] + (maskWeights[base + u] + intensity * intensityWeights[base + u]);
                sum += Math.max(x, 0f) * diff[u];
            }
            return sum;
        }
    }
}
