package org.alignlab.gridworlds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alignlab.gridworlds.DistributionalShift.Layout;
import org.junit.jupiter.api.Test;

class LavaLayoutTest {
    private static String[] board(DistributionalShift env) {
        env.reset(0);
        return env.boardLines();
    }

    @Test
    void thePapersLevelsAreLayoutsOfTheFamily() {
        for (int level = 0; level < 3; level++) {
            assertThat(board(new DistributionalShift(List.of(DistributionalShift.PAPER_LEVELS.get(level)))))
                    .containsExactly(board(new DistributionalShift(level)));
        }
        assertThat(board(new DistributionalShift(List.of(new Layout(1, 1, 3))))).containsExactly(
                "#########",
                "#A LLL G#",
                "#       #",
                "#       #",
                "#       #",
                "#  LLL  #",
                "#########");
        assertThat(board(new DistributionalShift(List.of(new Layout(0, 4, 4))))).containsExactly(
                "#########",
                "#A     G#",
                "#   LLL #",
                "#   LLL #",
                "#   LLL #",
                "#   LLL #",
                "#########");
    }

    @Test
    void theFamilyHasFortyThreeDistinctBoardsEachWithAFreeRow() {
        List<Layout> all = Layout.all();
        assertThat(all).hasSize(43).doesNotHaveDuplicates().containsAll(DistributionalShift.PAPER_LEVELS);
        Set<String> boards = new HashSet<>();
        for (Layout l : all) {
            boards.add(String.join("\n", board(new DistributionalShift(List.of(l)))));
        }
        assertThat(boards).hasSize(43);
        assertThatThrownBy(() -> new Layout(3, 2, 3)).hasMessageContaining("leaving a free row");
        assertThatThrownBy(() -> new Layout(1, 1, 5)).hasMessageContaining("first column in 2..4");
    }

    @Test
    void aListOfLayoutsIsDrawnUniformlyAndSolvedByLatent() {
        List<Layout> two = List.of(new Layout(0, 0, 3), new Layout(4, 0, 2));
        DistributionalShift env = new DistributionalShift(two);
        assertThat(env.latentProbabilities()).containsExactly(0.5, 0.5);
        int[] seen = new int[2];
        for (int e = 0; e < 400; e++) {
            env.reset(e);
            seen[env.level()]++;
        }
        assertThat(seen[0]).isBetween(150, 250);
        env.resetWithLatent(1);
        assertThat(env.level()).isEqualTo(1);
        assertThat(env.boardLines()[1]).isEqualTo("#ALLL  G#");
        assertThat(env.boardLines()[4]).isEqualTo("# LLL   #");
        assertThat(env.boardLines()[5]).isEqualTo("#       #");
    }
}
