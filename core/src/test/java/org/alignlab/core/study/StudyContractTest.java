package org.alignlab.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the study contract every study relies on: budgets, settings by name, resumable steps. */
class StudyContractTest {
    record Config(String variant, int[] comparisons, double kl, long steps, boolean fast) {
    }

    record Step(String name, double value) {
    }

    @Test
    void budgetsParseByNameAndAnUnknownOneListsThem() {
        assertThat(Budget.parse("Paper")).isEqualTo(Budget.PAPER);
        assertThatThrownBy(() -> Budget.parse("quick")).hasMessage("unknown budget 'quick'; the budgets are smoke, "
                + "audit, default, paper");
    }

    @Test
    void settingsAreReadAndChangedByName() {
        Config base = new Config("boat_race:default", new int[] {100, 1000}, 0.01, 30_000, false);
        assertThat(Settings.of(base)).containsExactly(Map.entry("variant", "boat_race:default"),
                Map.entry("comparisons", "100,1000"), Map.entry("kl", "0.01"), Map.entry("steps", "30000"),
                Map.entry("fast", "false"));
        Config changed = Settings.with(base, Settings.pairs(List.of("comparisons=5, 6,1_000", "steps=1_000", "fast=true")));
        assertThat(changed.comparisons()).containsExactly(5, 6, 1000);
        assertThat(changed.steps()).isEqualTo(1000);
        assertThat(changed.fast()).isTrue();
        assertThat(changed.variant()).isEqualTo(base.variant());
        assertThatThrownBy(() -> Settings.with(base, Map.of("seeds", "3")))
                .hasMessage("unknown setting 'seeds'; the settings are variant, comparisons, kl, steps, fast");
        assertThatThrownBy(() -> Settings.with(base, Map.of("kl", "lots")))
                .hasMessage("setting kl wants a double value, not 'lots'");
        assertThatThrownBy(() -> Settings.with(base, Map.of("fast", "yes")))
                .hasMessage("setting fast wants true or false, not 'yes'");
        assertThatThrownBy(() -> Settings.pairs(List.of("steps"))).hasMessage("'steps' is not NAME=VALUE");
    }

    @Test
    void aFinishedStepIsReusedUnderTheSameConfigurationOnly(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (StudyContext first = new StudyContext(dir, System.out, false, "{\"a\":1}")) {
            assertThat(first.resumable("env/boat_race:default", Step.class, () -> new Step("x" + calls.incrementAndGet(),
                    Double.NaN))).isEqualTo(new Step("x1", Double.NaN));
            assertThat(first.resumedSteps()).isZero();
        }
        // A second run of the same settings (as after a kill) takes the step from the first.
        try (StudyContext again = new StudyContext(dir, System.out, false, "{\"a\":1}")) {
            Step s = again.resumable("env/boat_race:default", Step.class, () -> new Step("x" + calls.incrementAndGet(), 0));
            assertThat(s.name()).isEqualTo("x1");
            assertThat(s.value()).isNaN();
            assertThat(again.resumedSteps()).isEqualTo(1);
        }
        // Other settings: the step is done again, and what is kept is replaced.
        try (StudyContext other = new StudyContext(dir, System.out, false, "{\"a\":2}")) {
            assertThat(other.resumable("env/boat_race:default", Step.class,
                    () -> new Step("x" + calls.incrementAndGet(), 0)).name()).isEqualTo("x2");
            assertThat(other.resumedSteps()).isZero();
        }
        assertThat(calls).hasValue(2);
        // A step that fails leaves nothing behind to be mistaken for a finished one.
        try (StudyContext failing = new StudyContext(dir, System.out, false, "{\"a\":2}")) {
            assertThatThrownBy(() -> failing.resumable("broken", Step.class, () -> {
                throw new IllegalStateException("killed");
            })).hasMessage("killed");
        }
        try (var files = Files.list(dir.resolve(StudyContext.STEPS))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("env%2Fboat_race%3Adefault.json");
        }
        try (StudyContext bad = new StudyContext(dir, System.out, false, "{}")) {
            assertThatThrownBy(() -> bad.resumable("a b", Step.class, () -> null)).hasMessageContaining("may hold only");
        }
        // Keys that differ only in ':' against '/' or '_' are different steps.
        try (StudyContext keys = new StudyContext(dir, System.out, false, "{}")) {
            keys.resumable("a:b", Step.class, () -> new Step("colon", 1));
            assertThat(keys.resumable("a_b", Step.class, () -> new Step("underscore", 2)).name()).isEqualTo("underscore");
            assertThat(keys.resumable("a:b", Step.class, () -> new Step("again", 3)).name()).isEqualTo("colon");
        }
        // A kept step that no longer reads is done again, not an error.
        Files.writeString(dir.resolve(StudyContext.STEPS).resolve("a%3Ab.json"), "{ not json");
        try (StudyContext broken = new StudyContext(dir, System.out, false, "{}")) {
            assertThat(broken.resumable("a:b", Step.class, () -> new Step("redone", 4)).name()).isEqualTo("redone");
        }
    }

