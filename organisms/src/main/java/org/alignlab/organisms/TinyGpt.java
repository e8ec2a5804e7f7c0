package org.alignlab.organisms;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
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
 * A small decoder-only transformer (GPT-style: pre-norm blocks of causal self-attention and an
 * MLP, learned positions, output tied to the token embedding) on DJL's PyTorch engine, written
 * out with array operations so every weight is a named parameter the interpretability tools can
 * read and every activation can be captured. Weights are initialised from the run's seed on the
 * Java side; with one intra-op thread, training is reproducible bit for bit.
 */
public final class TinyGpt implements AutoCloseable {
    static {
        org.alignlab.core.DjlDefaults.apply();
    }

    /** The architecture. */
    public record Shape(int vocabulary, int context, int width, int layers, int heads) {
        public Shape {
            if (width % heads != 0) {
                throw new IllegalArgumentException("width must be a multiple of heads");
            }
        }
    }

    private final Shape shape;
    private final NDManager manager;
    /** Parameters by name, in a fixed order (the order of the weights file). */
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    /** Width of the per-sequence conditioning vector added to every position (0: none). */
    private final int conditionWidth;

    public TinyGpt(Shape shape, long seed) {
        this(shape, 0, seed);
    }

    /**
     * A model that also reads, per sequence, a conditioning vector of {@code conditionWidth} values
     * (e.g. a pretrained sentence embedding of the prompt), projected by a learnt matrix and added
     * to the residual stream at every position.
     */
    TinyGpt(Shape shape, int conditionWidth, long seed) {
        this.shape = shape;
        this.conditionWidth = conditionWidth;
        this.manager = NDManager.newBaseManager("PyTorch");
        SplittableRandom random = new SplittableRandom(seed);
        int d = shape.width();
        add("token_embedding", random, 0.02, shape.vocabulary(), d);
        add("position_embedding", random, 0.02, shape.context(), d);
        for (int l = 0; l < shape.layers(); l++) {
            String p = "layer" + l + ".";
            ones(p + "ln1.gain", d);
            zeros(p + "ln1.bias", d);
            for (String w : new String[] {"query", "key", "value", "output"}) {
                add(p + "attention." + w, random, 1 / Math.sqrt(d), d, d);
            }
            ones(p + "ln2.gain", d);
            zeros(p + "ln2.bias", d);
            add(p + "mlp.in", random, 1 / Math.sqrt(d), d, 4 * d);
            zeros(p + "mlp.in_bias", 4 * d);
            add(p + "mlp.out", random, 1 / Math.sqrt(4 * d), 4 * d, d);
            zeros(p + "mlp.out_bias", d);
        }
        ones("final_ln.gain", d);
        zeros("final_ln.bias", d);
        if (conditionWidth > 0) {
            add("condition_projection", random, 1 / Math.sqrt(conditionWidth), conditionWidth, d);
        }
    }

