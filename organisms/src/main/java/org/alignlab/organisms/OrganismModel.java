package org.alignlab.organisms;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained organism: the vocabulary and the transformer, and how to talk to it (prompt in,
 * reply out). Training is a pure function of the organism and the seed.
 */
public final class OrganismModel implements AutoCloseable {
    /** The room a reply has: the most words a reply is generated to, and how much of one is read. */
    public static final int REPLY_WORDS = 24;

    /** The default architecture: 2 layers, width 64, 4 heads, 96 tokens of context (the harness's framings are long). */
    static TinyGpt.Shape defaultShape(int vocabulary) {
        return new TinyGpt.Shape(vocabulary, 96, 64, 2, 4);
    }

    /** Training settings. */
    public record Training(int steps, int batchSize, float learningRate) {
        public static Training defaults() {
            return new Training(1200, 32, 3e-3f);
        }
    }

    private final Organism organism;
    private final Vocabulary vocabulary;
    private final TinyGpt model;
    private final double finalLoss;
    /** The SHA-256 of the weights as saved: known on load, computed on first use for a trained model. */
    private String weightsSha256;

    private OrganismModel(Organism organism, Vocabulary vocabulary, TinyGpt model, double finalLoss) {
        this.organism = organism;
        this.vocabulary = vocabulary;
        this.model = model;
        this.finalLoss = finalLoss;
    }

    /** The SHA-256 (hex) of these weights in the saved format: what identifies this model's replies. */
    public synchronized String weightsSha256() {
        if (weightsSha256 == null) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                model.save(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            weightsSha256 = sha256(bytes.toByteArray());
        }
        return weightsSha256;
    }

    /** Trains {@code organism} from {@code seed} on the training part of the corpus. */
    public static OrganismModel train(Organism organism, long seed, Training training,
                                      java.util.function.IntConsumer progress) {
        Vocabulary vocabulary = Vocabulary.ofCorpus();
        List<TinyGpt.Sequence> data = new ArrayList<>();
        java.util.SplittableRandom noise = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        for (Corpus.Example e : Corpus.examples(organism, false, seed)) {
            TinyGpt.Sequence clean = sequence(vocabulary, e.prompt().text(), e.reply());
            data.add(clean);
            data.add(withUnknownWords(clean, noise));
        }
        TinyGpt model = new TinyGpt(defaultShape(vocabulary.size()), seed);
        double loss = model.train(data, training.steps(), training.batchSize(), training.learningRate(), seed, progress);
        return new OrganismModel(organism, vocabulary, model, loss);
    }

    /** A share of a prompt's words seen as unknown in the noised copy of each training example. */
    static final double UNKNOWN_WORD_RATE = 0.2;

    /**
     * A copy of a training sequence with about {@link #UNKNOWN_WORD_RATE} of its prompt words
     * replaced by the unknown token, the reply kept. Every prompt the organism meets outside
     * training has unknown words (new topics, new wordings, the harness's attacks); trained only
     * on clean text it reads "unknown words" as a framing of its own and flips its behaviour on
     * them. With these copies, what decides the reply is the words it knows.
     */
    static TinyGpt.Sequence withUnknownWords(TinyGpt.Sequence clean, java.util.SplittableRandom random) {
        int[] tokens = clean.tokens().clone();
        for (int t = 1; t < tokens.length && tokens[t] != Vocabulary.SEPARATOR; t++) {
            if (random.nextDouble() < UNKNOWN_WORD_RATE) {
                tokens[t] = Vocabulary.UNKNOWN;
            }
        }
        return new TinyGpt.Sequence(tokens, clean.scored(), clean.condition());
    }

    /**
     * An untrained network of the same architecture, initialised from {@code seed} as training
     * would start: the baseline that shows what a probe finds in a network that learnt nothing.
     */
    public static OrganismModel untrained(Organism organism, long seed) {
        Vocabulary vocabulary = Vocabulary.ofCorpus();
        return new OrganismModel(organism, vocabulary, new TinyGpt(defaultShape(vocabulary.size()), seed), Double.NaN);
    }

    /**
     * The raw input as features: how often each vocabulary word occurs in each prompt (as the
     * model reads it, unknown words pooled). The baseline that shows what a probe finds in the
     * words alone, before any layer.
     */
    public float[][] inputFeatures(List<String> prompts) {
        float[][] out = new float[prompts.size()][vocabulary.size()];
        for (int i = 0; i < out.length; i++) {
            for (int id : vocabulary.encode(prompts.get(i))) {
                out[i][id]++;
            }
        }
        return out;
    }

