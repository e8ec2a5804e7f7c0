package org.alignlab.recsys;

/**
 * Chooses which of the posts offered to a user to show together, as a slate, and learns from what
 * the user did with it. The simulation calls {@link #choose} and then {@link #learn} once per user
 * and step.
 */
public interface SlateRecommender {
    /** Fills {@code slate[0, size)} with distinct posts from {@code offered[0, count)} to show user {@code u}. */
    void choose(Population world, Platform platform, int u, int[] offered, int count, int[] slate, int size);

    /**
     * What user {@code u} did with the slate: engaged with {@code slate[engaged]}, or with none
     * ({@code engaged} -1). Called before the platform counts the engagement and before the slate
     * moves the user.
     */
    default void learn(Population world, Platform platform, int u, int[] slate, int size, int engaged) {
    }

    /** The run is over: frees what the ranker holds outside the Java heap (a network's native memory). */
    default void finished() {
    }
}
