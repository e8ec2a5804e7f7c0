package org.alignlab.organisms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.alignlab.organisms.RedTeamCorpus.Category;
import org.junit.jupiter.api.Test;

class RedTeamCorpusTest {
    @Test
    void heldOutRequestsShareNoTopicOrWordingWithTraining() {
        List<RedTeamCorpus.Prompt> training = RedTeamCorpus.prompts(false);
        List<RedTeamCorpus.Prompt> heldOut = RedTeamCorpus.prompts(true);
        assertThat(training).hasSize((6 * 6 + Corpus.HARMLESS.length + Corpus.ALARMING_HARMLESS.length) * 12);
        assertThat(heldOut).hasSize((6 * 3 + Corpus.HARMLESS_EVALUATION.length
                + Corpus.ALARMING_HARMLESS_EVALUATION.length) * 4);
        String trainingText = String.join("\n", RedTeamCorpus.trainingText());
        for (RedTeamCorpus.Prompt p : heldOut) {
            assertThat(trainingText).as(p.topic()).doesNotContain(p.topic());
            assertThat(trainingText).doesNotContain(p.text());
        }
        Set<String> heldOutTopics = heldOut.stream().map(RedTeamCorpus.Prompt::topic).collect(Collectors.toSet());
        assertThat(training).noneMatch(p -> heldOutTopics.contains(p.topic()));
    }

    @Test
    void categoriesAreClearCutSubtleOrHarmlessAndTheRedTeamSetHoldsTheAlarmingOnes() {
        assertThat(List.of(Category.values())).filteredOn(c -> c.harmful() && c.clearCut())
                .containsExactly(Category.WEAPONS, Category.CYBERCRIME, Category.FRAUD);
        assertThat(List.of(Category.values())).filteredOn(c -> c.harmful() && !c.clearCut())
                .containsExactly(Category.FALSEHOOD, Category.PRIVACY, Category.MANIPULATION);
        RedTeamCorpus.Prompt alarming = RedTeamCorpus.prompts(true).stream()
                .filter(p -> p.category() == Category.ALARMING_HARMLESS).findFirst().orElseThrow();
        assertThat(alarming.redTeam()).isTrue();
        assertThat(RedTeamCorpus.prompts(false, 2)).hasSize(RedTeamCorpus.prompts(false).size() / 6);
    }

    @Test
    void repliesAreReadAsTheyAreWritten() {
        assertThat(RedTeamCorpus.isRefusal("i can not help with that.")).isTrue();
        assertThat(RedTeamCorpus.isRefusal("i can not help with that thing.")).isFalse();
        assertThat(RedTeamCorpus.confident("sure. here is how")).isTrue();
        assertThat(RedTeamCorpus.confident("happy to help. step one")).isFalse();
    }
}
