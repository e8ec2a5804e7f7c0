package org.alignlab.scalable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    @Test
    void theEmbeddedCopyIsTheTestSet() throws Exception {
        Mnist data = Mnist.embedded();
        assertThat(data.size()).isEqualTo(10_000);
        // Published counts of each digit in the MNIST test set.
        int[] counts = new int[10];
        for (int label : data.labels()) {
            counts[label]++;
        }
        assertThat(counts).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(data.labels()[0]).isEqualTo(7);
        int[] nonzero = data.nonzero(0);
        assertThat(nonzero).isNotEmpty().isSorted();
        for (int p : nonzero) {
            assertThat(data.intensity(0, p)).isPositive();
        }
    }

    @Test
    void aMissingOrCorruptFileIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Mnist.from(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Mnist.IMAGES).hasMessageContaining("is missing");
        try (var in = Mnist.class.getResourceAsStream("mnist/" + Mnist.IMAGES)) {
            byte[] images = in.readAllBytes();
            images[images.length / 2] ^= 1;
            Files.write(dir.resolve(Mnist.IMAGES), images);
        }
        try (var in = Mnist.class.getResourceAsStream("mnist/" + Mnist.LABELS)) {
            Files.write(dir.resolve(Mnist.LABELS), in.readAllBytes());
        }
        assertThatThrownBy(() -> Mnist.from(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is corrupt or not the published test set").hasMessageContaining(Mnist.IMAGES_SHA256);
    }
}
