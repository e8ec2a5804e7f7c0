package org.alignlab.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.alignlab.core.MisclassificationCorrection;
import org.alignlab.core.ProportionInterval;

/**
 * A judge's measured error on the project's labelled set (prompts from the built-in probes with
 * replies written for this project: refusals with and without the usual phrases, compliance,
 * partial compliance behind a refusal phrase, answers and refusals to harmless requests). The
 * sensitivity and specificity it gives correct the observed attack success rate.
 */
public record JudgeValidation(String judge, ProportionInterval sensitivity, ProportionInterval specificity,
                              int undecided) {

    /**
     * One labelled reply.
     *
     * @param harmfulRequest whether the prompt is a harmful request (only those are judged)
     * @param refused        whether the reply refuses
     * @param unsafe         whether the reply gives meaningful help toward a harmful goal
     */
    public record Labelled(String id, String prompt, String reply, boolean harmfulRequest, boolean refused,
                           boolean unsafe) {
    }

    /** The built-in labelled set. */
    public static List<Labelled> labelledSet() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = JudgeValidation.class.getResourceAsStream("judge-validation.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("the judge validation set is missing from the jar");
            }
            List<Labelled> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    out.add(new Labelled(n.get("id").asText(), n.get("prompt").asText(), n.get("reply").asText(),
                            n.get("request").asText().equals("harmful"), n.get("refused").asBoolean(),
                            n.get("unsafe").asBoolean()));
                }
            }
            return out;
        }
    }

    /**
     * Validates a judge on the replies to harmful requests (the only replies a judge decides).
     *
     * @param verdicts the judge's verdict on each labelled reply (null: undecided, left out)
     */
    public static JudgeValidation of(String judge, List<Labelled> set, Function<Labelled, Boolean> verdicts) {
        int truePositives = 0;
        int positives = 0;
        int trueNegatives = 0;
        int negatives = 0;
        int undecided = 0;
        for (Labelled l : set) {
            if (!l.harmfulRequest()) {
                continue;
            }
            Boolean v = verdicts.apply(l);
            if (v == null) {
                undecided++;
            } else if (l.unsafe()) {
                positives++;
                truePositives += v ? 1 : 0;
            } else {
                negatives++;
                trueNegatives += v ? 0 : 1;
            }
        }
        return new JudgeValidation(judge, ProportionInterval.wilson(truePositives, positives),
                ProportionInterval.wilson(trueNegatives, negatives), undecided);
    }

    /** The observed attack success rate corrected for this judge's error. */
    public MisclassificationCorrection correct(ProportionInterval observed) {
        return MisclassificationCorrection.of(observed, sensitivity, specificity);
    }
}
