package org.alignlab.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.alignlab.core.Auroc;
import org.junit.jupiter.api.Test;

class ProbeControlsTest {

    @Test
    void randomDirectionsHaveTheNormOfTheDirectionAndRepeatFromTheirSeed() {
        float[] like = {3, 4, 0, 0};
        List<float[]> a = ProbeControls.randomDirections(like, 10, 7);
        List<float[]> b = ProbeControls.randomDirections(like, 10, 7);
        assertThat(a).hasSize(10);
        for (int k = 0; k < a.size(); k++) {
            double norm = 0;
            for (float v : a.get(k)) {
                norm += v * v;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(5, within(1e-4));
            assertThat(a.get(k)).isEqualTo(b.get(k));
        }
        assertThat(a.get(0)).isNotEqualTo(a.get(1));
    }

    /**
     * A label written in the input: the raw-input control finds it as well as the "model" does,
     * and the result says the model does not beat its controls.
     */
    @Test
    void aLabelInTheInputIsFoundByTheRawInputControl() {
        List<float[]> pos = List.of(new float[] {1, 0.2f}, new float[] {1, 0.7f}, new float[] {1, 0.1f},
                new float[] {1, 0.9f});
        List<float[]> neg = List.of(new float[] {0, 0.3f}, new float[] {0, 0.8f}, new float[] {0, 0.5f},
                new float[] {0, 0.6f});
        ProbeControls.Sets<float[]> sets = new ProbeControls.Sets<>(pos, neg, pos, neg);
        ProbeControls.ControlledProbe p = ProbeControls.controlled("layer", sets, xs -> xs.toArray(float[][]::new),
                null, ProbeControls.probe(xs -> xs.toArray(float[][]::new), sets), null);
        assertThat(p.model().value()).isEqualTo(1.0);
        assertThat(p.rawInput().value()).isEqualTo(1.0);
        assertThat(p.untrained()).isNull();
        assertThat(p.beatsControls()).isFalse();
    }

    @Test
    void theSpreadOfValues() {
        ProbeControls.Spread s = ProbeControls.Spread.of(new double[] {0.2, 0.4, 0.9});
        assertThat(s.mean()).isCloseTo(0.5, within(1e-12));
        assertThat(s.min()).isEqualTo(0.2);
        assertThat(s.max()).isEqualTo(0.9);
        assertThat(s.format()).isEqualTo("0.50 (0.20 to 0.90 over 3)");
    }

    /** The bootstrap interval keeps the rank-sum AUROC and brackets it; perfect separation stays [1, 1]. */
    @Test
    void bootstrapIntervalsAroundTheAuroc() {
        double[] pos = {0.9, 0.8, 0.7, 0.35, 0.6};
        double[] neg = {0.1, 0.4, 0.3, 0.2, 0.5};
        Auroc b = Auroc.bootstrap(pos, neg);
        assertThat(b.value()).isEqualTo(Auroc.of(pos, neg).value()).isCloseTo(0.92, within(1e-12));
        assertThat(b.low()).isLessThan(b.value());
        assertThat(b.high()).isLessThanOrEqualTo(1.0).isGreaterThanOrEqualTo(b.value());
        assertThat(Auroc.bootstrap(new double[] {2, 3}, new double[] {0, 1})).satisfies(a -> {
            assertThat(a.low()).isEqualTo(1.0);
            assertThat(a.high()).isEqualTo(1.0);
        });
        assertThat(Auroc.bootstrap(pos, neg)).isEqualTo(b); // the same scores, the same interval
    }
}
