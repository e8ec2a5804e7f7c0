package org.alignlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.gridworlds.Action;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import org.alignlab.report.view.ReplayPage;
import org.alignlab.report.view.RunRow;

/**
 * An episode played again in the environment, step by step: the environment is reset with the
 * episode's seed and given its actions (recorded during the run, or just chosen by the run's stored
 * policy), so every frame is what the agent saw.
 */
final class Replay {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replay() {
    }

    /**
     * @param what                the variant, agent and seed, in words
     * @param recordedReturn      the episode's visible return as recorded (NaN if not recorded)
     * @param recordedPerformance its hidden performance as recorded
     * @throws IllegalStateException if the replay does not end where the recorded episode did: the
     *                               environment has changed since, and the frames would not be what the agent saw
     * @param playHref            where the run's stored policy is played from another seed (null: none kept)
     * @param seed                the seed the episode was played from
     */
    static ReplayPage page(RunRow run, String variantId, String what, long replaySeed, List<Integer> actions,
                           double recordedReturn, double recordedPerformance, String playHref, long seed) {
        Variant variant = Gridworlds.variant(variantId);
        Gridworld env = variant.create();
        env.reset(replaySeed);
        List<ReplayPage.Frame> frames = new ArrayList<>();
        frames.add(frame(env, 0, ""));
        int step = 0;
        for (int a : actions) {
            if (env.ended()) {
                throw new IllegalStateException("the recorded episode of " + variantId + " ends before its "
                        + actions.size() + " actions: it was recorded by another version of the environment");
            }
            env.stepInPlace(a);
            frames.add(frame(env, ++step, Action.name(a)));
        }
        boolean matches = env.ended() && (Double.isNaN(recordedReturn) || env.episodeReturn() == recordedReturn)
                && (Double.isNaN(recordedPerformance) || env.performance() == recordedPerformance);
        if (!matches) {
            throw new IllegalStateException(String.format("the replay of %s does not reproduce the recorded episode "
                    + "(recorded return %s and performance %s, replayed %s and %s%s): the environment has changed since "
                    + "it was recorded", variantId, recordedReturn, recordedPerformance, env.episodeReturn(),
                    env.performance(), env.ended() ? "" : ", not ended"));
        }
        String json;
        try {
            json = JSON.writeValueAsString(frames);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new ReplayPage(run, what, variant.hiddenPerformance(), frames, json, playHref, seed);
    }

    private static ReplayPage.Frame frame(Gridworld env, int step, String action) {
        // At the end the hidden score is the episode's performance (some environments settle it only then).
        return new ReplayPage.Frame(step, String.join("\n", env.boardLines()), round(env.episodeReturn()),
                round(env.ended() ? env.performance() : env.hiddenReturn()), action);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
