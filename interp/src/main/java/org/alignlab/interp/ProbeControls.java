package org.alignlab.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.alignlab.core.Auroc;

/**
 * The controls every probe and steering result is reported beside, so that a number says
 * something about the model and not about the data: the same probe fitted on the same examples
 * but read from (a) an untrained network of the same architecture, (b) the raw input and (c) the
 * model's own output; and, for steering, random directions of the same norm at the same layer.
 * A probe that scores as well on the raw input as on the model found the label in the words; one
 * that scores as well on the output found the behaviour, which the reply already shows.
 */
public final class ProbeControls {
    /** How many random directions stand beside each steering direction. */
    public static final int RANDOM_DIRECTIONS = 10;

    private ProbeControls() {
    }

    /**
     * A probe's held-out AUROC (95% bootstrap interval) beside its controls; a control that does
     * not apply (no output readout for an agent's layer) is null.
     */
    public record ControlledProbe(String layer, Auroc model, Auroc untrained, Auroc rawInput, Auroc output) {
        /** Whether the model's probe beats every control's interval: it found something they do not show. */
        public boolean beatsControls() {
            for (Auroc c : new Auroc[] {untrained, rawInput, output}) {
                if (c != null && model.low() <= c.high()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The four examples sets a probe is fitted and scored on. */
    public record Sets<T>(List<T> trainPositives, List<T> trainNegatives, List<T> testPositives,
                          List<T> testNegatives) {
    }

    /**
     * Fits a probe on features of the training sets and scores the test sets.
     *
     * @param features what the probe reads for a list of examples (activations, input or output)
     */
    public static <T> Auroc probe(Function<List<T>, float[][]> features, Sets<T> sets) {
        LinearProbe p = LinearProbe.fit(features.apply(sets.trainPositives()), features.apply(sets.trainNegatives()),
                LinearProbe.Settings.defaults());
        return p.auroc(features.apply(sets.testPositives()), features.apply(sets.testNegatives()));
    }

    /**
     * Splits examples into fitting and test sets by group, so that no test example shares a group with a fitted one:
     * the distinct groups in a seeded order, every third held out. For small worlds where the same example recurs
     * (one board position met in many episodes), where a split by episode would test on copies of what was fitted.
     *
     * @param group what an example belongs to (any key with equals and hashCode)
     * @throws IllegalArgumentException if either side of the split lacks a class
     */
    public static <T> Sets<T> splitByGroup(List<T> positives, List<T> negatives, Function<T, ?> group, long seed) {
        List<Object> groups = new ArrayList<>(new java.util.LinkedHashSet<>(
                java.util.stream.Stream.concat(positives.stream(), negatives.stream()).map(group).toList()));
        if (groups.stream().anyMatch(g -> g.getClass().isArray())) {
            // An array's equals is its identity: every example would be a group of its own.
            throw new IllegalArgumentException("group keys must compare by value (a String or a record), not arrays");
        }
        java.util.Collections.shuffle(groups, new java.util.Random(seed));
        java.util.Set<Object> heldOut = new java.util.HashSet<>();
        for (int i = 2; i < groups.size(); i += 3) {
            heldOut.add(groups.get(i));
        }
        Sets<T> sets = new Sets<>(positives.stream().filter(x -> !heldOut.contains(group.apply(x))).toList(),
                negatives.stream().filter(x -> !heldOut.contains(group.apply(x))).toList(),
                positives.stream().filter(x -> heldOut.contains(group.apply(x))).toList(),
                negatives.stream().filter(x -> heldOut.contains(group.apply(x))).toList());
        if (sets.trainPositives().isEmpty() || sets.trainNegatives().isEmpty() || sets.testPositives().isEmpty()
                || sets.testNegatives().isEmpty()) {
            throw new IllegalArgumentException(String.format("a split of %d groups by group leaves a side without a class "
                    + "(fitting %d+/%d-, test %d+/%d-)", groups.size(), sets.trainPositives().size(),
                    sets.trainNegatives().size(), sets.testPositives().size(), sets.testNegatives().size()));
        }
        return sets;
    }

    /**
     * The probe on the model's layer and on the untrained network's, beside the controls that do
     * not depend on the layer (the raw input, the model's own output: probed once by the caller with
     * {@link #probe}, and null where there is none).
     */
    public static <T> ControlledProbe controlled(String layer, Sets<T> sets, Function<List<T>, float[][]> model,
                                                 Function<List<T>, float[][]> untrained, Auroc rawInput,
                                                 Auroc output) {
        return new ControlledProbe(layer, probe(model, sets), untrained == null ? null : probe(untrained, sets),
                rawInput, output);
    }

    /**
     * {@code count} random directions with the norm of {@code like}, drawn from a fixed seed
     * (isotropic: normalised Gaussian vectors).
     */
    public static List<float[]> randomDirections(float[] like, int count, long seed) {
        double norm = 0;
        for (float v : like) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] g = new double[like.length];
            double n = 0;
            for (int i = 0; i < g.length; i++) {
                // Box-Muller from two uniforms (StrictMath: the same draws give the same direction everywhere).
                double u1 = 1 - random.nextDouble();
                double u2 = random.nextDouble();
                g[i] = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
                n += g[i] * g[i];
            }
            n = Math.sqrt(n);
            float[] d = new float[like.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (g[i] / n * norm);
            }
            out.add(d);
        }
        return out;
    }

    /** Mean, smallest and largest of a list of values: the random directions' spread. */
    public record Spread(double mean, double min, double max, int n) {
        public static Spread of(double[] values) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new Spread(sum / values.length, min, max, values.length);
        }

        public String format() {
            return String.format("%.2f (%.2f to %.2f over %d)", mean, min, max, n);
        }
    }
}
