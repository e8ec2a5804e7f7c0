package org.alignlab.bench;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.alignlab.scalable.Debate;
import org.alignlab.scalable.Mcts;
import org.alignlab.scalable.Mnist;
import org.alignlab.scalable.SparseJudge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The MNIST debate's speed on one thread: images debated per second with pre-commitment (up to nine
 * games of 6 pixels, stopping at the liar's first win), by greedy debaters or by MCTS debaters at
 * 100 simulations a move, against a judge of 128 hidden units (the default budget's) trained for 1,000 steps in the setup;
 * and the judge's training on DJL, in Adam steps of 128 images per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1"})
public class DebateSearchBenchmark {
    @Param({"greedy", "mcts100"})
    public String debaters;

    private Mnist data;
    private int[] train;
    private SparseJudge judge;
    private int image;

    @Setup
    public void setUp() throws Exception {
        data = Mnist.embedded();
        train = IntStream.range(0, 8_000).toArray();
        judge = SparseJudge.train(data, train, 6, new SparseJudge.Settings(128, 1_000, 128, 0.003f), 1, null);
    }

    @Benchmark
    public int debateOneImage() {
        int i = 8_000 + image++ % 2_000;
        Debate.Debater honest = debaters.equals("greedy") ? Debate.greedy() : new Mcts(100);
        Debate.Debater liar = debaters.equals("greedy") ? Debate.greedy() : new Mcts(100);
        return Debate.precommitted(judge, data, i, 6, false, honest, liar);
    }

    /** 100 Adam steps of the judge per invocation (the debaters parameter does not change it). */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(100)
    public SparseJudge trainJudge() {
        return SparseJudge.train(data, train, 6, new SparseJudge.Settings(128, 100, 128, 0.003f), image++, null);
    }
}
