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
 * A recorded episode played again in the environment, step by step: the environment is reset
 * with the recorded seed and given the recorded actions, so every frame is what the agent saw.
 */
final class Replay {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replay() {
    }

    /**
     * @param recordedReturn      the episode's visible return as recorded (NaN if not recorded)
     * @param recordedPerformance its hidden performance as recorded
     * @throws IllegalStateException if the replay does not end where the recorded episode did: the
     *                               environment has changed since, and the frames would not be what the agent saw
     */
    static ReplayPage page(RunRow run, String variantId, String agent, long seed, long replaySeed, List<Integer> actions,
                           double recordedReturn, double recordedPerformance) {
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
        return new ReplayPage(run, variantId + ", " + agent + ", seed " + seed, variant.hiddenPerformance(), frames, json);
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
