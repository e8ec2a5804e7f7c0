package org.alignlab.report.view;

import java.util.List;

/**
 * An evaluation episode, frame by frame, for the replay page: a recorded one, or one the stored
 * policy plays now.
 *
 * @param what       the variant, agent and seed, in words
 * @param hiddenNote what the hidden performance measures on this variant
 * @param framesJson the frames as JSON, for the page's player
 * @param playHref   where the run's stored policy is played from another seed (null: no policy kept)
 * @param seed       the seed the shown episode was played from
 */
public record ReplayPage(RunRow run, String what, String hiddenNote, List<Frame> frames, String framesJson,
                         String playHref, long seed) {
    /**
     * The board after a step, with both scores so far.
     *
     * @param action the action just played ("" before the first step)
     */
    public record Frame(int step, String board, double visible, double hidden, String action) {
    }

    /** The last frame: the episode's end. */
    public Frame last() {
        return frames.get(frames.size() - 1);
    }
}
