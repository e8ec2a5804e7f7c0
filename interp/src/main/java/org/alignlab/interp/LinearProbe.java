package org.alignlab.interp;

import org.alignlab.core.Auroc;

/**
 * A linear probe: logistic regression from activations to a binary label, fitted by full-batch
 * gradient descent on standardised features with an L2 penalty (deterministic: no sampling).
 * Its weight vector, mapped back to activation space, is the direction along which the network
 * represents the label.
 */
public final class LinearProbe {
    /** Fitting settings: L2 strength and gradient steps. */
    public record Settings(double l2, int iterations, double learningRate) {
        public static Settings defaults() {
            return new Settings(1e-2, 500, 0.5);
        }
    }

    private final double[] weights; // in activation space
    private final double bias;

    private LinearProbe(double[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Fits a probe to {@code positives} (label 1) and {@code negatives} (label 0).
     *
     * @throws IllegalArgumentException with a single class, no examples, or rows of unequal width
     */
    public static LinearProbe fit(float[][] positives, float[][] negatives, Settings s) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("a probe needs examples of both classes; got " + positives.length
                    + " positive and " + negatives.length + " negative");
        }
        int d = positives[0].length;
        int n = positives.length + negatives.length;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            float[] row = i < positives.length ? positives[i] : negatives[i - positives.length];
            if (row.length != d) {
                throw new IllegalArgumentException("activation rows differ in width: " + row.length + " and " + d);
            }
            x[i] = new double[d];
            for (int j = 0; j < d; j++) {
                x[i][j] = row[j];
            }
            y[i] = i < positives.length ? 1 : 0;
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]) + 1e-6;
        }
        // Class weights balance the loss, so an uneven split does not push the bias.
        double wPos = n / (2.0 * positives.length);
        double wNeg = n / (2.0 * negatives.length);
        // Standardised once, not on every gradient step, and only the features whose standardised value is not 0 for
        // every example (such a feature's gradient is 0, so its weight stays 0: leaving it out changes no number, and
        // most cells of a one-hot board are such).
        int[] varying = java.util.stream.IntStream.range(0, d).filter(j -> {
            for (double[] row : x) {
                if ((row[j] - mean[j]) / std[j] != 0) {
                    return true;
                }
            }
            return false;
        }).toArray();
        int k = varying.length;
        double[][] zs = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < k; v++) {
                zs[i][v] = (x[i][varying[v]] - mean[varying[v]]) / std[varying[v]];
            }
        }
        double[] wv = new double[k];
        double b = 0;
        for (int it = 0; it < s.iterations(); it++) {
            double[] grad = new double[k];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double[] z = zs[i];
                double logit = b;
                for (int v = 0; v < k; v++) {
                    logit += wv[v] * z[v];
                }
                double err = (sigmoid(logit) - y[i]) * (y[i] == 1 ? wPos : wNeg) / n;
                for (int v = 0; v < k; v++) {
                    grad[v] += err * z[v];
                }
                gb += err;
            }
            for (int v = 0; v < k; v++) {
                wv[v] -= s.learningRate() * (grad[v] + s.l2() * wv[v]);
            }
            b -= s.learningRate() * gb;
        }
        double[] w = new double[d];
        for (int v = 0; v < k; v++) {
            w[varying[v]] = wv[v];
        }
        double[] raw = new double[d];
        double rawBias = b;
        for (int j = 0; j < d; j++) {
            raw[j] = w[j] / std[j];
            rawBias -= w[j] * mean[j] / std[j];
        }
        return new LinearProbe(raw, rawBias);
    }

    private static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    /** The probe's logit for one activation vector. */
    public double score(float[] activation) {
        if (activation.length != weights.length) {
            throw new IllegalArgumentException("the probe reads " + weights.length + " values, got " + activation.length);
        }
        double s = bias;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * activation[j];
        }
        return s;
    }

    public double[] scores(float[][] activations) {
        double[] out = new double[activations.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = score(activations[i]);
        }
        return out;
    }

    /** AUROC of the probe's scores on held-out examples. */
    /** The probe's AUROC on held-out activations, with a 95% bootstrap interval. */
    public Auroc auroc(float[][] positives, float[][] negatives) {
        return Auroc.bootstrap(scores(positives), scores(negatives));
    }

    /** The probe's direction in activation space, of unit length. */
    public float[] direction() {
        double norm = 0;
        for (double v : weights) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[weights.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) (weights[j] / norm);
        }
        return out;
    }

    /**
     * The difference of the class means, positives minus negatives: the steering vector that
     * moves an average negative to an average positive at scale 1.
     */
    public static float[] meanDifference(float[][] positives, float[][] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("a contrast direction needs examples of both classes; got "
                    + positives.length + " positive and " + negatives.length + " negative");
        }
        int d = positives[0].length;
        float[] out = new float[d];
        for (float[] row : positives) {
            for (int j = 0; j < d; j++) {
                out[j] += row[j] / positives.length;
            }
        }
        for (float[] row : negatives) {
            for (int j = 0; j < d; j++) {
                out[j] -= row[j] / negatives.length;
            }
        }
        return out;
    }
}
