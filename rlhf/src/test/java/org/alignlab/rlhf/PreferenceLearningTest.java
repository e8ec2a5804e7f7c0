package org.alignlab.rlhf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.Statistics;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.junit.jupiter.api.Test;

/** Raters and the Bradley-Terry reward model on real gridworld segments, against known answers. */
class PreferenceLearningTest {
    private static final Variant BOAT = Gridworlds.variant("boat_race:default");

    @Test
    void theOraclesLabelsAgreeWithTheHiddenPerformance() {
        List<Segment> segments = SegmentSampler.sample(BOAT, null, 20, 10, 1, 3);
        Rater oracle = Rater.oracle();
        SplittableRandom r = new SplittableRandom(1);
        int compared = 0;
        for (int i = 0; i + 1 < segments.size(); i += 2) {
            Segment a = segments.get(i);
            Segment b = segments.get(i + 1);
            Rater.Preference p = oracle.compare(a, b, r);
            double d = a.hiddenReturn() - b.hiddenReturn();
            assertThat(p).isEqualTo(d > 0 ? Rater.Preference.FIRST : d < 0 ? Rater.Preference.SECOND : Rater.Preference.TIE);
            compared++;
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void ratersSeeWhatTheyAreConfiguredToSee() {
        Segment a = segment(new double[] {5, 0, 0, 0}, new double[] {0, 0, 0, 1});
        Segment b = segment(new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 2});
        SplittableRandom r = new SplittableRandom(1);
        assertThat(Rater.oracle().compare(a, b, r)).isEqualTo(Rater.Preference.SECOND); // hidden 1 < 2
        assertThat(Rater.parse("observed").compare(a, b, r)).isEqualTo(Rater.Preference.FIRST); // visible 5 > 0
        assertThat(Rater.parse("surface=1").value(a)).isEqualTo(6.0);
        assertThat(Rater.parse("oracle,tie=1").compare(a, b, r)).isEqualTo(Rater.Preference.TIE);
        assertThat(Rater.parse("observed,myopic=2").compare(a, b, r)).isEqualTo(Rater.Preference.TIE); // last 2 steps: 0 and 0
        // Boltzmann: P(first) = 1 / (1 + e^-(beta * (v1 - v2))) = 1 / (1 + e^-1) = 0.731 for beta 1, difference 1.
        Segment c = segment(new double[4], new double[] {0, 0, 0, 3});
        int first = 0;
        for (int i = 0; i < 20_000; i++) {
            first += Rater.parse("oracle,boltzmann=1").compare(c, b, r) == Rater.Preference.FIRST ? 1 : 0;
        }
        assertThat(first / 20_000.0).isCloseTo(1 / (1 + Math.exp(-1)), within(0.015));
        // A random share of 1 answers by coin flip whatever the segments.
        int flips = 0;
        for (int i = 0; i < 20_000; i++) {
            flips += Rater.parse("oracle,random=1").compare(c, b, r) == Rater.Preference.FIRST ? 1 : 0;
        }
        assertThat(flips / 20_000.0).isCloseTo(0.5, within(0.015));
    }

    @Test
    void impossibleRatersAndMismatchedSegmentsAreClearErrors() {
        assertThatThrownBy(() -> Rater.parse("oracle,boltzmann=-1")).hasMessageContaining("boltzmann must be a finite number of at least 0");
        assertThatThrownBy(() -> Rater.parse("oracle,random=1.5")).hasMessageContaining("random is a share, 0 to 1");
        assertThatThrownBy(() -> Rater.parse("oracle,myopic=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Rater.parse("wise")).hasMessageContaining("unknown values 'wise'");
        assertThatThrownBy(() -> Rater.parse("oracle,kind")).hasMessageContaining("unknown setting 'kind'");
        Segment four = segment(new double[4], new double[4]);
        Segment three = segment(new double[3], new double[3]);
        assertThatThrownBy(() -> Rater.oracle().compare(four, three, new SplittableRandom(1)))
                .hasMessageContaining("mismatched length");
        assertThatThrownBy(() -> RewardModel.train(List.of(new Label(four, four, Rater.Preference.FIRST, "oracle")), 4,
                RewardModel.Settings.defaults(1))).hasMessageContaining("at least 4 labels");
    }

    /**
     * Bradley-Terry recovers a known reward: from the oracle's comparisons of random boat-race
     * segments, the ensemble's segment scores rank held-out segments almost as the hidden return
     * does.
     */
    @Test
    void bradleyTerryRecoversTheHiddenReward() {
        List<Segment> segments = SegmentSampler.sample(BOAT, null, 60, 10, 1, 5);
        List<Label> labels = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(2);
        Rater oracle = Rater.oracle();
        for (int i = 0; i < 600; i++) {
            Segment a = segments.get(r.nextInt(segments.size()));
            Segment b = segments.get(r.nextInt(segments.size()));
            labels.add(new Label(a, b, oracle.compare(a, b, r), oracle.spec()));
        }
        List<Segment> heldOut = SegmentSampler.sample(BOAT, null, 10, 10, 1, 99);
        try (RewardModel model = RewardModel.train(labels, 4, RewardModel.Settings.defaults(1))) {
            double[] predicted = model.score(heldOut);
            double[] hidden = heldOut.stream().mapToDouble(Segment::hiddenReturn).toArray();
            assertThat(Statistics.spearman(predicted, hidden)).isGreaterThan(0.8);
            assertThat(model.fit().validationAccuracy()).isGreaterThan(0.85);
            assertThat(model.fit().validationLabels()).isCloseTo((int) Math.round(labels.size() / Math.E), within(5));
            assertThat(model.fit().trainingLoss()).isFinite();
            assertThat(model.fit().validationLoss()).isFinite();

            // The members on the Java side give the same scores: per real step, the members' mean output on the
            // observation and the action one-hot.
            org.alignlab.core.Perceptron[] members = model.perceptrons();
            assertThat(members).hasSize(RewardModel.Settings.defaults(1).members());
            for (int i = 0; i < heldOut.size(); i++) {
                Segment seg = heldOut.get(i);
                double sum = 0;
                for (int t = 0; t < seg.length(); t++) {
                    if (seg.padding()[t]) {
                        continue;
                    }
                    float[] x = java.util.Arrays.copyOf(seg.observations()[t], members[0].inputs());
                    x[seg.observations()[t].length + seg.actions()[t]] = 1;
                    for (org.alignlab.core.Perceptron m : members) {
                        sum += m.output(x, 0) / members.length;
                    }
                }
                assertThat(sum).isCloseTo(predicted[i], within(1e-3 * Math.max(1, Math.abs(predicted[i]))));
            }

            // The interpretability hooks: one row per real step; a constant added to the output layer adds
            // that constant per real step to each segment's score; a wrong layer names the right ones.
            int steps = heldOut.stream().mapToInt(Segment::steps).sum();
            assertThat(model.capture(0, "hidden2", heldOut)).hasNumberOfRows(steps);
            double[] shifted = model.score(heldOut, new org.alignlab.core.Steering("output", new float[] {1}, 0.5));
            for (int i = 0; i < heldOut.size(); i++) {
                assertThat(shifted[i]).isCloseTo(predicted[i] + 0.5 * heldOut.get(i).steps(), within(1e-3));
            }
            assertThatThrownBy(() -> model.capture(0, "hidden9", heldOut))
                    .hasMessageContaining("no layer 'hidden9'").hasMessageContaining("hidden1, hidden2, output");
        }
    }

    /** Contradictory answers are kept and counted, and the fit stays finite (documented handling, never a NaN). */
    @Test
    void contradictoryLabelsAreCountedAndToleratedNotSilentlyBroken() {
        List<Segment> segments = SegmentSampler.sample(BOAT, null, 4, 10, 1, 8);
        Segment a = segments.get(0);
        Segment b = segments.get(1);
        Segment c = segments.get(2);
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            labels.add(new Label(a, b, Rater.Preference.FIRST, "x"));
            labels.add(new Label(b, a, Rater.Preference.FIRST, "y")); // the opposite answer
            labels.add(new Label(a, c, Rater.Preference.FIRST, "x"));
        }
        assertThat(RewardModel.contradictions(labels)).isEqualTo(1);
        try (RewardModel model = RewardModel.train(labels, 4, RewardModel.Settings.defaults(1))) {
            assertThat(model.fit().contradictions()).isEqualTo(1);
            assertThat(model.fit().trainingLoss()).isFinite();
            assertThat(model.fit().validationLoss()).isFinite();
            for (double x : model.score(List.of(a, b, c))) {
                assertThat(x).isFinite();
            }
        }
    }

    private static Segment segment(double[] visible, double[] hidden) {
        int n = visible.length;
        float[][] obs = new float[n][4];
        return new Segment("test", 0, 0, obs, new int[n], visible, hidden, new boolean[n]);
    }
}
