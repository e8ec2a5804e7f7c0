package org.alignlab.scalable;

import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The pieces of weak-to-strong generalisation (Burns et al. 2023) at small scale: task families
 * defined on MNIST digits, the weak supervisor's coarse view of an image, and the performance gap
 * recovered.
 */
public final class WeakToStrong {
    private WeakToStrong() {
    }

    /**
     * A task: a label for each digit.
     *
     * @param name    what it asks
     * @param classes how many labels
     * @param label   the label of a digit
     */
    public record Task(String name, int classes, IntUnaryOperator label) {
    }

    /** The task families: the digit itself, its parity, and whether it is written with a closed loop. */
    public static final List<Task> TASKS = List.of(
            new Task("digit", 10, d -> d),
            new Task("parity", 2, d -> d % 2),
            new Task("loop", 2, d -> d == 0 || d == 6 || d == 8 || d == 9 ? 1 : 0));

    /** The task named {@code name}. */
    public static Task task(String name) {
        return TASKS.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown task '" + name + "'; the tasks are "
                        + String.join(", ", TASKS.stream().map(Task::name).toList())));
    }

    /**
     * Performance gap recovered: the share of the gap between the weak supervisor and the strong
     * ceiling (the strong model trained on the truth) that the strong student trained on the weak
     * labels closes. 1 means as good as the ceiling, 0 no better than its supervisor, below 0
     * worse. NaN when there is no gap.
     */
    public static double pgr(double weak, double weakToStrong, double ceiling) {
        return ceiling == weak ? Double.NaN : (weakToStrong - weak) / (ceiling - weak);
    }

    /**
     * The weak supervisor's view of an image: the mean intensity of each {@code block} x
     * {@code block} square (28 must be a multiple of the block), so it sees the digit blurred.
     */
    static float[] pooled(Mnist data, int image, int block) {
        if (block < 1 || Mnist.SIDE % block != 0) {
            throw new IllegalArgumentException("the weak view's block must divide 28 (1, 2, 4, 7, 14 or 28), got "
                    + block);
        }
        int side = Mnist.SIDE / block;
        float[] out = new float[side * side];
        for (int r = 0; r < Mnist.SIDE; r++) {
            for (int c = 0; c < Mnist.SIDE; c++) {
                out[(r / block) * side + c / block] += data.intensity(image, r * Mnist.SIDE + c) / 255f / (block * block);
            }
        }
        return out;
    }

    /** Accuracy of probability rows against labels. */
    static double accuracy(float[][] probabilities, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += argmax(probabilities[i]) == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }

    /** How often two sets of predictions agree. */
    static double agreement(float[][] a, float[][] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += argmax(a[i]) == argmax(b[i]) ? 1 : 0;
        }
        return (double) same / a.length;
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** One-hot rows for labels. */
    static float[][] oneHot(int[] labels, int classes) {
        float[][] out = new float[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            out[i][labels[i]] = 1;
        }
        return out;
    }
}
