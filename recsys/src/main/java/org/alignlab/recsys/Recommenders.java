package org.alignlab.recsys;

import java.util.Arrays;

/**
 * The recommenders the study compares: what platforms optimise, what a careful platform might
 * optimise instead, and the baseline with no ranking at all.
 */
public final class Recommenders {
    private Recommenders() {
    }

    /**
     * The learnt rankers' settings, shared by all: a random post is shown 5% of the time, and the
     * model (ridge 1, confidence weight 0.1, refitted every 500 labels) learns from those random
     * showings only, as platforms keep a randomised bucket of traffic to learn from, so that its
     * labels are free of the ranker's own choices (the truth is not linear, so a model fitted to
     * the posts it chose would be fitted to a slice of the world it shaped).
     */
    static final double EXPLORE = 0.05;
    static final double RIDGE = 1;
    static final double CONFIDENCE = 0.1;
    static final int REFIT_EVERY = 500;

    /** The newest post first, whatever it is: the reverse-chronological feed (posts come in a random order). */
    public static Recommender chronological() {
        return (world, platform, u, offered, count) -> 0;
    }

    /**
     * The post with the highest true welfare: the ceiling no ranker that learns welfare from signals
     * can beat, given the offered posts.
     */
    public static Recommender welfareOracle() {
        return (world, platform, u, offered, count) -> {
            int best = 0;
            for (int i = 1; i < count; i++) {
                if (world.welfare(u, offered[i]) > world.welfare(u, offered[best])) {
                    best = i;
                }
            }
            return best;
        };
    }

    /** The post with the highest predicted engagement: the myopic engagement ranker (a contextual bandit). */
    public static Recommender engagement() {
        return new Learnt(false, 0);
    }

    /** The post users would most want to see, predicted from the survey answers of the users who are asked. */
    public static Recommender statedPreference() {
        return new Learnt(true, 0);
    }

    /**
     * The post with the highest reward under a model learnt from users' reflections: the users asked
     * compare each post they are shown with the one before ("which would you rather have seen?"),
     * choosing as a Boltzmann-rational person would by the welfare of each, and a linear
     * Bradley-Terry model of those comparisons ranks the posts, as RLHF's reward model does.
     */
    public static Recommender reflections() {
        return new Reflections();
    }

    /** Ranks by a Bradley-Terry reward model of users' comparisons. */
    static final class Reflections implements Recommender {
        private final BradleyTerry model = new BradleyTerry(Platform.FEATURES, 1, 500);
        private final double[] x = new double[Platform.FEATURES];
        private final double[] y = new double[Platform.FEATURES];

        @Override
        public int choose(Population world, Platform platform, int u, int[] offered, int count) {
            if (world.random.nextDouble() < EXPLORE) {
                return world.random.nextInt(count);
            }
            int best = 0;
            double bestReward = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                platform.features(world, u, offered[i], x);
                double r = model.reward(x);
                if (r > bestReward) {
                    bestReward = r;
                    best = i;
                }
            }
            return best;
        }

        @Override
        public boolean wantsComparisons() {
            return true;
        }

        @Override
        public void compare(Population world, Platform platform, int u, int better, int worse) {
            platform.features(world, u, better, x);
            platform.features(world, u, worse, y);
            model.prefer(x, y);
        }

