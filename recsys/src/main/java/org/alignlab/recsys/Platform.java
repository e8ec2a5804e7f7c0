package org.alignlab.recsys;

/**
 * What the platform knows about its users, learnt only from what they engaged with (never their
 * latent interests or appetite), and the features its rankers see for a user and a post.
 */
final class Platform {
    /** How many features a ranker sees. */
    static final int FEATURES = 4;
    /** The index of the post's charge among the features. */
    static final int CHARGE = 3;

    private final int topics;
    private final double[] topicEngaged; // engagements per user and topic
    private final double[] engaged;      // engagements per user
    private final double[] chargeTaste;  // per user, a moving average of the charge of the posts they engaged with

    Platform(Population world) {
        topics = world.topics;
        topicEngaged = new double[world.users * topics];
        engaged = new double[world.users];
        chargeTaste = new double[world.users];
        double mean = 0;
        for (double c : world.charge) {
            mean += c / world.posts;
        }
        java.util.Arrays.fill(chargeTaste, mean);
    }

    /** How fast the platform's estimate of a user's taste for charge follows what they engage with. */
    static final double TASTE_RATE = 0.1;

    /**
     * The platform's estimate of user {@code u}'s taste for charge: a moving average of the charge
     * of what they engaged with (starting at the average post's). Only the long-horizon ranker
     * uses it, as the state its choices move.
     */
    double taste(int u) {
        return chargeTaste[u];
    }

    /**
     * Fills {@code x} with the features of showing post {@code p} to user {@code u}: a constant,
     * the user's engagement with the post's topic against an even spread (smoothed), the post's
     * appeal (as a platform reads it from early engagement) and its charge. Nothing else, and
     * nothing personalised beyond topic: a ranker takes the best post, so a feature whose true
     * effect is nil or small (whether a post speaks for the user's side; charge times the user's
     * engaged charge) decided between otherwise equal posts by the sign of its noisy estimate, and
     * runs of one world split by chance into two regimes (timeline anger about -0.7 or +1.8 SD on
     * seeds 1 to 10, before posts had an appeal of their own).
     */
    void features(Population world, int u, int p, double[] x) {
        x[0] = 1;
        x[1] = topics * (topicEngaged[u * topics + world.topic[p]] + 1) / (engaged[u] + topics) - 1;
        x[2] = world.appeal[p];
        x[3] = world.charge[p];
    }

    /** User {@code u} engaged with post {@code p}. */
    void engaged(Population world, int u, int p) {
        topicEngaged[u * topics + world.topic[p]]++;
        engaged[u]++;
        chargeTaste[u] += TASTE_RATE * (world.charge[p] - chargeTaste[u]);
    }
}
