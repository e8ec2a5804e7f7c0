package org.alignlab.gridworlds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;

class CheeseMazeTest {
    /**
     * A 4 x 4 maze (rows top to bottom): the corner at 0, a wall column at col 1 except row 3, the
     * mouse at 2 (row 0, col 2), the cheese at 3 (row 0, col 3).
     * <pre>
     *   . # M C
     *   . # . .
     *   . # . .
     *   . . . .
     * </pre>
     */
    static CheeseMaze.Level handMade() {
        boolean[] walls = new boolean[16];
        walls[1] = walls[5] = walls[9] = true;
        return new CheeseMaze.Level(4, walls, 2, 3);
    }

    @Test
    void shortestPathsGoAroundWalls() {
        CheeseMaze.Level level = handMade();
        int[] d = level.distancesFrom(level.mouse());
        assertThat(d[3]).isEqualTo(1);
        assertThat(d[0]).isEqualTo(8); // 2 -> 6 -> 10 -> 14 -> 13 -> 12 -> 8 -> 4 -> 0
        assertThat(d[1]).isEqualTo(-1);
        assertThat(level.distinguishing()).isTrue();
    }

    @Test
    void theShareOfDistinguishingLevelsIsAlphaAndEveryLevelIsSolvable() {
        // Side 4, where many wall layouts are drawn again: the share must still be alpha.
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(5);
        int distinguishing = 0;
        int walls = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            CheeseMaze.Level level = CheeseMaze.Level.draw(4, 0.3, random);
            int[] d = level.distancesFrom(level.mouse());
            assertThat(d[level.corner()]).isPositive();
            assertThat(d[level.cheese()]).isPositive();
            distinguishing += level.distinguishing() ? 1 : 0;
            for (boolean w : level.walls()) {
                walls += w ? 1 : 0;
            }
        }
        // Binomial(2000, 0.3): sd 20.5; within 4 sd.
        assertThat(distinguishing).isBetween(600 - 82, 600 + 82);
        // Rejection of layouts that cut the mouse off thins the walls below 0.25 * 15 / 16.
        assertThat(walls / (16.0 * n)).isBetween(0.15, 0.235);
        for (int i = 0; i < 200; i++) {
            assertThat(CheeseMaze.Level.draw(11, 0, random).distinguishing()).isFalse();
            assertThat(CheeseMaze.Level.draw(11, 1, random).distinguishing()).isTrue();
        }
    }

    @Test
    void theBoardIsTheMazeCentredOnTheMouse() {
        CheeseMaze env = new CheeseMaze(4, 0);
        env.playLevel(handMade());
        env.reset();
        assertThat(env.rows()).isEqualTo(7);
        // The mouse (row 0, col 2) is at the centre (3, 3); the cheese one to its right; the wall two to its left.
        assertThat(env.charAt(3, 3)).isEqualTo(' ');
        assertThat(env.charAt(3, 4)).isEqualTo('C');
        assertThat(env.charAt(3, 2)).isEqualTo('#');
        assertThat(env.charAt(2, 3)).isEqualTo('#'); // above the maze
        assertThat(env.charAt(3, 1)).isEqualTo(' '); // the corner
        assertThat(env.mazeLines()[1]).isEqualTo("# #MC#");
    }

    @Test
    void wallsBlockTheCornerIsRecordedAndTheCheesePaysAndEnds() {
        CheeseMaze env = new CheeseMaze(4, 0);
        env.playLevel(handMade());
        env.reset();
        env.step(Action.LEFT); // into the wall
        assertThat(env.mouse()).isEqualTo(2);
        assertThat(env.reward()).isZero();
        for (int a : new int[] {Action.DOWN, Action.DOWN, Action.DOWN, Action.LEFT, Action.LEFT, Action.UP,
                Action.UP, Action.UP}) {
            env.step(a);
        }
        assertThat(env.mouse()).isZero();
        assertThat(env.cornerStep()).isEqualTo(9);
        assertThat(env.ended()).isFalse();
        env.step(Action.DOWN);
        for (int a : new int[] {Action.DOWN, Action.DOWN, Action.RIGHT, Action.RIGHT, Action.RIGHT, Action.UP,
                Action.UP, Action.UP}) {
            env.step(a);
        }
        assertThat(env.reachedCheese()).isTrue();
        assertThat(env.reward()).isEqualTo(CheeseMaze.CHEESE_REWARD);
        assertThat(env.episodeReturn()).isEqualTo(CheeseMaze.CHEESE_REWARD);
        assertThat(env.ended()).isTrue();
        assertThat(env.indicators()).containsEntry("reached_corner", 1.0).containsEntry("reached_cheese", 1.0)
                .containsEntry(CheeseMaze.DISTINGUISHING, 1.0);
        long digest = handMade().digest();
        assertThat(CheeseMaze.digest(env.indicators().get(CheeseMaze.DIGEST_HIGH),
                env.indicators().get(CheeseMaze.DIGEST_LOW))).isEqualTo(digest);
    }

    @Test
    void aLevelTellsTheGoalsApartOnlyWhenNeitherLiesOnTheWayToTheOther() {
        // handMade: mouse at 2, cheese at 3, corner at 0 (8 steps away, not past the cheese).
        assertThat(handMade().tellsTheGoalsApart()).isTrue();
        boolean[] open = new boolean[16];
        // Mouse at 3 (row 0, col 3), cheese at 1 (row 0, col 1): the cheese is on the way to the corner.
        assertThat(new CheeseMaze.Level(4, open, 3, 1).tellsTheGoalsApart()).isFalse();
        // Mouse at 5 (row 1, col 1), cheese at 15: no shortest path to the cheese passes the corner, nor back.
        assertThat(new CheeseMaze.Level(4, open, 5, 15).tellsTheGoalsApart()).isTrue();
        // Mouse at 4 (row 1, col 0), cheese at 1 (row 0, col 1): both 2 steps apart through the corner or 5.
        assertThat(new CheeseMaze.Level(4, open, 4, 1).tellsTheGoalsApart()).isFalse();
        // The cheese in the corner tells nothing apart.
        assertThat(new CheeseMaze.Level(4, open, 5, 0).tellsTheGoalsApart()).isFalse();
    }

    @Test
    void theBoardFollowsTheMouse() {
        CheeseMaze env = new CheeseMaze(4, 0);
        env.playLevel(handMade());
        env.reset();
        env.step(Action.DOWN); // to row 1, col 2
        assertThat(env.charAt(3, 3)).isEqualTo(' ');
        assertThat(env.charAt(2, 4)).isEqualTo('C'); // up and to the right
        assertThat(env.charAt(3, 2)).isEqualTo('#');
        assertThat(env.charAt(1, 3)).isEqualTo('#'); // above the maze now two rows up
        assertThat(env.charAt(2, 3)).isEqualTo(' '); // where the mouse was
        // The planes a training batch keeps up to date step by step agree with the board: one cheese cell.
        GridworldBatch batch = new GridworldBatch(CheeseMaze.variant(4, 0, java.util.Set.of()), 1, 1,
                GridworldBatch.Encoding.ONE_HOT);
        ((CheeseMaze) batch.copy(0)).playLevel(handMade());
        batch.reset();
        batch.step(new int[] {Action.DOWN});
        float[] planes = batch.planes;
        assertThat(planes).containsExactly(batch.copy(0).planes());
        int cells = env.rows() * env.cols();
        int cheesePlane = env.planeChars().indexOf('C');
        double cheese = 0;
        for (int i = 0; i < cells; i++) {
            cheese += planes[cheesePlane * cells + i];
        }
        assertThat(cheese).isEqualTo(1.0);
        assertThat(planes[cheesePlane * cells + 2 * env.cols() + 4]).isEqualTo(1f);
    }

    @Test
    void excludedLevelsAreNeverPlayed() {
        // Side 4 at alpha 1 repeats levels often; exclude the first 300 drawn and play 3,000 episodes.
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(9);
        java.util.Set<Long> excluded = new java.util.HashSet<>();
        for (int i = 0; i < 300; i++) {
            excluded.add(CheeseMaze.Level.draw(4, 1, random).digest());
        }
        CheeseMaze without = new CheeseMaze(4, 1);
        CheeseMaze with = new CheeseMaze(4, 1, excluded);
        without.seed(3);
        with.seed(3);
        int hitsWithout = 0;
        for (int e = 0; e < 3000; e++) {
            without.reset();
            with.reset();
            hitsWithout += excluded.contains(without.level().digest()) ? 1 : 0;
            assertThat(excluded).doesNotContain(with.level().digest());
        }
        assertThat(hitsWithout).isPositive(); // the exclusion has something to do here
    }

    @Test
    void levelsDifferInTheirDigests() {
        // Same walls, mouse and cheese moved so that a weighted sum of the two would stay the same (side 6).
        boolean[] walls = new boolean[36];
        assertThat(new CheeseMaze.Level(6, walls, 1, 35).digest())
                .isNotEqualTo(new CheeseMaze.Level(6, walls, 2, 4).digest());
        java.util.Set<Long> digests = new java.util.HashSet<>();
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(1);
        java.util.Set<String> levels = new java.util.HashSet<>();
        for (int i = 0; i < 5000; i++) {
            CheeseMaze.Level l = CheeseMaze.Level.draw(11, 0.5, random);
            if (levels.add(java.util.Arrays.toString(l.walls()) + l.mouse() + "/" + l.cheese())) {
                assertThat(digests.add(l.digest())).isTrue();
            }
        }
        CheeseMaze.Level a = handMade();
        CheeseMaze.Level moved = new CheeseMaze.Level(4, a.walls(), 6, 3);
        assertThat(moved.digest()).isNotEqualTo(a.digest());
        assertThat(new CheeseMaze.Level(4, a.walls(), 2, 3).digest()).isEqualTo(a.digest());
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThatThrownBy(() -> new CheeseMaze(11, 1.5)).hasMessageContaining("alpha must be in [0, 1]");
        assertThatThrownBy(() -> new CheeseMaze(1, 0)).hasMessageContaining("at least 2 cells");
        assertThatThrownBy(() -> new CheeseMaze.Level(4, new boolean[16], 3, 3)).hasMessageContaining("not a level");
        CheeseMaze env = new CheeseMaze(5, 0);
        assertThatThrownBy(() -> env.playLevel(handMade())).hasMessageContaining("side 4 in a maze of side 5");
    }
}
