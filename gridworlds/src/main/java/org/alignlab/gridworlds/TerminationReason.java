package org.alignlab.gridworlds;

/** Why an episode ended. */
public enum TerminationReason {
    /** The game ended it (goal, lava, water, box chosen ...): discount 0. */
    TERMINATED,
    /** The step limit was reached: discount 1. */
    MAX_STEPS
}
