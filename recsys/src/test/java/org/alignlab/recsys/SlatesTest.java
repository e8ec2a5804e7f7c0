package org.alignlab.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.alignlab.rl.neural.CandidateQ;
import org.junit.jupiter.api.Test;

/** Slates: choosing them, the users' choice among their posts, a model of that choice, and SlateQ. */
class SlatesTest {
    @Test
    void theTopPostsComeHighestFirstWithTiesToTheLowerIndex() {
        int[] out = new int[3];
        Slates.top(new double[] {1, 5, 3, 5, -2}, 5, 3, out);
        assertThat(out).containsExactly(1, 3, 2);
    }

    /** Dinkelbach's method finds the best slate that a search of every slate finds, on random instances. */
    @Test
    void theBestSlateIsTheBestOfEverySlate() {
        SplittableRandom random = new SplittableRandom(9);
        for (int instance = 0; instance < 500; instance++) {
            int count = 2 + random.nextInt(8);
            int size = 1 + random.nextInt(count - 1);
            double[] weight = new double[count];
            double[] value = new double[count];
            for (int i = 0; i < count; i++) {
                weight[i] = Math.exp(2 * random.nextGaussian());
                value[i] = 3 * random.nextGaussian();
            }
            double none = random.nextGaussian();
            int[] out = new int[size];
            double found = Slates.best(weight, value, count, none, size, out, new double[count]);
            assertThat(out).doesNotHaveDuplicates();
            assertThat(Slates.value(weight, value, none, out, size)).isCloseTo(found, within(1e-12));
            assertThat(found).as("instance %d", instance).isCloseTo(bestBySearch(weight, value, none, count, size),
                    within(1e-9));
        }
    }

    private static double bestBySearch(double[] weight, double[] value, double none, int count, int size) {
        double best = Double.NEGATIVE_INFINITY;
        for (int mask = 0; mask < 1 << count; mask++) {
            if (Integer.bitCount(mask) == size) {
                double num = none;
                double den = 1;
                for (int i = 0; i < count; i++) {
                    if ((mask >> i & 1) == 1) {
                        num += weight[i] * value[i];
                        den += weight[i];
                    }
                }
                best = Math.max(best, num / den);
            }
        }
        return best;
    }

    /** A known answer: with one post a slate and a constant feature, the fit is the log-odds of engaging, log(c / (n - c)). */
    @Test
    void theChoiceModelOfSlatesOfOneIsTheLogOddsOfEngaging() {
        ConditionalLogit model = new ConditionalLogit(1, 1, 1e-9, 1_000, 1_000);
        for (int i = 0; i < 1_000; i++) {
            model.observe(new double[] {1}, 1, i < 300 ? 0 : -1);
        }
        assertThat(model.weights()[0]).isCloseTo(Math.log(300.0 / 700), within(1e-6));
    }

    /** Slates drawn from a known conditional logit: the fit recovers its weights, in a handful of Newton steps. */
    @Test
    void theChoiceModelRecoversTheWeightsThatMadeTheChoices() {
        double[] truth = {-1, 0.8, -0.5};
        ConditionalLogit model = new ConditionalLogit(3, 3, 1, 20_000, 20_000);
        observeDrawnSlates(model, truth, 20_000);
        double[] fitted = model.weights();
        for (int j = 0; j < 3; j++) {
            assertThat(fitted[j]).as("weight %d", j).isCloseTo(truth[j], within(0.06));
        }
        // Newton's method converges quadratically with the true Hessian; a wrong one, even positive definite, converges
        // linearly and takes far more steps to move no weight by 1e-9.
        ConditionalLogit unfitted = new ConditionalLogit(3, 3, 1, Integer.MAX_VALUE, 20_000);
        observeDrawnSlates(unfitted, truth, 20_000);
        assertThat(unfitted.fit()).isLessThanOrEqualTo(8);
        assertThat(unfitted.weights()).containsExactly(fitted, within(1e-8));
        assertThatThrownBy(() -> model.observe(new double[12], 4, 0)).hasMessageContaining("a slate of 1 to 3 posts");
    }

    private static void observeDrawnSlates(ConditionalLogit model, double[] truth, int slates) {
        SplittableRandom random = new SplittableRandom(4);
        double[] x = new double[9];
        double[] weight = new double[3];
        for (int slate = 0; slate < slates; slate++) {
            double total = 1;
            for (int i = 0; i < 3; i++) {
                x[3 * i] = 1;
                x[3 * i + 1] = random.nextGaussian();
                x[3 * i + 2] = random.nextDouble();
                weight[i] = Math.exp(truth[0] + truth[1] * x[3 * i + 1] + truth[2] * x[3 * i + 2]);
                total += weight[i];
            }
            double draw = random.nextDouble() * total;
            int chosen = -1;
            for (int i = 0; i < 3 && chosen < 0; i++) {
                draw -= weight[i];
                chosen = draw < 0 ? i : -1;
            }
            model.observe(x, 3, chosen);
        }
    }

