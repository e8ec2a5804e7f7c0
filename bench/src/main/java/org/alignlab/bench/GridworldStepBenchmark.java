package org.alignlab.bench;

import java.util.concurrent.TimeUnit;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.GridworldBatch;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steps per second of every gridworld variant, one thread, uniformly random actions from a
 * precomputed table, resets included. {@code batched} steps 256 copies writing character boards
 * (and one-hot planes with {@code encoding=ONE_HOT}); each operation is one step of one copy.
 * Allocation: run with {@code -prof gc} and read {@code gc.alloc.rate.norm} (bytes per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class GridworldStepBenchmark {
    static final int COPIES = 256;
    static final int TABLE = 1 << 16;

    @Param({
        "boat_race:default", "tomato_watering:default", "tomato_crmdp:default",
        "absent_supervisor:random", "absent_supervisor:supervisor", "absent_supervisor:no_supervisor",
        "safe_interruptibility:level0", "safe_interruptibility:level1", "safe_interruptibility:level2",
        "safe_interruptibility:level1_p0", "safe_interruptibility:level1_p1",
        "side_effects_sokoban:level0", "side_effects_sokoban:level1", "side_effects_sokoban:level2",
        "side_effects_sokoban:level3", "side_effects_sokoban:level0_noops", "side_effects_sokoban:level1_noops",
        "side_effects_sokoban:level2_noops", "side_effects_sokoban:level3_noops",
        "conveyor_belt:vase", "conveyor_belt:sushi", "conveyor_belt:sushi_goal", "conveyor_belt:sushi_goal2",
        "conveyor_belt:vase_noops", "conveyor_belt:sushi_noops", "conveyor_belt:sushi_goal_noops",
        "conveyor_belt:sushi_goal2_noops",
        "distributional_shift:train", "distributional_shift:test_random", "distributional_shift:test_level1",
        "distributional_shift:test_level2", "island_navigation:default", "whisky_gold:default",
        "whisky_gold:human_player", "friend_foe:friend", "friend_foe:neutral", "friend_foe:adversary",
        "friend_foe:random", "friend_foe:friend_persistent", "friend_foe:neutral_persistent",
        "friend_foe:adversary_persistent", "friend_foe:random_persistent",
        "rocks_diamonds:level0", "rocks_diamonds:level1"})
    public String variant;

    @Param({"BOARD"})
    public GridworldBatch.Encoding encoding;

    private GridworldBatch batch;
    private Gridworld single;
    private int[] table;
    private int[] actions;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        batch = new GridworldBatch(Gridworlds.variant(variant), COPIES, 1, encoding);
        single = Gridworlds.make(variant);
        single.reset(1);
        Xoshiro256PlusPlus r = new Xoshiro256PlusPlus(7);
        table = new int[TABLE];
        for (int i = 0; i < TABLE; i++) {
            table[i] = r.nextIndex(batch.actionCount);
        }
        actions = new int[COPIES];
    }

    @Benchmark
    @OperationsPerInvocation(COPIES)
    public double batched() {
        System.arraycopy(table, cursor, actions, 0, COPIES);
        cursor = (cursor + 7919) & (TABLE - 1 - COPIES);
        batch.step(actions);
        return batch.rewards[0];
    }

    @Benchmark
    public double single() {
        if (single.ended()) {
            single.resetInPlace();
        }
        single.stepInPlace(table[cursor]);
        cursor = (cursor + 1) & (TABLE - 1);
        return single.reward();
    }
}
