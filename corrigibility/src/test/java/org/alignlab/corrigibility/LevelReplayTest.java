package org.alignlab.corrigibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.gridworlds.CheeseMaze;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;

class LevelReplayTest {
    /** Fresh levels drawn in turn from a list, so that a test knows which level comes next. */
    private static java.util.function.Supplier<CheeseMaze.Level> inTurn(List<CheeseMaze.Level> levels) {
        int[] next = {0};
        return () -> levels.get(next[0]++ % levels.size());
    }

    private static List<CheeseMaze.Level> levels(int count) {
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(5);
        List<CheeseMaze.Level> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (out.size() < count) {
            CheeseMaze.Level l = CheeseMaze.Level.draw(5, 1, random);
            if (seen.add(l.digest())) {
                out.add(l);
            }
        }
        return out;
    }

    /** The level's regret when missed: the shortest path's discounted return. */
    private static double missed(CheeseMaze.Level level) {
        return LevelReplay.regret(level, false, 100, 0.99);
    }

    @Test
    void regretIsTheShortestPathsReturnLessTheAgents() {
        CheeseMaze.Level level = MisgeneralisationStudyTest.handMade(); // cheese one step from the mouse
        assertThat(LevelReplay.regret(level, true, 1, 0.99)).isZero();
        assertThat(LevelReplay.regret(level, true, 3, 0.99)).isCloseTo(1 - 0.9801, within(1e-12));
        assertThat(LevelReplay.regret(level, false, 100, 0.99)).isEqualTo(1.0);
    }

    @Test
    void freshLevelsAreOnlyScoredAndReplayStartsWhenTheBufferIsFull() {
        List<CheeseMaze.Level> fresh = levels(3);
        LevelReplay replay = new LevelReplay(2, 1.0, 0.3, 0.3, 0.99, LevelReplay.Kind.ROBUST);
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(1);
        var draw = inTurn(fresh);
        CheeseMaze.Pick first = replay.next(random, draw);
        assertThat(first.train()).isFalse(); // a fresh level is played to score it, not trained on
        assertThat(first.level()).isEqualTo(fresh.get(0));
        replay.ended(first.level(), false, 100);
        CheeseMaze.Pick second = replay.next(random, draw);
        assertThat(second.train()).isFalse(); // the buffer holds one of two: still no replay
        replay.ended(second.level(), false, 100);
        // Full, and replay probability 1: every pick now replays a buffered level and is trained on.
        for (int i = 0; i < 20; i++) {
            CheeseMaze.Pick p = replay.next(random, draw);
            assertThat(p.train()).isTrue();
            assertThat(p.level()).isIn(fresh.get(0), fresh.get(1));
        }
        assertThat(replay.replays()).isEqualTo(20);
        assertThat(replay.freshLevels()).isEqualTo(2);
        // Plain replay (PLR) trains on its fresh levels too.
        LevelReplay plain = new LevelReplay(2, 1.0, 0.3, 0.3, 0.99, LevelReplay.Kind.PLAIN);
        assertThat(plain.next(random, draw).train()).isTrue();
    }

    @Test
    void aFreshLevelReplacesTheLowestRegretOnlyWhenItsRegretIsHigher() {
        List<CheeseMaze.Level> l = levels(4);
        LevelReplay replay = new LevelReplay(2, 0.0, 0.3, 0.3, 0.99, LevelReplay.Kind.ROBUST);
        replay.ended(l.get(0), false, 100); // regret: the whole shortest-path return
        replay.ended(l.get(1), true, l.get(1).distancesFrom(l.get(1).mouse())[l.get(1).cheese()]); // regret 0
        assertThat(replay.buffer()).containsExactly(l.get(0), l.get(1));
        // Solved optimally too: regret 0 does not beat the lowest (0), so it does not enter.
        replay.ended(l.get(2), true, l.get(2).distancesFrom(l.get(2).mouse())[l.get(2).cheese()]);
        assertThat(replay.buffer()).containsExactly(l.get(0), l.get(1));
        // Missed: it replaces the solved level, in its slot.
        replay.ended(l.get(3), false, 100);
        assertThat(replay.buffer()).containsExactly(l.get(0), l.get(3));
        // A buffered level's score is its last episode's: solving l0 now makes it the one to go.
        replay.ended(l.get(0), true, l.get(0).distancesFrom(l.get(0).mouse())[l.get(0).cheese()]);
        replay.ended(l.get(1), false, 100);
        assertThat(replay.buffer()).containsExactly(l.get(1), l.get(3));
    }

