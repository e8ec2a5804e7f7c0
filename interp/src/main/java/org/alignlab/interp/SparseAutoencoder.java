package org.alignlab.interp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
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
 * A sparse autoencoder (dictionary learning on activations, after Bricken et al. 2023, "Towards
 * Monosemanticity"): features f = relu((x - b_dec) W_enc + b_enc), reconstruction
 * x' = f W_dec + b_dec, trained with Adam on squared error plus an L1 penalty on f, decoder rows
 * renormalised to unit length after every step (so the penalty cannot be dodged by shrinking f
 * and growing the decoder). On DJL's PyTorch engine, one thread, reproducible from the seed.
 */
public final class SparseAutoencoder implements AutoCloseable {
    static {
        org.alignlab.core.DjlDefaults.apply();
    }

    /** Training settings. */
    public record Settings(int features, double l1, int steps, int batchSize, float learningRate, long seed) {
        public Settings {
            if (features < 1 || steps < 1 || batchSize < 1 || l1 < 0 || !(learningRate > 0)) {
                throw new IllegalArgumentException("sparse autoencoder settings out of range: features, steps and "
                        + "batch size must be at least 1, l1 at least 0, learning rate above 0; got " + this);
            }
        }

        /** Four features per activation dimension, 2,000 steps. */
        public static Settings defaults(int width) {
            return new Settings(4 * width, 0.3, 2000, 128, 1e-3f, 1);
        }
    }

    /** How well the dictionary explains the activations it was evaluated on. */
    public record Quality(double fractionOfVarianceUnexplained, double meanL0, int deadFeatures, int features,
                         int inputs) {
    }

    /** One feature's strongest inputs, by activation. */
    public record FeatureExamples(int feature, double frequency, List<Integer> topInputs, List<Double> topActivations) {
    }

    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final int width;
    private final int features;
    private final float scale;

    private SparseAutoencoder(NDManager manager, int width, int features, float scale) {
        this.manager = manager;
        this.width = width;
        this.features = features;
        this.scale = scale;
    }

    /**
     * Trains a dictionary on {@code activations} (rows of equal width). Inputs are scaled so that
     * their mean squared norm is the width, which makes the L1 strength comparable across layers.
     */
    public static SparseAutoencoder train(float[][] activations, Settings s) {
        if (activations.length < 2) {
            throw new IllegalArgumentException("a sparse autoencoder needs at least 2 activation vectors, got "
                    + activations.length);
        }
        int d = activations[0].length;
        double meanSq = 0;
        for (float[] row : activations) {
            if (row.length != d) {
                throw new IllegalArgumentException("activation rows differ in width: " + row.length + " and " + d);
            }
            for (float v : row) {
                meanSq += (double) v * v / activations.length;
            }
        }
        float scale = (float) Math.sqrt(d / Math.max(meanSq, 1e-12));
        SparseAutoencoder sae = new SparseAutoencoder(NDManager.newBaseManager("PyTorch"), d, s.features(), scale);
        SplittableRandom random = new SplittableRandom(s.seed());
        float[] dec = new float[s.features() * d];
        for (int i = 0; i < dec.length; i++) {
            dec[i] = (float) random.nextGaussian();
        }
        NDArray wDec = sae.manager.create(dec, new Shape(s.features(), d));
        wDec = wDec.div(wDec.norm(new int[] {1}, true));
        float[] mean = new float[d];
        for (float[] row : activations) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] * scale / activations.length;
            }
        }
        sae.put("decoder", wDec);
        sae.put("encoder", wDec.transpose().duplicate());
        sae.put("encoder_bias", sae.manager.zeros(new Shape(s.features())));
        sae.put("decoder_bias", sae.manager.create(mean));

        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate())).build();
        float[] batch = new float[s.batchSize() * d];
        for (int step = 0; step < s.steps(); step++) {
            for (int b = 0; b < s.batchSize(); b++) {
                float[] row = activations[random.nextInt(activations.length)];
                for (int j = 0; j < d; j++) {
                    batch[b * d + j] = row[j] * scale;
                }
            }
            try (NDManager sub = sae.manager.newSubManager()) {
                boolean gradMode = JniUtils.isGradMode();
                JniUtils.setGradMode(true);
                try {
                    NDArray x = sub.create(batch, new Shape(s.batchSize(), d));
                    NDArray f = sae.encode(x);
                    NDArray error = sae.decode(f).sub(x).square().sum(new int[] {1}).mean();
                    NDArray loss = error.add(DjlScalars.mul(f.abs().sum(new int[] {1}).mean(), (float) s.l1()));
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) sub.ones(loss.getShape()), false, false);
                } finally {
                    JniUtils.setGradMode(gradMode);
                }
                for (Map.Entry<String, NDArray> e : sae.parameters.entrySet()) {
                    adam.update(e.getKey(), e.getValue(), e.getValue().getGradient());
                    JniUtils.zeroGrad((PtNDArray) e.getValue());
                }
                NDArray decoder = sae.parameters.get("decoder");
                boolean mode = JniUtils.isGradMode();
                JniUtils.setGradMode(false);
                try {
                    decoder.set(decoder.div(decoder.norm(new int[] {1}, true).add(1e-8f)).toFloatArray());
                } finally {
                    JniUtils.setGradMode(mode);
                }
            }
        }
        return sae;
    }

    private void put(String name, NDArray array) {
        array.setRequiresGradient(true);
        parameters.put(name, array);
    }

    private NDArray encode(NDArray x) {
        return ai.djl.nn.Activation.relu(x.sub(parameters.get("decoder_bias")).matMul(parameters.get("encoder"))
                .add(parameters.get("encoder_bias")));
    }

    private NDArray decode(NDArray f) {
        return f.matMul(parameters.get("decoder")).add(parameters.get("decoder_bias"));
    }

    public int features() {
        return features;
    }

    /** Feature activations for each input (inputs x features). */
    public float[][] encode(float[][] activations) {
        return run(activations, false);
    }

    /** Reconstructions of each input, in the inputs' own units. */
    public float[][] reconstruct(float[][] activations) {
        return run(activations, true);
    }

    private float[][] run(float[][] activations, boolean reconstruct) {
        int n = activations.length;
        float[] flat = new float[n * width];
        for (int i = 0; i < n; i++) {
            if (activations[i].length != width) {
                throw new IllegalArgumentException("the dictionary reads " + width + " values, got " + activations[i].length);
            }
            for (int j = 0; j < width; j++) {
                flat[i * width + j] = activations[i][j] * scale;
            }
        }
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager sub = manager.newSubManager()) {
            NDArray f = encode(sub.create(flat, new Shape(n, width)));
            NDArray out = reconstruct ? decode(f).div(scale) : f;
            int w = reconstruct ? width : features;
            float[] values = out.toFloatArray();
            float[][] rows = new float[n][w];
            for (int i = 0; i < n; i++) {
                System.arraycopy(values, i * w, rows[i], 0, w);
            }
            return rows;
        } finally {
            JniUtils.setGradMode(mode);
        }
    }

    /** Reconstruction error (fraction of variance unexplained), mean L0 and dead features on {@code activations}. */
    public Quality quality(float[][] activations) {
        float[][] f = encode(activations);
        float[][] r = reconstruct(activations);
        int n = activations.length;
        double[] mean = new double[width];
        for (float[] row : activations) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j] / (double) n;
            }
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                residual += Math.pow(activations[i][j] - r[i][j], 2);
                total += Math.pow(activations[i][j] - mean[j], 2);
            }
        }
        boolean[] alive = new boolean[features];
        double l0 = 0;
        for (float[] row : f) {
            for (int k = 0; k < features; k++) {
                if (row[k] > 0) {
                    l0++;
                    alive[k] = true;
                }
            }
        }
        int dead = 0;
        for (boolean a : alive) {
            dead += a ? 0 : 1;
        }
        return new Quality(total == 0 ? 0 : residual / total, l0 / n, dead, features, n);
    }

    /** Every live feature's {@code k} strongest inputs (indices into {@code activations}), most frequent features first. */
    public List<FeatureExamples> topInputs(float[][] activations, int k) {
        float[][] f = encode(activations);
        List<FeatureExamples> out = new ArrayList<>();
        for (int feature = 0; feature < features; feature++) {
            final int c = feature;
            int active = 0;
            for (float[] row : f) {
                active += row[c] > 0 ? 1 : 0;
            }
            if (active == 0) {
                continue;
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < f.length; i++) {
                if (f[i][c] > 0) {
                    order.add(i);
                }
            }
            order.sort((a, b) -> Float.compare(f[b][c], f[a][c]));
            List<Integer> top = order.subList(0, Math.min(k, order.size()));
            out.add(new FeatureExamples(feature, active / (double) f.length, List.copyOf(top),
                    top.stream().map(i -> (double) f[i][c]).toList()));
        }
        out.sort((a, b) -> Double.compare(b.frequency(), a.frequency()));
        return out;
    }

    /** Feature {@code k}'s decoder direction in activation space (unit length in scaled units). */
    public float[] decoderDirection(int k) {
        float[] all = parameters.get("decoder").toFloatArray();
        float[] out = new float[width];
        System.arraycopy(all, k * width, out, 0, width);
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
