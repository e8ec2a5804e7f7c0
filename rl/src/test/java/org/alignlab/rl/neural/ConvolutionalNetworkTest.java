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