    @Test
    void uniformReplayKeepsTheLatestLevelsWhateverTheirRegret() {
        List<CheeseMaze.Level> l = levels(4);
        LevelReplay replay = new LevelReplay(2, 1.0, 0.3, 0.3, 0.99, LevelReplay.Kind.UNIFORM);
        replay.ended(l.get(0), false, 100); // high regret
        replay.ended(l.get(1), false, 100);
        // Solved optimally (regret 0): it still enters, in place of the oldest.
        replay.ended(l.get(2), true, l.get(2).distancesFrom(l.get(2).mouse())[l.get(2).cheese()]);
        assertThat(replay.buffer()).containsExactly(l.get(2), l.get(1));
        replay.ended(l.get(3), true, 50);
        assertThat(replay.buffer()).containsExactly(l.get(2), l.get(3));
        // Fresh levels are trained on, and replay draws each buffered level about as often.
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(9);
        int first = 0;
        for (int i = 0; i < 400; i++) {
            CheeseMaze.Pick p = replay.next(random, inTurn(l));
            assertThat(p.train()).isTrue();
            first += p.level().equals(l.get(2)) ? 1 : 0;
        }
        assertThat(first).isBetween(160, 240);
        // With no replay, every episode is a fresh level, and uniform replay trains on it (robust replay would not).
        LevelReplay fresh = new LevelReplay(2, 0.0, 0.3, 0.3, 0.99, LevelReplay.Kind.UNIFORM);
        assertThat(fresh.next(random, inTurn(l)).train()).isTrue();
        assertThat(new LevelReplay(2, 0.0, 0.3, 0.3, 0.99, LevelReplay.Kind.ROBUST).next(random, inTurn(l)).train())
                .isFalse();
    }

    @Test
    void replayProbabilitiesMixRankAndStaleness() {
        List<CheeseMaze.Level> l = levels(3);
        // Three levels with regrets in the order l1 > l0 > l2 (missed l1 is far, l0 near, l2 solved).
        LevelReplay replay = new LevelReplay(3, 1.0, 0.5, 0.0, 0.99, LevelReplay.Kind.ROBUST);
        replay.ended(l.get(0), true, 60);
        replay.ended(l.get(1), false, 100);
        replay.ended(l.get(2), true, l.get(2).distancesFrom(l.get(2).mouse())[l.get(2).cheese()]);
        double r0 = LevelReplay.regret(l.get(0), true, 60, 0.99);
        assertThat(missed(l.get(1))).isGreaterThan(r0);
        assertThat(r0).isPositive();
        // Temperature 0.5: weights (1/rank)^2 = 1, 1/4, 1/9 for ranks 1, 2, 3; total 49/36.
        double[] p = replay.replayProbabilities();
        assertThat(p[1]).isCloseTo(36.0 / 49, within(1e-12));
        assertThat(p[0]).isCloseTo(9.0 / 49, within(1e-12));
        assertThat(p[2]).isCloseTo(4.0 / 49, within(1e-12));
        // Staleness alone: proportional to the episodes since each was last chosen.
        LevelReplay stale = new LevelReplay(3, 1.0, 0.5, 1.0, 0.99, LevelReplay.Kind.ROBUST);
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(3);
        var draw = inTurn(l);
        for (int i = 0; i < 3; i++) { // episodes 1-3 fill the buffer; each level enters when it ends
            stale.ended(stale.next(random, draw).level(), false, 100);
        }
        // Entered at episodes 1, 2, 3; now at episode 3: staleness 2, 1, 0.
        double[] q = stale.replayProbabilities();
        assertThat(q).containsExactly(new double[] {2.0 / 3, 1.0 / 3, 0.0}, within(1e-12));
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new LevelReplay(0, 0.5, 0.3, 0.3, 0.99, LevelReplay.Kind.ROBUST))
                .hasMessageContaining("capacity >= 1");
        assertThatThrownBy(() -> new LevelReplay(4, 1.5, 0.3, 0.3, 0.99, LevelReplay.Kind.ROBUST))
                .hasMessageContaining("replay probability");
        assertThatThrownBy(() -> new LevelReplay(4, 0.5, 0, 0.3, 0.99, LevelReplay.Kind.ROBUST))
                .hasMessageContaining("temperature > 0");
    }
}
