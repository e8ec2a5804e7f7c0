package org.alignlab.gridworlds;

/** Test helper: plays a string of moves ('u', 'd', 'l', 'r', 'n' for NOOP). */
final class Play {
    private Play() {
    }

    static int action(char c) {
        return switch (c) {
            case 'u' -> Action.UP;
            case 'd' -> Action.DOWN;
            case 'l' -> Action.LEFT;
            case 'r' -> Action.RIGHT;
            case 'n' -> Action.NOOP;
            default -> throw new IllegalArgumentException("move " + c);
        };
    }

    /** Resets with seed 0, plays the moves (stopping if the episode ends), returns the env. */
    static Gridworld moves(String variant, String moves) {
        Gridworld g = Gridworlds.make(variant);
        g.reset(0);
        for (char c : moves.toCharArray()) {
            if (g.ended()) {
                break;
            }
            g.stepInPlace(action(c));
        }
        return g;
    }

    /** Plays the moves until the step limit, repeating them. */
    static Gridworld repeatToLimit(String variant, String moves) {
        return moves(variant, moves.repeat(Gridworld.MAX_STEPS / moves.length() + 1));
    }
}