    @Test
    void aStepKeptByItsOwnInputsIsReusedUnderOtherSettingsAndRedoneWhenTheInputsChange(@TempDir Path dir)
            throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Map<String, Object> inputs = Map.of("alpha", 1.0, "seed", 3);
        try (StudyContext first = new StudyContext(dir, System.out, false, "{\"alphas\":[0,1]}")) {
            assertThat(first.resumable("agent/alpha1.0/seed3", Step.class, inputs,
                    () -> new Step("x" + calls.incrementAndGet(), 1)).name()).isEqualTo("x1");
        }
        // A run of other settings (more alphas) whose step reads the same inputs takes it as kept.
        try (StudyContext wider = new StudyContext(dir, System.out, false, "{\"alphas\":[0,0.1,1]}")) {
            assertThat(wider.resumable("agent/alpha1.0/seed3", Step.class, inputs,
                    () -> new Step("x" + calls.incrementAndGet(), 1)).name()).isEqualTo("x1");
            assertThat(wider.resumedSteps()).isEqualTo(1);
            // The same key kept under the whole configuration is not: the two kinds of keeping never mix.
            assertThat(wider.resumable("agent/alpha1.0/seed3", Step.class,
                    () -> new Step("x" + calls.incrementAndGet(), 1)).name()).isEqualTo("x2");
        }
        // Other inputs: done again.
        try (StudyContext steps = new StudyContext(dir, System.out, false, "{\"alphas\":[0,1]}")) {
            assertThat(steps.resumable("agent/alpha1.0/seed3", Step.class, Map.of("alpha", 1.0, "seed", 4),
                    () -> new Step("x" + calls.incrementAndGet(), 1)).name()).isEqualTo("x3");
        }
        assertThat(calls).hasValue(3);
    }

    @Test
    void tablesCheckTheirShapeAndShowNumbersInTheirFormat() {
        StudyResult.Table t = StudyResult.Table.builder("t").text("name").number("value", "%.2f")
                .row("a", 1.0 / 3).row("b", Double.NaN).row("c", null).build();
        assertThat(t.cell(0, 1)).isEqualTo("0.33");
        assertThat(t.cell(1, 1)).isEqualTo("-");
        assertThat(t.cell(2, 1)).isEqualTo("-");
        StudyResult.Table seeds = StudyResult.Table.builder("s").number("mean over seeds", "%.1f")
                .row(org.alignlab.core.Statistics.meanInterval(new double[] {1, 2, 3}))
                .row(org.alignlab.core.Statistics.meanInterval(new double[] {4}))
                .row(java.util.Map.of("mean", 2.0, "low", 1.0, "high", 3.0, "n", 3)).build();
        assertThat(seeds.cell(0, 0)).isEqualTo("2.0 \u00b1 2.5"); // sd 1, t(2) 4.303, sqrt 3
        assertThat(seeds.cell(1, 0)).isEqualTo("4.0");
        assertThat(seeds.cell(2, 0)).isEqualTo("2.0 \u00b1 1.0");
        assertThatThrownBy(() -> StudyResult.Table.builder("u").text("name").row("a", 1).build())
                .hasMessage("a row of table 'u' has 2 cells for 1 columns");
        StudyResult.Series s = new StudyResult.Series("s", new double[] {0, 1, 2}, new double[] {1, Double.NaN, 3}, false);
        assertThat(s.x()).containsExactly(0, 2);
        assertThat(s.y()).containsExactly(1, 3);
    }
}
