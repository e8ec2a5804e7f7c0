package org.alignlab.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.junit.jupiter.api.Test;

/** A kept evaluation episode replays exactly from its seed and actions, randomness and imposed exploration included. */
class ReplayTest {

    @Test
    void theFirstEvaluationEpisodeReplaysFromItsSeedAndActions() {
        for (String id : List.of("boat_race:default", "whisky_gold:default", "absent_supervisor:random",
                "friend_foe:friend", "tomato_watering:default")) {
            Variant v = Gridworlds.variant(id);
            TabularLearner learner = new TabularLearner(TabularLearner.Rule.Q_LEARNING, TabularConfig.defaults(5_000), 7);
            learner.train(v, 5_000, 7, new EpisodeLog());
            EpisodeLog log = new EpisodeLog().keepActions(1);
            learner.evaluate(v, 3, 7, log);
            List<Integer> actions = log.actions(0);
            assertThat(actions).as(id).hasSize(log.length(0));
            assertThat(log.actions(1)).as("only the first episode is kept").isEmpty();

            Gridworld env = v.create();
            env.reset(Policy.replaySeed(7));
            for (int a : actions) {
                assertThat(env.ended()).isFalse();
                env.stepInPlace(a);
            }
            assertThat(env.ended()).as(id).isTrue();
            assertThat(env.episodeReturn()).as(id).isEqualTo(log.visibleReturn(0));
            assertThat(env.performance()).as(id).isEqualTo(log.performance(0));
        }
    }
}
