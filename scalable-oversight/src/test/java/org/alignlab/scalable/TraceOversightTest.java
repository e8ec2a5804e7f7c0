package org.alignlab.scalable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TraceOversightTest {
    /** A judge that knows every step: probability 1 for the right result, 0 otherwise. */
    private static final TraceOversight.StepJudge PERFECT = (v, i, t) -> ProgramTrace.apply(v, i) == t ? 1 : 0;

    /** The perfect judge but for one blind spot: it takes 2 +1 to be 9 (0.9) rather than 3 (0.8). */
    private static final TraceOversight.StepJudge BLIND_SPOT = (v, i, t) -> v == 2 && i == 0
            ? (t == 9 ? 0.9 : t == 3 ? 0.8 : 0) : PERFECT.step(v, i, t);

    @Test
    void instructionsComputeModuloTenAndEachIsABijection() {
        assertThat(ProgramTrace.apply(3, 3)).isEqualTo(7); // 3 + 4
        assertThat(ProgramTrace.apply(8, 8)).isEqualTo(7); // 8 + 9 = 17
        assertThat(ProgramTrace.apply(3, 10)).isEqualTo(1); // 3 x 7 = 21
        assertThat(ProgramTrace.apply(6, 11)).isEqualTo(4); // 6 x 9 = 54
        assertThat(ProgramTrace.describe(0)).isEqualTo("+1");
        assertThat(ProgramTrace.describe(9)).isEqualTo("x3");
        for (int i = 0; i < ProgramTrace.INSTRUCTIONS; i++) {
            final int instruction = i;
            assertThat(java.util.stream.IntStream.range(0, 10).map(v -> ProgramTrace.apply(v, instruction)).distinct()
                    .count()).as("instruction %s", ProgramTrace.describe(i)).isEqualTo(10);
        }
        for (int k = 0; k < ProgramTrace.STEPS; k++) {
            int[] step = ProgramTrace.step(k);
            assertThat(ProgramTrace.step(step[0], step[1], step[2])).isEqualTo(k);
        }
        ProgramTrace.Problem p = new ProgramTrace.Problem(2, new int[] {0, 9, 8});
        assertThat(p.values()).containsExactly(2, 3, 9, 8); // 2 +1 = 3, x3 = 9, +9 = 18
        assertThat(p.answer()).isEqualTo(8);
        assertThat(p).hasToString("2 +1 x3 +9");
        assertThatThrownBy(() -> new ProgramTrace.Problem(10, new int[] {0})).hasMessageContaining("start value 0-9");
    }

    @Test
    void aSolverThatNeverSlipsShowsTheTrueWorkAndOneThatAlwaysSlipsNever() {
        SplittableRandom r = new SplittableRandom(1);
        ProgramTrace.Problem p = ProgramTrace.random(20, r);
        assertThat(ProgramTrace.solve(p, 0, r)).containsExactly(p.values());
        int[] slipped = ProgramTrace.solve(p, 1, r);
        for (int i = 0; i < p.size(); i++) {
            assertThat(slipped[i + 1]).isNotEqualTo(ProgramTrace.apply(slipped[i], p.program()[i]));
        }
    }

    @Test
    void aPerfectJudgeIsNeverFooledByDecompositionOrDebate() {
        SplittableRandom r = new SplittableRandom(2);
        for (int k = 0; k < 50; k++) {
            ProgramTrace.Problem p = ProgramTrace.random(1 + r.nextInt(30), r);
            assertThat(TraceOversight.decompositionAccepts(PERFECT, p, p.values())).isTrue();
            assertThat(TraceOversight.decompositionFooled(PERFECT, p)).isFalse();
            assertThat(TraceOversight.liarWins(PERFECT, p, -1)).isFalse();
            assertThat(TraceOversight.liarWins(PERFECT, p, (p.answer() + 1) % 10)).isFalse();
        }
    }

    @Test
    void oneBlindSpotLetsASearchingLiarThroughWhereverTheProgramPassesIt() {
        // 5 +4 = 9, then +3: 9 +3 = 12 -> 2, then +1 at value 2: the blind spot, then x3.
        ProgramTrace.Problem through = new ProgramTrace.Problem(5, new int[] {3, 2, 0, 9});
        assertThat(through.values()).containsExactly(5, 9, 2, 3, 9);
        assertThat(TraceOversight.liarWins(BLIND_SPOT, through, -1)).isTrue();
        assertThat(TraceOversight.decompositionFooled(BLIND_SPOT, through)).isTrue();
        // The lie that gets through: a slip to 9 at the third instruction, correct work after it (9 x3 = 27 -> 7).
        int[] lie = TraceOversight.slipAt(through, 2, 9);
        assertThat(lie).containsExactly(5, 9, 2, 9, 7);
        assertThat(TraceOversight.decompositionAccepts(BLIND_SPOT, through, lie)).isTrue();
        // Defending a fixed wrong answer, the liar still diverges at the blind spot and wins.
        assertThat(TraceOversight.liarWins(BLIND_SPOT, through, 0)).isTrue();
        // A program that never adds 1 to 2 gives the blind spot no chance.
        ProgramTrace.Problem around = new ProgramTrace.Problem(5, new int[] {3, 2, 1, 9});
        assertThat(TraceOversight.liarWins(BLIND_SPOT, around, -1)).isFalse();
        assertThat(TraceOversight.decompositionFooled(BLIND_SPOT, around)).isFalse();
        // At the last instruction a liar bound to its answer can use the blind spot only if its answer is 9.
        ProgramTrace.Problem last = new ProgramTrace.Problem(1, new int[] {0, 0});
        assertThat(TraceOversight.liarWins(BLIND_SPOT, last, 9)).isTrue();
        assertThat(TraceOversight.liarWins(BLIND_SPOT, last, 4)).isFalse();
    }

    @Test
    void aLiarAgainstDecompositionMaySlipTwiceWhereOneSlipIsCaught() {
        // The blind spot lets a slip to 9 through at the third instruction, but this judge then rejects the correct
        // step 9 x3 = 7 (0.4) and accepts the wrong 9 x3 = 1 (0.6): every single slip is caught, two get through.
        TraceOversight.StepJudge twice = (v, i, t) -> v == 9 && i == 9 ? (t == 7 ? 0.4 : t == 1 ? 0.6 : 0)
                : BLIND_SPOT.step(v, i, t);
        ProgramTrace.Problem through = new ProgramTrace.Problem(5, new int[] {3, 2, 0, 9});
        for (int at = 0; at < 4; at++) {
            for (int v = 0; v < 10; v++) {
                if (v != through.values()[at + 1]) {
                    assertThat(TraceOversight.decompositionAccepts(twice, through, TraceOversight.slipAt(through, at, v)))
                            .isFalse();
                }
            }
        }
        assertThat(TraceOversight.decompositionAccepts(twice, through, new int[] {5, 9, 2, 9, 1})).isTrue();
        assertThat(TraceOversight.decompositionFooled(twice, through)).isTrue();
    }

    @Test
    void aFalseAlarmOnOneTrueStepSinksDecompositionButNotDebate() {
        // Doubts 3 x3 = 9 (0.4, under the bar) but still finds it likelier than any other result (0.1).
        TraceOversight.StepJudge doubting = (v, i, t) -> v == 3 && i == 9 ? (t == 9 ? 0.4 : 0.1) : PERFECT.step(v, i, t);
        ProgramTrace.Problem p = new ProgramTrace.Problem(2, new int[] {0, 9, 8});
        assertThat(TraceOversight.decompositionAccepts(doubting, p, p.values())).isFalse();
        assertThat(TraceOversight.liarWins(doubting, p, -1)).isFalse();
    }

    @Test
    void bisectionEndsAtTheInstructionWhereTheLiarFirstDiverges() {
        SplittableRandom r = new SplittableRandom(3);
        for (int size : new int[] {1, 2, 3, 7, 16, 33}) {
            ProgramTrace.Problem p = ProgramTrace.random(size, r);
            int[] truth = p.values();
            for (int at = 0; at < size; at++) {
                List<Integer> asked = new ArrayList<>();
                TraceOversight.StepJudge recording = (v, i, t) -> {
                    asked.add(v * 100 + i);
                    return PERFECT.step(v, i, t);
                };
                assertThat(TraceOversight.debate(recording, p, TraceOversight.liarDivergingAt(p, at,
                        ProgramTrace.wrong(truth[at + 1], r), -1))).isTrue();
                assertThat(asked).as("size %d, diverging at %d", size, at).containsOnly(truth[at] * 100 + p.program()[at]);
            }
        }
        ProgramTrace.Problem p = new ProgramTrace.Problem(0, new int[] {0});
        assertThatThrownBy(() -> TraceOversight.debate(PERFECT, p, point -> point == 0 ? 0 : 1))
                .hasMessageContaining("must differ from the truth");
        assertThatThrownBy(() -> TraceOversight.decompositionAccepts(PERFECT, p, new int[] {0}))
                .hasMessageContaining("value after each of its 1 instructions");
    }
}
