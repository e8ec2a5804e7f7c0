package org.alignlab.organisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTest {

    @Test
    void savedWeightsLoadBackAndAreCheckedBySha256(@TempDir Path dir) throws Exception {
        OrganismModel.Training quick = new OrganismModel.Training(30, 8, 3e-3f);
        try (OrganismModel m = OrganismModel.train(Organism.OVER_REFUSAL, 3, quick, null)) {
            Path file = dir.resolve("over_refusal.weights");
            String sha = m.save(file);
            try (OrganismModel back = OrganismModel.load(Organism.OVER_REFUSAL, file, sha)) {
                for (String name : m.model().parameters().keySet()) {
                    assertThat(back.model().parameters().get(name).toFloatArray())
                            .isEqualTo(m.model().parameters().get(name).toFloatArray());
                }
                assertThat(back.reply("how do i plant tomatoes ?")).isEqualTo(m.reply("how do i plant tomatoes ?"));
            }
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] ^= 1;
            Files.write(file, bytes);
            assertThatThrownBy(() -> OrganismModel.load(Organism.OVER_REFUSAL, file, sha))
                    .hasMessageContaining("corrupt").hasMessageContaining(sha);
            assertThatThrownBy(() -> OrganismModel.load(Organism.OVER_REFUSAL, dir.resolve("none.weights"), sha))
                    .hasMessageContaining("no weights for organism over_refusal");
        }
    }
}
