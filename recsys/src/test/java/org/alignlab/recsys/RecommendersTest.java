package org.alignlab.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Known answers for the rankers and the shift penalty. */
class RecommendersTest {
    private static Population world() {
        Population w = new Population(PopulationConfig.defaults(20), 5);
        w.hostility[0] = 0.2;
        w.appetite[0] = 0.4;
        return w;
    }

    /** The user's state after seeing post {@code p}, as one vector: appetite, hostility, then the interests. */
    private static double[] after(int p) {
        Population w = world();
        w.expose(0, p);
        double[] state = new double[2 + w.topics];
        state[0] = w.appetite[0];
        state[1] = w.hostility[0];
        System.arraycopy(w.interest, 0, state, 2, w.topics);
        return state;
    }

    @Test
    void theInducedShiftIsTheDistanceFromTheFeedsAverageDrift() {
        Population w = world();
        // A feed of a political post, a calm one and one more, whatever they are.
        int political = 0;
        while (w.slant[political] == 0) {
            political++;
        }
        int calm = 0;
        while (w.slant[calm] != 0) {
            calm++;
        }
        int[] feed = {political, calm, 7};
        Recommenders.Feed averages = new Recommenders.Feed(w.topics).of(w, feed, feed.length);
        for (int p : feed) {
            // Brute force: the change this post causes against the mean change over the feed, summed in absolute value.
            double[] own = after(p);
            double[] natural = new double[own.length];
            for (int q : feed) {
                double[] s = after(q);
                for (int i = 0; i < s.length; i++) {
                    natural[i] += s[i] / feed.length;
                }
            }
            double expected = 0;
            for (int i = 0; i < own.length; i++) {
                expected += Math.abs(own[i] - natural[i]);
            }
            assertThat(Recommenders.inducedShift(w, 0, p, averages)).isCloseTo(expected, within(1e-12));
        }
        // A feed of one post induces nothing beyond itself.
        int[] alone = {political};
        assertThat(Recommenders.inducedShift(w, 0, political, new Recommenders.Feed(w.topics).of(w, alone, 1)))
                .isCloseTo(0, within(1e-15));
    }

    @Test
    void theBaselineTakesTheNewestAndTheCeilingTheBestForTheUser() {
        Population w = world();
        int[] feed = {3, 11, 42, 5};
        assertThat(Recommenders.chronological().choose(w, new Platform(w), 0, feed, feed.length)).isZero();
        int best = 0;
        for (int i = 1; i < feed.length; i++) {
            if (w.welfare(0, feed[i]) > w.welfare(0, feed[best])) {
                best = i;
            }
        }
        assertThat(Recommenders.welfareOracle().choose(w, new Platform(w), 0, feed, feed.length)).isEqualTo(best);
    }

    @Test
    void theEngagementRankerLearnsThatChargeEngagesAndServesIt() {
        // In a world where charge draws engagement, the ranker learns a positive weight on it and serves more charged
        // posts than the chronological feed does; where charge draws none, it does not.
        PopulationConfig charged = PopulationConfig.defaults(500).with(6, 0, 1.5);
        PopulationConfig calm = PopulationConfig.defaults(500).with(0, 0, 1.5);
        Simulation.Settings s = new Simulation.Settings(60, 10, 10, 0.05, 1, 1);
        double chrono = Simulation.run(charged, 2, Recommenders.chronological(), s, () -> { }).summary().charge();
        Recommenders.Learnt ranker = (Recommenders.Learnt) Recommenders.engagement();
        double served = Simulation.run(charged, 2, ranker, s, () -> { }).summary().charge();
        assertThat(ranker.model().coefficients()[3]).isGreaterThan(0.1);
        assertThat(served).isGreaterThan(chrono + 0.05);
        double calmServed = Simulation.run(calm, 2, Recommenders.engagement(), s, () -> { }).summary().charge();
        assertThat(calmServed).isLessThan(served - 0.05);
    }

