package org.alignlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PerceptronTest {
    @Test
    void aSmallNetworkGivesTheOutputWorkedByHand() {
        // Two inputs, two hidden units. First layer (inputs x units): h1 = relu(x0 - x1 + 0.5), h2 = relu(2 x1 - 1).
        // Second: g1 = relu(h1 + h2), g2 = relu(-h1). Output: 3 g1 - g2 + 0.25.
        Perceptron p = new Perceptron(2, 2, new float[] {1, 0, -1, 2}, new float[] {0.5f, -1},
                new float[] {1, -1, 1, 0}, new float[] {0, 0}, new float[] {3, -1}, 0.25f);
        // x = (1, 1): h = (0.5, 1), g = (1.5, 0): 4.75.
        assertThat(p.output(new float[] {9, 1, 1}, 1)).isCloseTo(4.75, within(1e-6));
        // x = (0, 2): h = (relu(-1.5) = 0, 3), g = (3, 0): 9.25.
        assertThat(p.output(new float[] {0, 2}, 0)).isCloseTo(9.25, within(1e-6));
        // x = (-3, 0): both hidden units off: the biases through, 0.25.
        assertThat(p.output(new float[] {-3, 0}, 0)).isCloseTo(0.25, within(1e-6));
        // Three inputs, two hidden units: a mixed-up row stride would read the wrong weights.
        // h1 = relu(x0 + 2 x2), h2 = relu(x1); g1 = relu(h1 - h2), g2 = relu(h2); output g1 + 10 g2.
        Perceptron wide = new Perceptron(3, 2, new float[] {1, 0, 0, 1, 2, 0}, new float[2],
                new float[] {1, 0, -1, 1}, new float[2], new float[] {1, 10}, 0);
        // x = (1, 0.5, 1): h = (3, 0.5), g = (2.5, 0.5): 7.5.
        assertThat(wide.output(new float[] {1, 0.5f, 1}, 0)).isCloseTo(7.5, within(1e-6));
        assertThat(Perceptron.transpose(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)).containsExactly(1, 4, 2, 5, 3, 6);
        assertThatThrownBy(() -> new Perceptron(2, 2, new float[3], new float[2], new float[4], new float[2],
                new float[2], 0)).hasMessageContaining("must be 4, 2, 4, 2 and 2 values; got 3");
    }
}
