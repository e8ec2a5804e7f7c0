package org.alignlab.rlhf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small runs of the online/offline loop and of fix-gaming: what they count, they count right. */
class LoopRecipesTest {

    @Test
    void theOnlineLoopAddsLabelsEachRoundAndTheOfflineModelGetsAsMany() {
        OfflineAblationRecipe.Config c = new OfflineAblationRecipe.Config("boat_race:default", "oracle", 2, 40, 10, 0.01,
                10_000, 2_000, 1, 1);
        OfflineAblationRecipe.Result r = OfflineAblationRecipe.run(c, org.alignlab.core.Progress.to(System.out, false));
        assertThat(r.online()).extracting(OfflineAblationRecipe.Round::labels).containsExactly(40, 80);
        assertThat(r.offline().labels()).isEqualTo(80);
        assertThat(r.online().get(0).accuracyOnPolicySegments()).isNaN(); // no policy yet to judge it on
        assertThat(r.online().get(1).accuracyOnPolicySegments()).isBetween(0.0, 1.0);
        assertThat(r.offline().outcome().d()).isPositive();
        assertThat(OfflineAblationRecipe.report(r).findings()).hasSize(3);
        assertThat(OfflineAblationRecipe.report(r).findings().get(2).text()).contains("PPO on the true objective");
        assertThat(r.ceiling().bestAchievable()).isEqualTo(100.0);
    }

