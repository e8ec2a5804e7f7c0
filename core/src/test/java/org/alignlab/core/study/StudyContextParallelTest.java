package org.alignlab.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StudyContextParallelTest {
    @Test
    void resultsComeBackInTheTasksOrderWhateverOrderTheyFinishIn() throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            tasks.add(() -> {
                Thread.sleep(8 - n); // later tasks finish first
                return n * n;
            });
        }
        assertThat(StudyContext.parallel(3, tasks)).containsExactly(0, 1, 4, 9, 16, 25, 36, 49);
    }

    @Test
    void aFailureIsThrownAsItselfAndTasksNotStartedAreCancelled() throws Exception {
        AtomicInteger started = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        tasks.add(() -> {
            started.incrementAndGet();
            throw new IllegalStateException("the first task failed");
        });
        for (int i = 0; i < 50; i++) {
            tasks.add(() -> {
                started.incrementAndGet();
                Thread.sleep(20);
                return 1;
            });
        }
        assertThatThrownBy(() -> StudyContext.parallel(1, tasks)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the first task failed");
        Thread.sleep(300); // long enough for fifteen more tasks, had they not been cancelled
        assertThat(started.get()).isLessThanOrEqualTo(2);
    }
}
