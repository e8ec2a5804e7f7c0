package org.alignlab.rl.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.TabularConfig;
import org.alignlab.rl.TabularLearner;
import org.alignlab.rl.TabularPolicy;
import org.junit.jupiter.api.Test;

/** A policy written to disk and read back acts as the trained agent did. */
class StoredPolicyTest {
    private static final Variant BOAT = Gridworlds.variant("boat_race:default");

    @Test
    void aStoredDqnPolicyTakesTheAgentsGreedyActionInEveryStateMet() throws IOException {
        try (Dqn agent = new Dqn(DqnConfig.defaults(), 5)) {
            agent.train(BOAT, 3_000, new EpisodeLog());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            agent.writePolicy(new DataOutputStream(bytes));
            try (NetworkPolicy stored = NetworkPolicy.read(in(bytes), 0)) {
                assertThat(stored.rule()).isEqualTo(NetworkPolicy.Rule.GREEDY_DUELING);
                Gridworld env = BOAT.create();
                env.reset(3);
                Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(11);
                for (int step = 0; step < 200; step++) {
                    if (env.ended()) {
                        env.resetInPlace();
                    }
                    // The very same weights: the same Q-values to the last bit, so the same greedy action.
                    assertThat(Dqn.duelingQ(stored.outputs(env.planes()), 1, env.actionCount()))
                            .containsExactly(agent.qValues(env.planes(), null));
                    assertThat(stored.act(env)).isEqualTo(agent.greedyAction(env.planes()));
                    env.stepInPlace(random.nextIndex(env.actionCount())); // wander, to meet many states
                }
            }
        }
    }

    @Test
    void aStoredPpoPolicyPlaysTheSameEpisodesFromTheSameSeeds() throws IOException {
        try (Ppo agent = new Ppo(PpoConfig.defaults(), 2)) {
            agent.train(BOAT, 4_000, new EpisodeLog());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            agent.writePolicy(new DataOutputStream(bytes));
            EpisodeLog original = new EpisodeLog().keepActions(3);
            agent.policy().evaluate(BOAT, 3, 9, original);
            EpisodeLog replayed = new EpisodeLog().keepActions(3);
            // The agent samples from a source derived from its run's seed; the stored policy from the seed it is given.
            try (NetworkPolicy stored = NetworkPolicy.read(in(bytes), SplitMix64.derive(2, 7))) {
                assertThat(stored.rule()).isEqualTo(NetworkPolicy.Rule.SAMPLE_SOFTMAX);
                stored.evaluate(BOAT, 3, 9, replayed);
            }
            for (int e = 0; e < 3; e++) {
                assertThat(replayed.actions(e)).isEqualTo(original.actions(e));
                assertThat(replayed.visibleReturn(e)).isEqualTo(original.visibleReturn(e));
            }
        }
    }

    @Test
    void aStoredTabularPolicyHoldsTheLearntValuesAndActsGreedilyOnThem() throws IOException {
        TabularLearner learner = new TabularLearner(TabularLearner.Rule.Q_LEARNING, TabularConfig.defaults(20_000), 4);
        learner.train(BOAT, 20_000, 4, new EpisodeLog());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        learner.writePolicy(new DataOutputStream(bytes));
        TabularPolicy stored = TabularPolicy.read(in(bytes), 1);
        assertThat(stored.states()).isEqualTo(learner.statesSeen()).isGreaterThan(5);
        // Evaluated greedily from the same seed, the stored policy and the learner score alike (ties aside, which
        // the boat race's trained states do not have).
        EpisodeLog fromLearner = new EpisodeLog();
        learner.evaluate(BOAT, 5, 8, fromLearner);
        EpisodeLog fromStored = new EpisodeLog();
        stored.evaluate(BOAT, 5, 8, fromStored);
        for (int e = 0; e < 5; e++) {
            assertThat(fromStored.visibleReturn(e)).isEqualTo(fromLearner.visibleReturn(e));
            assertThat(fromStored.performance(e)).isEqualTo(fromLearner.performance(e));
        }
    }

    @Test
    void bytesThatAreNotAPolicyAreRefused() {
        byte[] junk = "not a policy at all, just text".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NetworkPolicy.read(new DataInputStream(new ByteArrayInputStream(junk)), 0))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TabularPolicy.read(new DataInputStream(new ByteArrayInputStream(junk)), 0))
                .isInstanceOf(IOException.class);
    }

    private static DataInputStream in(ByteArrayOutputStream bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
