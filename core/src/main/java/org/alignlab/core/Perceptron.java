package org.alignlab.core;

/**
 * A copy, on the Java side, of a trained perceptron with two hidden ReLU layers and one output:
 * for valuing a few inputs at a time many times over (a recommender's offered posts, once per
 * user and step), where a call into the engine each time would cost more than the work. Weights
 * are laid out input-major (inputs x units, row by row, as {@code x W} multiplies them), so each
 * layer adds one input's row at a time, a loop the JIT turns into vector instructions.
 * One instance is not safe for use by two threads at once (it reuses its scratch arrays).
 */
public final class Perceptron {
    private final int inputs;
    private final int hidden;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;
    private final float[] w3;
    private final float b3;
    private final float[] first;
    private final float[] second;

    /**
     * @param w1 inputs x hidden
     * @param b1 hidden
     * @param w2 hidden x hidden
     * @param b2 hidden
     * @param w3 hidden (the output's weights)
     * @param b3 the output's bias
     */
    public Perceptron(int inputs, int hidden, float[] w1, float[] b1, float[] w2, float[] b2, float[] w3, float b3) {
        if (inputs < 1 || hidden < 1 || w1.length != inputs * hidden || b1.length != hidden
                || w2.length != hidden * hidden || b2.length != hidden || w3.length != hidden) {
            throw new IllegalArgumentException("weights of a perceptron with " + inputs + " inputs and " + hidden
                    + " hidden units must be " + inputs * hidden + ", " + hidden + ", " + hidden * hidden + ", "
                    + hidden + " and " + hidden + " values; got " + w1.length + ", " + b1.length + ", " + w2.length
                    + ", " + b2.length + " and " + w3.length);
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.w1 = w1.clone();
        this.b1 = b1.clone();
        this.w2 = w2.clone();
        this.b2 = b2.clone();
        this.w3 = w3.clone();
        this.b3 = b3;
        first = new float[hidden];
        second = new float[hidden];
    }

    /** A units x inputs matrix (row by row, as DJL's linear layers keep their weights) as inputs x units. */
    public static float[] transpose(float[] m, int units, int inputs) {
        float[] t = new float[m.length];
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < inputs; i++) {
                t[i * units + u] = m[u * inputs + i];
            }
        }
        return t;
    }

    /** How many inputs it reads. */
    public int inputs() {
        return inputs;
    }

    /** The output for the input that starts at {@code x[offset]}. */
    public double output(float[] x, int offset) {
        System.arraycopy(b1, 0, first, 0, hidden);
        for (int i = 0; i < inputs; i++) {
            addRow(w1, i * hidden, x[offset + i], first);
        }
        System.arraycopy(b2, 0, second, 0, hidden);
        for (int j = 0; j < hidden; j++) {
            // An inactive unit (ReLU at 0) adds nothing: skipped.
            if (first[j] > 0) {
                addRow(w2, j * hidden, first[j], second);
            }
        }
        float out = b3;
        for (int u = 0; u < hidden; u++) {
            out += w3[u] * Math.max(0, second[u]);
        }
        return out;
    }

    /** out += v * m[from, from + hidden). */
    private void addRow(float[] m, int from, float v, float[] out) {
        for (int u = 0; u < hidden; u++) {
            out[u] += m[from + u] * v;
        }
    }
}
