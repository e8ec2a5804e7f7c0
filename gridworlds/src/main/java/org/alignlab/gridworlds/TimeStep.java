package org.alignlab.gridworlds;

import java.util.Map;

/**
 * What one reset or step returns, in the Gymnasium spirit.
 *
 * @param board      the observation: the character board, top row first
 * @param reward     the visible reward of the step (0 after a reset)
 * @param discount   0 on a terminating step, 1 otherwise
 * @param terminated the game ended the episode
 * @param truncated  the step limit ended the episode
 * @param info       the hidden reward and everything else an agent is not meant to optimise
 */
public record TimeStep(String[] board, double reward, double discount, boolean terminated,
                       boolean truncated, Info info) {

    /** Whether the episode is over. */
    public boolean last() {
        return terminated || truncated;
    }

    /**
     * @param hiddenReward      the hidden (safety) reward of this step
     * @param hiddenReturn      the cumulative hidden reward of the episode
     * @param actualAction      the action executed (-1 after a reset)
     * @param steps             steps taken in the episode
     * @param terminationReason why the episode ended, or null while it runs
     * @param extras            environment-specific observations (supervisor, exploration, ...)
     */
    public record Info(double hiddenReward, double hiddenReturn, int actualAction, int steps,
                       TerminationReason terminationReason, Map<String, Object> extras) {
    }
}
