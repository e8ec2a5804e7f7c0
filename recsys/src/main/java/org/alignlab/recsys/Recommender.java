package org.alignlab.recsys;

/**
 * Chooses which of the posts offered to a user to show, and learns from what follows. The
 * simulation calls {@link #choose} and then {@link #learn} once per user and step.
 */
public interface Recommender {
    /** The index in {@code offered[0, count)} of the post to show user {@code u}. */
    int choose(Population world, Platform platform, int u, int[] offered, int count);

    /**
     * What happened after post {@code p} was shown to user {@code u}: whether they engaged, and
     * their survey answer ("did you want to see this?"), NaN when they were not asked.
     */
    default void learn(Population world, Platform platform, int u, int p, boolean engaged, double stated) {
    }

    /** Whether it learns from users' comparisons of the posts they were shown ({@link #compare}). */
    default boolean wantsComparisons() {
        return false;
    }

    /** User {@code u}, on reflection, would rather have seen post {@code better} than post {@code worse}. */
    default void compare(Population world, Platform platform, int u, int better, int worse) {
    }

    /** The run is over: frees what the ranker holds outside the Java heap (a network's native memory). */
    default void finished() {
    }
}