    /** In the smallest pool allowed (10 posts a topic), offers drawn freely repeat posts; a slate's never do. */
    @Test
    void theOffersForASlateAreDistinct() {
        PopulationConfig d = PopulationConfig.defaults(200);
        PopulationConfig small = new PopulationConfig(d.users(), d.topics(), 10 * d.topics(), d.politicalShare(),
                d.ownSideShare(), d.chargeAlpha(), d.chargeBeta(), d.politicalCharge(), d.aimAlpha(), d.aimBeta(),
                d.interestConcentration(), d.appetiteAlpha(), d.appetiteBeta(), d.hostilityAlpha(), d.hostilityBeta(),
                d.baseEngagement(), d.relevanceWeight(), d.appealWeight(), d.appealWorth(), d.chargeWeight(),
                d.sideWeight(), d.chargeHarm(), d.appetiteDrift(), d.interestDrift(), d.hostilityDrift(), d.sated());
        Population world = new Population(small, 3);
        int[] offered = new int[10];
        int repeated = 0;
        for (int u = 0; u < 200; u++) {
            world.offer(u, offered, 10);
            repeated += java.util.Arrays.stream(offered).distinct().count() < 10 ? 1 : 0;
            world.offerDistinct(u, offered, 10);
            assertThat(offered).doesNotHaveDuplicates();
        }
        assertThat(repeated).isGreaterThan(10);
    }

    @Test
    void aSlateOfOneIsThePostAloneAndASlateSharesOneChoice() {
        Population world = new Population(PopulationConfig.defaults(50), 3);
        double[] out = new double[2];
        assertThat(world.engagementChances(7, new int[] {11}, 1, out)).isCloseTo(world.engagementProbability(7, 11),
                within(1e-12));
        // Two posts: weights e^l1 and e^l2 against 1 for engaging with none.
        double w1 = Math.exp(world.logit(7, 11));
        double w2 = Math.exp(world.logit(7, 12));
        double any = world.engagementChances(7, new int[] {11, 12}, 2, out);
        assertThat(out[0]).isCloseTo(w1 / (1 + w1 + w2), within(1e-12));
        assertThat(out[1]).isCloseTo(w2 / (1 + w1 + w2), within(1e-12));
        assertThat(any).isCloseTo((w1 + w2) / (1 + w1 + w2), within(1e-12));
    }

    @Test
    void eachPostOfASlateMovesTheUserItsShareOfTheWay() {
        Population world = new Population(PopulationConfig.defaults(50), 3);
        double eta = world.config.appetiteDrift();
        double a = world.appetite[5];
        world.expose(5, 20, 0.5);
        world.expose(5, 21, 0.5);
        double once = a + 0.5 * eta * (world.charge[20] - a);
        assertThat(world.appetite[5]).isCloseTo(once + 0.5 * eta * (world.charge[21] - once), within(1e-12));
    }

    /** A slate of one through the slates' path is the study's single-post world, to the last digit. */
    @Test
    void theChronologicalFeedInSlatesOfOneIsTheSinglePostFeed() {
        Simulation.Settings s = new Simulation.Settings(12, 10, 5, 0, 1, 3); // no one surveyed: the draws line up
        PopulationConfig world = PopulationConfig.defaults(200);
        Simulation.Run single = Simulation.run(world, 8, Recommenders.chronological(), s, () -> { });
        Simulation.Run slates = Simulation.run(world, 8, Recommenders.chronologicalSlates(), 1, s, () -> { });
        assertThat(slates.summary().engagement()).isEqualTo(single.summary().engagement());
        assertThat(slates.summary().welfare()).isEqualTo(single.summary().welfare());
        assertThat(slates.summary().appetite()).isEqualTo(single.summary().appetite());
        assertThat(slates.timelineCharge()).containsExactly(single.timelineCharge());
        assertThatThrownBy(() -> Simulation.run(world, 8, Recommenders.chronologicalSlates(), 11, s, () -> { }))
                .hasMessageContaining("a slate holds 1 to 10 posts");
    }

    /**
     * SlateQ at discount 0 on slates of three learns a choice model in which charge and appeal raise
     * engagement (as they do in the world), and engages its users more than the chronological slate,
     * but no more than the ceiling of the true choice model.
     */
    @Test
    void slateQLearnsWhatEngagesAndShowsIt() {
        PopulationConfig world = PopulationConfig.defaults(500).with(4, 0, 1);
        Simulation.Settings s = new Simulation.Settings(60, 10, 10, 0.05, 1, 3);
        CandidateQ.Settings network = new CandidateQ.Settings(8, 3e-3f, 0, 20_000, 128, 32, 20);
        Recommenders.SlateQ q = (Recommenders.SlateQ) Recommenders.slateQ(0, network);
        double learnt = Simulation.run(world, 2, q, 3, s, () -> { }).summary().engagement();
        double chrono = Simulation.run(world, 2, Recommenders.chronologicalSlates(), 3, s, () -> { }).summary()
                .engagement();
        double ceiling = Simulation.run(world, 2, Recommenders.engagementCeilingSlates(), 3, s, () -> { }).summary()
                .engagement();
        assertThat(q.updates()).isGreaterThan(500);
        assertThat(q.choiceWeights()[2]).as("appeal").isGreaterThan(0);
        assertThat(q.choiceWeights()[3]).as("charge").isGreaterThan(0);
        assertThat(learnt).isGreaterThan(chrono + 0.02).isLessThanOrEqualTo(ceiling);
        // Looking ahead, through the expected target over the next slate: it still learns what engages.
        Recommenders.SlateQ far = (Recommenders.SlateQ) Recommenders.slateQ(0.9, network);
        assertThat(Simulation.run(world, 2, far, 3, s, () -> { }).summary().engagement()).isGreaterThan(chrono + 0.02);
        assertThat(far.updates()).isGreaterThan(500);
        assertThatThrownBy(() -> Recommenders.slateQ(1, network)).hasMessageContaining("[0, 1)");
    }
}