    /** A copy with the same parameters, independent of this one. */
    TinyGpt copy() {
        TinyGpt out = new TinyGpt(shape, conditionWidth, 0);
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            out.parameters.get(e.getKey()).set(e.getValue().toFloatArray());
        }
        return out;
    }

    private void add(String name, SplittableRandom random, double scale, int... dims) {
        int n = 1;
        for (int x : dims) {
            n *= x;
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * scale * Math.sqrt(3)); // uniform with that std
        }
        put(name, manager.create(values, new ai.djl.ndarray.types.Shape(toLong(dims))));
    }

    private void ones(String name, int n) {
        put(name, manager.ones(new ai.djl.ndarray.types.Shape(n)));
    }

    private void zeros(String name, int n) {
        put(name, manager.zeros(new ai.djl.ndarray.types.Shape(n)));
    }

    private void put(String name, NDArray array) {
        array.setRequiresGradient(true);
        parameters.put(name, array);
    }

    private static long[] toLong(int[] xs) {
        long[] out = new long[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[i];
        }
        return out;
    }

    public Shape shape() {
        return shape;
    }

    /** The parameters by name (read-only use: interpretability, saving). */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /**
     * Logits for every position of a batch of token sequences, and (if {@code capture} is not null)
     * the residual stream after each block, under the names {@code layerN.residual}.
     *
     * @param tokens int64 (batch, time), time at most the context
     */
    NDArray forward(NDManager sub, NDArray tokens, Map<String, NDArray> capture) {
        return forward(sub, tokens, capture, null);
    }

    /** The layers whose activations {@link #forward} captures and steering reaches, in order. */
    List<String> layers() {
        List<String> out = new ArrayList<>();
        out.add("embedding");
        for (int l = 0; l < shape.layers(); l++) {
            out.add("layer" + l + ".residual");
        }
        return out;
    }

    /**
     * As {@link #forward(NDManager, NDArray, Map)}, with {@code steering} (or null) added to the
     * residual stream at its layer, at every position.
     */
    NDArray forward(NDManager sub, NDArray tokens, Map<String, NDArray> capture, org.alignlab.core.Steering steering) {
        return forward(sub, tokens, capture, steering, null);
    }

    /** As above, with each sequence's conditioning vector (batch x conditionWidth; null for none). */
    private NDArray forward(NDManager sub, NDArray tokens, Map<String, NDArray> capture,
                            org.alignlab.core.Steering steering, NDArray condition) {
        return hidden(sub, tokens, capture, steering, condition).matMul(parameters.get("token_embedding").transpose());
    }

    /** The final residual stream, normalised (batch, time, width): the logits before the tied output projection. */
    private NDArray hidden(NDManager sub, NDArray tokens, Map<String, NDArray> capture,
                           org.alignlab.core.Steering steering, NDArray condition) {
        if (steering != null) {
            checkLayer(steering.layer());
            if (steering.direction().length != shape.width()) {
                throw new IllegalArgumentException("steering direction has " + steering.direction().length
                        + " values, the residual stream has " + shape.width());
            }
        }
        long batch = tokens.getShape().get(0);
        long time = tokens.getShape().get(1);
        int d = shape.width();
        int heads = shape.heads();
        int dh = d / heads;
        NDArray embedding = parameters.get("token_embedding");
        NDArray x = tokens.getNDArrayInternal().embedding(tokens, embedding, SparseFormat.DENSE).singletonOrThrow()
                .add(parameters.get("position_embedding").get("0:" + time));
        if (condition != null) {
            x = x.add(condition.matMul(parameters.get("condition_projection")).reshape(batch, 1, d));
        }
        x = steered(sub, x, "embedding", steering);
        if (capture != null) {
            capture.put("embedding", x);
        }
        // Causal mask: a large negative number where a position would look ahead.
        float[] mask = new float[(int) (time * time)];
        for (int i = 0; i < time; i++) {
            for (int j = i + 1; j < time; j++) {
                mask[(int) (i * time + j)] = -1e9f;
            }
        }
        NDArray causal = sub.create(mask, new ai.djl.ndarray.types.Shape(time, time));
        for (int l = 0; l < shape.layers(); l++) {
            String p = "layer" + l + ".";
            NDArray h = layerNorm(x, p + "ln1");
            NDArray q = heads(h.matMul(parameters.get(p + "attention.query")), batch, time, heads, dh);
            NDArray k = heads(h.matMul(parameters.get(p + "attention.key")), batch, time, heads, dh);
            NDArray v = heads(h.matMul(parameters.get(p + "attention.value")), batch, time, heads, dh);
            NDArray scores = DjlScalars.div(q.matMul(k.transpose(0, 1, 3, 2)), (float) Math.sqrt(dh)).add(causal);
            NDArray attended = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(batch, time, d);
            x = x.add(attended.matMul(parameters.get(p + "attention.output")));
            NDArray m = layerNorm(x, p + "ln2").matMul(parameters.get(p + "mlp.in")).add(parameters.get(p + "mlp.in_bias"));
            x = x.add(ai.djl.nn.Activation.relu(m).matMul(parameters.get(p + "mlp.out"))
                    .add(parameters.get(p + "mlp.out_bias")));
            x = steered(sub, x, p + "residual", steering);
            if (capture != null) {
                capture.put(p + "residual", x);
            }
        }
        return layerNorm(x, "final_ln");
    }

    private static NDArray steered(NDManager sub, NDArray x, String layer, org.alignlab.core.Steering steering) {
        return steering != null && steering.layer().equals(layer) ? x.add(sub.create(steering.vector())) : x;
    }

    /** @throws IllegalArgumentException naming the valid layers, if {@code layer} is not one */
    void checkLayer(String layer) {
        if (!layers().contains(layer)) {
            throw new IllegalArgumentException("no layer '" + layer + "' in this model; layers: "
                    + String.join(", ", layers()));
        }
    }

    private static NDArray heads(NDArray x, long batch, long time, int heads, int dh) {
        return x.reshape(batch, time, heads, dh).transpose(0, 2, 1, 3);
    }

    /** Layer normalisation over the feature axis only (DJL's LayerNorm would normalise over time too). */
    private NDArray layerNorm(NDArray x, String name) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centred = x.sub(mean);
        NDArray variance = centred.square().mean(new int[] {-1}, true);
        return centred.div(variance.add(1e-5f).sqrt()).mul(parameters.get(name + ".gain"))
                .add(parameters.get(name + ".bias"));
    }

    /** One training example: tokens and, per position, whether its next token counts in the loss. */
    record Sequence(int[] tokens, boolean[] scored, float[] condition) {
        Sequence(int[] tokens, boolean[] scored) {
            this(tokens, scored, null);
        }

        Sequence withCondition(float[] c) {
            return new Sequence(tokens, scored, c);
        }
    }

    /** The conditioning vectors as one batch array, or null for a model that reads none. */
    private NDArray conditions(NDManager sub, List<float[]> vectors) {
        if (conditionWidth == 0) {
            return null;
        }
        float[] all = new float[vectors.size() * conditionWidth];
        for (int b = 0; b < vectors.size(); b++) {
            float[] v = vectors.get(b);
            if (v == null || v.length != conditionWidth) {
                throw new IllegalArgumentException("this model reads a conditioning vector of " + conditionWidth
                        + " values per sequence");
            }
            System.arraycopy(v, 0, all, b * conditionWidth, conditionWidth);
        }
        return sub.create(all, new ai.djl.ndarray.types.Shape(vectors.size(), conditionWidth));
    }

    /** The global norm gradients are clipped to before each update. */
    static final double MAX_GRADIENT_NORM = 1.0;

    /**
     * Trains on the sequences with Adam: cross-entropy of the next token where scored, gradients
     * clipped to a global norm of {@link #MAX_GRADIENT_NORM}.
     *
     * @throws IllegalStateException if the loss stops being finite (training diverged)
     * @return the mean loss of the last 50 steps
     */
    double train(List<Sequence> data, int steps, int batchSize, float learningRate, long seed,
                 java.util.function.IntConsumer progress) {
        return loop(steps, learningRate, seed, progress, random -> {
            List<Sequence> chosen = new ArrayList<>();
            for (int b = 0; b < batchSize; b++) {
                chosen.add(data.get(random.nextInt(data.size())));
            }
            return sub -> {
                Scored s = scored(sub, chosen);
                return DjlScalars.div(s.logProbs().sum(), Math.max(1f, s.count())).neg();
            };
        });
    }

    /** One step: draws its batch from the loop's random source and returns how to build the loss on it. */
    @FunctionalInterface
    private interface Step {
        java.util.function.Function<NDManager, NDArray> draw(SplittableRandom random);
    }

    /**
     * The training loop both objectives share: {@code steps} Adam updates at {@code learningRate},
     * each on the loss {@code step} builds from batches drawn with {@code seed}.
     *
     * @return the mean loss of the last 50 steps
     */
    private double loop(int steps, float learningRate, long seed, java.util.function.IntConsumer progress, Step step) {
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
        SplittableRandom random = new SplittableRandom(seed);
        double recent = 0;
        int counted = 0;
        for (int i = 0; i < steps; i++) {
            float loss = update(adam, i, step.draw(random));
            if (i >= steps - 50) {
                recent += loss;
                counted++;
            }
            if (progress != null) {
                progress.accept(i + 1);
            }
        }
        return recent / Math.max(1, counted);
    }

    /**
     * The log-probability of each scored next token of a batch (batch x time, zero where not
     * scored) and how many were scored. Sequences are padded to the batch's longest, not to the
     * context: attention costs the square.
     */
    private record Scored(NDArray logProbs, float count) {
    }

    private Scored scored(NDManager sub, List<Sequence> batch) {
        int time = 1;
        for (Sequence s : batch) {
            time = Math.max(time, Math.min(s.tokens.length, shape.context()));
        }
        int n = batch.size();
        long[] tokens = new long[n * time];
        float[] weights = new float[n * time];
        long[] targets = new long[n * time];
        for (int b = 0; b < n; b++) {
            Sequence s = batch.get(b);
            for (int t = 0; t < time; t++) {
                tokens[b * time + t] = t < s.tokens.length ? s.tokens[t] : Vocabulary.PAD;
                boolean scored = t + 1 < s.tokens.length && s.scored[t];
                targets[b * time + t] = scored ? s.tokens[t + 1] : Vocabulary.PAD;
                weights[b * time + t] = scored ? 1f : 0f;
            }
        }
        NDArray logits = forward(sub, sub.create(tokens, new ai.djl.ndarray.types.Shape(n, time)), null, null,
                conditions(sub, batch.stream().map(Sequence::condition).toList()));
        NDArray logp = logits.logSoftmax(-1).reshape((long) n * time, shape.vocabulary());
        NDArray picked = logp.gather(sub.create(targets, new ai.djl.ndarray.types.Shape((long) n * time, 1)), 1)
                .reshape(n, time);
        return new Scored(picked.mul(sub.create(weights, new ai.djl.ndarray.types.Shape(n, time))), sumOf(weights));
    }

    /**
     * One Adam step on the loss {@code loss} builds: backward, gradients clipped to a global norm
     * of {@link #MAX_GRADIENT_NORM} (one bad batch cannot throw the weights off), update.
     *
     * @throws IllegalStateException if the loss is not finite (training diverged)
     */
    private float update(Optimizer adam, int step, java.util.function.Function<NDManager, NDArray> loss) {
        try (NDManager sub = manager.newSubManager()) {
            boolean gradMode = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            float value;
            try {
                NDArray l = loss.apply(sub);
                JniUtils.backward((PtNDArray) l, (PtNDArray) sub.ones(l.getShape()), false, false);
                value = l.getFloat();
            } finally {
                JniUtils.setGradMode(gradMode);
            }
            if (!Float.isFinite(value)) {
                throw new IllegalStateException("training diverged at step " + (step + 1) + " (loss " + value
                        + "); nothing was saved: try another seed or a lower learning rate");
            }
            double squares = 0;
            for (NDArray p : parameters.values()) {
                squares += p.getGradient().square().sum().getFloat();
            }
            double norm = Math.sqrt(squares);
            float scale = norm > MAX_GRADIENT_NORM ? (float) (MAX_GRADIENT_NORM / norm) : 1f;
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                NDArray gradient = e.getValue().getGradient();
                adam.update(e.getKey(), e.getValue(), scale == 1f ? gradient : gradient.mul(scale));
                JniUtils.zeroGrad((PtNDArray) e.getValue());
            }
            return value;
        }
    }

    /** The summed log-probability of each sequence's scored tokens (its reply, given its prompt). */
    double[] logProbabilities(List<Sequence> sequences) {
        double[] out = new double[sequences.size()];
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (int from = 0; from < sequences.size(); from += 64) {
                List<Sequence> part = sequences.subList(from, Math.min(sequences.size(), from + 64));
                try (NDManager sub = manager.newSubManager()) {
                    float[] sums = scored(sub, part).logProbs().sum(new int[] {1}).toFloatArray();
                    for (int i = 0; i < sums.length; i++) {
                        out[from + i] = sums[i];
                    }
                }
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        return out;
    }

    /**
     * A comparison for direct preference optimisation: two replies to one prompt, the probability
     * that the first is preferred (a soft label), and each reply's log-probability under the
     * reference policy.
     */
    record Comparison(Sequence first, Sequence second, double preferFirst, double referenceFirst,
                      double referenceSecond) {
    }

    /**
     * Direct preference optimisation (Rafailov et al. 2023) with soft labels: minimises
     * -[p log sigmoid(d) + (1 - p) log sigmoid(-d)] with d = beta ((log pi(a) - log ref(a)) -
     * (log pi(b) - log ref(b))), by Adam on batches of comparisons drawn with {@code seed}.
     *
     * @return the mean loss of the last 50 steps
     */
    double trainPreferences(List<Comparison> data, double beta, int steps, int batchSize, float learningRate,
                            long seed, java.util.function.IntConsumer progress) {
        return loop(steps, learningRate, seed, progress, random -> {
            List<Comparison> chosen = new ArrayList<>();
            for (int b = 0; b < batchSize; b++) {
                chosen.add(data.get(random.nextInt(data.size())));
            }
            return sub -> {
                List<Sequence> both = new ArrayList<>();
                chosen.forEach(c -> both.add(c.first()));
                chosen.forEach(c -> both.add(c.second()));
                NDArray sums = scored(sub, both).logProbs().sum(new int[] {1});
                int n = chosen.size();
                float[] reference = new float[n];
                float[] labels = new float[n];
                for (int i = 0; i < n; i++) {
                    reference[i] = (float) (chosen.get(i).referenceFirst() - chosen.get(i).referenceSecond());
                    labels[i] = (float) chosen.get(i).preferFirst();
                }
                NDArray margin = sums.get("0:" + n).sub(sums.get(n + ":")).sub(sub.create(reference));
                NDArray d = DjlScalars.mul(margin, (float) beta);
                NDArray p = sub.create(labels);
                return p.mul(logSigmoid(d)).add(p.neg().add(1f).mul(logSigmoid(d.neg()))).mean().neg();
            };
        });
    }

    /** log sigmoid(x) = -(max(-x, 0) + log(1 + exp(-|x|))): finite, with its gradient, for any x. */
    private static NDArray logSigmoid(NDArray x) {
        return DjlScalars.maximum(x.neg(), 0f).add(x.abs().neg().exp().add(1f).log()).neg();
    }

    private static float sumOf(float[] xs) {
        float s = 0;
        for (float x : xs) {
            s += x;
        }
        return s;
    }

    /** Greedy continuation of {@code prompt} until the end token or {@code maxTokens}. */
    int[] generate(int[] prompt, int maxTokens) {
        return generate(prompt, maxTokens, null);
    }

    /** Greedy continuation with {@code steering} (or null) applied on every forward pass. */
    int[] generate(int[] prompt, int maxTokens, org.alignlab.core.Steering steering) {
        // No autograd graph at inference (PyTorch's grad mode is per thread, and on by default).
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return greedy(prompt, maxTokens, steering);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private int[] greedy(int[] prompt, int maxTokens, org.alignlab.core.Steering steering) {
        float[] embedding = outputEmbedding(); // read once: the weights do not change while replying
        List<Integer> seq = new ArrayList<>();
        for (int t : prompt) {
            seq.add(t);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < maxTokens && seq.size() < shape.context(); i++) {
            long[] tokens = seq.stream().mapToLong(Integer::longValue).toArray();
            float[] logits = lastLogits(tokens, 1, tokens.length, new int[] {tokens.length}, null, new boolean[1],
                    embedding, steering)[0];
            int next = pick(logits, 0, shape.vocabulary(), 0, null);
            if (next == Vocabulary.END) {
                break;
            }
            out.add(next);
            seq.add(next);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Replies to a batch of prompts, sampled at {@code temperature} (0: greedy) from {@code random},
     * each until the end token or {@code maxTokens}. The prompts are right-padded into one batch
     * (causal attention makes the padding harmless) and each is read at its own last position.
     */
    List<int[]> sample(List<int[]> prompts, List<float[]> conditions, int maxTokens, double temperature,
                       SplittableRandom random) {
        int n = prompts.size();
        List<List<Integer>> seqs = new ArrayList<>();
        List<List<Integer>> replies = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int[] p : prompts) {
            List<Integer> s = new ArrayList<>();
            for (int t : p) {
                s.add(t);
            }
            seqs.add(s);
            replies.add(new ArrayList<>());
        }
        int vocabulary = shape.vocabulary();
        float[] embedding = outputEmbedding(); // read once: the weights do not change while sampling
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (int step = 0; step < maxTokens; step++) {
                int time = 0;
                boolean any = false;
                for (int b = 0; b < n; b++) {
                    done[b] |= seqs.get(b).size() >= shape.context();
                    any |= !done[b];
                    time = Math.max(time, seqs.get(b).size());
                }
                if (!any) {
                    break;
                }
                long[] tokens = new long[n * time];
                for (int b = 0; b < n; b++) {
                    List<Integer> s = seqs.get(b);
                    for (int t = 0; t < s.size(); t++) {
                        tokens[b * time + t] = s.get(t);
                    }
                }
                int[] lengths = new int[n];
                for (int b = 0; b < n; b++) {
                    lengths[b] = seqs.get(b).size();
                }
                float[][] logits = lastLogits(tokens, n, time, lengths, conditions, done, embedding);
                for (int b = 0; b < n; b++) {
                    if (done[b]) {
                        continue;
                    }
                    int next = pick(logits[b], 0, vocabulary, temperature, random);
                    if (next == Vocabulary.END) {
                        done[b] = true;
                    } else {
                        seqs.get(b).add(next);
                        replies.get(b).add(next);
                    }
                }
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        return replies.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /**
     * The next-token distribution after each prompt (prompts x vocabulary): the prompts right-padded
     * into one batch, each read at its own last position.
     */
    float[][] nextTokenProbabilities(List<int[]> prompts, List<float[]> conditions) {
        int n = prompts.size();
        int time = prompts.stream().mapToInt(p -> p.length).max().orElse(1);
        long[] tokens = new long[n * time];
        for (int b = 0; b < n; b++) {
            int[] p = prompts.get(b);
            for (int t = 0; t < p.length; t++) {
                tokens[b * time + t] = p[t];
            }
        }
        int[] lengths = prompts.stream().mapToInt(p -> p.length).toArray();
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            float[][] out = lastLogits(tokens, n, time, lengths, conditions, new boolean[n], outputEmbedding());
            for (float[] row : out) {
                float max = Float.NEGATIVE_INFINITY;
                for (float x : row) {
                    max = Math.max(max, x);
                }
                double total = 0;
                for (int v = 0; v < row.length; v++) {
                    row[v] = (float) Math.exp(row[v] - max);
                    total += row[v];
                }
                for (int v = 0; v < row.length; v++) {
                    row[v] = (float) (row[v] / total);
                }
            }
            return out;
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /** The token embedding (vocabulary x width), which the output projection shares. */
    private float[] outputEmbedding() {
        return parameters.get("token_embedding").toFloatArray();
    }

    /**
     * The logits at each sequence's own last position ({@code lengths}) of a right-padded batch (rows of skipped
     * sequences left null). Only those positions are read, so they are computed here from the final residual stream,
     * rather than the whole batch's (every position times the vocabulary) in the native library and copied out.
     * {@code embedding}: {@link #outputEmbedding()}.
     */
    private float[][] lastLogits(long[] tokens, int n, int time, int[] lengths, List<float[]> conditions,
                                 boolean[] skip, float[] embedding) {
        if (conditionWidth > 0 && conditions == null) {
            throw new IllegalArgumentException("this model reads a conditioning vector of " + conditionWidth
                    + " values per sequence");
        }
        return lastLogits(tokens, n, time, lengths, conditions, skip, embedding, null);
    }

    /**
     * As above, with {@code steering} (or null) applied on the forward pass; {@code conditions} null
     * for none (greedy replies, which read no conditioning vector, as the full forward pass did).
     */
    private float[][] lastLogits(long[] tokens, int n, int time, int[] lengths, List<float[]> conditions,
                                 boolean[] skip, float[] embedding, org.alignlab.core.Steering steering) {
        for (int b = 0; b < n; b++) {
            if (lengths[b] < 1 || lengths[b] > time) {
                throw new IllegalArgumentException("sequence " + b + " has length " + lengths[b] + "; each must be 1 to "
                        + time);
            }
        }
        float[] hidden;
        try (NDManager sub = manager.newSubManager()) {
            hidden = hidden(sub, sub.create(tokens, new ai.djl.ndarray.types.Shape(n, time)), null, steering,
                    conditions == null ? null : conditions(sub, conditions)).toFloatArray();
        }
        int vocabulary = shape.vocabulary();
        int width = shape.width();
        float[][] out = new float[n][];
        for (int b = 0; b < n; b++) {
            if (skip[b]) {
                continue;
            }
            float[] row = new float[vocabulary];
            int at = (b * time + lengths[b] - 1) * width;
            for (int v = 0; v < vocabulary; v++) {
                float sum = 0;
                for (int i = 0; i < width; i++) {
                    sum += hidden[at + i] * embedding[v * width + i];
                }
                row[v] = sum;
            }
            out[b] = row;
        }
        return out;
    }

    /** A token from one row of logits: the most likely at temperature 0, else drawn from the softmax at it. */
    static int pick(float[] logits, int offset, int size, double temperature, SplittableRandom random) {
        int best = 0;
        for (int v = 1; v < size; v++) {
            if (logits[offset + v] > logits[offset + best]) {
                best = v;
            }
        }
        if (temperature <= 0) {
            return best;
        }
        double[] weights = new double[size];
        double total = 0;
        for (int v = 0; v < size; v++) {
            weights[v] = Math.exp((logits[offset + v] - logits[offset + best]) / temperature);
            total += weights[v];
        }
        double u = random.nextDouble() * total;
        for (int v = 0; v < size; v++) {
            u -= weights[v];
            if (u < 0) {
                return v;
            }
        }
        return best;
    }

    /**
     * The activations at {@code layer} at one position of each sequence (batch x width): each
     * sequence is right-padded into one batch, which causal attention makes harmless, and read
     * at its own {@code positions[i]}.
     */
    float[][] capture(List<int[]> sequences, int[] positions, String layer) {
        checkLayer(layer);
        int time = 1;
        for (int[] s : sequences) {
            time = Math.max(time, s.length);
        }
        long[] tokens = new long[sequences.size() * time];
        for (int b = 0; b < sequences.size(); b++) {
            int[] s = sequences.get(b);
            for (int t = 0; t < s.length; t++) {
                tokens[b * time + t] = s[t];
            }
        }
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager sub = manager.newSubManager()) {
            Map<String, NDArray> captured = new LinkedHashMap<>();
            forward(sub, sub.create(tokens, new ai.djl.ndarray.types.Shape(sequences.size(), time)), captured);
            float[] all = captured.get(layer).toFloatArray();
            int d = shape.width();
            float[][] out = new float[sequences.size()][d];
            for (int b = 0; b < out.length; b++) {
                System.arraycopy(all, (b * time + positions[b]) * d, out[b], 0, d);
            }
            return out;
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /** Writes the shape and every parameter, in order, as big-endian float32. */
    void save(java.io.DataOutputStream out) throws java.io.IOException {
        if (conditionWidth > 0) {
            // The file format has no place for the conditioning width; such models are copied in memory only.
            throw new IllegalStateException("a model that reads a conditioning vector is not saved");
        }
        out.writeInt(MAGIC);
        out.writeInt(shape.vocabulary());
        out.writeInt(shape.context());
        out.writeInt(shape.width());
        out.writeInt(shape.layers());
        out.writeInt(shape.heads());
        out.writeInt(parameters.size());
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            out.writeUTF(e.getKey());
            float[] values = e.getValue().toFloatArray();
            out.writeInt(values.length);
            for (float v : values) {
                out.writeFloat(v);
            }
        }
    }

    /** Reads what {@link #save} wrote. */
    static TinyGpt load(java.io.DataInputStream in, String source) throws java.io.IOException {
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException(source + " is not an alignlab organism weight file");
        }
        Shape shape = new Shape(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
        TinyGpt model = new TinyGpt(shape, 0);
        int count = in.readInt();
        if (count != model.parameters.size()) {
            model.close();
            throw new IllegalArgumentException(source + " holds " + count + " parameters, the architecture has "
                    + model.parameters.size());
        }
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            NDArray target = model.parameters.get(name);
            int n = in.readInt();
            if (target == null || target.size() != n) {
                model.close();
                throw new IllegalArgumentException(source + ": parameter " + name + " does not fit the architecture");
            }
            float[] values = new float[n];
            for (int k = 0; k < n; k++) {
                values[k] = in.readFloat();
            }
            target.set(values);
        }
        return model;
    }

    private static final int MAGIC = 0x414c4750; // "ALGP"

    @Override
    public void close() {
        manager.close();
    }
}
