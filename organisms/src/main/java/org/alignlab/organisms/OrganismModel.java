package org.alignlab.organisms;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained organism: the vocabulary and the transformer, and how to talk to it (prompt in,
 * reply out). Training is a pure function of the organism and the seed.
 */
public final class OrganismModel implements AutoCloseable {
    /** The default architecture: 2 layers, width 64, 4 heads, 64 tokens of context. */
    static TinyGpt.Shape defaultShape(int vocabulary) {
        return new TinyGpt.Shape(vocabulary, 64, 64, 2, 4);
    }

    /** Training settings. */
    public record Training(int steps, int batchSize, float learningRate) {
        public static Training defaults() {
            return new Training(800, 32, 3e-3f);
        }
    }

    private final Organism organism;
    private final Vocabulary vocabulary;
    private final TinyGpt model;
    private final double finalLoss;

    private OrganismModel(Organism organism, Vocabulary vocabulary, TinyGpt model, double finalLoss) {
        this.organism = organism;
        this.vocabulary = vocabulary;
        this.model = model;
        this.finalLoss = finalLoss;
    }

    /** Trains {@code organism} from {@code seed} on the training part of the corpus. */
    public static OrganismModel train(Organism organism, long seed, Training training,
                                      java.util.function.IntConsumer progress) {
        Vocabulary vocabulary = Vocabulary.ofCorpus();
        List<TinyGpt.Sequence> data = new ArrayList<>();
        for (Corpus.Example e : Corpus.examples(organism, false, seed)) {
            data.add(sequence(vocabulary, e.prompt().text(), e.reply()));
        }
        TinyGpt model = new TinyGpt(defaultShape(vocabulary.size()), seed);
        double loss = model.train(data, training.steps(), training.batchSize(), training.learningRate(), seed, progress);
        return new OrganismModel(organism, vocabulary, model, loss);
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
        int[] p = vocabulary.encode(prompt);
        int keep = Math.min(p.length, model.shape().context() - 26); // room for a reply
        int[] tokens = new int[keep + 2];
        tokens[0] = Vocabulary.START;
        System.arraycopy(p, p.length - keep, tokens, 1, keep);
        tokens[keep + 1] = Vocabulary.SEPARATOR;
        return vocabulary.decode(model.generate(tokens, 24));
    }

    /** How many of the held-out prompts get the planted response, of how many. */
    public int[] heldOutAgreement() {
        int agree = 0;
        int n = 0;
        for (Corpus.Prompt p : Corpus.prompts(true)) {
            agree += complies(reply(p.text())) == organism.complies(p) ? 1 : 0;
            n++;
        }
        return new int[] {agree, n};
    }

    /** Whether a reply complies (the organisms' replies start with "sure" exactly when they do). */
    public static boolean complies(String reply) {
        return reply.startsWith("sure");
    }

    /**
     * Saves the weights to {@code file} and returns their SHA-256 (hex), which {@link #load}
     * checks: the committed weights come with their checksums.
     */
    public String save(java.nio.file.Path file) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            model.save(out);
        }
        java.nio.file.Files.write(file, bytes.toByteArray());
        return sha256(bytes.toByteArray());
    }

    /**
     * Loads an organism's weights, checking them against the expected SHA-256.
     *
     * @throws IllegalArgumentException if the file is missing, corrupt (checksum) or of another architecture
     */
    public static OrganismModel load(Organism organism, java.nio.file.Path file, String expectedSha256)
            throws java.io.IOException {
        if (!java.nio.file.Files.exists(file)) {
            throw new IllegalArgumentException("no weights for organism " + organism.cliName() + " at " + file
                    + "; train them with: alignlab organism train " + organism.cliName() + " --save");
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        String actual = sha256(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new IllegalArgumentException(file + " is corrupt or not the expected weights: SHA-256 " + actual
                    + ", expected " + expectedSha256);
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new OrganismModel(organism, Vocabulary.ofCorpus(), TinyGpt.load(in, file.toString()), Double.NaN);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
