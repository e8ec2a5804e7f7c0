package org.alignlab.rlhf;

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
 * A reward model learnt from preferences, after Christiano et al. (2017): each member of an
 * ensemble is a small perceptron (observation planes and one-hot action in, a reward out) whose
 * per-step rewards, summed over a segment, give that segment's score; the probability that one
 * segment is preferred is the Bradley-Terry logistic of the score difference, mixed with a 10%
 * chance of a uniformly random answer. Each member trains on a bootstrap resample of the training
 * labels; about 1/e of the labels are held out for validation, and the L2 strength is adapted so
 * that validation loss stays between 1.1 and 1.5 times training loss. The ensemble's prediction
 * is the members' mean. On DJL's PyTorch engine, one thread, reproducible from the seed.
 */
public final class RewardModel implements AutoCloseable {
    static {
        org.alignlab.core.DjlDefaults.apply();
    }

    /** Training settings. */
    public record Settings(int members, int hidden, int epochs, int batchSize, float learningRate, double initialL2,
                           double randomLabelShare, long seed) {
        public Settings {
            if (members < 1 || hidden < 1 || epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("members, hidden units, epochs and batch size must be at least 1");
            }
            if (!(learningRate > 0) || !(initialL2 >= 0) || !(randomLabelShare >= 0 && randomLabelShare < 1)) {
                throw new IllegalArgumentException("learning rate must be above 0, L2 at least 0, random-label share in [0, 1)");
            }
        }

        /** Three members, 64 hidden units, the paper's 10% random-label share. */
        public static Settings defaults(long seed) {
            return new Settings(3, 64, 60, 32, 3e-3f, 1e-4, 0.1, seed);
        }
    }

    /**
     * How the training went and how well the model predicts held-out comparisons.
     *
     * @param contradictions pairs of segments answered both ways (A over B and B over A, by one
     *                       rater or several): kept, not dropped - the Bradley-Terry likelihood with
     *                       its random-answer share treats them as the noise they are, and the
     *                       fitted preference between the two moves toward even
     */
    public record Fit(int trainingLabels, int validationLabels, int ties, int skipped, int contradictions,
                      double trainingLoss, double validationLoss, double validationAccuracy, double finalL2) {
    }

    private final Settings settings;
    private final int features;
    private final int actions;
    private final NDManager manager;
    private final List<Map<String, NDArray>> members = new ArrayList<>();
    private Fit fit;
    /** Mean and standard deviation of the ensemble's per-step reward over the training steps. */
    private double stepMean;
    private double stepSd = 1;

    private RewardModel(Settings settings, int observationSize, int actions) {
        this.settings = settings;
        this.actions = actions;
        this.features = observationSize + actions;
        this.manager = NDManager.newBaseManager("PyTorch");
    }

