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
        return probe(features, List.of(sets));
    }

    /**
     * Cross-validated: fits a probe on each fold's fitting sets and scores that fold's test sets, so that each example
     * is scored once, by a probe not fitted on it; the AUROC counts pairs within a fold only ({@link
     * Auroc#withinStrata}), since scores of probes fitted on different folds are not on one scale; 95% bootstrap.
     */
    public static <T> Auroc probe(Function<List<T>, float[][]> features, List<Sets<T>> folds) {
        List<double[]> positives = new ArrayList<>();
        List<double[]> negatives = new ArrayList<>();
        for (Sets<T> fold : folds) {
            LinearProbe p = LinearProbe.fit(features.apply(fold.trainPositives()), features.apply(fold.trainNegatives()),
                    LinearProbe.Settings.defaults());
            positives.add(fold.testPositives().isEmpty() ? new double[0] : p.scores(features.apply(fold.testPositives())));
            negatives.add(fold.testNegatives().isEmpty() ? new double[0] : p.scores(features.apply(fold.testNegatives())));
        }
        return Auroc.withinStrata(positives, negatives);
    }

    /**
     * Splits examples into {@code folds} folds by group for cross-validation, so that no example is scored by a probe
     * fitted on its group: for small worlds where the same example recurs (one board position met in many episodes),
     * where a split by episode would test on copies of what was fitted. Each group is held out in exactly one fold. The
     * groups are dealt to the folds in a seeded order, those with a larger share of positives first, so that every
     * fold holds both classes where it can and the fitting sets are balanced alike (dealt back and forth, so that no fold
     * always gets the extra group).
     *
     * @param group what an example belongs to (any key with equals and hashCode)
     * @throws IllegalArgumentException if a class is empty or a fold's fitting sets lack a class
     */
    public static <T> List<Sets<T>> foldsByGroup(List<T> positives, List<T> negatives, Function<T, ?> group, int folds,
                                                 long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        if (positives.isEmpty() || negatives.isEmpty()) {
            throw new IllegalArgumentException("cross-validation needs both classes; got " + positives.size()
                    + " positive and " + negatives.size() + " negative examples");
        }
        java.util.Map<Object, int[]> counts = new java.util.LinkedHashMap<>(); // per group: positives, examples
        positives.forEach(x -> counts.computeIfAbsent(group.apply(x), g -> new int[2])[0]++);
        java.util.stream.Stream.concat(positives.stream(), negatives.stream())
                .forEach(x -> counts.computeIfAbsent(group.apply(x), g -> new int[2])[1]++);
        List<Object> groups = new ArrayList<>(counts.keySet());
        if (groups.stream().anyMatch(g -> g.getClass().isArray())) {
            // An array's equals is its identity: every example would be a group of its own.
            throw new IllegalArgumentException("group keys must compare by value (a String or a record), not arrays");
        }
        java.util.Collections.shuffle(groups, new java.util.Random(seed));
        // Stable: groups of the same share keep their seeded order.
        groups.sort(java.util.Comparator.comparingDouble(g -> -(double) counts.get(g)[0] / counts.get(g)[1]));
        java.util.Map<Object, Integer> foldOf = new java.util.HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            // Dealt back and forth (0, 1, 2, 2, 1, 0, ...), so that no fold always gets the extra group of a kind.
            foldOf.put(groups.get(i), (i / folds) % 2 == 0 ? i % folds : folds - 1 - i % folds);
        }
        List<Sets<T>> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            int fold = k;
            java.util.function.Predicate<T> held = x -> foldOf.get(group.apply(x)) == fold;
            Sets<T> sets = new Sets<>(positives.stream().filter(held.negate()).toList(),
                    negatives.stream().filter(held.negate()).toList(), positives.stream().filter(held).toList(),
                    negatives.stream().filter(held).toList());
            if (sets.trainPositives().isEmpty() || sets.trainNegatives().isEmpty()) {
                throw new IllegalArgumentException(String.format("%d folds of %d groups leave fold %d's fitting set "
                        + "without a class (%d+/%d-)", folds, groups.size(), k + 1, sets.trainPositives().size(),
                        sets.trainNegatives().size()));
            }
            out.add(sets);
        }
        return out;
    }

    /**
     * The probe on the model's layer and on the untrained network's, beside the controls that do
     * not depend on the layer (the raw input, the model's own output: probed once by the caller with
     * {@link #probe}, and null where there is none).
     */
    public static <T> ControlledProbe controlled(String layer, Sets<T> sets, Function<List<T>, float[][]> model,
                                                 Function<List<T>, float[][]> untrained, Auroc rawInput,
                                                 Auroc output) {
        return controlled(layer, List.of(sets), model, untrained, rawInput, output);
    }

    /** As {@link #controlled(String, Sets, Function, Function, Auroc, Auroc)}, cross-validated over folds. */
    public static <T> ControlledProbe controlled(String layer, List<Sets<T>> folds, Function<List<T>, float[][]> model,
                                                 Function<List<T>, float[][]> untrained, Auroc rawInput,
                                                 Auroc output) {
        return new ControlledProbe(layer, probe(model, folds), untrained == null ? null : probe(untrained, folds),
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