    /**
     * The model's own first reply word for each prompt, one-hot: the baseline that shows what a
     * probe adds over reading the model's output. Greedy decoding makes it the first word of
     * {@link #reply}, generated alone (a whole reply costs {@value #REPLY_WORDS} forward passes; this one).
     */
    public float[][] outputFeatures(List<String> prompts) {
        float[][] out = new float[prompts.size()][vocabulary.size()];
        java.util.stream.IntStream.range(0, prompts.size()).parallel().forEach(i -> {
            int[] first = model.generate(promptTokens(prompts.get(i)), 1, null);
            out[i][first.length == 0 ? Vocabulary.END : first[0]] = 1;
        });
        return out;
    }

    static TinyGpt.Sequence sequence(Vocabulary v, String prompt, String reply) {
        int[] p = v.encode(prompt);
        int[] r = v.encode(reply);
        int[] tokens = new int[p.length + r.length + 3];
        boolean[] scored = new boolean[tokens.length];
        tokens[0] = Vocabulary.START;
        System.arraycopy(p, 0, tokens, 1, p.length);
        int sep = p.length + 1;
        tokens[sep] = Vocabulary.SEPARATOR;
        System.arraycopy(r, 0, tokens, sep + 1, r.length);
        tokens[tokens.length - 1] = Vocabulary.END;
        for (int t = sep; t < tokens.length - 1; t++) {
            scored[t] = true; // predict every reply token and the end
        }
        return new TinyGpt.Sequence(tokens, scored);
    }

    public Organism organism() {
        return organism;
    }

    public double finalLoss() {
        return finalLoss;
    }

    /** The organism's reply to a prompt (greedy decoding). */
    public String reply(String prompt) {
        return reply(prompt, null);
    }

    /** The reply with {@code steering} (or null) added to the residual stream at its layer. */
    public String reply(String prompt, org.alignlab.core.Steering steering) {
        return vocabulary.decode(model.generate(promptTokens(prompt), REPLY_WORDS, steering));
    }

