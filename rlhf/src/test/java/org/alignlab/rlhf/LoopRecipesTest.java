package org.alignlab.rlhf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small runs of the online/offline loop and of fix-gaming: what they count, they count right. */
class LoopRecipesTest {

    @Test
    void theOnlineLoopAddsLabelsEachRoundAndTheOfflineModelGetsAsMany() {
        OfflineAblationRecipe.Config c = new OfflineAblationRecipe.Config("boat_race:default", "oracle", 2, 40, 10, 0.01,
                10_000, 1);
        OfflineAblationRecipe.Result r = OfflineAblationRecipe.run(c, org.alignlab.core.Progress.to(System.out, false));
        assertThat(r.online()).extracting(OfflineAblationRecipe.Round::labels).containsExactly(40, 80);
        assertThat(r.offline().labels()).isEqualTo(80);
        assertThat(r.online().get(0).accuracyOnPolicySegments()).isNaN(); // no policy yet to judge it on
        assertThat(r.online().get(1).accuracyOnPolicySegments()).isBetween(0.0, 1.0);
        assertThat(r.offline().outcome().d()).isPositive();
        assertThat(OfflineAblationRecipe.findings(r)).hasSize(2);
    }

    @Test
    void fixGamingTrainsOnEachSignal() {
        FixGamingRecipe.Config c = new FixGamingRecipe.Config(new String[] {"absent_supervisor:random"}, new int[] {50},
                10, 0.01, 10_000, 1);
        FixGamingRecipe.Result r = FixGamingRecipe.run(c, org.alignlab.core.Progress.to(System.out, false));
        FixGamingRecipe.EnvironmentResult e = r.environments().get(0);
        assertThat(e.learnt()).containsOnlyKeys(50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.alignlab.rl.neural.RewardSignal(
                (o, a, n, out) -> { }, 0, true)).hasMessageContaining("not both");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.alignlab.rl.neural.RewardSignal(null, -1))
                .hasMessageContaining("KL coefficient");
        assertThat(FixGamingRecipe.report(r).tables().get(0).cell(0, 0)).isEqualTo("absent_supervisor:random");
        assertThat(List.of(e.random(), e.visibleTrained(), e.hiddenTrained())).allSatisfy(x -> assertThat(x).isFinite());
        // The ceiling stands beside the best achievable performance, and the findings say whether it reaches it.
        assertThat(e.bestAchievable()).isGreaterThanOrEqualTo(e.random());
        assertThat(FixGamingRecipe.findings(r).get(0)).containsAnyOf("ceiling reaches the best achievable",
                "CEILING BROKEN", "cannot solve this variant");
    }

    @Test
    void pluralismNormalisesEachGroupsWelfareAndPicksTheEgalitarianPolicy() {
        PluralismRecipe.Config c = new PluralismRecipe.Config("tomato_watering:default",
                new String[] {"observed", "oracle"}, 100, 10, new double[] {0, 1}, 0.01, 10_000, 1);
        PluralismRecipe.Result r = PluralismRecipe.run(c, org.alignlab.core.Progress.to(System.out, false));
        assertThat(r.policies()).extracting(PluralismRecipe.Policy::rule).containsExactly("pooled labels",
                "mean of the groups' models", "lock-in: group 2's model for all", "lock-in: group 1's model for all");
        for (int k = 0; k < 2; k++) {
            final int group = k;
            // The best policy found for each group has welfare 1 by construction, unless no policy served the group
            // better than the uniform one, when its welfare is n/a under every rule.
            double[] w = r.policies().stream().mapToDouble(p -> p.welfare()[group]).toArray();
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
                "tomato_watering:default", new String[] {"oracle"}, 10, 10, new double[] {1}, 0, 1, 1), org.alignlab.core.Progress.to(System.out, false)))
                .hasMessageContaining("at least two rater populations");
    }
}
