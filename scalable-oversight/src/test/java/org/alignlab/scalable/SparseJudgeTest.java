package org.alignlab.scalable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SparseJudgeTest {
    static SparseJudge randomJudge(int hidden, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] w = new float[5][];
        int[] sizes = {Mnist.PIXELS * hidden, Mnist.PIXELS * hidden, hidden, SparseJudge.CLASSES * hidden,
                SparseJudge.CLASSES};
        for (int i = 0; i < 5; i++) {
            w[i] = new float[sizes[i]];
            for (int j = 0; j < sizes[i]; j++) {
                w[i][j] = (float) r.nextGaussian();
            }
        }
        return new SparseJudge(hidden, w[0], w[1], w[2], w[3], w[4]);
    }

    @Test
    void javaEvaluationEqualsTheDjlNetwork() {
        SparseJudge judge = randomJudge(16, 3);
        int batch = 8;
        int k = 5;
        SplittableRandom r = new SplittableRandom(4);
        long[] pixels = new long[batch * k];
        float[] intensities = new float[batch * k];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = r.nextInt(Mnist.PIXELS);
            intensities[i] = (float) r.nextDouble();
        }
        float[] djl;
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray out = SparseJudge.forward(judge.toArrays(m), m.create(pixels, new Shape(batch, k)),
                    m.create(intensities, new Shape(batch, k)));
            djl = out.toFloatArray();
        }
        for (int b = 0; b < batch; b++) {
            float[] pre = judge.empty();
            for (int j = 0; j < k; j++) {
                judge.reveal(pre, (int) pixels[b * k + j], intensities[b * k + j]);
            }
            float[] logits = judge.logits(pre);
            for (int c = 0; c < SparseJudge.CLASSES; c++) {
                assertThat(logits[c]).isCloseTo(djl[b * SparseJudge.CLASSES + c], within(1e-3f));
            }
            // The contest of two classes is their logits' difference.
            assertThat(judge.contest(2, 7).margin(pre)).isCloseTo(logits[2] - logits[7], within(1e-3f));
        }
    }

    @Test
    void aTrainedJudgeBeatsChanceOnImagesItNeverSaw() throws Exception {
        Mnist data = Mnist.embedded();
        DebateStudy.Split split = DebateStudy.split(data.size(), 2_000, 500);
        SparseJudge judge = SparseJudge.train(data, split.train(), 6, new SparseJudge.Settings(64, 300, 64, 0.003f), 1,
                null);
        boolean[] right = DebateStudy.judgeAlone(judge, data, split.test(), 6, 1);
        double accuracy = IntStream.range(0, right.length).filter(i -> right[i]).count() / (double) right.length;
        // Chance is 10%; the paper's judge reaches 59.4% after far longer training.
        assertThat(accuracy).isBetween(0.25, 0.70);
        // The same seed gives the same judge.
        SparseJudge again = SparseJudge.train(data, split.train(), 6, new SparseJudge.Settings(64, 300, 64, 0.003f), 1,
                null);
        assertThat(again.outputWeights).isEqualTo(judge.outputWeights);
    }

    @Test
    void drawnPixelsAreDistinctAndFromTheImage() {
        int[] from = {3, 9, 27, 81, 243, 500, 700};
        int[] out = new int[4];
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 100; t++) {
            SparseJudge.draw(from, 4, r, out);
            assertThat(Arrays.stream(out).distinct().count()).isEqualTo(4);
            assertThat(from).contains(out);
        }
    }
}
