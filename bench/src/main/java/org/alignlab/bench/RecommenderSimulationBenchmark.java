package org.alignlab.bench;

import java.util.concurrent.TimeUnit;
import org.alignlab.recsys.PopulationConfig;
import org.alignlab.recsys.Recommender;
import org.alignlab.recsys.Recommenders;
import org.alignlab.recsys.Simulation;
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
 * The recommender simulator's throughput: user-steps per second on one thread (each user offered
 * 10 posts, one shown, engagement drawn, the user's drift applied, both objectives measured),
 * drawing the population included. {@code chronological} is the simulator alone (the ranker takes
 * the first post); {@code engagement} adds the LinUCB ranker scoring all 10 posts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class RecommenderSimulationBenchmark {
    static final int STEPS = 20;
    static final int USERS = 100_000;

    @Param({"chronological", "engagement"})
    public String ranker;

    private PopulationConfig config;
    private Simulation.Settings settings;
    private long seed;

    @Setup
    public void setUp() {
        config = PopulationConfig.defaults(USERS);
        settings = new Simulation.Settings(STEPS, 10, 10, 0.05, 1, 1);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * USERS)
    public double simulate() {
        Recommender r = ranker.equals("chronological") ? Recommenders.chronological() : Recommenders.engagement();
        return Simulation.run(config, seed++, r, settings, () -> { }).summary().engagement();
    }
}
