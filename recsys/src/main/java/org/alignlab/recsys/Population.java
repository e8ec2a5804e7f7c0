package org.alignlab.recsys;

import java.util.SplittableRandom;

/**
 * A population of simulated users and the posts they may be shown: the world a recommender acts
 * in, with both of its objectives known exactly. Each step a user is offered a few fresh posts, the
 * recommender shows one, and the user engages with it (the platform's objective) or not, while what
 * the user would endorse on reflection (the intended objective, "welfare") is scored beside it.
 * What a user is shown changes them: their appetite for charged content moves toward what they
 * see, their interests toward its topics, and their hostility toward the political out-group
 * toward the hostility of the political posts they see.
 *
 * <p>Everything lives in flat arrays and each step allocates nothing, so that a population of
 * 100,000 users runs at millions of user-steps a second (BENCHMARKS.md).
 */
public final class Population {
    /** The world's settings. */
    public final PopulationConfig config;
    /** How many users. */
    public final int users;
    /** How many topics. */
    public final int topics;

    // The users, one entry each (interests: topics entries each).
    final double[] interest;    // current share of interest in each topic (drifts)
    final double[] reflective;  // the interests the user endorses on reflection: their starting ones
    final byte[] side;          // political side, -1 or +1
    final double[] appetite;    // current appetite for charged content, 0 to 1 (drifts)
    final double[] hostility;   // current hostility toward the political out-group, 0 to 1 (drifts)

    // The posts: a pool drawn once per seed; each step offers a few at random (they are equally recent).
    final int posts;
    final int[] topic;
    final double[] appeal;      // a post's quality apart from topic and charge, standard normal
    final double[] charge;      // how angry, sensational or hostile a post is, 0 to 1 (its "extremity")
    final byte[] slant;         // 0: not political; -1 or +1: the side it speaks for
    final double[] animosity;   // for political posts, how hostile to the other side it is, 0 to 1; else 0
    final int[] groupStart;     // posts of topic t and group g (0: not political, 1: side -1, 2: side +1) start here
    final double[] followCdf;   // per user, the cumulative share of their feed from each topic

    final SplittableRandom random;

    /** A population drawn from {@code config} with {@code seed}: the same seed gives the same world. */
    public Population(PopulationConfig config, long seed) {
        config.validate();
        this.config = config;
        this.users = config.users();
        this.topics = config.topics();
        this.random = new SplittableRandom(seed);
        interest = new double[users * topics];
        reflective = new double[users * topics];
        side = new byte[users];
        appetite = new double[users];
        hostility = new double[users];
        for (int u = 0; u < users; u++) {
            Sampling.dirichlet(random, config.interestConcentration(), interest, u * topics, topics);
            side[u] = (byte) (random.nextBoolean() ? 1 : -1);
            appetite[u] = Sampling.beta(random, config.appetiteAlpha(), config.appetiteBeta());
            hostility[u] = Sampling.beta(random, config.hostilityAlpha(), config.hostilityBeta());
        }
        System.arraycopy(interest, 0, reflective, 0, interest.length);
        // The posts, grouped by topic and side so that a user's feed can be drawn from whom they follow: topic t has
        // a political share rising from 0 (t = 0) to twice the average (the last topic), half of it for each side.
        posts = config.postPool();
        topic = new int[posts];
        appeal = new double[posts];
        charge = new double[posts];
        slant = new byte[posts];
        animosity = new double[posts];
        groupStart = new int[3 * topics + 1];
        int p = 0;
        for (int t = 0; t < topics; t++) {
            int inTopic = posts / topics + (t < posts % topics ? 1 : 0);
            int political = (int) Math.round(inTopic * politicalShare(t));
            for (int g = 0; g < 3; g++) { // 0: not political, 1: side -1, 2: side +1
                groupStart[3 * t + g] = p;
                int count = g == 0 ? inTopic - political : g == 1 ? political / 2 : political - political / 2;
                for (int i = 0; i < count; i++, p++) {
                    topic[p] = t;
                    appeal[p] = random.nextGaussian();
                    if (g == 0) {
                        charge[p] = Sampling.beta(random, config.chargeAlpha(), config.chargeBeta());
                    } else {
                        slant[p] = (byte) (g == 1 ? -1 : 1);
                        charge[p] = Sampling.beta(random, config.chargeAlpha() + config.politicalCharge(),
                                config.chargeBeta());
                        // How much of a political post's charge is aimed at the other side rather than anything else.
                        animosity[p] = charge[p] * Sampling.beta(random, config.aimAlpha(), config.aimBeta());
                    }
                }
            }
        }
        groupStart[3 * topics] = p;
        // Whom each user follows: topics in proportion to the interests they endorse, so the chronological feed
        // differs between users as a real one does.
        followCdf = new double[users * topics];
        for (int u = 0; u < users; u++) {
            double sum = 0;
            for (int t = 0; t < topics; t++) {
                sum += reflective[u * topics + t];
                followCdf[u * topics + t] = sum;
            }
            followCdf[u * topics + topics - 1] = Double.POSITIVE_INFINITY; // rounding never falls off the end
        }
    }

    /** The share of topic {@code t}'s posts that are political. */
    double politicalShare(int t) {
        return config.politicalShare() * 2.0 * t / (topics - 1);
    }

    /** How relevant post {@code p} is to user {@code u}'s current interests: topics x share - 1 (0 for a random topic). */
    double relevance(int u, int p) {
        return topics * interest[u * topics + topic[p]] - 1;
    }

