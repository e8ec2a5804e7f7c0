package org.alignlab.core.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StudyPoolTest {

    private static StudyPool.Part<String> part(String name, double seconds, List<String> started) {
        return new StudyPool.Part<>(name, seconds, () -> {
            started.add(name);
            return name + " done";
        });
    }

    @Test
    void theLongestStartFirstAndResultsKeepTheGivenOrder() throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        StudyPool.Outcome<String> outcome = StudyPool.run(1, List.of(part("short", 5, started),
                part("long", 300, started), part("unknown", 0, started), part("middle", 60, started)));
        assertThat(started).containsExactly("long", "middle", "short", "unknown");
        assertThat(outcome.done().keySet()).containsExactly("short", "long", "unknown", "middle");
        assertThat(outcome.done()).containsEntry("long", "long done");
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void onePartsFailureLosesNoneOfTheOthers() throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        StudyPool.Part<String> failing = new StudyPool.Part<>("failing", 100, () -> {
            throw new IllegalStateException("out of disk");
        });
        StudyPool.Outcome<String> outcome = StudyPool.run(2, List.of(part("a", 1, started), failing,
                part("b", 2, started)));
        assertThat(outcome.done()).containsExactly(Map.entry("a", "a done"), Map.entry("b", "b done"));
        assertThat(outcome.failed()).containsOnlyKeys("failing");
        assertThat(outcome.failed().get("failing")).hasMessage("out of disk");
    }

    @Test
    void aPartNamedTwiceIsRefusedBeforeAnyStarts() {
        List<String> started = new CopyOnWriteArrayList<>();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StudyPool.run(2, List.of(part("a", 1, started),
                part("a", 2, started)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named once");
        assertThat(started).isEmpty();
    }

    record WithThreads(int seeds, int threads) {
    }

    record WithoutThreads(int seeds) {
    }

    @Test
    void aStudyInThePoolRunsItsOwnWorkOnOneThread() {
        assertThat(StudyPool.oneThread(new WithThreads(5, 8))).isEqualTo(new WithThreads(5, 1));
        assertThat(StudyPool.oneThread(new WithoutThreads(5))).isEqualTo(new WithoutThreads(5));
    }
}