        BradleyTerry model() {
            return model;
        }
    }

    /**
     * The engagement ranker less {@code penalty} times the preference shift the post would induce
     * beyond the shift the user's own feed would cause ({@link #inducedShift}).
     */
    public static Recommender shiftPenalised(double penalty) {
        return new Learnt(false, penalty);
    }

    /**
     * How far showing post {@code p} would move user {@code u}'s preferences beyond where their
     * unranked feed would move them (the "natural" shift, after Carroll et al. 2022), under the
     * world's own dynamics: the drift of appetite toward the post's charge, of interests toward its
     * topic and of hostility toward a political post's animosity, each against the expected drift
     * under a post drawn from the offered ones (what a chronological feed shows), summed in absolute
     * value. The platform is given the true dynamics here, so this is the best such a penalty could
     * do, not what a learnt model of users would.
     *
     * @param feed the offered posts' averages ({@link Feed#of})
     */
    static double inducedShift(Population world, int u, int p, Feed feed) {
        PopulationConfig c = world.config;
        // Appetite: eta (charge_p - a) against eta (mean charge - a).
        double shift = c.appetiteDrift() * Math.abs(world.charge[p] - feed.charge);
        // Interests: the post pulls all of the drift toward its topic, the feed toward its topic mix; the L1 distance
        // between the two pulls is 2 (1 - the feed's share on the post's topic).
        shift += c.interestDrift() * 2 * (1 - feed.topicShare[world.topic[p]]);
        // Hostility moves on political posts only: eta [political] (animosity_p - h) against the feed's expectation.
        double political = world.slant[p] != 0 ? 1 : 0;
        shift += c.hostilityDrift() * Math.abs(political * world.animosity[p] - feed.animosity
                - world.hostility[u] * (political - feed.political));
        return shift;
    }

    /** Averages over the posts offered to a user: what showing one of them at random would do on average. */
    static final class Feed {
        double charge;
        double animosity; // the mean of animosity over all offered posts (0 for those not political)
        double political; // the share of offered posts that are political
        final double[] topicShare;

        Feed(int topics) {
            topicShare = new double[topics];
        }

        /** This feed, refilled with the averages of {@code offered[0, count)}. */
        Feed of(Population world, int[] offered, int count) {
            charge = 0;
            animosity = 0;
            political = 0;
            java.util.Arrays.fill(topicShare, 0);
            for (int i = 0; i < count; i++) {
                int q = offered[i];
                charge += world.charge[q] / count;
                animosity += world.animosity[q] / count;
                political += world.slant[q] != 0 ? 1.0 / count : 0;
                topicShare[world.topic[q]] += 1.0 / count;
            }
            return this;
        }
    }

    /**
     * A ranker that plans: Q-learning with a linear value over the post's features and the user's
     * state as the platform sees it (its estimate of the user's taste for charge, and taste x
     * charge), rewarded by engagement and discounting the future by {@code discount}. At discount
     * 0 it values a post by the engagement it brings now; above, also by what it does to the
     * state, so it has the incentive the hidden-incentive test detects. One instance per run.
     */
    public static Recommender longHorizon(double discount) {
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("the discount must be in [0, 1), got " + discount);
        }
        return new Planning(discount);
    }

    /**
     * Semi-gradient Q-learning over linear features (normalised LMS steps), one transition per user
     * and step. Charge and taste enter centred on the average post's charge: uncentred, they overlap
     * the constant, and while the constant climbs toward engagement / (1 - discount) the mostly
     * positive errors raised their weights too, so the discount changed what was served for a
     * reason other than planning.
     */
    static final class Planning implements Recommender {
        static final int FEATURES = Platform.FEATURES + 2;
        /** The step size, divided by the squared length of the features (normalised least mean squares). */
        static final double STEP = 0.05;
        private final double discount;
        private final double[] theta = new double[FEATURES];
        private final double[] x = new double[FEATURES];
        private final double[] best = new double[FEATURES];
        private double[] previous; // per user, the features of the post shown last
        private double[] reward;   // per user, the engagement it brought
        private boolean[] pending;

        Planning(double discount) {
            this.discount = discount;
        }

        private double meanCharge = Double.NaN;

        private void features(Population world, Platform platform, int u, int p, double[] out) {
            platform.features(world, u, p, out);
            double charge = world.charge[p] - meanCharge;
            double taste = platform.taste(u) - meanCharge;
            out[Platform.CHARGE] = charge;
            out[Platform.FEATURES] = taste;
            out[Platform.FEATURES + 1] = taste * charge;
        }

        @Override
        public int choose(Population world, Platform platform, int u, int[] offered, int count) {
            if (previous == null) {
                previous = new double[world.users * FEATURES];
                reward = new double[world.users];
                pending = new boolean[world.users];
                meanCharge = Arrays.stream(world.charge).average().orElse(0);
            }
            int chosen = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                features(world, platform, u, offered[i], x);
                double v = Matrices.dot(theta, x);
                if (v > bestValue) {
                    bestValue = v;
                    chosen = i;
                    System.arraycopy(x, 0, best, 0, FEATURES);
                }
            }
            if (pending[u]) {
                // The last post shown to this user: its engagement plus the discounted value of the best post now.
                int from = u * FEATURES;
                double predicted = 0;
                double norm = 1e-9;
                for (int i = 0; i < FEATURES; i++) {
                    predicted += theta[i] * previous[from + i];
                    norm += previous[from + i] * previous[from + i];
                }
                double error = reward[u] + discount * bestValue - predicted;
                if (!Double.isFinite(error)) {
                    throw new IllegalStateException("the planning ranker's values diverged (TD error " + error + ")");
                }
                for (int i = 0; i < FEATURES; i++) {
                    theta[i] += STEP * error * previous[from + i] / norm;
                }
            }
            if (world.random.nextDouble() < EXPLORE) {
                chosen = world.random.nextInt(count);
                features(world, platform, u, offered[chosen], best);
            }
            System.arraycopy(best, 0, previous, u * FEATURES, FEATURES);
            return chosen;
        }

        @Override
        public void learn(Population world, Platform platform, int u, int p, boolean engaged, double stated) {
            reward[u] = engaged ? 1 : 0;
            pending[u] = true;
        }

        double[] coefficients() {
            return theta.clone();
        }
    }

    /** A ranker that learns a linear model of engagement or of survey answers (LinUCB) from its random showings. */
    static final class Learnt implements Recommender {
        private final boolean stated;
        private final double penalty;
        private final LinUcb model = new LinUcb(Platform.FEATURES, RIDGE, CONFIDENCE, REFIT_EVERY);
        private final double[] x = new double[Platform.FEATURES];
        private Feed feed;
        private boolean explored;

        Learnt(boolean stated, double penalty) {
            this.stated = stated;
            this.penalty = penalty;
        }

        @Override
        public int choose(Population world, Platform platform, int u, int[] offered, int count) {
            explored = world.random.nextDouble() < EXPLORE;
            if (explored) {
                return world.random.nextInt(count);
            }
            if (penalty > 0) {
                feed = (feed == null ? new Feed(world.topics) : feed).of(world, offered, count);
            }
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                platform.features(world, u, offered[i], x);
                double score = model.score(x);
                if (penalty > 0) {
                    score -= penalty * inducedShift(world, u, offered[i], feed);
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            return best;
        }

        @Override
        public void learn(Population world, Platform platform, int u, int p, boolean engaged, double stated) {
            if (!explored || (this.stated && Double.isNaN(stated))) {
                return;
            }
            platform.features(world, u, p, x);
            model.observe(x, this.stated ? stated : engaged ? 1 : 0);
        }

        LinUcb model() {
            return model;
        }
    }
}