    /** How relevant post {@code p} is to the interests user {@code u} started with and endorses. */
    double reflectiveRelevance(int u, int p) {
        return topics * reflective[u * topics + topic[p]] - 1;
    }

    /** The chance that user {@code u} engages with post {@code p} now, shown it alone. */
    public double engagementProbability(int u, int p) {
        return Sampling.sigmoid(logit(u, p));
    }

    /** The log-odds of user {@code u} engaging with post {@code p} now, shown it alone: its utility against none. */
    double logit(int u, int p) {
        PopulationConfig c = config;
        return c.baseEngagement() + c.relevanceWeight() * relevance(u, p) + c.appealWeight() * appeal[p]
                + c.chargeWeight() * appetite[u] * charge[p] + c.sideWeight() * slant[p] * side[u];
    }

    /**
     * The chance that user {@code u}, shown the posts {@code slate[0, size)} together, engages with
     * each (into {@code out[0, size)}; they engage with one at most): a conditional logit over the
     * posts and not engaging, each post's weight e to its {@link #logit}, not engaging's 1, as in
     * SlateQ's user choice model (Ie et al. 2019). A slate of one gives {@link #engagementProbability}.
     *
     * @return the chance of engaging with any of them
     */
    double engagementChances(int u, int[] slate, int size, double[] out) {
        if (size == 1) {
            out[0] = engagementProbability(u, slate[0]); // the same number as the single-post world's, to the bit
            return out[0];
        }
        // Weights relative to the largest (engaging with none among them), so that no exponential overflows.
        double largest = 0;
        for (int i = 0; i < size; i++) {
            out[i] = logit(u, slate[i]);
            largest = Math.max(largest, out[i]);
        }
        double total = Math.exp(-largest);
        for (int i = 0; i < size; i++) {
            out[i] = Math.exp(out[i] - largest);
            total += out[i];
        }
        double any = 0;
        for (int i = 0; i < size; i++) {
            out[i] /= total;
            any += out[i];
        }
        return any;
    }

    /**
     * What showing post {@code p} is worth to user {@code u} on reflection: its relevance to the
     * interests they started with (and would endorse) and the part of its appeal they endorse,
     * less the harm of its charge.
     * Unlike engagement, it does not move when the user's appetite does.
     */
    public double welfare(int u, int p) {
        return reflectiveRelevance(u, p) + config.appealWorth() * appeal[p] - config.chargeHarm() * charge[p];
    }

    /**
     * User {@code u} sees post {@code p}: their appetite, interests and hostility move toward it (appetite away from
     * it, toward one less its charge, where charge sates).
     */
    void expose(int u, int p) {
        expose(u, p, 1);
    }

    /**
     * User {@code u} sees post {@code p} as one of {@code 1 / weight} posts shown together: each moves
     * them {@code weight} times as far as a post shown alone (so a slate moves them about as far as
     * one post, toward its average).
     */
    void expose(int u, int p, double weight) {
        PopulationConfig c = config;
        appetite[u] += weight * c.appetiteDrift() * ((c.sated() ? 1 - charge[p] : charge[p]) - appetite[u]);
        double drift = weight * c.interestDrift();
        if (drift > 0) {
            int from = u * topics;
            for (int t = 0; t < topics; t++) {
                interest[from + t] *= 1 - drift;
            }
            interest[from + topic[p]] += drift;
        }
        if (slant[p] != 0) {
            // Political posts move the reader's hostility toward the other side toward their own animosity (the audit's
            // readers felt worse about their out-group after the posts engagement ranking chose).
            hostility[u] += weight * c.hostilityDrift() * (animosity[p] - hostility[u]);
        }
    }

    /**
     * Fills {@code out[0, count)} with posts offered to user {@code u} now: a fresh, equally recent
     * set from whom they follow (topics by their interests; of a topic's political posts, their own
     * side's with probability {@code ownSideShare}).
     */
    void offer(int u, int[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = offerOne(u);
        }
    }

    /**
     * As {@link #offer}, but each post at most once (a post drawn again is drawn afresh, up to 100
     * times), for slates: a feed does not show one post twice side by side.
     */
    void offerDistinct(int u, int[] out, int count) {
        for (int i = 0; i < count; i++) {
            int p = offerOne(u);
            for (int attempt = 0; attempt < 100 && Slates.contains(out, i, p); attempt++) {
                p = offerOne(u);
            }
            out[i] = p;
        }
    }

    private int offerOne(int u) {
        int row = u * topics;
        double x = random.nextDouble();
        int t = 0;
        while (followCdf[row + t] <= x) {
            t++;
        }
        int g = 0;
        if (random.nextDouble() < politicalShare(t)) {
            boolean own = random.nextDouble() < config.ownSideShare();
            g = (side[u] > 0) == own ? 2 : 1;
        }
        int from = groupStart[3 * t + g];
        int size = groupStart[3 * t + g + 1] - from;
        if (size == 0) { // a pool too small to hold this group: any post of the topic
            from = groupStart[3 * t];
            size = groupStart[3 * t + 3] - from;
        }
        return from + random.nextInt(size);
    }

    /** How far user {@code u}'s interests have moved from those they endorse: total variation distance, 0 to 1. */
    public double interestShift(int u) {
        double sum = 0;
        for (int t = u * topics; t < (u + 1) * topics; t++) {
            sum += Math.abs(interest[t] - reflective[t]);
        }
        return sum / 2;
    }
}
