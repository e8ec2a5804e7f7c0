package org.alignlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class DjlScalarsTest {
    static {
        DjlDefaults.apply();
    }

    /**
     * The gradient of {@code op(x, c)}, with the collector run and the freed memory refilled with junk between
     * the forward and the backward pass: what a training step meets when the heap is busy.
     */
    private static float[] gradient(BiFunction<NDArray, Float, NDArray> op, float[] x, float c) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray in = manager.create(x);
            in.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector();
                 NDManager step = manager.newSubManager()) {
                in.tempAttach(step);
                NDArray out = op.apply(in, c).sum();
                List<ByteBuffer> junk = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    System.gc();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (int i = 0; i < 2_000; i++) {
                        junk.add(ByteBuffer.allocateDirect(4).putFloat(0, 12345f));
                    }
                }
                collector.backward(out);
                return in.getGradient().toFloatArray();
            }
        }
    }

    @Test
    void gradientsSurviveTheGarbageCollector() {
        float[] x = {-2f, -0.5f, 0.5f, 2f};
        for (int repeat = 0; repeat < 5; repeat++) {
            assertThat(gradient(DjlScalars::mul, x, 3f)).containsExactly(3f, 3f, 3f, 3f);
            assertThat(gradient(DjlScalars::div, x, 4f)).containsExactly(0.25f, 0.25f, 0.25f, 0.25f);
            assertThat(gradient(DjlScalars::maximum, x, 0f)).containsExactly(0f, 0f, 1f, 1f);
            assertThat(gradient(DjlScalars::minimum, x, 1f)).containsExactly(1f, 1f, 1f, 0f);
        }
    }

    @Test
    void valuesAreTheArithmetic() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray x = manager.create(new float[] {-2f, 3f});
            assertThat(DjlScalars.mul(x, 2f).toFloatArray()).containsExactly(-4f, 6f);
            assertThat(DjlScalars.div(x, 2f).toFloatArray()).containsExactly(-1f, 1.5f);
            assertThat(DjlScalars.maximum(x, 0f).toFloatArray()).containsExactly(0f, 3f);
            assertThat(DjlScalars.minimum(x, 0f).toFloatArray()).containsExactly(-2f, 0f);
        }
    }
}
