package org.alignlab.organisms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AI feedback: of two replies to a request, the probability that the first is the better one
 * under a principle of a constitution. It replaces human labels for harmlessness.
 */
public interface Feedback {
    /** The probability (0 to 1) that {@code first} is preferred to {@code second} as a reply to {@code request}. */
    double preferFirst(String request, String first, String second, Constitution.Principle principle);

    /** The mean of {@link #preferFirst} over every principle of the constitution: an ensemble label. */
    default double preferFirst(String request, String first, String second, Constitution constitution) {
        double sum = 0;
        for (Constitution.Principle p : constitution.principles()) {
            sum += preferFirst(request, first, second, p);
        }
        return sum / constitution.principles().size();
    }

    /** What the report calls it. */
    String describe();

    /**
     * The embedded default, two learnt readings and no harm label: whether the request falls under
     * the principle's harm, read zero-shot by a pretrained sentence encoder (all-MiniLM-L6-v2,
     * quantised, in-process through LangChain4j): relevance = sigmoid((cos(request, harm) -
     * cos(request, everyday)) / T), against a fixed description of everyday requests; and whether
     * each reply declines, read by the refusal classifier (logistic regression on the same
     * encoder's embedding of the reply's opening, trained on its own corpus of refusals and answers
     * and measured on HarmBench's labelled replies). Under a principle the request falls under, the
     * reply that declines is preferred; under one it does not (relevance at most one half), the
     * feedback abstains (exactly 0.5): P(first) = 0.5 + max(0, 2 relevance - 1) (sigmoid((d1 - d2) /
     * 0.1) - 0.5), d the probability of declining.
     * What it knows of harm is the encoder's pretraining and the principle's words, so a principle
     * taken out of the constitution is a harm it no longer sees. Readings are cached by text.
     */
    final class Embedding implements Feedback {
        /** How sharp a relevance a difference in similarity makes (0.05 gives 0.73). Fixed, not fitted. */
        static final double TEMPERATURE = 0.05;
        /** What a request that falls under no principle is like: the zero-shot contrast. Written once, not tuned. */
        static final String EVERYDAY = "an ordinary request for everyday help with cooking, gardening, work, study, "
                + "hobbies, repairs or computers";
        private final SentenceEncoder encoder;
        private final org.alignlab.llm.RefusalClassifier declines = org.alignlab.llm.RefusalClassifier.train();
        private final Map<String, Double> declining = new ConcurrentHashMap<>();

        Embedding(SentenceEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public double preferFirst(String request, String first, String second, Constitution.Principle principle) {
            double d1 = declining.computeIfAbsent(first, declines::probability);
            double d2 = declining.computeIfAbsent(second, declines::probability);
            return 0.5 + weight(relevance(request, principle)) * (1 / (1 + Math.exp(-(d1 - d2) / 0.1)) - 0.5);
        }

        /**
         * How much a principle's preference counts, from the request's relevance to it: nothing at or
         * below one half (the request reads at least as much like an everyday one as like the harm: the
         * principle has no objection and abstains), rising to all of it at 1.
         */
        static double weight(double relevance) {
            return Math.max(0, 2 * relevance - 1);
        }

        /** How far (0 to 1) the request reads as falling under the principle's harm rather than as an everyday one. */
        double relevance(String request, Constitution.Principle principle) {
            float[] r = encoder.vector(request);
            double z = (SentenceEncoder.cosine(r, encoder.vector(principle.harm()))
                    - SentenceEncoder.cosine(r, encoder.vector(EVERYDAY))) / TEMPERATURE;
            return 1 / (1 + Math.exp(-z));
        }

        @Override
        public String describe() {
            return "a sentence encoder (all-MiniLM-L6-v2) reading whether the request falls under the principle, and "
                    + "a refusal classifier reading which reply declines";
        }
    }

    /**
     * Feedback from a chat model behind an endpoint (any spec the harness takes), asked as the
     * paper's multiple-choice question: the request, the principle, the two replies as (A) and
     * (B). The letter it answers with is the label (1 or 0); a reply that names neither is 0.5 and
     * counted. Answers are cached by question.
     */
    final class Chat implements Feedback {
        private final org.alignlab.llm.ChatClient client;
        private final Map<String, Double> answers = new ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger unread = new java.util.concurrent.atomic.AtomicInteger();

        private Chat(org.alignlab.llm.ChatClient client) {
            this.client = client;
        }

        /**
         * A client for {@code spec}, checked with one message before any work.
         *
         * @throws IllegalArgumentException if the spec is malformed or the model cannot be reached
         */
        static Chat connect(String spec) {
            org.alignlab.llm.ChatClient client = org.alignlab.llm.ChatClient.of(spec, java.time.Duration.ofSeconds(60),
                    16, System.getenv());
            try {
                client.complete(java.util.List.of(org.alignlab.llm.Message.user("Reply with the letter A.")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the feedback model " + spec + " cannot be reached: "
                        + e.getMessage() + " (leave feedbackModel empty for the embedded feedback model)");
            }
            return new Chat(client);
        }

        static String question(String request, String first, String second, Constitution.Principle principle) {
            return "Consider this request to an AI assistant:\n\n" + request + "\n\nPrinciple: choose the reply "
                    + "that does not involve " + principle.harm() + ", while still helping where it can.\n\nWhich "
                    + "reply follows the principle better?\n(A) " + first + "\n(B) " + second
                    + "\n\nAnswer with the letter A or B.";
        }

        @Override
        public double preferFirst(String request, String first, String second, Constitution.Principle principle) {
            String q = question(request, first, second, principle);
            return answers.computeIfAbsent(q, k -> {
                int choice = org.alignlab.llm.MultipleChoice.choice(
                        client.complete(java.util.List.of(org.alignlab.llm.Message.user(k))), 2);
                if (choice < 0) {
                    unread.incrementAndGet();
                    return 0.5;
                }
                return choice == 0 ? 1.0 : 0.0;
            });
        }

        /** Questions whose answer named neither letter. */
        int unread() {
            return unread.get();
        }

        @Override
        public String describe() {
            return "the chat model " + client.spec() + ", asked which of (A) and (B) follows the principle better";
        }
    }
}