    /**
     * Fits an ensemble to {@code labels} (skips are left out, ties count as half a preference
     * each way).
     *
     * @throws IllegalArgumentException with fewer than 4 usable labels, or segments that cannot be compared
     */
    public static RewardModel train(List<Label> labels, int actions, Settings s) {
        List<Label> usable = new ArrayList<>();
        int skipped = 0;
        int ties = 0;
        for (Label l : labels) {
            Segment.checkComparable(l.first(), l.second());
            if (l.preference() == Rater.Preference.SKIP) {
                skipped++;
            } else {
                usable.add(l);
                ties += l.preference() == Rater.Preference.TIE ? 1 : 0;
            }
        }
        if (usable.size() < 4) {
            throw new IllegalArgumentException("a reward model needs at least 4 labels that are not skips, got "
                    + usable.size() + " (of " + labels.size() + "); label more comparisons");
        }
        int length = usable.get(0).first().length();
        for (Label l : usable) {
            if (l.first().length() != length) {
                throw new IllegalArgumentException("segments of mismatched length in one label set: " + length + " and "
                        + l.first().length() + " steps");
            }
        }
        RewardModel m = new RewardModel(s, usable.get(0).first().observations()[0].length, actions);
        SplittableRandom random = new SplittableRandom(s.seed());
        // About 1/e of the labels for validation (at least one), the rest for training.
        List<Label> shuffled = new ArrayList<>(usable);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        int validationSize = Math.max(1, (int) Math.round(shuffled.size() / Math.E));
        List<Label> validation = shuffled.subList(0, validationSize);
        List<Label> training = shuffled.subList(validationSize, shuffled.size());
        double l2 = s.initialL2();
        double trainLoss = Double.NaN;
        double validLoss = Double.NaN;
        for (int k = 0; k < s.members(); k++) {
            m.members.add(m.initialise(random));
        }
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate())).build();
        List<List<Label>> bootstraps = new ArrayList<>();
        for (int k = 0; k < s.members(); k++) {
            List<Label> sample = new ArrayList<>();
            for (int i = 0; i < training.size(); i++) {
                sample.add(training.get(random.nextInt(training.size())));
            }
            bootstraps.add(sample);
        }
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int k = 0; k < s.members(); k++) {
                List<Label> data = bootstraps.get(k);
                for (int from = 0; from < data.size(); from += s.batchSize()) {
                    m.step(k, data.subList(from, Math.min(data.size(), from + s.batchSize())), l2, adam);
                }
            }
            trainLoss = m.loss(training);
            validLoss = m.loss(validation);
            // Keep validation loss within 1.1-1.5x training loss (the paper's regularisation rule).
            if (validLoss > 1.5 * trainLoss) {
                l2 = Math.min(10, Math.max(l2 * 2, 1e-6));
            } else if (validLoss < 1.1 * trainLoss) {
                l2 = l2 / 2;
            }
        }
        if (!Double.isFinite(trainLoss) || !Double.isFinite(validLoss)) {
            throw new IllegalStateException("reward-model training diverged (loss " + trainLoss + ", validation "
                    + validLoss + "); lower the learning rate");
        }
        m.fit = new Fit(training.size(), validation.size(), ties, skipped, contradictions(usable), trainLoss, validLoss,
                m.accuracy(validation), l2);
        m.normaliseOn(training);
        return m;
    }

    /** Pairs of segments (in either order) that received both a FIRST and a SECOND answer. */
    static int contradictions(List<Label> labels) {
        Map<List<Object>, java.util.Set<Boolean>> answers = new java.util.HashMap<>();
        for (Label l : labels) {
            if (l.preference() != Rater.Preference.FIRST && l.preference() != Rater.Preference.SECOND) {
                continue;
            }
            // Identify a pair by its two segments (by identity, order-free) and the winner.
            int a = System.identityHashCode(l.first());
            int b = System.identityHashCode(l.second());
            boolean firstWins = l.preference() == Rater.Preference.FIRST;
            List<Object> key = a <= b ? List.of(l.first(), l.second()) : List.of(l.second(), l.first());
            boolean lowerWins = a <= b ? firstWins : !firstWins;
            answers.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(lowerWins);
        }
        return (int) answers.values().stream().filter(set -> set.size() == 2).count();
    }

    private Map<String, NDArray> initialise(SplittableRandom random) {
        Map<String, NDArray> p = new LinkedHashMap<>();
        int h = settings.hidden();
        p.put("w1", uniform(random, features, h));
        p.put("b1", manager.zeros(new Shape(h)));
        p.put("w2", uniform(random, h, h));
        p.put("b2", manager.zeros(new Shape(h)));
        p.put("w3", uniform(random, h, 1));
        p.put("b3", manager.zeros(new Shape(1)));
        for (NDArray a : p.values()) {
            a.setRequiresGradient(true);
        }
        return p;
    }

    private NDArray uniform(SplittableRandom random, int in, int out) {
        float[] v = new float[in * out];
        double bound = 1 / Math.sqrt(in);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return manager.create(v, new Shape(in, out));
    }

    /** Per-step rewards of member {@code p} for (n, features) inputs: (n). */
    private static NDArray rewards(Map<String, NDArray> p, NDArray x) {
        return forward(p, x, null, null, null).reshape(-1);
    }

    /** The layers {@link #capture} reads: each member's hidden1, hidden2 and output (the step reward). */
    public static final List<String> LAYERS = List.of("hidden1", "hidden2", "output");

    /**
     * The forward pass, optionally stopping at {@code stopAt} (returning that layer's activations)
     * and adding {@code steering} at its layer.
     */
    private static NDArray forward(Map<String, NDArray> p, NDArray x, String stopAt,
                                   org.alignlab.core.Steering steering, NDManager sub) {
        NDArray h = x;
        String[][] layers = {{"hidden1", "w1", "b1"}, {"hidden2", "w2", "b2"}, {"output", "w3", "b3"}};
        for (String[] l : layers) {
            h = h.matMul(p.get(l[1])).add(p.get(l[2]));
            if (!l[0].equals("output")) {
                h = ai.djl.nn.Activation.relu(h);
            }
            if (steering != null && steering.layer().equals(l[0])) {
                h = h.add(sub.create(steering.vector()));
            }
            if (l[0].equals(stopAt)) {
                return h;
            }
        }
        return h;
    }

    private static void checkLayer(String layer) {
        if (!LAYERS.contains(layer)) {
            throw new IllegalArgumentException("no layer '" + layer + "' in the reward model; layers: "
                    + String.join(", ", LAYERS));
        }
    }

    /**
     * Member {@code member}'s activations at {@code layer} for every real (unpadded) step of the
     * segments, in order: one row per step.
     */
    public float[][] capture(int member, String layer, List<Segment> segments) {
        checkLayer(layer);
        if (member < 0 || member >= members.size()) {
            throw new IllegalArgumentException("member " + member + " does not exist; the ensemble has " + members.size());
        }
        int length = segments.get(0).length();
        float[] x = inputs(segments);
        float[] mask = mask(segments);
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager sub = manager.newSubManager()) {
            NDArray out = forward(members.get(member), sub.create(x, new Shape((long) segments.size() * length, features)),
                    layer, null, sub);
            int width = (int) out.getShape().get(1);
            float[] values = out.toFloatArray();
            List<float[]> rows = new ArrayList<>();
            for (int i = 0; i < mask.length; i++) {
                if (mask[i] > 0) {
                    float[] row = new float[width];
                    System.arraycopy(values, i * width, row, 0, width);
                    rows.add(row);
                }
            }
            return rows.toArray(float[][]::new);
        } finally {
            JniUtils.setGradMode(mode);
        }
    }

    /** The ensemble's segment scores with {@code steering} added at its layer in every member. */
    public double[] score(List<Segment> segments, org.alignlab.core.Steering steering) {
        checkLayer(steering.layer());
        int length = segments.get(0).length();
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(inputs(segments), new Shape((long) segments.size() * length, features));
            NDArray m = sub.create(mask(segments));
            double[] out = new double[segments.size()];
            for (Map<String, NDArray> p : members) {
                float[] s = forward(p, x, null, steering, sub).reshape(-1).mul(m).reshape(segments.size(), length)
                        .sum(new int[] {1}).toFloatArray();
                for (int i = 0; i < out.length; i++) {
                    out[i] += s[i] / members.size();
                }
            }
            return out;
        } finally {
            JniUtils.setGradMode(mode);
        }
    }

    /** Step inputs of segments, row by row (observation planes, then the one-hot action; zeros for padding). */
    private float[] inputs(List<Segment> segments) {
        int length = segments.get(0).length();
        float[] x = new float[segments.size() * length * features];
        int obs = features - actions;
        for (int s = 0; s < segments.size(); s++) {
            Segment seg = segments.get(s);
            for (int t = 0; t < length; t++) {
                int row = (s * length + t) * features;
                if (seg.padding()[t]) {
                    continue; // a padded step earns nothing
                }
                System.arraycopy(seg.observations()[t], 0, x, row, obs);
                x[row + obs + seg.actions()[t]] = 1f;
            }
        }
        return x;
    }

    private static float[] mask(List<Segment> segments) {
        int length = segments.get(0).length();
        float[] m = new float[segments.size() * length];
        for (int s = 0; s < segments.size(); s++) {
            for (int t = 0; t < length; t++) {
                m[s * length + t] = segments.get(s).padding()[t] ? 0f : 1f;
            }
        }
        return m;
    }

    /** Segment scores of member {@code p}: (segments). */
    private NDArray scores(NDManager sub, Map<String, NDArray> p, List<Segment> segments) {
        int length = segments.get(0).length();
        NDArray x = sub.create(inputs(segments), new Shape((long) segments.size() * length, features));
        NDArray r = rewards(p, x).mul(sub.create(mask(segments)));
        return r.reshape(segments.size(), length).sum(new int[] {1});
    }

    /** The likelihood's log terms for labels under member {@code p}: (labels). */
    private NDArray logLikelihood(NDManager sub, Map<String, NDArray> p, List<Label> labels) {
        List<Segment> firsts = new ArrayList<>();
        List<Segment> seconds = new ArrayList<>();
        float[] y = new float[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            firsts.add(labels.get(i).first());
            seconds.add(labels.get(i).second());
            y[i] = switch (labels.get(i).preference()) {
                case FIRST -> 1f;
                case SECOND -> 0f;
                default -> 0.5f;
            };
        }
        NDArray diff = scores(sub, p, firsts).sub(scores(sub, p, seconds));
        float e = (float) settings.randomLabelShare();
        NDArray pFirst = DjlScalars.mul(diff.getNDArrayInternal().sigmoid(), 1 - e).add(e / 2);
        NDArray yy = sub.create(y);
        return yy.mul(pFirst.log()).add(yy.neg().add(1f).mul(pFirst.neg().add(1f).log()));
    }

    private void step(int member, List<Label> batch, double l2, Optimizer adam) {
        Map<String, NDArray> p = members.get(member);
        try (NDManager sub = manager.newSubManager()) {
            boolean mode = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            try {
                NDArray loss = logLikelihood(sub, p, batch).mean().neg();
                NDArray penalty = p.get("w1").square().sum().add(p.get("w2").square().sum()).add(p.get("w3").square().sum());
                loss = loss.add(DjlScalars.mul(penalty, (float) l2));
                JniUtils.backward((PtNDArray) loss, (PtNDArray) sub.ones(loss.getShape()), false, false);
            } finally {
                JniUtils.setGradMode(mode);
            }
            for (Map.Entry<String, NDArray> e : p.entrySet()) {
                adam.update(member + "." + e.getKey(), e.getValue(), e.getValue().getGradient());
                JniUtils.zeroGrad((PtNDArray) e.getValue());
            }
        }
    }

    /** Mean negative log-likelihood of the ensemble's members on {@code labels}. */
    private double loss(List<Label> labels) {
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager sub = manager.newSubManager()) {
            double total = 0;
            for (Map<String, NDArray> p : members) {
                total -= logLikelihood(sub, p, labels).mean().getFloat();
            }
            return total / members.size();
        } finally {
            JniUtils.setGradMode(mode);
        }
    }

    /** The share of strict preferences in {@code labels} the ensemble gets right (ties left out). */
    public double accuracy(List<Label> labels) {
        int right = 0;
        int n = 0;
        List<Label> strict = labels.stream().filter(l -> l.preference() == Rater.Preference.FIRST
                || l.preference() == Rater.Preference.SECOND).toList();
        if (strict.isEmpty()) {
            return Double.NaN;
        }
        double[] a = score(strict.stream().map(Label::first).toList());
        double[] b = score(strict.stream().map(Label::second).toList());
        for (int i = 0; i < strict.size(); i++) {
            boolean predictsFirst = a[i] > b[i];
            right += predictsFirst == (strict.get(i).preference() == Rater.Preference.FIRST) ? 1 : 0;
            n++;
        }
        return right / (double) n;
    }

    /** The ensemble's score (summed predicted reward) of each segment. */
    public double[] score(List<Segment> segments) {
        return memberMean(segments, -1);
    }

    /** Member {@code k}'s scores, or the ensemble mean with k = -1. */
    private double[] memberMean(List<Segment> segments, int k) {
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager sub = manager.newSubManager()) {
            double[] out = new double[segments.size()];
            List<Map<String, NDArray>> which = k < 0 ? members : List.of(members.get(k));
            for (Map<String, NDArray> p : which) {
                float[] s = scores(sub, p, segments).toFloatArray();
                for (int i = 0; i < out.length; i++) {
                    out[i] += s[i] / which.size();
                }
            }
            return out;
        } finally {
            JniUtils.setGradMode(mode);
        }
    }

    /**
     * How much the members disagree about which of each pair is better: the variance across
     * members of the preference probability. The pairs worth asking a rater about first.
     */
    public double[] disagreement(List<Segment> firsts, List<Segment> seconds) {
        double[][] p = new double[members.size()][];
        for (int k = 0; k < members.size(); k++) {
            double[] a = memberMean(firsts, k);
            double[] b = memberMean(seconds, k);
            p[k] = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                p[k][i] = 1 / (1 + Math.exp(-(a[i] - b[i])));
            }
        }
        double[] out = new double[firsts.size()];
        for (int i = 0; i < out.length; i++) {
            double mean = 0;
            for (double[] pk : p) {
                mean += pk[i] / p.length;
            }
            for (double[] pk : p) {
                out[i] += (pk[i] - mean) * (pk[i] - mean) / p.length;
            }
        }
        return out;
    }

    public Fit fit() {
        return fit;
    }

    /** Sets the per-step normalisation from the unpadded steps of the training segments. */
    private void normaliseOn(List<Label> training) {
        List<Segment> segments = new ArrayList<>();
        for (Label l : training) {
            segments.add(l.first());
            segments.add(l.second());
        }
        int length = segments.get(0).length();
        float[] x = inputs(segments);
        float[] mask = mask(segments);
        double[] r = raw(x, segments.size() * length);
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int i = 0; i < r.length; i++) {
            if (mask[i] > 0) {
                sum += r[i];
                sumSq += r[i] * r[i];
                n++;
            }
        }
        stepMean = sum / n;
        stepSd = Math.max(1e-6, Math.sqrt(Math.max(0, sumSq / n - stepMean * stepMean)));
    }

    /** The ensemble's mean per-step reward for {@code rows} input rows. */
    private double[] raw(float[] x, int rows) {
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager sub = manager.newSubManager()) {
            NDArray input = sub.create(x, new Shape(rows, features));
            double[] out = new double[rows];
            for (Map<String, NDArray> p : members) {
                float[] r = rewards(p, input).toFloatArray();
                for (int i = 0; i < rows; i++) {
                    out[i] += r[i] / members.size();
                }
            }
            return out;
        } finally {
            JniUtils.setGradMode(mode);
        }
    }

    /**
     * The learnt reward as a training signal: per step, the ensemble's mean prediction,
     * standardised over the training steps (zero mean, unit spread), for {@code n} observations
     * (one-hot planes, row by row) and actions.
     */
    public org.alignlab.rl.neural.RewardSignal.StepReward stepReward() {
        int obs = features - actions;
        return (observations, chosen, n, out) -> {
            float[] x = new float[n * features];
            for (int i = 0; i < n; i++) {
                System.arraycopy(observations, i * obs, x, i * features, obs);
                x[i * features + obs + chosen[i]] = 1f;
            }
            double[] r = raw(x, n);
            for (int i = 0; i < n; i++) {
                out[i] = (float) ((r[i] - stepMean) / stepSd);
            }
        };
    }

    /**
     * Each member's network on the Java side, reading one step as the model does (the observation,
     * then the action one-hot): its output is the member's raw reward for the step, and the mean over
     * members is the ensemble's ({@link #score} of a one-step segment). For valuing many single steps
     * without a call into the engine each (a recommender's posts, once per user and step).
     */
    public org.alignlab.core.Perceptron[] perceptrons() {
        int h = settings.hidden();
        org.alignlab.core.Perceptron[] out = new org.alignlab.core.Perceptron[members.size()];
        for (int k = 0; k < out.length; k++) {
            Map<String, NDArray> p = members.get(k);
            out[k] = new org.alignlab.core.Perceptron(features, h, p.get("w1").toFloatArray(),
                    p.get("b1").toFloatArray(), p.get("w2").toFloatArray(), p.get("b2").toFloatArray(),
                    p.get("w3").toFloatArray(), p.get("b3").toFloatArray()[0]);
        }
        return out;
    }

    /** Each segment's learnt return in the standardised units of {@link #stepReward}. */
    public double[] standardisedReturn(List<Segment> segments) {
        double[] raw = score(segments);
        double[] out = new double[raw.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (raw[i] - stepMean * segments.get(i).steps()) / stepSd;
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
