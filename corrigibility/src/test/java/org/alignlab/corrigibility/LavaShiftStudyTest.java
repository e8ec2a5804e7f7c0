package org.alignlab.corrigibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.gridworlds.DistributionalShift;
import org.alignlab.gridworlds.DistributionalShift.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LavaShiftStudyTest {
    private final LavaShiftStudy study = new LavaShiftStudy();
    private static final Layout TRAINING = DistributionalShift.PAPER_LEVELS.get(0);
    private static final Layout TEST_1 = DistributionalShift.PAPER_LEVELS.get(1);
    private static final Layout TEST_2 = DistributionalShift.PAPER_LEVELS.get(2);

    @Test
    void heldOutLayoutsIncludeThePapersTestLevelsAndNeverMeetTraining() {
        List<Layout> tests = LavaShiftStudy.testLayouts();
        assertThat(tests).hasSize(2 + LavaShiftStudy.EXTRA_TEST_LAYOUTS).startsWith(TEST_1, TEST_2)
                .doesNotContain(TRAINING).doesNotHaveDuplicates();
        assertThat(LavaShiftStudy.testLayouts()).isEqualTo(tests);
        List<Layout> pool = LavaShiftStudy.trainingPool();
        assertThat(pool).hasSize(43 - tests.size()).startsWith(TRAINING).doesNotContainAnyElementsOf(tests);
        assertThat(LavaShiftStudy.trainingLayouts(1, 7)).containsExactly(TRAINING);
        List<Layout> eight = LavaShiftStudy.trainingLayouts(8, 7);
        assertThat(eight).hasSize(8).startsWith(TRAINING).doesNotHaveDuplicates().isSubsetOf(pool);
        assertThat(LavaShiftStudy.trainingLayouts(8, 7)).isEqualTo(eight);
        assertThat(LavaShiftStudy.trainingLayouts(8, 8)).isNotEqualTo(eight);
        assertThat(LavaShiftStudy.trainingLayouts(pool.size(), 3)).containsExactlyInAnyOrderElementsOf(pool);
    }

    @Test
    void shortestPathsAndTheRememberedRouteHaveKnownReturns() {
        // Training level: down, six right, up around the top block: 8 moves, 50 - 8.
        assertThat(LavaShiftStudy.bestReturn(TRAINING)).isEqualTo(42);
        // Test level 1: two rows of lava at the top: 10 moves. Test level 2: the top row is free: 6 moves.
        assertThat(LavaShiftStudy.bestReturn(TEST_1)).isEqualTo(40);
        assertThat(LavaShiftStudy.bestReturn(TEST_2)).isEqualTo(44);
        LavaShiftStudy.Scores oracle = LavaShiftStudy.score(List.of(TRAINING, TEST_1, TEST_2),
                LavaShiftStudy.shortestPathPolicy(), 3);
        assertThat(oracle.goal()).isEqualTo(1.0);
        assertThat(oracle.regret()).isZero();
        // The training route played blindly: right on its own level, into the second row of lava on test level 1,
        // and to the goal by the long way on test level 2 (regret 2).
        assertThat(LavaShiftStudy.score(List.of(TRAINING), LavaShiftStudy.trainingRoute(), 2).goal()).isEqualTo(1.0);
        LavaShiftStudy.Scores one = LavaShiftStudy.score(List.of(TEST_1), LavaShiftStudy.trainingRoute(), 2);
        assertThat(one.lava()).isEqualTo(1.0);
        assertThat(one.regret()).isEqualTo(40 - (-3 - 50)); // three moves, the third into lava: -53
        LavaShiftStudy.Scores two = LavaShiftStudy.score(List.of(TEST_2), LavaShiftStudy.trainingRoute(), 2);
        assertThat(two.goal()).isEqualTo(1.0);
        assertThat(two.regret()).isCloseTo(2, within(1e-12));
    }

    private static LavaShiftStudy.Agent agent(double training, double... goalByLayout) {
        double mean = java.util.Arrays.stream(goalByLayout).average().orElseThrow();
        return new LavaShiftStudy.Agent(1, 0, "1/1@3", training, 0, mean, 1 - mean, 0, goalByLayout,
                java.util.Arrays.stream(goalByLayout).map(g -> 1 - g).toArray(), 0, 0);
    }

    @Test
    void theBootstrapResamplesSeedsAndLayouts() {
        // Identical agents whose layouts differ: the interval comes from the layouts alone.
        LavaShiftStudy.Agent half = agent(1.0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0);
        var goal = LavaShiftStudy.bootstrap(List.of(half, half, half), LavaShiftStudy.Agent::testGoalByLayout,
                a -> 0, 1);
        assertThat(goal.mean()).isCloseTo(0.5, within(1e-12));
        assertThat(goal.high() - goal.low()).isGreaterThan(0.3);
        // The fall: training goal less held-out goal, the same interval shifted and mirrored.
        var fall = LavaShiftStudy.bootstrap(List.of(half, half, half), LavaShiftStudy.Agent::testGoalByLayout,
                LavaShiftStudy.Agent::trainingGoal, -1);
        assertThat(fall.mean()).isCloseTo(0.5, within(1e-12));
        // Agents that differ but whose layouts agree: the interval comes from the agents.
        LavaShiftStudy.Agent all = agent(1.0, 1, 1, 1, 1);
        LavaShiftStudy.Agent none = agent(1.0, 0, 0, 0, 0);
        var mixed = LavaShiftStudy.bootstrap(List.of(all, none, all, none), LavaShiftStudy.Agent::testGoalByLayout,
                a -> 0, 1);
        assertThat(mixed.mean()).isCloseTo(0.5, within(1e-12));
        assertThat(mixed.low()).isLessThan(0.3);
        assertThat(mixed.high()).isGreaterThan(0.7);
        // No variation anywhere: no interval.
        var fixed = LavaShiftStudy.bootstrap(List.of(all, all), LavaShiftStudy.Agent::testGoalByLayout, a -> 0, 1);
        assertThat(fixed.low()).isEqualTo(1.0);
        assertThat(fixed.high()).isEqualTo(1.0);
    }

    @Test
    void theDifferenceOfFallsSharesItsLayouts() {
        // Group a falls by 1 on every layout, group b by 0: the difference is exactly 1 whatever is resampled.
        LavaShiftStudy.Agent fails = agent(1.0, 0, 0, 0, 0);
        LavaShiftStudy.Agent holds = agent(1.0, 1, 1, 1, 1);
        var d = LavaShiftStudy.fallDifference(List.of(fails, fails), List.of(holds, holds));
        assertThat(d.mean()).isEqualTo(1.0);
        assertThat(d.low()).isEqualTo(1.0);
        assertThat(d.high()).isEqualTo(1.0);
        // Both groups fail the same layouts: with one draw of layouts for both, the difference stays 0; a draw per
        // group would spread it.
        LavaShiftStudy.Agent half = agent(1.0, 1, 0, 1, 0, 1, 0);
        var same = LavaShiftStudy.fallDifference(List.of(half, half), List.of(half, half));
        assertThat(same.low()).isZero();
        assertThat(same.high()).isZero();
    }

    @Test
    void badSettingsAreRefused() {
        LavaShiftStudy.Config ok = study.config(Budget.SMOKE);
        study.validate(ok);
        int pool = LavaShiftStudy.trainingPool().size();
        assertThatThrownBy(() -> study.validate(new LavaShiftStudy.Config(new int[] {pool + 1}, 1, 10, 8, 1, 0.9, 1)))
                .hasMessageContaining("layouts must each be 1 to " + pool);
        assertThatThrownBy(() -> study.validate(new LavaShiftStudy.Config(new int[] {1}, 0, 10, 8, 1, 0.9, 1)))
                .hasMessageContaining("seeds must be between 1 and 100, got 0");
        assertThatThrownBy(() -> study.validate(new LavaShiftStudy.Config(new int[] {1}, 1, 10, 8, 1, 1.5, 1)))
                .hasMessageContaining("gate must be in [0, 1]");
    }

    @Test
    void theSmokeBudgetTrainsAndScoresEverySize(@TempDir Path dir) throws Exception {
        LavaShiftStudy.Config c = study.config(Budget.SMOKE);
        StudyResult r;
        try (StudyContext ctx = new StudyContext(dir, new PrintStream(PrintStream.nullOutputStream()), false, "{}")) {
            r = study.run(c, ctx);
        }
        assertThat(r.tables().get(0).rows()).hasSize(c.layouts().length + 3);
        assertThat(r.findings().get(0).text()).startsWith("Baselines on the 10 held-out layouts: the shortest path "
                + "reaches the goal on 1.000");
        @SuppressWarnings("unchecked")
        List<LavaShiftStudy.Agent> agents = (List<LavaShiftStudy.Agent>)
                ((java.util.Map<String, Object>) r.data()).get("agents");
        assertThat(agents).hasSize(c.layouts().length * c.seeds());
        for (LavaShiftStudy.Agent a : agents) {
            assertThat(a.testGoal() + a.testLava()).isLessThanOrEqualTo(1 + 1e-9);
            assertThat(a.training().split(" ")).hasSize(a.layouts());
            assertThat(a.testGoalByLayout()).hasSize(10);
            for (double g : a.testGoalByLayout()) { // a share of the layout's episodes
                assertThat(g * c.episodes()).isCloseTo(Math.rint(g * c.episodes()), within(1e-9));
            }
        }
    }
}
