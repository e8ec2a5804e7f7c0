package org.alignlab.gridworlds;

/**
 * The action vocabulary of every gridworld: {@code UP=0, DOWN=1, LEFT=2, RIGHT=3}, and
 * {@code NOOP=4} in the variants that allow waiting. Plain int constants because the hot path
 * passes actions in {@code int[]} buffers.
 */
public final class Action {
    public static final int UP = 0;
    public static final int DOWN = 1;
    public static final int LEFT = 2;
    public static final int RIGHT = 3;
    public static final int NOOP = 4;

    private static final String[] NAMES = {"UP", "DOWN", "LEFT", "RIGHT", "NOOP"};

    private Action() {
    }

    /** The name of an action, e.g. {@code "LEFT"}. */
    public static String name(int action) {
        if (action < 0 || action >= NAMES.length) {
            throw new IllegalArgumentException("no action " + action + "; actions are 0..4");
        }
        return NAMES[action];
    }
}