    @Test
    void fixGamingTrainsOnEachSignalOverSeeds() throws Exception {
        FixGamingRecipe.Config c = new FixGamingRecipe.Config(new String[] {"absent_supervisor:random"}, new int[] {50},
                10, 0.01, 10_000, 11, 2, 2);
        FixGamingRecipe.Result r = FixGamingRecipe.run(c, org.alignlab.core.Progress.to(System.out, false));
        assertThat(r.runs()).extracting(FixGamingRecipe.EnvironmentResult::seed).containsExactly(11L, 12L);
        // Seeds trained side by side give the numbers they give one after another.
        FixGamingRecipe.Config oneThread = new FixGamingRecipe.Config(c.variants(), c.comparisons(), c.segmentLength(),
                c.klCoefficient(), c.ppoSteps(), c.seed(), c.seeds(), 1);
        assertThat(FixGamingRecipe.run(oneThread, org.alignlab.core.Progress.to(System.out, false)).runs())
                .isEqualTo(r.runs());
        FixGamingRecipe.EnvironmentResult e = r.runs().get(0);
        assertThat(e.learnt()).containsOnlyKeys(50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.alignlab.rl.neural.RewardSignal(
                (o, a, n, out) -> { }, 0, true)).hasMessageContaining("not both");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.alignlab.rl.neural.RewardSignal(null, -1))
                .hasMessageContaining("KL coefficient");
        var table = FixGamingRecipe.report(r).tables().get(0);
        assertThat(table.rows()).hasSize(1); // one row per environment, over its seeds
        assertThat(table.cell(0, 0)).isEqualTo("absent_supervisor:random");
        assertThat(table.cell(0, 1)).isEqualTo("2");
        double mean = (r.runs().get(0).hiddenTrained() + r.runs().get(1).hiddenTrained()) / 2;
        assertThat(table.cell(0, 5)).startsWith(String.format(java.util.Locale.ROOT, "%.1f \u00b1 ", mean));
        assertThat(List.of(e.random(), e.visibleTrained(), e.hiddenTrained())).allSatisfy(x -> assertThat(x).isFinite());
        // The ceiling stands beside the best achievable performance, and the findings say whether it reaches it.
        assertThat(e.bestAchievable()).isEqualTo(41.0);
        // 10,000 steps are far too few for the exploring PPO (it reaches 41 at 250,000): the report must say so.
        assertThat(FixGamingRecipe.report(r).findings().get(0)).satisfies(f -> {
            assertThat(f.text()).contains("2 seeds", "paired by seed", "CEILING BROKEN");
            assertThat(f.verdict()).isEqualTo(org.alignlab.core.study.StudyResult.Verdict.NOTE);
        });
        assertThatThrownBy(() -> new FixGamingRecipe().validate(new FixGamingRecipe.Config(
                new String[] {"absent_supervisor:random"}, new int[] {50}, 10, 0.01, 10_000, 11, 0, 1)))
                .hasMessage("seeds must be between 1 and 100, got 0");
        assertThatThrownBy(() -> new FixGamingRecipe().validate(new FixGamingRecipe.Config(
                new String[] {"absent_supervisor:random"}, new int[] {50}, 10, 0.01, 10_000, 11, 2, 0)))
                .hasMessage("threads must be at least 1, got 0");
        assertThatThrownBy(() -> new FixGamingRecipe().validate(new FixGamingRecipe.Config(
                new String[] {"boat_race", "boat_race:default"}, new int[] {50}, 10, 0.01, 10_000, 11, 2, 1)))
                .hasMessage("variants must each be named once, got boat_race,boat_race:default");
    }

    @Test
    void theFixGamingCeilingIsJudgedAgainstTheBestAchievableAndEveryOtherRow() {
        // Known answer: random -59, best 41, so the tolerance is 5% of 100 = 5; a ceiling at 36 holds, at 35.9 not.
        var holds = summary(36, 36, 30);
        assertThat(holds.tolerance()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(holds.ceilingHolds()).isTrue();
        assertThat(holds.ceilingReachesBest()).isFalse();
        assertThat(FixGamingRecipe.ceiling(holds)).contains("comes near the best achievable 41.0 but falls short by "
                + "5.0 \u00b1 0.0");
        assertThat(holds.ceilingIsBestRow()).isTrue();
        assertThat(summary(35.9, 35.9, 30).ceilingHolds()).isFalse();
        assertThat(FixGamingRecipe.ceiling(summary(35.9, 35.9, 30))).contains("CEILING BROKEN");
        // Within 1 of the best on the interval's upper end: it reaches the best.
        assertThat(summary(40, 40, 30).ceilingReachesBest()).isTrue();
        assertThat(summary(39.9, 39.9, 30).ceilingReachesBest()).isFalse();
        // A reward model's policy above the ceiling: the ceiling holds against the solver but is not the best row.
        var beaten = summary(40, 40, 40.5);
        assertThat(beaten.ceilingHolds()).isTrue();
        assertThat(beaten.ceilingIsBestRow()).isFalse();
        assertThat(FixGamingRecipe.ceiling(beaten)).contains("not the best row: PPO on a reward model from 100 "
                + "comparisons scores 0.5 \u00b1 0.0 more");
    }

    private static FixGamingRecipe.Summary summary(double hidden1, double hidden2, double learnt) {
        List<FixGamingRecipe.EnvironmentResult> runs = new java.util.ArrayList<>();
        double[] hidden = {hidden1, hidden2};
        for (int i = 0; i < 2; i++) {
            runs.add(new FixGamingRecipe.EnvironmentResult("absent_supervisor:random", i, -59, 17, hidden[i], 44,
                    java.util.Map.of(100, learnt), java.util.Map.of(100, 0.9), 41));
        }
        return FixGamingRecipe.Summary.of(runs);
    }

    @Test
    void pluralismNormalisesEachGroupsWelfareAndPicksTheEgalitarianPolicy() {
        PluralismRecipe.Config c = new PluralismRecipe.Config("tomato_watering:default",
                new String[] {"observed", "oracle"}, 100, 10, new double[] {0, 1}, 0.01, 10_000, 2_000, 1, 1);
        PluralismRecipe.Result r = PluralismRecipe.run(c, org.alignlab.core.Progress.to(System.out, false));
        assertThat(r.policies()).extracting(PluralismRecipe.Policy::rule).containsExactly("pooled labels",
                "mean of the groups' models", "lock-in: group 2's model for all", "lock-in: group 1's model for all",
                PluralismRecipe.CEILING);
        // The ceiling is valued by every group like the rules' policies, and never chosen as a rule.
        assertThat(PluralismRecipe.report(r).findings().get(1).text()).contains("PPO on the true objective");
        assertThat(r.policies().get(4).hidden()).isEqualTo(r.ceiling().hidden());
        for (int k = 0; k < 2; k++) {
            final int group = k;
            // The best rule's policy for each group has welfare 1 by construction (the ceiling, on the same scale,
            // does not set it), unless no rule served the group better than the uniform one: n/a under every rule.
            double[] w = r.policies().stream().filter(p -> !p.rule().equals(PluralismRecipe.CEILING))
                    .mapToDouble(p -> p.welfare()[group]).toArray();
            if (java.util.Arrays.stream(w).allMatch(Double::isNaN)) {
                continue;
            }
            assertThat(java.util.Arrays.stream(w).max().orElseThrow()).isEqualTo(1.0);
        }
        PluralismRecipe.Policy chosen = PluralismRecipe.maxMin(r);
        assertThat(chosen.rule()).startsWith("lock-in");
        for (PluralismRecipe.Policy p : r.policies()) {
            if (p.rule().startsWith("lock-in")) {
                assertThat(chosen.worst()).isGreaterThanOrEqualTo(p.worst());
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PluralismRecipe.run(new PluralismRecipe.Config(
                "tomato_watering:default", new String[] {"oracle"}, 10, 10, new double[] {1}, 0, 1, 1, 1, 1), org.alignlab.core.Progress.to(System.out, false)))
                .hasMessageContaining("at least two rater populations");
    }
}
