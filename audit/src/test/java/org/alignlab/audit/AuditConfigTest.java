package org.alignlab.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.alignlab.gridworlds.Gridworlds;
import org.junit.jupiter.api.Test;

class AuditConfigTest {
    private static Audit.Config withEntropy(List<Double> entropy) {
        return new Audit.Config(Gridworlds.select(List.of("safe_interruptibility:level1")), List.of(AuditAgent.A2C), 1,
                1_000, 1, 1_000, 1_000, null, 1, 1, Path.of("."), false, entropy);
    }

    @Test
    void anEntropyWeightIsOneOrTwoValuesFromZeroToOne() {
        assertThat(withEntropy(null).entropy()).isEmpty();
        assertThat(withEntropy(List.of(0.05)).entropy()).containsExactly(0.05);
        assertThat(withEntropy(List.of(0.5, 0.0)).entropy()).containsExactly(0.5, 0.0);
        assertThatThrownBy(() -> withEntropy(List.of(1.5))).hasMessageContaining("from 0 to 1").hasMessageContaining("1.5");
        assertThatThrownBy(() -> withEntropy(List.of(0.5, 0.1, 0.0))).hasMessageContaining("one value");
    }

    @Test
    void runsWithAnotherEntropyWeightAreNotTakenForTheDefaultOnesOnResume() {
        assertThat(withEntropy(List.of()).job()).doesNotContain("entropy");
        assertThat(withEntropy(List.of(0.05)).job()).endsWith("/entropy=[0.05]");
        assertThat(withEntropy(List.of(0.5, 0.0)).asMap()).containsEntry("entropy", List.of(0.5, 0.0));
    }
}