    @Test
    void theRankerThatPlansLearnsEngagementAndIsReproducibleFromTheSeed() {
        // The rl module's Q-learning over candidates, learning online: myopic, it finds the engaging posts the
        // chronological feed does not; a run is the same again from the same seed (its network starts from it).
        PopulationConfig world = PopulationConfig.defaults(1_000).with(6, -0.5, 1.5);
        Simulation.Settings s = new Simulation.Settings(100, 10, 10, 0.05, 1, 1);
        Recommenders.Planning myopic = (Recommenders.Planning) Recommenders.longHorizon(0);
        Simulation.Summary planned = Simulation.run(world, 1, myopic, s, () -> { }).summary();
        Simulation.Summary chrono = Simulation.run(world, 1, Recommenders.chronological(), s, () -> { }).summary();
        // A transition per user and step after the first: 99 of them per user.
        assertThat(myopic.updates()).isEqualTo(1_000L * 99 / Recommenders.Planning.NETWORK.learnEvery());
        assertThat(planned.engagement()).isGreaterThan(chrono.engagement() + 0.1);
        assertThat(Simulation.run(world, 1, Recommenders.longHorizon(0), s, () -> { }).summary().engagement())
                .isEqualTo(planned.engagement());
        assertThatThrownBy(() -> Recommenders.longHorizon(1)).hasMessage("the discount must be in [0, 1), got 1.0");
    }

    @Test
    void theRankerOfReflectionsLearnsThatChargeIsUnwanted() {
        // Welfare here: relevance + 0 x appeal - 3 x charge. Users compare each post with the one before; ranked by the
        // rlhf module's reward model fitted to their answers, they are served less charge than the chronological feed.
        PopulationConfig world = PopulationConfig.defaults(1_000).with(2, 0, 3);
        Simulation.Settings s = new Simulation.Settings(60, 10, 10, 0.2, 1, 1);
        Recommenders.Reflections ranker = (Recommenders.Reflections) Recommenders.reflections();
        double served = Simulation.run(world, 3, ranker, s, () -> { }).summary().charge();
        double chrono = Simulation.run(world, 3, Recommenders.chronological(), s, () -> { }).summary().charge();
        // 0.2 x 1,000 users x 59 comparisons = 11,800: fitted at 1,000 and 4,000.
        assertThat(ranker.fits()).isEqualTo(2);
        assertThat(served).isLessThan(chrono - 0.05);
    }

    /**
     * A world of one user in which engagement depends on one state variable only: appetite (charge
     * weight 2, nothing else weighing) or interests (relevance weight 0.5, charge weight 0).
     */
    private static PopulationConfig oneVariable(boolean appetite) {
        PopulationConfig d = PopulationConfig.defaults(1);
        return new PopulationConfig(1, d.topics(), d.postPool(), d.politicalShare(), d.ownSideShare(), d.chargeAlpha(),
                d.chargeBeta(), d.politicalCharge(), d.aimAlpha(), d.aimBeta(), d.interestConcentration(),
                d.appetiteAlpha(), d.appetiteBeta(), d.hostilityAlpha(), d.hostilityBeta(), d.baseEngagement(),
                appetite ? 0 : 0.5, 0, d.appealWorth(), appetite ? 2 : 0, 0, d.chargeHarm(), appetite ? 0.003 : 0,
                appetite ? 0 : 0.003, d.hostilityDrift(), false);
    }

    /**
     * The user's discounted engagement from the next step on, shown {@code first} now and {@code then} at every later
     * step, under the world's own dynamics ({@link Population#expose}, {@link Population#engagementProbability}).
     */
    private static double later(Population w, int first, int then, double discount) {
        w.expose(0, first);
        double sum = 0;
        double weight = 1;
        for (int k = 1; k < 20_000; k++) {
            weight *= discount;
            sum += weight * w.engagementProbability(0, then);
            w.expose(0, then);
        }
        return sum;
    }

    @Test
    void thePlannersValueOfLaterIsTheWorldsOwnToFirstOrder() {
        // Known answer by brute force: in a stationary state under a fixed policy (keep showing post `kept`), the planner's
        // value of showing post `other` instead of `kept` once, now, must be the difference in discounted engagement the
        // world's own dynamics give from the next step on. It checks the timing (felt from the next step), the decay, and
        // the derivative of the chance of engaging for appetite and for interests.
        for (String variable : new String[] {"appetite", "sated appetite", "interests"}) {
            boolean appetite = !variable.equals("interests");
            PopulationConfig config = variable.equals("sated appetite") ? oneVariable(true).withSatedAppetite()
                    : oneVariable(appetite);
            java.util.function.Supplier<Population> world = () -> {
                Population w = new Population(config, 8);
                if (appetite) {
                    java.util.Arrays.fill(w.charge, 0.5);
                    w.charge[1] = 1;
                    w.appetite[0] = 0.5; // the kept posts' charge (and one less it): a stationary appetite
                } else {
                    java.util.Arrays.fill(w.interest, 0);
                    w.interest[w.topic[0]] = 1; // all interest in the kept post's topic: stationary
                }
                return w;
            };
            int kept = 0;
            int other = 1;
            if (!appetite) {
                Population w = world.get();
                while (w.topic[other] == w.topic[kept]) {
                    other++;
                }
            }
            for (double discount : new double[] {0.5, 0.9, 0.99}) {
                double brute = later(world.get(), other, kept, discount) - later(world.get(), kept, kept, discount);
                Population w = world.get();
                Recommenders.WorldPlanner planner = Recommenders.worldPlanner(discount);
                planner.learn(w, null, 0, kept, false, Double.NaN); // what the kept post does for this user now
                double planned = planner.later(w, 0, other) - planner.later(w, 0, kept);
                assertThat(planned).as(variable + " at " + discount).isCloseTo(brute, within(0.01 * Math.abs(brute)));
                // More appetite pays; where charge sates, the charged post lowers it; leaving the topic costs.
                assertThat(Math.signum(planned)).isEqualTo(variable.equals("appetite") ? 1.0 : -1.0);
            }
        }
        assertThat(Recommenders.lookahead(0.9, 0.003)).isCloseTo(0.0027 / 0.1027, within(1e-15));
        assertThat(Recommenders.lookahead(0.5, 1)).isEqualTo(0.5); // the move is felt at the next step only
    }

