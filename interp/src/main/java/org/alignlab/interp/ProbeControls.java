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
    /** What {@link #foldsByGroup} says when a fold could be fitted on one class only. */
    private static final String FITTING_SET_LACKS_A_CLASS = "fitting set without a class";

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
        FoldScores scores = scores(features, folds);
        return Auroc.withinStrata(scores.positives(), scores.negatives());
    }

    /** Each fold's held-out positives and negatives, scored by the probe fitted on that fold's fitting sets. */
    private record FoldScores(List<double[]> positives, List<double[]> negatives) {
    }

    private static <T> FoldScores scores(Function<List<T>, float[][]> features, List<Sets<T>> folds) {
        List<double[]> positives = new ArrayList<>();
        List<double[]> negatives = new ArrayList<>();
        for (Sets<T> fold : folds) {
            LinearProbe p = LinearProbe.fit(features.apply(fold.trainPositives()), features.apply(fold.trainNegatives()),
                    LinearProbe.Settings.defaults());
            positives.add(fold.testPositives().isEmpty() ? new double[0] : p.scores(features.apply(fold.testPositives())));
            negatives.add(fold.testNegatives().isEmpty() ? new double[0] : p.scores(features.apply(fold.testNegatives())));
        }
        return new FoldScores(positives, negatives);
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
                throw new IllegalArgumentException(String.format("%d folds of %d groups leave fold %d's "
                        + FITTING_SET_LACKS_A_CLASS + " (%d+/%d-)", folds, groups.size(), k + 1, sets.trainPositives().size(),
                        sets.trainNegatives().size()));
            }
            out.add(sets);
        }
        return out;
    }

    /**
     * A probe's chance level under the cross-validation it is scored with: the mean and 95th percentile of its AUROC
     * over {@code permutations} random relabellings.
     */
    public record Chance(double mean, double p95, int permutations) {
        public String format() {
            return String.format(java.util.Locale.ROOT, "%.3f (95th percentile %.3f, %d permutations)", mean, p95,
                    permutations);
        }
    }

    /**
     * The AUROC a probe reaches by chance under {@link #foldsByGroup} and {@link #probe}: the class labels dealt at
     * random in a way that keeps the groups' make-up ({@link #relabel}), the folds dealt anew from them as for the real
     * labels (with a seed of their own), the probe fitted and scored on each fold. Scoring on held-out groups can put a probe that finds nothing
     * below 0.5 on average (a held-out group's examples are missing from their class's fitted mean, so they look a
     * little like the other class), by an amount that depends on how the classes fall within groups, which is why the
     * relabelling keeps that; so this, not 0.5, is the level to read a control's AUROC against. Relabellings that leave a
     * fold's fitting set without a class, or no fold with both classes held out, are drawn again; seeded, so the same
     * inputs give the same level.
     *
     * @param features what the probe reads, computed once for every example (in one batch)
     * @throws IllegalArgumentException if permutations is below 1, or no relabelling can be scored
     */
    public static <T> Chance chance(Function<List<T>, float[][]> features, List<T> positives, List<T> negatives,
                                    Function<T, ?> group, int folds, long seed, int permutations) {
        if (permutations < 1) {
            throw new IllegalArgumentException("chance needs at least 1 permutation, got " + permutations);
        }
        List<T> all = new ArrayList<>(positives);
        all.addAll(negatives);
        float[][] rows = features.apply(all);
        java.util.Map<T, float[]> rowOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            rowOf.put(all.get(i), rows[i]);
        }
        Function<List<T>, float[][]> lookUp = xs -> xs.stream().map(rowOf::get).toArray(float[][]::new);
        java.util.Random random = new java.util.Random(seed);
        double[] values = new double[permutations];
        int done = 0;
        for (int attempt = 0; done < permutations; attempt++) {
            if (attempt >= 10 * permutations) {
                throw new IllegalArgumentException("no relabelling of " + positives.size() + "+/" + negatives.size()
                        + "- examples into " + folds + " folds keeps both classes in every fitting set");
            }
            Relabelled<T> relabelled = relabel(positives, negatives, group, random);
            List<Sets<T>> split;
            try {
                // Folds dealt with a seed of their own each time: the null averages over how folds fall, too.
                split = foldsByGroup(relabelled.positives(), relabelled.negatives(), group, folds, random.nextLong());
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().contains(FITTING_SET_LACKS_A_CLASS)) {
                    throw e;
                }
                continue;
            }
            FoldScores scores = scores(lookUp, split);
            boolean anyFoldScored = false;
            for (int k = 0; k < split.size(); k++) {
                anyFoldScored |= scores.positives().get(k).length > 0 && scores.negatives().get(k).length > 0;
            }
            if (!anyFoldScored) {
                continue;
            }
            values[done++] = Auroc.withinStrataValue(scores.positives(), scores.negatives());
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return new Chance(sum / permutations, org.alignlab.core.Statistics.quantile(values, 0.95), permutations);
    }

    /** A relabelling of the same examples: as many positives and negatives as before. */
    record Relabelled<T>(List<T> positives, List<T> negatives) {
    }

    /**
     * The examples relabelled at random, keeping every group's make-up: the groups' counts of positives are shuffled
     * among groups of the same size, and within each group that many of its examples, drawn at random, are positives.
     * So a group that held one example of each class (a position's watched and unwatched boards) still does, and the
     * classes' sizes stay as they were.
     */
    static <T> Relabelled<T> relabel(List<T> positives, List<T> negatives, Function<T, ?> group,
                                     java.util.Random random) {
        java.util.Map<Object, List<T>> members = new java.util.LinkedHashMap<>();
        java.util.Map<Object, Integer> positivesIn = new java.util.HashMap<>();
        for (T x : positives) {
            members.computeIfAbsent(group.apply(x), g -> new ArrayList<>()).add(x);
            positivesIn.merge(group.apply(x), 1, Integer::sum);
        }
        negatives.forEach(x -> members.computeIfAbsent(group.apply(x), g -> new ArrayList<>()).add(x));
        java.util.Map<Integer, List<Object>> bySize = new java.util.TreeMap<>();
        members.forEach((g, xs) -> bySize.computeIfAbsent(xs.size(), n -> new ArrayList<>()).add(g));
        List<T> newPositives = new ArrayList<>();
        List<T> newNegatives = new ArrayList<>();
        for (List<Object> groups : bySize.values()) {
            List<Integer> counts = new ArrayList<>(groups.stream().map(g -> positivesIn.getOrDefault(g, 0)).toList());
            java.util.Collections.shuffle(counts, random);
            for (int i = 0; i < groups.size(); i++) {
                List<T> xs = new ArrayList<>(members.get(groups.get(i)));
                java.util.Collections.shuffle(xs, random);
                newPositives.addAll(xs.subList(0, counts.get(i)));
                newNegatives.addAll(xs.subList(counts.get(i), xs.size()));
            }
        }
        return new Relabelled<>(newPositives, newNegatives);
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
