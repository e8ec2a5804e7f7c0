package org.alignlab.organisms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where organisms' weights live: a folder of {@code NAME.weights} files with a {@code SHA256SUMS}
 * manifest ({@code <hex>  NAME.weights} per line, as {@code sha256sum} writes it), either on disk
 * ({@code alignlab organism train --save DIR}) or committed inside the jar (the default organisms,
 * trained with {@link OrganismModel.Training#defaults()} from seed {@link #DEFAULT_SEED}). Every
 * load checks the file against the manifest.
 */
public final class Weights {
    /** The seed the committed weights were trained from. */
    public static final long DEFAULT_SEED = 1;
    public static final String MANIFEST = "SHA256SUMS";
    private static final String RESOURCE_DIR = "/org/alignlab/organisms/weights/";

    private Weights() {
    }

    /** Loads the committed default weights of {@code organism}. */
    public static OrganismModel loadDefault(Organism organism) throws IOException {
        String file = fileName(organism);
        byte[] bytes = resource(file);
        byte[] manifest = resource(MANIFEST);
        if (bytes == null || manifest == null) {
            throw new IllegalArgumentException("the committed weights of organism " + organism.cliName()
                    + " are missing from this build (" + RESOURCE_DIR + file + "); retrain them with: "
                    + "alignlab organism train " + organism.cliName() + " --save DIR, then pass --weights DIR");
        }
        return OrganismModel.load(organism, bytes, "built-in " + file,
                expected(new String(manifest, StandardCharsets.UTF_8), file, "the built-in manifest"));
    }

    /** Loads {@code organism} from {@code dir}, checked against {@code dir/SHA256SUMS}. */
    public static OrganismModel load(Organism organism, Path dir) throws IOException {
        Path file = dir.resolve(fileName(organism));
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no weights for organism " + organism.cliName() + " at " + file
                    + "; train them with: alignlab organism train " + organism.cliName() + " --save " + dir);
        }
        if (!Files.exists(manifest)) {
            throw new IllegalArgumentException("no checksum manifest " + manifest + " next to " + file
                    + "; alignlab organism train --save writes one");
        }
        return OrganismModel.load(organism, Files.readAllBytes(file), file.toString(),
                expected(Files.readString(manifest), fileName(organism), manifest.toString()));
    }

    /** Loads from {@code dir}, or the committed weights when {@code dir} is null. */
    public static OrganismModel open(Organism organism, Path dir) throws IOException {
        return dir == null ? loadDefault(organism) : load(organism, dir);
    }

    /** Saves {@code model} to {@code dir} and records its checksum in the manifest; returns the SHA-256. */
    public static String save(OrganismModel model, Path dir) throws IOException {
        Files.createDirectories(dir);
        String file = fileName(model.organism());
        String sha = model.save(dir.resolve(file));
        Path manifest = dir.resolve(MANIFEST);
        Map<String, String> sums = new TreeMap<>();
        if (Files.exists(manifest)) {
            for (String line : Files.readAllLines(manifest)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    sums.put(parts[1], parts[0]);
                }
            }
        }
        sums.put(file, sha);
        StringBuilder sb = new StringBuilder();
        sums.forEach((name, hex) -> sb.append(hex).append("  ").append(name).append('\n'));
        Files.writeString(manifest, sb.toString());
        return sha;
    }

    /**
     * Writes {@code NAME.provenance.json} beside the weights: what they were trained from and how,
     * so that they can be re-made and a result traced back to them.
     */
    public static Path saveProvenance(OrganismModel model, Path dir, long seed, OrganismModel.Training training,
                                      String sha256, int[] heldOutAgreement) throws IOException {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("organism", model.organism().cliName());
        p.put("planted", model.organism().plantedBehaviour());
        p.put("weights_sha256", sha256);
        p.put("seed", seed);
        p.put("corpus_version", Corpus.VERSION);
        p.put("code_version", System.getProperty("alignlab.codeVersion", "unknown"));
        p.put("training", Map.of("steps", training.steps(), "batch_size", training.batchSize(), "learning_rate",
                training.learningRate()));
        p.put("final_loss", model.finalLoss());
        p.put("held_out_prompts_with_the_planted_response", Map.of("agree", heldOutAgreement[0], "of",
                heldOutAgreement[1]));
        p.put("trained_on", "Corpus.prompts(false): training topics, wordings and framings only");
        Path file = dir.resolve(model.organism().cliName() + ".provenance.json");
        new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), p);
        return file;
    }

    static String fileName(Organism organism) {
        return organism.cliName() + ".weights";
    }

    private static String expected(String manifest, String file, String where) {
        for (String line : manifest.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[1].equals(file)) {
                return parts[0];
            }
        }
        throw new IllegalArgumentException(where + " has no checksum for " + file);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Weights.class.getResourceAsStream(RESOURCE_DIR + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