    @Test
    void thePlannerWithTheWorldsDynamicsIsTheEngagementCeilingWhenMyopic() {
        // At discount 0 it takes the post with the highest true chance of engaging, and changes no choice.
        Population w = world();
        int[] feed = {3, 11, 42, 5, 17};
        int best = 0;
        for (int i = 1; i < feed.length; i++) {
            if (w.engagementProbability(0, feed[i]) > w.engagementProbability(0, feed[best])) {
                best = i;
            }
        }
        Recommenders.WorldPlanner myopic = Recommenders.worldPlanner(0);
        assertThat(myopic.choose(w, new Platform(w), 0, feed, feed.length)).isEqualTo(best);
        Simulation.Settings s = new Simulation.Settings(30, 10, 10, 0.05, 1, 1);
        Recommenders.WorldPlanner run = Recommenders.worldPlanner(0); // one per run, as every ranker
        Simulation.Summary ceiling = Simulation.run(PopulationConfig.defaults(500), 4, run, s, () -> { }).summary();
        // No learnt ranker engages more than the ceiling on the same users.
        assertThat(Simulation.run(PopulationConfig.defaults(500), 4, Recommenders.engagement(), s, () -> { }).summary()
                .engagement()).isLessThan(ceiling.engagement());
        assertThatThrownBy(() -> Recommenders.worldPlanner(1)).hasMessage("the discount must be in [0, 1), got 1.0");
    }

    @Test
    void thePlannerWithTheWorldsDynamicsPlansThroughAppetiteAndThroughInterests() {
        // Where appetite moves a tenth of the way toward each post's charge and charge draws engagement, planning at 0.9
        // changes choices, serves more charge and leaves more appetite than the myopic ceiling on the same users; where
        // nothing about the user drifts, it changes no choice at all.
        PopulationConfig drifting = PopulationConfig.defaults(2_000).with(4, -0.5, 1.5).withDrifts(0.1, 0.003);
        Simulation.Settings s = new Simulation.Settings(60, 10, 10, 0.05, 1, 1);
        Recommenders.WorldPlanner far = Recommenders.worldPlanner(0.9);
        Simulation.Summary planned = Simulation.run(drifting, 6, far, s, () -> { }).summary();
        Simulation.Summary myopic = Simulation.run(drifting, 6, Recommenders.worldPlanner(0), s, () -> { }).summary();
        assertThat(far.changedShare()).isGreaterThan(0.05);
        assertThat(planned.charge()).isGreaterThan(myopic.charge() + 0.01);
        assertThat(planned.appetite()).isGreaterThan(myopic.appetite() + 0.01);
        // Interests alone drifting a tenth of the way: planning concentrates users on their topics.
        PopulationConfig narrowing = PopulationConfig.defaults(2_000).with(4, -0.5, 1.5).withDrifts(0, 0.1);
        Recommenders.WorldPlanner focused = Recommenders.worldPlanner(0.9);
        Simulation.Summary narrowed = Simulation.run(narrowing, 6, focused, s, () -> { }).summary();
        Simulation.Summary plain = Simulation.run(narrowing, 6, Recommenders.worldPlanner(0), s, () -> { }).summary();
        assertThat(focused.changedShare()).isGreaterThan(0.02);
        assertThat(narrowed.interestShift()).isGreaterThan(plain.interestShift() + 0.01);
        assertThat(narrowed.engagement()).isGreaterThan(plain.engagement());
    }
}
