package org.alignlab.rl.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.Set;
import org.alignlab.gridworlds.CheeseMaze;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.alignlab.rl.EpisodeLog;
import org.junit.jupiter.api.Test;

/** The convolutional front of {@link Network}, and PPO through it. */
class ConvolutionalNetworkTest {

    private static float[] input(int size, long seed) {
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed);
        float[] x = new float[size];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.3 ? 1 : 0;
        }
        return x;
    }

    @Test
    void twoStrideTwoConvolutionsTakeA21By21BoardTo6By6BeforeTheHiddenLayers() {
        try (Network n = new Network("conv", 3 * 21 * 21, 128, 5, 1e-3f, 7, new Network.Image(3, 21, 21))) {
            // 3 x 3 kernels, padding 1, stride 2: 21 -> 11 -> 6 cells a side, so 32 filters give 1,152 values.
            int[] sizes = Arrays.stream(n.weights()).mapToInt(w -> w.length).toArray();
            assertThat(sizes).containsExactly(16 * 3 * 9, 16, 32 * 16 * 9, 32, 128 * 32 * 36, 128, 128 * 128, 128,
                    5 * 128, 5);
            // PyTorch's default range: uniform in +-1/sqrt(fan in), the fan in of a convolution being its input
            // planes times its kernel's cells.
            float[] first = n.weights()[0];
            double bound = 1 / Math.sqrt(3 * 9);
            assertThat(max(first)).isLessThanOrEqualTo((float) bound).isGreaterThan((float) (0.9 * bound));
            float[] second = n.weights()[2];
            assertThat(max(second)).isLessThanOrEqualTo((float) (1 / Math.sqrt(16 * 9))).isGreaterThan(
                    (float) (0.9 / Math.sqrt(16 * 9)));
            assertThat(n.weights()[1]).containsOnly(0f);
        }
    }

    private static float max(float[] values) {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void theSameSeedGivesTheSameNetworkAndTheLayersStillReadOut() {
        float[] x = input(3 * 9 * 9, 1);
        try (Network a = new Network("a", 3 * 9 * 9, 16, 4, 1e-3f, 11, new Network.Image(3, 9, 9));
             Network b = new Network("b", 3 * 9 * 9, 16, 4, 1e-3f, 11, new Network.Image(3, 9, 9));
             Network c = new Network("c", 3 * 9 * 9, 16, 4, 1e-3f, 12, new Network.Image(3, 9, 9))) {
            assertThat(a.predict(x, 1)).containsExactly(b.predict(x, 1));
            assertThat(a.predict(x, 1)).isNotEqualTo(c.predict(x, 1));
            // The named layers are the hidden layers after the front: 16 units each, and the output is predict's.
            assertThat(a.activations(x, 1, "hidden1", null)).hasSize(16);
            assertThat(a.activations(x, 1, "hidden2", null)).hasSize(16);
            float[] out = a.activations(x, 1, "output", null);
            float[] predicted = a.predict(x, 1);
            for (int i = 0; i < out.length; i++) {
                assertThat(out[i]).isCloseTo(predicted[i], within(1e-6f));
            }
        }
    }

    /** A 3 x 3 convolution of stride 2 and padding 1 with a ReLU, written out: in[plane][row][col] row by row. */
    private static float[] convolve(float[] in, int planes, int rows, int cols, float[] w, float[] bias) {
        int filters = bias.length;
        int outRows = (rows + 2 - 3) / 2 + 1;
        int outCols = (cols + 2 - 3) / 2 + 1;
        float[] out = new float[filters * outRows * outCols];
        for (int f = 0; f < filters; f++) {
            for (int r = 0; r < outRows; r++) {
                for (int c = 0; c < outCols; c++) {
                    double sum = bias[f];
                    for (int p = 0; p < planes; p++) {
                        for (int i = 0; i < 3; i++) {
                            for (int j = 0; j < 3; j++) {
                                int y = 2 * r - 1 + i;
                                int x = 2 * c - 1 + j;
                                if (y >= 0 && y < rows && x >= 0 && x < cols) {
                                    sum += w[((f * planes + p) * 3 + i) * 3 + j] * in[(p * rows + y) * cols + x];
                                }
                            }
                        }
                    }
                    out[(f * outRows + r) * outCols + c] = (float) Math.max(0, sum);
                }
            }
        }
        return out;
    }

    /** A linear layer (units x inputs, row by row), with a ReLU when {@code relu}. */
    private static float[] linear(float[] in, float[] w, float[] bias, boolean relu) {
        float[] out = new float[bias.length];
        for (int u = 0; u < out.length; u++) {
            double sum = bias[u];
            for (int i = 0; i < in.length; i++) {
                sum += w[u * in.length + i] * in[i];
            }
            out[u] = (float) (relu ? Math.max(0, sum) : sum);
        }
        return out;
    }

    @Test
    void theNetworkComputesWhatTheFrontWrittenOutComputesOnANonSquareBoard() {
        // Plane by plane, row by row, as GridworldBatch lays out its planes: a front that read the values in another
        // order (rows and columns swapped, planes last) would give other outputs on a board of 7 rows and 5 columns.
        int planes = 2;
        int rows = 7;
        int cols = 5;
        float[] x = input(planes * rows * cols, 9);
        try (Network n = new Network("conv", planes * rows * cols, 8, 3, 1e-3f, 4, new Network.Image(planes, rows, cols))) {
            float[][] w = n.weights();
            float[] h = convolve(x, planes, rows, cols, w[0], w[1]);                 // 16 x 4 x 3
            h = convolve(h, 16, 4, 3, w[2], w[3]);                                   // 32 x 2 x 2
            h = linear(h, w[4], w[5], true);
            h = linear(h, w[6], w[7], true);
            float[] expected = linear(h, w[8], w[9], false);
            float[] actual = n.predict(x, 1);
            assertThat(actual).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(actual[i]).isCloseTo(expected[i], within(1e-5f));
            }
        }
    }

    @Test
    void theConvolutionsSeeWhereACellIs() {
        // A perceptron's first layer could tell a moved wall from another wall too; this checks the front is wired to
        // the planes as laid out (plane by plane, row by row): moving one cell changes the output, and so does
        // moving it to another plane.
        try (Network n = new Network("conv", 3 * 9 * 9, 16, 4, 1e-3f, 3, new Network.Image(3, 9, 9))) {
            float[] a = new float[3 * 9 * 9];
            float[] b = new float[3 * 9 * 9];
            float[] c = new float[3 * 9 * 9];
            a[4 * 9 + 4] = 1;          // plane 0, centre
            b[0] = 1;                  // plane 0, corner
            c[81 + 4 * 9 + 4] = 1;     // plane 1, centre
            float[] pa = n.predict(a, 1);
            assertThat(pa).isNotEqualTo(n.predict(b, 1));
            assertThat(pa).isNotEqualTo(n.predict(c, 1));
        }
    }

    @Test
    void anImageThatIsNotTheInputIsRefusedAndNoneIsStored() {
        assertThatThrownBy(() -> new Network("bad", 3 * 9 * 9, 16, 4, 1e-3f, 1, new Network.Image(3, 9, 8)))
                .hasMessageContaining("an image of 3 x 9 x 8 cells is not an input of 243 values");
        assertThatThrownBy(() -> new Network.Image(0, 9, 9)).hasMessageContaining("at least one plane");
        try (Network n = new Network("conv", 3 * 9 * 9, 16, 4, 1e-3f, 1, new Network.Image(3, 9, 9))) {
            assertThatThrownBy(() -> n.write(new DataOutputStream(new ByteArrayOutputStream())))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    /** Mean episode length over the first and the second half of a run's episodes. */
    private static double[] lengthByHalves(long seed, long steps) {
        PpoConfig c = new PpoConfig(16, 128, 4, 512, 32, 1e-3f, 0.99, 0.95, 0.2f, 0.5f, 0.03f, 0f, 0.85, true);
        EpisodeLog log = new EpisodeLog();
        try (Ppo agent = new Ppo(c, seed)) {
            agent.train(CheeseMaze.variant(4, 0, Set.of(), null), steps, log);
        }
        int n = log.size();
        double[] halves = new double[2];
        for (int e = 0; e < n; e++) {
            halves[e < n / 2 ? 0 : 1] += log.length(e);
        }
        halves[0] /= n / 2;
        halves[1] /= n - n / 2;
        return halves;
    }

    @Test
    void ppoThroughConvolutionsLearnsToFindTheCornerAndIsReproducible() {
        // 6 x 6 mazes with the cheese in the corner: episodes (which end at the cheese) get shorter as the agent
        // learns the way, and a second run from the same seed is the same run.
        double[] halves = lengthByHalves(5, 40_000);
        System.out.println("conv PPO mean episode length, first and second half: " + Arrays.toString(halves));
        assertThat(halves[1]).isLessThan(0.7 * halves[0]);
        assertThat(lengthByHalves(5, 6_000)).containsExactly(lengthByHalves(5, 6_000));
    }
}
