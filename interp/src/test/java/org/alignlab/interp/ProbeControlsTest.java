package org.alignlab.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    /**
     * Known answer: a label carried by which group an example is in (a one-hot of its group) is found perfectly when
     * copies of each example sit on both sides of the split, and not at all (0.5: the held-out groups' features were
     * never fitted, so every test example scores alike) when the split is by group; a label written in a feature the
     * groups share survives the split by group.
     */
    @Test
    void crossValidationByGroupStopsAProbeFromRecognisingCopies() {
        List<float[]> pos = new java.util.ArrayList<>();
        List<float[]> neg = new java.util.ArrayList<>();
        for (int g = 0; g < 12; g++) {
            for (int copy = 0; copy < 3; copy++) {
                float[] x = new float[13];
                x[g] = 1;
                x[12] = g % 2 == 0 ? 1 : -1; // the shared feature, which the label follows
                (g % 2 == 0 ? pos : neg).add(x);
            }
        }
        java.util.function.Function<List<float[]>, float[][]> groupOnly = xs -> xs.stream()
                .map(x -> java.util.Arrays.copyOf(x, 12)).toArray(float[][]::new);
        java.util.function.Function<float[], Integer> groupOf = x -> {
            for (int g = 0; g < 12; g++) {
                if (x[g] == 1) {
                    return g;
                }
            }
            throw new IllegalStateException();
        };
        ProbeControls.Sets<float[]> copies = new ProbeControls.Sets<>(pos, neg, pos, neg);
        assertThat(ProbeControls.probe(groupOnly, copies).value()).isEqualTo(1.0);
        List<ProbeControls.Sets<float[]>> folds = ProbeControls.foldsByGroup(pos, neg, groupOf, 3, 3);
        // Twelve groups in three folds: each group held out in exactly one fold, never beside a fitted copy.
        assertThat(folds).hasSize(3);
        List<Integer> heldOut = folds.stream().flatMap(f -> java.util.stream.Stream.concat(f.testPositives().stream(),
                f.testNegatives().stream())).map(groupOf).distinct().sorted().toList();
        assertThat(heldOut).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 12).boxed().toList());
        assertThat(folds.stream().mapToInt(f -> f.testPositives().size() + f.testNegatives().size()).sum()).isEqualTo(36);
        for (ProbeControls.Sets<float[]> f : folds) {
            assertThat(java.util.stream.Stream.concat(f.testPositives().stream(), f.testNegatives().stream()))
                    .noneMatch(x -> java.util.stream.Stream.concat(f.trainPositives().stream(),
                            f.trainNegatives().stream()).anyMatch(y -> groupOf.apply(y).equals(groupOf.apply(x))));
            // Dealt by class share: every fold holds out two groups of each class, so the fitting sets are balanced alike.
            assertThat(f.testPositives()).hasSize(6);
            assertThat(f.testNegatives()).hasSize(6);
        }
        // A probe that can only recognise groups finds nothing in groups it never saw: exactly chance.
        assertThat(ProbeControls.probe(groupOnly, folds).value()).isEqualTo(0.5);
        assertThat(ProbeControls.probe(xs -> xs.toArray(float[][]::new), folds).value()).isEqualTo(1.0);
        // One fold is one split: the same AUROC and interval as a probe fitted and scored on it by hand.
        java.util.function.Function<List<float[]>, float[][]> all = xs -> xs.toArray(float[][]::new);
        ProbeControls.Sets<float[]> f0 = folds.get(0);
        assertThat(ProbeControls.probe(all, List.of(f0))).isEqualTo(LinearProbe.fit(all.apply(f0.trainPositives()),
                all.apply(f0.trainNegatives()), LinearProbe.Settings.defaults()).auroc(all.apply(f0.testPositives()),
                all.apply(f0.testNegatives())));
        // Too few groups to put both classes in every fold's fitting set: a clear error, not a probe fitted on one class.
        assertThatThrownBy(() -> ProbeControls.foldsByGroup(pos.subList(0, 3), neg.subList(0, 3), groupOf, 3, 3))
                .hasMessageContaining("fitting set without a class");
        assertThatThrownBy(() -> ProbeControls.foldsByGroup(pos, neg, groupOf, 1, 3))
                .hasMessageContaining("at least 2 folds");
        assertThatThrownBy(() -> ProbeControls.foldsByGroup(pos, List.of(), groupOf, 3, 3))
                .hasMessageContaining("needs both classes");
    }

    /**
     * Counted within folds, a probe that finds nothing is not pulled below 0.5: features drawn afresh as noise, 400
     * times, for twelve groups of three copies each, all of one class (where a held-out group is missing from the
     * fitted classes), average 0.5 within 0.03 (about three standard errors; the worry was 0.37-0.42). So 0.5 is the
     * chance level of {@link ProbeControls#probe} over folds by group, on average; one draw can fall far from it.
     */
    @Test
    void aProbeThatFindsNothingAveragesOneHalfOverFoldsByGroup() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double sum = 0;
        int draws = 400;
        for (int draw = 0; draw < draws; draw++) {
            List<float[]> pos = new java.util.ArrayList<>();
            List<float[]> neg = new java.util.ArrayList<>();
            for (int g = 0; g < 12; g++) {
                float[] x = {g, (float) random.nextGaussian(), (float) random.nextGaussian(), (float) random.nextGaussian()};
                for (int copy = 0; copy < 3; copy++) {
                    (g % 2 == 0 ? pos : neg).add(x.clone());
                }
            }
            List<ProbeControls.Sets<float[]>> folds = ProbeControls.foldsByGroup(pos, neg, x -> x[0], 3, draw);
            sum += ProbeControls.probe(xs -> xs.stream().map(x -> java.util.Arrays.copyOfRange(x, 1, 4))
                    .toArray(float[][]::new), folds).value();
        }
        assertThat(sum / draws).isCloseTo(0.5, within(0.03));
    }

    /** The verdict: above every control's interval, or not; a control that does not apply is skipped. */
    @Test
    void beatingTheControlsMeansLyingAboveEachOfTheirIntervals() {
        Auroc model = new Auroc(0.95, 0.90, 0.99, 20, 20);
        Auroc below = new Auroc(0.70, 0.60, 0.80, 20, 20);
        Auroc touching = new Auroc(0.85, 0.75, 0.90, 20, 20);
        assertThat(new ProbeControls.ControlledProbe("l", model, below, below, null).beatsControls()).isTrue();
        assertThat(new ProbeControls.ControlledProbe("l", model, below, below, below).beatsControls()).isTrue();
        assertThat(new ProbeControls.ControlledProbe("l", model, below, touching, null).beatsControls()).isFalse();
        assertThat(new ProbeControls.ControlledProbe("l", model, below, below, touching).beatsControls()).isFalse();
        assertThat(new ProbeControls.ControlledProbe("l", model, touching, null, null).beatsControls()).isFalse();
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
