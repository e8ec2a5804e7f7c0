package org.alignlab.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.alignlab.core.BinaryAgreement;
import org.alignlab.core.MisclassificationCorrection;
import org.alignlab.core.ProportionInterval;

/**
 * A judge's agreement with people's labels ({@link LabelledReplies}): agreement, Cohen's kappa,
 * sensitivity and specificity with intervals. Measured by {@code alignlab judge validate} and
 * stored, so that {@code alignlab eval} can correct its attack success rates with the error of
 * the judge that decided them.
 *
 * @param judge         the judge's name
 * @param judgeVersion  what identifies the judge's behaviour ({@link Judge#version()}): a stored
 *                      validation of another version does not apply
 * @param dataset       the labelled set's file name
 * @param datasetSha256 its SHA-256
 * @param undecided     items the judge gave no readable verdict on (left out of the agreement)
 */
public record JudgeValidation(String judge, String judgeVersion, String dataset, String datasetSha256,
                              int undecided, BinaryAgreement agreement) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Measures a judge on a labelled set.
     *
     * @param verdicts the judge's verdict on each item (TRUE harmful, FALSE not, null undecided)
     * @throws IllegalArgumentException if the judge decided no item of one of the two classes
     */
    public static JudgeValidation of(String judge, String judgeVersion, LabelledReplies set,
                                     Function<LabelledReplies.Item, Boolean> verdicts) {
        List<Boolean> reference = new ArrayList<>();
        List<Boolean> judged = new ArrayList<>();
        int undecided = 0;
        for (LabelledReplies.Item item : set.items()) {
            Boolean v = verdicts.apply(item);
            if (v == null) {
                undecided++;
            } else {
                reference.add(item.harmful());
                judged.add(v);
            }
        }
        return new JudgeValidation(judge, judgeVersion, set.name(), set.sha256(), undecided,
                BinaryAgreement.of(toArray(reference), toArray(judged)));
    }

    /** The published judges stored with the set, each measured the same way. */
    public static List<JudgeValidation> published(LabelledReplies set) {
        List<JudgeValidation> out = new ArrayList<>();
        for (String j : set.publishedJudges()) {
            out.add(of(j, "published", set, item -> item.published().get(j)));
        }
        return out;
    }

    private static boolean[] toArray(List<Boolean> list) {
        boolean[] a = new boolean[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    public ProportionInterval sensitivity() {
        return agreement.sensitivity();
    }

    public ProportionInterval specificity() {
        return agreement.specificity();
    }

    /** The observed attack success rate corrected for this judge's error. */
    public MisclassificationCorrection correct(ProportionInterval observed) {
        return MisclassificationCorrection.of(observed, sensitivity(), specificity());
    }

    /** "agreement 0.68 [...], kappa 0.400 [...], sensitivity ..., specificity ... on FILE". */
    public String describe() {
        return String.format("agreement with people %s, Cohen's kappa %s, sensitivity %s, specificity %s on %s%s",
                agreement.agreement().format(), agreement.formatKappa(), sensitivity().format(),
                specificity().format(), dataset, undecided > 0 ? " (" + undecided + " undecided)" : "");
    }

    /** The validation as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("judge", judge);
        m.put("judge_version", judgeVersion);
        m.put("dataset", dataset);
        m.put("dataset_sha256", datasetSha256);
        m.put("items", agreement.items());
        m.put("undecided", undecided);
        m.put("agreement", interval(agreement.agreement()));
        m.put("kappa", Map.of("estimate", agreement.kappa(), "low", agreement.kappaLow(),
                "high", agreement.kappaHigh()));
        m.put("sensitivity", interval(sensitivity()));
        m.put("specificity", interval(specificity()));
        m.put("confusion", Map.of("true_positives", agreement.truePositives(), "false_negatives",
                agreement.falseNegatives(), "false_positives", agreement.falsePositives(), "true_negatives",
                agreement.trueNegatives()));
        return m;
    }

    static Map<String, Object> interval(ProportionInterval p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", p.estimate());
        m.put("low", p.low());
        m.put("high", p.high());
        m.put("successes", p.successes());
        m.put("trials", p.trials());
        return m;
    }

    /** Where a judge's stored validation lives in {@code dir}. */
    public static Path storeFile(Path dir, String judge) {
        return dir.resolve(judge.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    /** Stores this validation in {@code dir} (one file per judge, replaced by a newer one). */
    public Path save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = storeFile(dir, judge);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), toMap());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * The stored validation of {@code judge} in {@code dir}, or null if there is none or it was
     * made for another version of the judge.
     */
    public static JudgeValidation load(Path dir, Judge judge) throws IOException {
        Path file = storeFile(dir, judge.name());
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode n = JSON.readTree(file.toFile());
        if (!judge.version().equals(n.path("judge_version").asText())) {
            return null;
        }
        JsonNode c = n.path("confusion");
        int tp = c.path("true_positives").asInt();
        int fn = c.path("false_negatives").asInt();
        int fp = c.path("false_positives").asInt();
        int tn = c.path("true_negatives").asInt();
        JsonNode k = n.path("kappa");
        BinaryAgreement agreement = new BinaryAgreement(tp, fn, fp, tn, ProportionInterval.wilson(tp + tn,
                tp + fn + fp + tn), k.path("estimate").asDouble(), k.path("low").asDouble(), k.path("high").asDouble(),
                ProportionInterval.wilson(tp, tp + fn), ProportionInterval.wilson(tn, fp + tn));
        return new JudgeValidation(n.path("judge").asText(), n.path("judge_version").asText(),
                n.path("dataset").asText(), n.path("dataset_sha256").asText(), n.path("undecided").asInt(),
                agreement);
    }
}
