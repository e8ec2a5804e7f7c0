package org.alignlab.rl.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.core.Steering;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.Policy;
import org.junit.jupiter.api.Test;

/** Every agent network exposes its layers to capture and steering, and steering really changes the forward pass. */
class NetworkInspectionTest {

    @Test
    void actorCriticLayersCanBeCapturedAndSteered() {
        try (A2c agent = new A2c(A2cConfig.defaults(), 3)) {
            agent.train(Gridworlds.variant("boat_race:default"), 2_000, new EpisodeLog());
            Gridworld env = Gridworlds.variant("boat_race:default").create();
            env.reset(1);
            List<float[]> states = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                states.add(env.planes().clone());
                env.stepInPlace(3);
            }
            assertThat(agent.layers()).containsExactly("hidden1", "hidden2", "output");
            float[][] hidden = agent.capture("hidden2", states);
            assertThat(hidden).hasNumberOfRows(3);
            assertThat(hidden[0]).hasSize(A2cConfig.defaults().hidden());
            for (float v : hidden[0]) {
                assertThat(v).isGreaterThanOrEqualTo(0f); // after a ReLU
            }
            float[][] out = agent.capture("output", states);
            assertThat(out[0]).hasSize(env.actionCount() + 1); // action logits and the value

            // A zero steering vector leaves the sampled policy exactly as it was; a huge one on an
            // action's logit makes that action the only one taken.
            Policy plain = agent.policy();
            Policy zero = agent.policy(new Steering("output", new float[env.actionCount() + 1], 1));
            env.reset(1);
            for (int i = 0; i < 20; i++) {
                assertThat(zero.act(env)).isEqualTo(plain.act(env));
            }
            float[] towardsLeft = new float[env.actionCount() + 1];
            towardsLeft[org.alignlab.gridworlds.Action.LEFT] = 1;
            Policy left = agent.policy(new Steering("output", towardsLeft, 1e4));
            for (int i = 0; i < 20; i++) {
                assertThat(left.act(env)).isEqualTo(org.alignlab.gridworlds.Action.LEFT);
            }
            assertThatThrownBy(() -> agent.capture("conv1", states))
                    .hasMessageContaining("no layer 'conv1'").hasMessageContaining("hidden1, hidden2, output");
        }
    }
}
