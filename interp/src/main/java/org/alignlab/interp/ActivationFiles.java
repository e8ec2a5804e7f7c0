package org.alignlab.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the interpretability tools exchange ({@code alignlab interp capture | probe | steer}):
 * activations as CSV, a direction as one number a line; and the held-out split a probe uses when
 * it is given no test prompts.
 */
public final class ActivationFiles {
    private ActivationFiles() {
    }

    /**
     * Writes one row a prompt, under a header {@code prompt,d0,d1,...}: the prompt in double quotes
     * (a quote inside doubled, RFC 4180), then its activation in each dimension.
     */
    public static void writeCsv(Path file, List<String> prompts, float[][] activations) throws IOException {
        StringBuilder sb = new StringBuilder("prompt");
        for (int j = 0; j < activations[0].length; j++) {
            sb.append(",d").append(j);
        }
        sb.append('\n');
        for (int i = 0; i < activations.length; i++) {
            sb.append('"').append(prompts.get(i).replace("\"", "\"\"")).append('"');
            for (float v : activations[i]) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    /** Writes {@code direction}, one number a line, as {@link #readDirection} reads it. */
    public static void writeDirection(Path file, float[] direction) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (float x : direction) {
            sb.append(x).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    /**
     * Reads a direction written by {@link #writeDirection} (blank lines skipped).
     *
     * @throws IllegalArgumentException if there is no such file, or a line is not a number (saying which)
     */
    public static float[] readDirection(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no direction file " + file + " (write one with interp probe --save-direction)");
        }
        List<String> lines = Files.readAllLines(file);
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                values.add(Float.parseFloat(lines.get(i).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a number: " + lines.get(i));
            }
        }
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return v;
    }

    /** Every third item (the third, the sixth, ...) when {@code heldOut}, else the others. */
    public static <T> List<T> everyThird(List<T> items, boolean heldOut) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if ((i % 3 == 2) == heldOut) {
                out.add(items.get(i));
            }
        }
        return out;
    }
}
