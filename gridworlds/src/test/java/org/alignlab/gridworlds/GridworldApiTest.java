package org.alignlab.gridworlds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GridworldApiTest {

    static Stream<String> variants() {
        return Gridworlds.all().stream().map(Variant::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void incrementalBoardAlwaysEqualsAFullRender(String id) {
        Gridworld g = Gridworlds.make(id);
        Xoshiro256PlusPlus actions = new Xoshiro256PlusPlus(99);
        g.reset(5);
        for (int step = 0; step < 2_000; step++) {
            if (g.ended()) {
                g.reset();
            }
            g.stepInPlace(actions.nextIndex(g.actionCount()));
            assertThat(g.boardLines()).as("step %d", step).containsExactly(g.renderedLines());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void batchedCopiesEqualSingleEnvironmentsWithTheDerivedSeeds(String id) {
        Variant v = Gridworlds.variant(id);
        int n = 3;
        long seed = 17;
        GridworldBatch batch = new GridworldBatch(v, n, seed, GridworldBatch.Encoding.ONE_HOT);
        List<Gridworld> singles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Gridworld g = v.create();
            g.reset(SplitMix64.derive(seed, i));
            singles.add(g);
        }
        Xoshiro256PlusPlus policy = new Xoshiro256PlusPlus(3);
        int[] actions = new int[n];
        int cells = batch.cellsPerCopy;
        for (int step = 0; step < 1_000; step++) {
            for (int i = 0; i < n; i++) {
                actions[i] = policy.nextIndex(batch.actionCount);
            }
            batch.step(actions);
            for (int i = 0; i < n; i++) {
                Gridworld g = singles.get(i);
                g.stepInPlace(actions[i]);
                assertThat(batch.rewards[i]).isEqualTo(g.reward());
                assertThat(batch.hiddenRewards[i]).isEqualTo(g.hiddenReward());
                assertThat(batch.terminated[i]).isEqualTo(g.terminated());
                assertThat(batch.truncated[i]).isEqualTo(g.truncated());
                assertThat(batch.actualActions[i]).isEqualTo(g.actualAction());
                if (g.ended()) {
                    assertThat(batch.finishedReturns[i]).isEqualTo(g.episodeReturn());
                    assertThat(batch.finishedPerformances[i]).isEqualTo(g.performance());
                    g.reset();
                }
                byte[] board = new byte[cells];
                System.arraycopy(batch.boards, i * cells, board, 0, cells);
                assertThat(new String(board, java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo(String.join("", g.boardLines()));
                float[] planes = new float[batch.planeCount * cells];
                System.arraycopy(batch.planes, i * batch.planeCount * cells, planes, 0, planes.length);
                assertThat(planes).containsExactly(g.planes());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void sameSeedGivesTheSameEpisode(String id) {
        assertThat(playRandom(id, 11)).isEqualTo(playRandom(id, 11));
    }

    @Test
    void stochasticVariantsDifferAcrossSeeds() {
        for (Variant v : Gridworlds.all()) {
            if (v.stochastic()) {
                List<String> seen = new ArrayList<>();
                for (long seed = 0; seed < 8; seed++) {
                    seen.add(playRandom(v.id(), seed));
                }
                assertThat(seen.stream().distinct().count()).as(v.id()).isGreaterThan(1);
            }
        }
    }

    /**
     * The board hash is kept up to date cell by cell; it must be the hash of the board shown, whatever
     * path led there: equal for equal boards (a fresh copy restored to the same state, a copy in a
     * batch's buffer) and different for different ones.
     */
    @Test
    void boardHashIsTheBoardsWhateverThePath() {
        for (Variant v : Gridworlds.all()) {
            Gridworld g = Gridworlds.make(v.id());
            GridworldBatch batch = new GridworldBatch(v, 2, 0, GridworldBatch.Encoding.BOARD);
            batch.reset();
            // A copy attached to a buffer that already holds a board must take that board's hash.
            Gridworld attached = Gridworlds.make(v.id());
            attached.attachBuffers(batch.boards, batch.cellsPerCopy, null, 0);
            assertThat(attached.boardHash()).as(v.id() + " attached").isEqualTo(batch.copy(1).boardHash());
            Map<String, Long> hashOf = new HashMap<>();
            Map<Long, String> boardOf = new HashMap<>();
            Xoshiro256PlusPlus actions = new Xoshiro256PlusPlus(3);
            for (long seed = 0; seed < 4; seed++) {
                g.reset(seed);
                while (!g.ended()) {
                    String board = String.join("\n", g.boardLines());
                    Gridworld fresh = Gridworlds.make(v.id());
                    fresh.restore(g.snapshot());
                    assertThat(fresh.boardHash()).as(v.id() + " restored").isEqualTo(g.boardHash());
                    batch.copy(1).restore(g.snapshot());
                    assertThat(batch.copy(1).boardHash()).as(v.id() + " in a batch").isEqualTo(g.boardHash());
                    Long before = hashOf.putIfAbsent(board, g.boardHash());
                    assertThat(before == null ? g.boardHash() : before).as(v.id()).isEqualTo(g.boardHash());
                    String other = boardOf.putIfAbsent(g.boardHash(), board);
                    assertThat(other == null ? board : other).as(v.id() + " hash shared").isEqualTo(board);
                    g.step(actions.nextIndex(g.actionCount()));
                }
            }
            assertThat(hashOf.size()).as(v.id()).isGreaterThan(1);
        }
    }

    /** One episode with a fixed action sequence: only the environment's own draws vary with the seed. */
    private static String playRandom(String id, long seed) {
        Gridworld g = Gridworlds.make(id);
        Xoshiro256PlusPlus actions = new Xoshiro256PlusPlus(1);
        StringBuilder trace = new StringBuilder(String.join("", g.reset(seed).board()));
        while (!g.ended()) {
            TimeStep t = g.step(actions.nextIndex(g.actionCount()));
            trace.append(t.reward()).append(',').append(t.info().hiddenReward()).append(String.join("", t.board()));
        }
        return trace.toString();
    }

    @Test
    void timeStepsFollowTheGymnasiumShape() {
        Gridworld g = Gridworlds.make("absent_supervisor:supervisor");
        TimeStep first = g.reset(0);
        assertThat(first.reward()).isZero();
        assertThat(first.last()).isFalse();
        assertThat(first.info().actualAction()).isEqualTo(-1);
        assertThat(first.board()[1]).isEqualTo("S#A   #S");
        g.step(Action.DOWN);
        g.step(Action.DOWN);
        TimeStep last = g.step(Action.DOWN);
        assertThat(last.terminated()).isTrue();
        assertThat(last.truncated()).isFalse();
        assertThat(last.discount()).isZero();
        assertThat(last.reward()).isEqualTo(50 - 1);
        assertThat(last.info().hiddenReturn()).isEqualTo(17);
        assertThat(last.info().terminationReason()).isEqualTo(TerminationReason.TERMINATED);
        assertThat(last.info().extras()).containsEntry("supervisor", true);
    }

    @Test
    void timeOutIsTruncatedWithDiscountOne() {
        Gridworld g = Play.repeatToLimit("boat_race", "u");
        assertThat(g.steps()).isEqualTo(Gridworld.MAX_STEPS);
        assertThat(g.truncated()).isTrue();
        assertThat(g.terminated()).isFalse();
        assertThat(g.discount()).isEqualTo(1.0);
    }

    @Test
    void steppingAnEndedEpisodeIsAnError() {
        Gridworld g = Play.moves("island_navigation", "lll");
        assertThat(g.ended()).isTrue();
        assertThatThrownBy(() -> g.step(Action.UP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call reset()");
        g.reset();
        assertThat(g.steps()).isZero();
        assertThat(g.step(Action.DOWN).reward()).isEqualTo(-1);
    }

    @Test
    void actionOutOfRangeNamesTheValidRange() {
        Gridworld g = Gridworlds.make("boat_race");
        g.reset(0);
        assertThatThrownBy(() -> g.step(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid actions are 0..3");
        assertThatThrownBy(() -> g.step(-1)).hasMessageContaining("out of range");
        Gridworld noops = Gridworlds.make("conveyor_belt:vase_noops");
        noops.reset(0);
        assertThat(noops.step(Action.NOOP).reward()).isZero();
        assertThatThrownBy(() -> noops.step(5)).hasMessageContaining("0..4");
    }

    @Test
    void unknownNamesListTheValidOnes() {
        assertThatThrownBy(() -> Gridworlds.make("boat-race"))
                .hasMessageContaining("unknown environment 'boat-race'")
                .hasMessageContaining("boat_race, tomato_watering");
        assertThatThrownBy(() -> Gridworlds.make("side_effects_sokoban:level7"))
                .hasMessageContaining("unknown variant 'level7' of side_effects_sokoban")
                .hasMessageContaining("level0, level1");
    }

    @Test
    void environmentNamesResolveToTheirDefaultVariant() {
        assertThat(Gridworlds.variant("safe_interruptibility").name()).isEqualTo("level1");
        assertThat(Gridworlds.variant("boat_race").id()).isEqualTo("boat_race:default");
        assertThat(Gridworlds.variant("friend_foe/neutral").id()).isEqualTo("friend_foe:neutral");
        assertThat(Gridworlds.environments()).hasSize(13);
    }

    @Test
    void batchRejectsTooFewActionsAndEmptyBatches() {
        GridworldBatch b = new GridworldBatch(Gridworlds.variant("boat_race"), 4, 0, GridworldBatch.Encoding.BOARD);
        assertThatThrownBy(() -> b.step(new int[3])).hasMessageContaining("need 4 actions, got 3");
        assertThatThrownBy(() -> new GridworldBatch(Gridworlds.variant("boat_race"), 0, 0,
                GridworldBatch.Encoding.BOARD)).hasMessageContaining("at least one copy");
        assertThat(b.planes).isNull();
    }

    @Test
    void boardValuesUseTheOriginalValueMapping() {
        Gridworld g = Gridworlds.make("boat_race");
        g.reset(0);
        float[] v = g.boardValues();
        assertThat(v[0]).isEqualTo(0f);           // '#'
        assertThat(v[6]).isEqualTo(2f);           // 'A' at (1,1)
        assertThat(v[7]).isEqualTo(3f);           // '>' at (1,2)
        assertThat(v[8]).isEqualTo(1f);           // ' ' at (1,3)
        assertThat(g.planeCount()).isEqualTo(4);  // '#', ' ', 'A', arrows
    }

    @Test
    void everyEnvironmentDeclaresItsProblemAndHiddenMeasure() {
        for (Variant v : Gridworlds.all()) {
            assertThat(v.problem()).isNotNull();
            assertThat(v.hiddenPerformance()).isNotBlank();
        }
        assertThat(Gridworlds.all()).hasSizeGreaterThanOrEqualTo(44);
    }
}
