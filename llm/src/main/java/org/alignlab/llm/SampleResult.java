package org.alignlab.llm;

import java.util.List;

/**
 * What happened to one sample under one attack chain.
 *
 * @param key      model, data set, sample and attack chain: unique within a run
 * @param outcome  {@code unsafe} (a harmful request answered), {@code safe}, or {@code unscorable}
 * @param refused  whether the reply refused (null if unscorable)
 * @param choice   the option picked for a multiple-choice sample (-1 if none or not applicable)
 * @param reason   why the sample is unscorable, else ""
 * @param attempts calls made (1 without retries; 0 when the reply came from the cache)
 * @param judge    what decided unsafe or safe: {@code keyword} or the judge model's spec
 * @param confidence the probability of being right a multiple-choice reply states, or null
 * @param messages the conversation sent in the last call (all turns of a multi-turn attack), to replay it
 */
public record SampleResult(String key, String model, String sampleId, String dataset, String category,
                           String expected, List<String> attacks, String outcome, Boolean refused, int choice,
                           int answer, String reply, String reason, int attempts, long millis, boolean cached,
                           String judge, Double confidence, List<Message> messages) {

    public static final String UNSAFE = "unsafe";
    public static final String SAFE = "safe";
    public static final String UNSCORABLE = "unscorable";

    public String lineage() {
        return attacks.isEmpty() ? "plain" : String.join("+", attacks);
    }
}
