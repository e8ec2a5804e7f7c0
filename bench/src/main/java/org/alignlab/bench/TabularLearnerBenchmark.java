package org.alignlab.bench;

import java.util.concurrent.TimeUnit;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.TabularConfig;
import org.alignlab.rl.TabularLearner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Training throughput of the tabular learners: environment steps per second on one thread,
 * learning and episode logging included. One invocation trains a fresh learner for
 * {@value #STEPS} steps; each operation is one step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class TabularLearnerBenchmark {
    static final int STEPS = 200_000;

    @Param({"boat_race:default", "whisky_gold:default", "island_navigation:default",
        "safe_interruptibility:level1", "side_effects_sokoban:level1", "tomato_watering:default"})
    public String variant;

    @Param({"Q_LEARNING", "SARSA", "EXPECTED_SARSA"})
    public TabularLearner.Rule rule;

    private Variant v;
    private long seed;

    @Setup
    public void setUp() {
        v = Gridworlds.variant(variant);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int train() {
        TabularLearner learner = new TabularLearner(rule, TabularConfig.defaults(STEPS), seed++);
        EpisodeLog log = new EpisodeLog();
        learner.train(v, STEPS, seed, log);
        return log.size();
    }
}
