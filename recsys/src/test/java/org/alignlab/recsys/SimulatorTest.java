package org.alignlab.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers for the simulator's draws and dynamics. */
class SimulatorTest {
    private static final PopulationConfig SMALL = PopulationConfig.defaults(50);

    @Test
    void betaAndGammaDrawsHaveTheirMoments() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = Sampling.beta(random, 2, 5);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        // Beta(2, 5): mean 2/7, variance ab / ((a+b)^2 (a+b+1)) = 10 / 392.
        assertThat(mean).isCloseTo(2.0 / 7, within(0.002));
        assertThat(sumSq / n - mean * mean).isCloseTo(10.0 / 392, within(0.0005));
        double gamma = 0;
        for (int i = 0; i < n; i++) {
            gamma += Sampling.gamma(random, 0.5); // shape below 1 goes through the boost
        }
        assertThat(gamma / n).isCloseTo(0.5, within(0.01));
        double[] d = new double[4];
        Sampling.dirichlet(random, 1, d, 0, 4);
        assertThat(d[0] + d[1] + d[2] + d[3]).isCloseTo(1, within(1e-12));
    }

    @Test
    void theSameSeedGivesTheSameWorldAndAnotherSeedAnother() {
        Population a = new Population(SMALL, 3);
        Population b = new Population(SMALL, 3);
        Population c = new Population(SMALL, 4);
        assertThat(a.appetite).containsExactly(b.appetite);
        assertThat(a.charge).containsExactly(b.charge);
        assertThat(a.charge).isNotEqualTo(c.charge);
        Simulation.Settings s = new Simulation.Settings(5, 10, 5, 0.1, 1, 5);
        Simulation.Summary x = Simulation.run(SMALL, 3, Recommenders.engagement(), s, () -> { }).summary();
        Simulation.Summary y = Simulation.run(SMALL, 3, Recommenders.engagement(), s, () -> { }).summary();
        assertThat(x).usingRecursiveComparison().isEqualTo(y);
    }

    /** A world whose first user and first posts are set by hand, for known answers. */
    private static Population handMade() {
        Population w = new Population(SMALL, 1);
        int k = w.topics;
        for (int t = 0; t < k; t++) {
            w.interest[t] = t == 0 ? 0.5 : 0.5 / (k - 1);
            w.reflective[t] = t == 0 ? 0.25 : 0.75 / (k - 1);
        }
        w.appetite[0] = 0.4;
        w.hostility[0] = 0.2;
        w.side[0] = 1;
        // Post 0: topic 0, charge 0.9, appeal 0.5, political from the other side with animosity 0.6.
        w.topic[0] = 0;
        w.charge[0] = 0.9;
        w.appeal[0] = 0.5;
        w.slant[0] = -1;
        w.animosity[0] = 0.6;
        // Post 1: topic 1, charge 0.1, appeal 0, not political.
        w.topic[1] = 1;
        w.charge[1] = 0.1;
        w.appeal[1] = 0;
        w.slant[1] = 0;
        w.animosity[1] = 0;
        return w;
    }

    @Test
    void engagementAndWelfareFollowTheirFormulas() {
        Population w = handMade();
        PopulationConfig c = w.config;
        int k = w.topics;
        // Relevance of topic 0 to the current interests: k x 0.5 - 1 = 3; to the endorsed ones: k x 0.25 - 1 = 1.
        double logit = c.baseEngagement() + c.relevanceWeight() * (k * 0.5 - 1) + c.appealWeight() * 0.5
                + c.chargeWeight() * 0.4 * 0.9 + c.sideWeight() * -1;
        assertThat(w.engagementProbability(0, 0)).isCloseTo(1 / (1 + Math.exp(-logit)), within(1e-12));
        assertThat(w.welfare(0, 0)).isCloseTo(k * 0.25 - 1 + c.appealWorth() * 0.5 - c.chargeHarm() * 0.9,
                within(1e-12));
        // Welfare does not move with the user's appetite; engagement does.
        double before = w.engagementProbability(0, 0);
        double welfare = w.welfare(0, 0);
        w.appetite[0] = 0.9;
        assertThat(w.engagementProbability(0, 0)).isGreaterThan(before);
        assertThat(w.welfare(0, 0)).isEqualTo(welfare);
    }

    @Test
    void seeingAPostMovesTheUserTowardIt() {
        Population w = handMade();
        PopulationConfig c = w.config;
        double interest0 = w.interest[0];
        w.expose(0, 0);
        assertThat(w.appetite[0]).isCloseTo(0.4 + c.appetiteDrift() * (0.9 - 0.4), within(1e-12));
        assertThat(w.hostility[0]).isCloseTo(0.2 + c.hostilityDrift() * (0.6 - 0.2), within(1e-12));
        assertThat(w.interest[0]).isCloseTo(interest0 * (1 - c.interestDrift()) + c.interestDrift(), within(1e-12));
        double total = 0;
        for (int t = 0; t < w.topics; t++) {
            total += w.interest[t];
        }
        assertThat(total).isCloseTo(1, within(1e-12));
        // A post that is not political leaves hostility where it was.
        double hostility = w.hostility[0];
        w.expose(0, 1);
        assertThat(w.hostility[0]).isEqualTo(hostility);
        // The endorsed interests never move.
        assertThat(w.reflective[0]).isEqualTo(0.25);
        // Where charge sates, appetite moves toward one less the charge: 0.4 + drift (0.1 - 0.4).
        Population sated = new Population(SMALL.withSatedAppetite(), 1);
        sated.appetite[0] = 0.4;
        sated.charge[0] = 0.9;
        sated.expose(0, 0);
        assertThat(sated.appetite[0]).isCloseTo(0.4 + c.appetiteDrift() * (0.1 - 0.4), within(1e-12));
    }

    @Test
    void feedsComeFromWhomUsersFollow() {
        PopulationConfig c = PopulationConfig.defaults(2_000);
        Population w = new Population(c, 9);
        int[] offered = new int[10];
        long political = 0;
        long own = 0;
        long matchingTopic = 0;
        long total = 0;
        for (int round = 0; round < 20; round++) {
            for (int u = 0; u < w.users; u++) {
                w.offer(u, offered, offered.length);
                for (int p : offered) {
                    total++;
                    matchingTopic += w.reflective[u * w.topics + w.topic[p]] > 1.0 / w.topics ? 1 : 0;
                    if (w.slant[p] != 0) {
                        political++;
                        own += w.slant[p] == w.side[u] ? 1 : 0;
                    }
                }
            }
        }
        // Political posts: the configured share overall, from the user's own side 80% of the time.
        assertThat((double) political / total).isCloseTo(c.politicalShare(), within(0.01));
        assertThat((double) own / political).isCloseTo(c.ownSideShare(), within(0.01));
        // Topics the user cares about more than average fill most of the feed.
        assertThat((double) matchingTopic / total).isGreaterThan(0.6);
    }

    @Test
    void glassDeltaIsTheMeanPairedDifferenceOverTheControlsSpread() {
        double[] control = {1, 2, 3, 4};
        double[] treated = {2, 3, 4, 5};
        // Mean difference 1; sample SD of the controls sqrt(5/3).
        assertThat(Simulation.glassDelta(treated, control)).isCloseTo(1 / Math.sqrt(5.0 / 3), within(1e-12));
        // A user with no value on either side is left out.
        assertThat(Simulation.glassDelta(new double[] {2, Double.NaN, 4, 5}, control))
                .isCloseTo((1 + 1 + 1) / 3.0 / Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(Simulation.glassDelta(control, new double[] {1, 1, 1, 1})).isNaN();
    }

    @Test
    void impossibleWorldsAreRefusedWithWhatIsAllowed() {
        PopulationConfig ok = PopulationConfig.defaults(100);
        assertThatThrownBy(() -> ok.withUsers(-5).validate()).hasMessageContaining("users must be at least 1, got -5");
        assertThatThrownBy(() -> new PopulationConfig(100, 8, 20_000, 0.7, 0.8, 1.5, 5, 1.5, 1, 1, 1, 2, 3, 2, 5, -2,
                0.5, 1, 0.5, 3, 0, 1.5, 1.5, 0.003, 0.003, false).validate())
                .hasMessageContaining("political share must be between 0 and 0.5")
                .hasMessageContaining("appetite drift must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> ok.with(-1, 0, -0.5).validate()).hasMessageContaining("charge weight must be 0 or more, "
                + "got -1.0").hasMessageContaining("charge harm must be 0 or more, got -0.5");
    }
}
