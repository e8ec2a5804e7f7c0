package org.alignlab.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers for the reward model of comparisons. */
class BradleyTerryTest {
    @Test
    void oneFeatureSolvesItsLikelihoodEquation() {
        // x_a - x_b = 1 in every comparison, 3 preferring a and 1 preferring b (b's row is -1): the penalised
        // likelihood's gradient 3 (1 - s(t)) - s(t) - l2 t must vanish, with s the logistic function.
        BradleyTerry m = new BradleyTerry(1, 0.5, 1_000);
        for (int i = 0; i < 3; i++) {
            m.prefer(new double[] {1}, new double[] {0});
        }
        m.prefer(new double[] {0}, new double[] {1});
        double t = m.coefficients()[0];
        double s = 1 / (1 + Math.exp(-t));
        assertThat(3 * (1 - s) - s - 0.5 * t).isCloseTo(0, within(1e-9));
        assertThat(t).isBetween(0.5, Math.log(3)); // shrunk below the unpenalised answer, log 3
    }

    @Test
    void itRecoversTheWeightsOfBoltzmannRationalComparisons() {
        double[] truth = {0, 1.0, -2.0};
        SplittableRandom random = new SplittableRandom(5);
        BradleyTerry m = new BradleyTerry(3, 1e-3, 500);
        double[] a = new double[3];
        double[] b = new double[3];
        for (int k = 0; k < 20_000; k++) {
            for (int i = 0; i < 3; i++) {
                a[i] = random.nextGaussian();
                b[i] = random.nextGaussian();
            }
            double gap = 0;
            for (int i = 0; i < 3; i++) {
                gap += truth[i] * (a[i] - b[i]);
            }
            if (random.nextDouble() < 1 / (1 + Math.exp(-gap))) {
                m.prefer(a, b);
            } else {
                m.prefer(b, a);
            }
        }
        double[] theta = m.coefficients();
        assertThat(theta[1]).isCloseTo(1.0, within(0.06));
        assertThat(theta[2]).isCloseTo(-2.0, within(0.1));
        assertThat(m.comparisons()).isEqualTo(20_000);
    }

    @Test
    void theRankerOfReflectionsLearnsThatChargeIsUnwanted() {
        PopulationConfig world = PopulationConfig.defaults(1_000).with(2, 0, 3);
        Recommenders.Reflections ranker = (Recommenders.Reflections) Recommenders.reflections();
        Simulation.run(world, 3, ranker, new Simulation.Settings(60, 10, 10, 0.2, 1, 1), () -> { });
        double[] theta = ranker.model().coefficients();
        // Features: constant, topic engagement, appeal, charge. Welfare here: relevance + 0 x appeal - 3 x charge.
        assertThat(theta[3]).isLessThan(-1);
        assertThat(Math.abs(theta[2])).isLessThan(0.3);
    }
}
