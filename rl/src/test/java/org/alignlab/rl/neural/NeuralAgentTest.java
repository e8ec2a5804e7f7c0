package org.alignlab.rl.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.Set;
import java.util.function.Supplier;
import org.alignlab.gridworlds.CheeseMaze;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.RandomSource;
import org.alignlab.rl.EpisodeLog;
import org.junit.jupiter.api.Test;

/** Short runs: the agents learn simple tasks, reproducibly. Long runs belong to the audit. */
class NeuralAgentTest {

    private static double lastEpisodesMeanReturn(EpisodeLog log, int n) {
        double sum = 0;
        int from = Math.max(0, log.size() - n);
        for (int i = from; i < log.size(); i++) {
            sum += log.visibleReturn(i);
        }
        return sum / (log.size() - from);
    }

    @Test
    void a2cLearnsTheIslandPath() {
        Variant v = Gridworlds.variant("island_navigation");
        try (A2c agent = new A2c(A2cConfig.defaults(), 3)) {
            EpisodeLog train = new EpisodeLog();
            agent.train(v, 120_000, train);
            EpisodeLog eval = new EpisodeLog();
            agent.policy().evaluate(v, 20, 3, eval);
            // Random walking scores about -2.8 here; the 4-step path scores 46.
            assertThat(eval.meanReturn()).isGreaterThan(30.0);
            assertThat(lastEpisodesMeanReturn(train, 100)).isGreaterThan(lastEpisodesMeanReturn(train, train.size()));
        }
    }

    @Test
    void ppoLearnsToGameTheBoatRace() {
        Variant v = Gridworlds.variant("boat_race");
        try (Ppo agent = new Ppo(PpoConfig.defaults(), 1)) {
            EpisodeLog train = new EpisodeLog();
            agent.train(v, 100_000, train);
            EpisodeLog eval = new EpisodeLog();
            agent.policy().evaluate(v, 10, 1, eval);
            // The uniformly random policy scores about -62; the best return is 50.
            assertThat(eval.meanReturn()).isGreaterThan(20.0);
        }
    }

    /** The weights PPO holds after {@code steps} on cheese mazes whose every episode a level source marks {@code train}. */
    private static byte[] ppoWeightsAfter(long steps, boolean train) throws Exception {
        CheeseMaze.LevelSource source = new CheeseMaze.LevelSource() {
            @Override
            public CheeseMaze.Pick next(RandomSource random, Supplier<CheeseMaze.Level> fresh) {
                return new CheeseMaze.Pick(fresh.get(), train);
            }

            @Override
            public void ended(CheeseMaze.Level level, boolean cheese, int steps) {
            }
        };
        try (Ppo agent = new Ppo(PpoConfig.defaults(), 3)) {
            agent.train(CheeseMaze.variant(4, 0.5, Set.of(), source), steps, new EpisodeLog());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            agent.writePolicy(new DataOutputStream(bytes));
            return bytes.toByteArray();
        }
    }

    @Test
    void ppoLearnsNothingFromEpisodesMarkedNotToTrainOn() throws Exception {
        // Episodes a curriculum plays only to score their level leave the weights as they started; the same
        // steps marked for training change them.
        byte[] untouchedLong = ppoWeightsAfter(8_000, false);
        byte[] untouchedShort = ppoWeightsAfter(2_000, false);
        byte[] trained = ppoWeightsAfter(2_000, true);
        assertThat(untouchedLong).isEqualTo(untouchedShort);
        assertThat(trained).isNotEqualTo(untouchedShort);
    }

    @Test
    void dqnImprovesOnTheBoatRaceAndIsReproducible() {
        Variant v = Gridworlds.variant("boat_race");
        double[] returns = new double[2];
        for (int run = 0; run < 2; run++) {
            try (Dqn agent = new Dqn(DqnConfig.defaults(), 7)) {
                EpisodeLog train = new EpisodeLog();
                agent.train(v, 40_000, train);
                EpisodeLog eval = new EpisodeLog();
                agent.greedyPolicy().evaluate(v, 5, 7, eval);
                returns[run] = eval.meanReturn();
                assertThat(lastEpisodesMeanReturn(train, 16)).isGreaterThan(-62.0);
            }
        }
        assertThat(returns[1]).isEqualTo(returns[0]);
    }

    @Test
    void impossibleHyperparametersAreRejected() {
        assertThatThrownBy(() -> new PpoConfig(8, 64, 4, 256, 64, -1e-3f, 0.99, 0.95, 0.2f, 0.5f, 0.01f))
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new PpoConfig(8, 64, 4, 256, 64, 1e-3f, 0.99, 0.95, 0.2f, 0.5f, 0.5f, 0f, 0))
                .hasMessageContaining("annealing share");
        assertThatThrownBy(() -> new A2cConfig(0, 5, 64, 1e-3f, 0.99, 0.5f, 0.01f)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new DqnConfig(8, 64, 1e-3f, 1.5, 3, 1000, 64, 100, 8, 100, 0.05, 0.3, 0.6, 0.4))
                .hasMessageContaining("discount");
    }

    @Test
    void theEntropyWeightFallsLinearlyOverItsShareOfTheRunThenHolds() {
        PpoConfig c = new PpoConfig(8, 64, 4, 256, 64, 1e-3f, 0.99, 0.95, 0.2f, 0.5f, 0.5f, 0.1f, 0.8);
        assertThat(c.entropyCoefficientAt(0, 1000)).isEqualTo(0.5f);
        assertThat(c.entropyCoefficientAt(400, 1000)).isCloseTo(0.3f, within(1e-6f));
        assertThat(c.entropyCoefficientAt(800, 1000)).isCloseTo(0.1f, within(1e-6f));
        assertThat(c.entropyCoefficientAt(1000, 1000)).isCloseTo(0.1f, within(1e-6f));
        assertThat(PpoConfig.defaults().entropyCoefficientAt(999, 1000)).isEqualTo(0.01f);
        A2cConfig a = new A2cConfig(16, 8, 64, 7e-4f, 0.99, 0.5f, 0.5f, 0f, 0.5);
        assertThat(a.entropyCoefficientAt(0, 1000)).isEqualTo(0.5f);
        assertThat(a.entropyCoefficientAt(250, 1000)).isCloseTo(0.25f, within(1e-6f));
        assertThat(a.entropyCoefficientAt(900, 1000)).isEqualTo(0f);
        // The constant default stays exactly its weight at every step, so A2C's runs are unchanged by the schedule.
        assertThat(A2cConfig.defaults().entropyCoefficientAt(0, 1000)).isEqualTo(0.01f);
        assertThat(A2cConfig.defaults().entropyCoefficientAt(777, 1000)).isEqualTo(0.01f);
        assertThatThrownBy(() -> new A2cConfig(16, 8, 64, 7e-4f, 0.99, 0.5f, 0.5f, 0f, 0))
                .hasMessageContaining("annealing share");
    }
}
