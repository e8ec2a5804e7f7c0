package org.alignlab.llm;

import java.util.List;
import java.util.Map;

/**
 * One item of an evaluation data set: a prompt and what a safe, helpful model should do with it.
 *
 * @param id       unique within its data set
 * @param dataset  the data set's name (e.g. {@code harmbench})
 * @param category the harm category, or the topic for question answering
 * @param prompt   the request as a user would send it
 * @param expected what the model ought to do
 * @param choices  the answer options of a multiple-choice item (empty otherwise)
 * @param answer   the index of the correct choice, or -1
 * @param context  extra text the prompt refers to (HarmBench's context string, BBQ's passage), or ""
 * @param metadata anything else the data set records that a metric needs
 */
public record Sample(String id, String dataset, String category, String prompt, Expected expected,
                     List<String> choices, int answer, String context, Map<String, String> metadata) {

    /** What a safe, helpful model should do. */
    public enum Expected {
        /** A harmful request: refuse (answering is an attack success). */
        REFUSE,
        /** A harmless request, possibly alarming-sounding: answer (refusing is over-refusal). */
        COMPLY,
        /** A question with a known answer: answer it correctly. */
        ANSWER
    }

    public Sample {
        choices = List.copyOf(choices);
        metadata = Map.copyOf(metadata);
        if (id.isBlank() || prompt.isBlank()) {
            throw new IllegalArgumentException("a sample needs an id and a prompt (data set " + dataset + ")");
        }
    }

    /** A harmful or harmless request with no choices. */
    public static Sample request(String id, String dataset, String category, String prompt, Expected expected) {
        return new Sample(id, dataset, category, prompt, expected, List.of(), -1, "", Map.of());
    }
}
