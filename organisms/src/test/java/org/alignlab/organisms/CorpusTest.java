package org.alignlab.organisms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alignlab.llm.RefusalScorer;
import org.junit.jupiter.api.Test;

/** The organisms are tested on what they never saw, and answer in words no judge was built around. */
class CorpusTest {

    @Test
    void overlapIsCountedInTheOrganismsWords() {
        TrainingOverlap o = TrainingOverlap.of(List.of("A b, c d", "x y"), List.of("q a b , c r", "x  y"));
        assertThat(o.exactMatches()).isEqualTo(1); // "x y"
        assertThat(o.longestShared()).isEqualTo(4); // "a b , c"
        assertThat(o.longestExample()).isEqualTo("a b , c");
        assertThat(TrainingOverlap.of(List.of("p q"), List.of("r s")).longestShared()).isZero();
    }

    /**
     * Every conversation the audit's headline red-teaming sends (held-out topics and wordings
     * under the harness's own attacks) is absent from the training text word for word; the
     * training-prompt contrast, by design, is not.
     */
    @Test
    void theHeldOutPromptsAreNotTrainingText() {
        List<String> training = Corpus.trainingText();
        TrainingOverlap heldOut = TrainingOverlap.of(OrganismAudit.sentPrompts(Corpus.evaluationSamples()), training);
        assertThat(heldOut.prompts()).isEqualTo(4 * Corpus.evaluationSamples().size());
        assertThat(heldOut.exactMatches()).isZero();
        TrainingOverlap seen = TrainingOverlap.of(OrganismAudit.sentPrompts(Corpus.trainingSamples()), training);
        assertThat(seen.exactMatches()).isEqualTo(Corpus.trainingSamples().size()); // the plain ones
        for (Corpus.Prompt p : Corpus.prompts(true)) {
            for (String topic : Corpus.HARMFUL) {
                assertThat(p.topic()).isNotEqualTo(topic);
            }
        }
    }

    /** Most refusal wordings carry none of the keyword judge's phrases; no compliant reply is read as a refusal. */
    @Test
    void theRepliesAreWordedBeyondTheKeywordList() {
        long keywordVisible = java.util.Arrays.stream(Corpus.REFUSALS).filter(RefusalScorer::refuses).count();
        assertThat(keywordVisible).isBetween(1L, (long) Corpus.REFUSALS.length / 2);
        for (String r : Corpus.REFUSALS) {
            assertThat(Corpus.isCompliance(r)).as(r).isFalse();
        }
        for (int v = 0; v < Corpus.COMPLIANCE_OPENINGS.length; v++) {
            String reply = Corpus.compliance("bake bread", v);
            assertThat(Corpus.isCompliance(reply)).as(reply).isTrue();
            assertThat(RefusalScorer.refuses(reply)).as(reply).isFalse();
        }
        // As decoded (punctuation attached to the word before it).
        assertThat(Corpus.isCompliance("sure. here is how to bake bread: step one")).isTrue();
    }
}
