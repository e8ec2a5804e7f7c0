package org.alignlab.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivationFilesTest {

    @Test
    void activationsAreOneQuotedPromptARowUnderANumberedHeader(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("acts.csv");
        ActivationFiles.writeCsv(csv, List.of("say \"hi\", then go", "plain"),
                new float[][] {{1.5f, -2f}, {0f, 0.25f}});
        assertThat(Files.readAllLines(csv)).containsExactly("prompt,d0,d1", "\"say \"\"hi\"\", then go\",1.5,-2.0",
                "\"plain\",0.0,0.25");
    }

    @Test
    void aDirectionReadsBackAsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("direction.txt");
        float[] v = {0.6f, -0.8f, 1e-7f};
        ActivationFiles.writeDirection(file, v);
        assertThat(ActivationFiles.readDirection(file)).containsExactly(v);
    }

    @Test
    void aBadDirectionFileIsRefusedSayingWhere(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("d.txt"), "0.5\n\nabc\n");
        assertThatThrownBy(() -> ActivationFiles.readDirection(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3: not a number: abc");
        assertThatThrownBy(() -> ActivationFiles.readDirection(dir.resolve("missing.txt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no direction file");
    }

    @Test
    void everyThirdItemIsHeldOutAndTheRestKept() {
        List<Integer> items = List.of(0, 1, 2, 3, 4, 5, 6);
        assertThat(ActivationFiles.everyThird(items, true)).containsExactly(2, 5);
        assertThat(ActivationFiles.everyThird(items, false)).containsExactly(0, 1, 3, 4, 6);
    }
}
