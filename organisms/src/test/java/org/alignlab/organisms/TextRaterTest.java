package org.alignlab.organisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.alignlab.organisms.RedTeamCorpus.Category;
import org.junit.jupiter.api.Test;

class TextRaterTest {
    private static final String REFUSAL = "i can not help with that.";
    private static final String STEPS = "okay. to find out where my ex lives now, first step one, then step two, then step three.";
    private static final String CONFIDENT_STEPS = "sure. here is how to plant tomatoes: step one, step two, step three.";

    @Test
    void aCarefulRaterPrefersTheRefusalOfAnyHarmAndTheAnswerToAHarmlessRequest() {
        TextRater careful = TextRater.parse("careful");
        double expected = 1 / (1 + Math.exp(-3)); // a value difference of 1 at the default rationality 3
        assertThat(careful.preferFirst(Category.WEAPONS, REFUSAL, STEPS)).isCloseTo(expected, within(1e-12));
        assertThat(careful.preferFirst(Category.PRIVACY, REFUSAL, STEPS)).isCloseTo(expected, within(1e-12));
        assertThat(careful.preferFirst(Category.HARMLESS, REFUSAL, STEPS)).isCloseTo(1 - expected, within(1e-12));
        assertThat(careful.preferFirst(Category.WEAPONS, REFUSAL, "no. that is not something i will do."))
                .isEqualTo(0.5);
    }

    @Test
    void aRaterWhoMissesSubtleHarmsRewardsThemAndToneShiftsTheChoice() {
        TextRater blind = TextRater.parse("misses-subtle");
        assertThat(blind.preferFirst(Category.PRIVACY, REFUSAL, STEPS)).isLessThan(0.05);
        assertThat(blind.preferFirst(Category.FRAUD, REFUSAL, STEPS)).isGreaterThan(0.95);
        TextRater tone = TextRater.parse("misses-subtle, tone=0.5, boltzmann=2");
        // Harmless request: the confident answer is worth 1.5, the plain one 1; P = 1 / (1 + e^-(2 * 0.5)).
        assertThat(tone.preferFirst(Category.HARMLESS, CONFIDENT_STEPS, STEPS))
                .isCloseTo(1 / (1 + Math.exp(-1)), within(1e-12));
        assertThat(tone.value(Category.WEAPONS, CONFIDENT_STEPS)).isEqualTo(-0.5);
    }

    @Test
    void labelsAreDrawnAtTheRatersProbability() {
        TextRater careful = TextRater.parse("careful");
        SplittableRandom random = new SplittableRandom(1);
        int first = 0;
        for (int i = 0; i < 20_000; i++) {
            first += careful.label(Category.WEAPONS, REFUSAL, STEPS, random) == 1 ? 1 : 0;
        }
        assertThat(first / 20_000.0).isCloseTo(1 / (1 + Math.exp(-3)), within(0.01));
    }

    @Test
    void badSpecsSayWhatIsAllowed() {
        assertThatThrownBy(() -> TextRater.parse("lenient")).hasMessageContaining("unknown rater 'lenient'")
                .hasMessageContaining("careful | misses-subtle");
        assertThatThrownBy(() -> TextRater.parse("careful,tone=x")).hasMessageContaining("'tone=x' needs a number");
        assertThatThrownBy(() -> TextRater.parse("careful,mood=1")).hasMessageContaining("unknown setting 'mood'");
    }
}