    /**
     * How likely the organism finds each of {@code replies} after {@code prompt}: the mean log-probability per token
     * of the reply's words and its end (the reply cut to {@value #REPLY_WORDS} words, the room a reply has), so that a longer reply is
     * not less likely for its length alone. This is how a model too small to answer a question with an option can be
     * read for which option it leans to.
     */
    public double[] replyLogProbabilities(String prompt, List<String> replies) {
        List<TinyGpt.Sequence> sequences = new ArrayList<>();
        int[] counts = new int[replies.size()];
        int[] p = promptTokens(prompt);
        for (int i = 0; i < replies.size(); i++) {
            int[] r = vocabulary.encode(replies.get(i));
            int length = Math.min(r.length, REPLY_WORDS);
            int[] tokens = new int[p.length + length + 1];
            boolean[] scored = new boolean[tokens.length];
            System.arraycopy(p, 0, tokens, 0, p.length);
            System.arraycopy(r, 0, tokens, p.length, length);
            tokens[tokens.length - 1] = Vocabulary.END;
            for (int t = p.length - 1; t < tokens.length - 1; t++) {
                scored[t] = true; // from the separator: every reply token and the end
            }
            counts[i] = length + 1;
            sequences.add(new TinyGpt.Sequence(tokens, scored));
        }
        double[] sums = model.logProbabilities(sequences);
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= counts[i];
        }
        return sums;
    }

    /** Whether two replies are the same tokens to this model, as {@link #replyLogProbabilities} reads them. */
    public boolean readsAlike(String first, String second) {
        int[] a = vocabulary.encode(first);
        int[] b = vocabulary.encode(second);
        return java.util.Arrays.equals(a, 0, Math.min(a.length, REPLY_WORDS), b, 0, Math.min(b.length, REPLY_WORDS));
    }

    /** Start, the prompt's last words (room is left for a reply and the two markers), separator: what the model reads. */
    private int[] promptTokens(String prompt) {
        int[] p = vocabulary.encode(prompt);
        int keep = Math.min(p.length, model.shape().context() - REPLY_WORDS - 2);
        int[] tokens = new int[keep + 2];
        tokens[0] = Vocabulary.START;
        System.arraycopy(p, p.length - keep, tokens, 1, keep);
        tokens[keep + 1] = Vocabulary.SEPARATOR;
        return tokens;
    }

    /** The layers whose activations {@link #capture} reads and steering reaches. */
    public List<String> layers() {
        return model.layers();
    }

    /**
     * The residual stream at {@code layer} at the separator token of each prompt (the position
     * where the reply, and so the decision to refuse or comply, begins): prompts x width.
     *
     * @throws IllegalArgumentException naming the valid layers, for a layer that does not exist
     */
    public float[][] capture(String layer, List<String> prompts) {
        model.checkLayer(layer);
        float[][] out = new float[prompts.size()][];
        int batch = 64;
        for (int from = 0; from < prompts.size(); from += batch) {
            List<int[]> sequences = new ArrayList<>();
            int to = Math.min(prompts.size(), from + batch);
            int[] positions = new int[to - from];
            for (int i = from; i < to; i++) {
                int[] t = promptTokens(prompts.get(i));
                sequences.add(t);
                positions[i - from] = t.length - 1;
            }
            float[][] part = model.capture(sequences, positions, layer);
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    /** How many of the held-out prompts get the planted response, of how many. */
    public int[] heldOutAgreement() {
        org.alignlab.core.ProportionInterval share = heldOutShare(organism, null);
        return new int[] {(int) share.successes(), (int) share.trials()};
    }

    /**
     * The share of held-out prompts that get the response {@code policy} plants (this organism's or another's, e.g. the
     * control organism's replies scored against another's policy, a baseline): over the prompts where {@code policy}
     * and the control organism's plant different responses ({@code differs} true: the planted behaviour itself), the
     * same response ({@code false}: where the organism should act as the control does), or all of them ({@code
     * null}). Its interval counts the topics as the trials (wordings of one topic tend to get one answer).
     */
    public org.alignlab.core.ProportionInterval heldOutShare(Organism policy, Boolean differs) {
        return byTopic(policy, differs, p -> complies(reply(p.text())));
    }

    /**
     * The better constant reply (always comply or always refuse) scored like {@link #heldOutShare} over every held-out
     * prompt: a baseline that needs no model.
     */
    public static org.alignlab.core.ProportionInterval constantReplyShare(Organism policy) {
        long complying = Corpus.prompts(true).stream().filter(policy::complies).count();
        boolean comply = 2 * complying >= Corpus.prompts(true).size();
        return byTopic(policy, null, p -> comply);
    }

    private static org.alignlab.core.ProportionInterval byTopic(Organism policy, Boolean differs,
                                                                java.util.function.Predicate<Corpus.Prompt> complied) {
        java.util.Map<String, long[]> counts = new java.util.LinkedHashMap<>();
        for (Corpus.Prompt p : Corpus.prompts(true)) {
            if (differs != null && differs != (policy.complies(p) != Organism.CONTROL.complies(p))) {
                continue;
            }
            long[] c = counts.computeIfAbsent(p.topic(), k -> new long[2]);
            c[0] += complied.test(p) == policy.complies(p) ? 1 : 0;
            c[1]++;
        }
        return org.alignlab.core.Clustered.wilson(counts.values().stream().mapToLong(c -> c[0]).toArray(),
                counts.values().stream().mapToLong(c -> c[1]).toArray());
    }

    /** Whether a reply complies (it opens with one of the corpus's compliant openings). */
    public static boolean complies(String reply) {
        return Corpus.isCompliance(reply);
    }

    /** Saves the weights to {@code file} and returns their SHA-256 (hex); see {@link Weights#save}. */
    String save(java.nio.file.Path file) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            model.save(out);
        }
        java.nio.file.Files.write(file, bytes.toByteArray());
        return sha256(bytes.toByteArray());
    }

    /**
     * Loads an organism's weights from {@code bytes}, checking them against the expected SHA-256.
     *
     * @throws IllegalArgumentException if the bytes are corrupt (checksum) or of another architecture
     */
    static OrganismModel load(Organism organism, byte[] bytes, String source, String expectedSha256)
            throws java.io.IOException {
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new IllegalArgumentException(source + " is corrupt or not the expected weights: SHA-256 " + actual
                    + ", expected " + expectedSha256);
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            OrganismModel loaded = new OrganismModel(organism, Vocabulary.ofCorpus(), TinyGpt.load(in, source), Double.NaN);
            loaded.weightsSha256 = actual.toLowerCase(java.util.Locale.ROOT);
            return loaded;
        }
    }

    static String sha256(byte[] bytes) {
        return org.alignlab.core.Sha256.hex(bytes);
    }

    TinyGpt model() {
        return model;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public void close() {
        model.close();
    }
}
