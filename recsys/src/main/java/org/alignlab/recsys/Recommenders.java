package org.alignlab.recsys;

import java.util.Arrays;
import org.alignlab.core.Perceptron;
import org.alignlab.rl.neural.CandidateQ;
import org.alignlab.rlhf.Label;
import org.alignlab.rlhf.Rater;
import org.alignlab.rlhf.RewardModel;
import org.alignlab.rlhf.Segment;

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
     * choosing as a Boltzmann-rational person would by the welfare of each, and the rlhf module's
     * reward model, fitted to those comparisons, ranks the posts, as RLHF's reward model does.
     */
    public static Recommender reflections() {
        return new Reflections();
    }

    /**
     * Ranks by the rlhf module's reward model ({@link RewardModel}: a perceptron fitted to the
     * comparisons by the Bradley-Terry likelihood), each comparison a pair of one-step segments
     * whose observation is what the platform sees of the user and the post. It is fitted when the
     * comparisons reach {@value #FIRST_FIT} and again each time they are four times as many, on the latest
     * {@value #MAX_LABELS}; until the first fit it shows the newest post, as the chronological feed
     * does. Posts are valued on the Java side from the fitted network.
     */
    static final class Reflections implements Recommender {
        static final int FIRST_FIT = 1_000;
        static final int MAX_LABELS = 5_000;
        /** One network of two hidden layers of 8 (the features are four), 10 passes over the labels in batches of 256. */
        static RewardModel.Settings settings(long seed) {
            return new RewardModel.Settings(1, 8, 10, 256, 3e-3f, 1e-4, 0, seed);
        }

        private final java.util.ArrayDeque<Label> labels = new java.util.ArrayDeque<>();
        private final double[] x = new double[Platform.FEATURES];
        private final float[] step = new float[Platform.FEATURES + 1];
        private Perceptron[] model;
        private long seed;
        private long comparisons;
        private long nextFit = FIRST_FIT;
        private int fits;

        @Override
        public int choose(Population world, Platform platform, int u, int[] offered, int count) {
            if (world.random.nextDouble() < EXPLORE) {
                return world.random.nextInt(count);
            }
            if (model == null) {
                return 0;
            }
            int best = 0;
            double bestReward = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                double r = reward(world, platform, u, offered[i]);
                if (r > bestReward) {
                    bestReward = r;
                    best = i;
                }
            }
            return best;
        }

        /** The fitted model's reward for showing post {@code p} to user {@code u}. */
        double reward(Population world, Platform platform, int u, int p) {
            observe(world, platform, u, p, step);
            step[x.length] = 1; // the one action, one-hot
            double sum = 0;
            for (Perceptron member : model) {
                sum += member.output(step, 0);
            }
            return sum / model.length;
        }

        @Override
        public boolean wantsComparisons() {
            return true;
        }

        @Override
        public void compare(Population world, Platform platform, int u, int better, int worse) {
            if (comparisons == 0) {
                seed = world.random.nextLong();
            }
            labels.addLast(new Label(segment(world, platform, u, better), segment(world, platform, u, worse),
                    Rater.Preference.FIRST, "user " + u));
            if (labels.size() > MAX_LABELS) {
                labels.removeFirst();
            }
            if (++comparisons == nextFit) {
                try (RewardModel fitted = RewardModel.train(new java.util.ArrayList<>(labels), 1,
                        settings(org.alignlab.gridworlds.random.SplitMix64.derive(seed, fits++)))) {
                    model = fitted.perceptrons();
                }
                nextFit *= 4;
            }
        }

        private Segment segment(Population world, Platform platform, int u, int p) {
            float[] observation = new float[x.length];
            observe(world, platform, u, p, observation);
            return new Segment("recommender", comparisons, 0, new float[][] {observation}, new int[] {0},
                    new double[1], new double[1], new boolean[1]);
        }

        /** What the platform sees of showing post {@code p} to user {@code u}, as the reward model reads it. */
        private void observe(Population world, Platform platform, int u, int p, float[] out) {
            platform.features(world, u, p, x);
            for (int i = 0; i < x.length; i++) {
                out[i] = (float) x[i];
            }
        }

        /** How many times the reward model has been fitted. */
        int fits() {
            return fits;
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
     * world's own dynamics: the drift of appetite toward the post's charge (or away, where charge sates: the
     * distance is the same), of interests toward its
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
     * A ranker that plans: deep Q-learning on engagement over the offered posts, each valued from its
     * features and the user's state as the platform sees it (its estimate of the user's taste for
     * charge), discounting the future by {@code discount}. At discount 0 it values a post by the
     * engagement it brings now; above, also by what it does to the state, so it has the incentive
     * the hidden-incentive test detects. One instance per run.
     */
    public static Recommender longHorizon(double discount) {
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("the discount must be in [0, 1), got " + discount);
        }
        return new Planning(discount);
    }

    /**
     * A ranker that plans with the world's own dynamics, the yardstick for the one that learns to
     * plan: it knows each user's true chance of engaging with each post and how showing a post moves
     * their appetite and interests (hostility moves no engagement here), and ranks by the engagement a
     * post brings now plus, to first order, the discounted engagement that move brings later. At
     * discount 0 it is the myopic engagement ceiling. It counts how many of its choices differ from
     * the myopic choice among the same posts: the share of decisions the hidden incentive changes.
     */
    public static WorldPlanner worldPlanner(double discount) {
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("the discount must be in [0, 1), got " + discount);
        }
        return new WorldPlanner(discount);
    }

    /**
     * How much of a state variable's later value one unit of pull toward a post carries, when the
     * variable moves {@code drift} of the way toward each post shown and the future is discounted by
     * {@code discount}: showing the post moves the variable by {@code drift} times the post's pull;
     * that change is felt at the next step, and decays by {@code 1 - drift} a step after, so its
     * discounted weight is {@code sum over k >= 1 of discount^k (1 - drift)^(k-1) drift}
     * {@code = discount drift / (1 - discount (1 - drift))}.
     */
    static double lookahead(double discount, double drift) {
        return discount * drift / (1 - discount * (1 - drift));
    }

    /**
     * Ranks by {@code P(engage) + lookahead(appetite drift) m_a charge + lookahead(interest drift)
     * m_t}, where {@code m_a} is the user's expected change in the chance of engaging per unit of
     * appetite (P(1 - P) times the charge weight times the charge of the posts it shows them) and
     * {@code m_t} the same per unit of interest in the post's topic (P(1 - P) times the relevance
     * weight times the number of topics, for posts of that topic), each a running mean over the posts
     * it has shown that user (the mean of the first ten, then an exponential average of rate 0.1).
     * First order: the envelope theorem lets the later choices be held fixed for a small move, and the
     * drifts here are small. Hostility enters no chance of engaging, so it carries no incentive.
     */
    public static final class WorldPlanner implements Recommender {
        static final double RATE = 0.1;
        private final double discount;
        private double[] appetiteValue; // per user, m_a
        private double[] interestValue; // per user and topic, m_t
        private int[] shown;
        private long choices;
        private long changed;

        WorldPlanner(double discount) {
            this.discount = discount;
        }

        private void start(Population world) {
            if (shown == null) {
                appetiteValue = new double[world.users];
                interestValue = new double[world.users * world.topics];
                shown = new int[world.users];
            }
        }

        /**
         * What showing post {@code p} to user {@code u} now is worth later, to first order: the
         * discounted engagement the move of their appetite and interests toward it brings (the
         * part that differs between posts).
         */
        double later(Population world, int u, int p) {
            start(world);
            PopulationConfig c = world.config;
            // Where charge sates, a post pulls appetite toward one less its charge: the part that differs is -charge.
            return lookahead(discount, c.appetiteDrift()) * appetiteValue[u] * (c.sated() ? -1 : 1) * world.charge[p]
                    + lookahead(discount, c.interestDrift()) * interestValue[u * world.topics + world.topic[p]];
        }

        @Override
        public int choose(Population world, Platform platform, int u, int[] offered, int count) {
            start(world);
            int best = 0;
            int myopic = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            double bestChance = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                int p = offered[i];
                double chance = world.engagementProbability(u, p);
                double score = chance + later(world, u, p);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
                if (chance > bestChance) {
                    bestChance = chance;
                    myopic = i;
                }
            }
            choices++;
            changed += best != myopic ? 1 : 0;
            return best;
        }

        @Override
        public void learn(Population world, Platform platform, int u, int p, boolean engaged, double stated) {
            start(world);
            PopulationConfig c = world.config;
            double chance = world.engagementProbability(u, p); // the user is not yet moved by the post
            double slope = chance * (1 - chance);
            double rate = Math.max(RATE, 1.0 / ++shown[u]);
            appetiteValue[u] += rate * (slope * c.chargeWeight() * world.charge[p] - appetiteValue[u]);
            int row = u * world.topics;
            for (int t = 0; t < world.topics; t++) {
                double target = t == world.topic[p] ? slope * c.relevanceWeight() * world.topics : 0;
                interestValue[row + t] += rate * (target - interestValue[row + t]);
            }
        }

        /**
         * The share of its choices that differ from the post among the same offered ones with the
         * highest chance of engagement now (for its users as its own choices have left them).
         */
        public double changedShare() {
            return choices == 0 ? 0 : (double) changed / choices;
        }
    }

    /**
     * The rl module's deep Q-learning over candidates ({@link CandidateQ}: SlateQ's decomposition with
     * slates of one), one transition per user and step, learning online from every post it shows.
     * A post's features: the user's engagement with its topic, its appeal, its charge and the
     * platform's estimate of the user's taste for charge, charge and taste centred on the average
     * post's charge (the network forms their product itself). It explores as the other learnt
     * rankers do (a random post 5% of the time); the network's weights start from the run's seed.
     */
    static final class Planning implements Recommender {
        static final int FEATURES = 4;
        /** Two hidden layers of 8: the features are four, and the ranker acts once per user and step. */
        static final CandidateQ.Settings NETWORK = new CandidateQ.Settings(8, 3e-3f, 0, 20_000, 128, 512, 20);
        private final double discount;
        private final CandidateQ.Settings network;
        private final boolean seesTaste;
        private CandidateQ q;
        private float[] candidates;
        private float[] previous; // per user, the features of the post shown last
        private double[] reward;  // per user, the engagement it brought
        private boolean[] pending;
        private double meanCharge;

        Planning(double discount) {
            this(discount, NETWORK);
        }

        /** With other network settings (their discount is replaced by {@code discount}). */
        Planning(double discount, CandidateQ.Settings network) {
            this(discount, network, true);
        }

        /**
         * @param seesTaste false for the control that cannot plan through the user: the taste estimate, the only
         *                  feature the post shown moves with its charge, is held at 0
         */
        Planning(double discount, CandidateQ.Settings network, boolean seesTaste) {
            this.discount = discount;
            this.network = network;
            this.seesTaste = seesTaste;
        }

        private void features(Population world, Platform platform, int u, int p, double[] scratch, float[] out,
                              int offset) {
            platform.features(world, u, p, scratch);
            out[offset] = (float) scratch[1];
            out[offset + 1] = (float) scratch[2];
            out[offset + 2] = (float) (world.charge[p] - meanCharge);
            out[offset + 3] = seesTaste ? (float) (platform.taste(u) - meanCharge) : 0;
        }

        private final double[] scratch = new double[Platform.FEATURES];

        @Override
        public int choose(Population world, Platform platform, int u, int[] offered, int count) {
            if (q == null) {
                CandidateQ.Settings n = network;
                q = new CandidateQ(FEATURES, count, new CandidateQ.Settings(n.hidden(), n.learningRate(), discount,
                        n.replay(), n.batch(), n.learnEvery(), n.targetEvery()), world.random.nextLong());
                candidates = new float[count * FEATURES];
                previous = new float[world.users * FEATURES];
                reward = new double[world.users];
                pending = new boolean[world.users];
                meanCharge = Arrays.stream(world.charge).average().orElse(0);
            }
            for (int i = 0; i < count; i++) {
                features(world, platform, u, offered[i], scratch, candidates, i * FEATURES);
            }
            if (pending[u]) {
                // The last post shown to this user: its engagement, then the posts offered now.
                q.remember(previous, u * FEATURES, reward[u], candidates, count);
            }
            int chosen = world.random.nextDouble() < EXPLORE ? world.random.nextInt(count) : q.best(candidates, count);
            System.arraycopy(candidates, chosen * FEATURES, previous, u * FEATURES, FEATURES);
            return chosen;
        }

        @Override
        public void learn(Population world, Platform platform, int u, int p, boolean engaged, double stated) {
            reward[u] = engaged ? 1 : 0;
            pending[u] = true;
        }

        @Override
        public void finished() {
            if (q != null) {
                q.close();
            }
        }

        /** How many learning steps its network has taken. */
        long updates() {
            return q == null ? 0 : q.updates();
        }
    }

    /** The newest posts, whatever they are: the reverse-chronological feed, a slate at a time. */
    public static SlateRecommender chronologicalSlates() {
        return (world, platform, u, offered, count, slate, size) -> System.arraycopy(offered, 0, slate, 0, size);
    }

    /** The posts with the highest true welfare: the ceiling for a slate. */
    public static SlateRecommender welfareCeilingSlates() {
        return new TopSlate() {
            @Override
            double score(Population world, int u, int p) {
                return world.welfare(u, p);
            }
        };
    }

    /**
     * The posts with the highest true log-odds of engagement: the myopic engagement ceiling for a
     * slate (under the users' conditional logit the chance of engaging with any post of a slate rises
     * with each post's weight, so the best slate holds the posts of highest weight).
     */
    public static SlateRecommender engagementCeilingSlates() {
        return new TopSlate() {
            @Override
            double score(Population world, int u, int p) {
                return world.logit(u, p);
            }
        };
    }

    /** Shows the offered posts with the highest score. */
    abstract static class TopSlate implements SlateRecommender {
        private double[] scores = new double[0];
        private int[] indices = new int[0];

        abstract double score(Population world, int u, int p);

        @Override
        public void choose(Population world, Platform platform, int u, int[] offered, int count, int[] slate, int size) {
            if (scores.length < count) {
                scores = new double[count];
                indices = new int[count];
            }
            for (int i = 0; i < count; i++) {
                scores[i] = score(world, u, offered[i]);
            }
            Slates.top(scores, count, size, indices);
            for (int k = 0; k < size; k++) {
                slate[k] = offered[indices[k]];
            }
        }
    }

    /**
     * SlateQ (Ie et al. 2019) over slates of any size, discounting the future by {@code discount},
     * with network settings {@code network} (their discount replaced).
     */
    public static SlateRecommender slateQ(double discount, CandidateQ.Settings network) {
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("the discount must be in [0, 1), got " + discount);
        }
        return new SlateQ(discount, network);
    }

    /**
     * Deep Q-learning over slates by SlateQ's decomposition (Ie et al. 2019): a slate's value is the
     * expectation, under a model of how users choose, of the value of the post the user engages with
     * (or of engaging with none), so the network values posts one at a time and a slate is valued
     * from them. The choice model is a conditional logit learnt from the slates shown at random
     * ({@link ConditionalLogit} on the platform's features, refitted every {@value #REFIT_EVERY}
     * such slates), as the other learnt rankers learn only from their random showings; the network
     * learns from every slate, its target the engagement (1 or 0) plus the discounted value of the
     * next slate shown under the choice model ({@link CandidateQ}'s expected target). Each step it
     * shows the slate of highest value exactly ({@link Slates#best}), or a random one 5% of the time.
     * A post's features are the planning ranker's ({@link Planning}) and a flag, set for the
     * stand-in for engaging with none (whose other features but the user's taste are 0). At discount
     * 0 the value of engaging is 1 and of not engaging 0, so it shows the posts the choice model
     * rates most engaging: the learnt myopic ranker.
     */
    static final class SlateQ implements SlateRecommender {
        static final int FEATURES = Planning.FEATURES + 1;
        private final double discount;
        private final CandidateQ.Settings network;
        private CandidateQ q;
        private ConditionalLogit choice;
        private double meanCharge;
        private double[] x = new double[0];       // the offered posts' platform features, one after another
        private float[] candidates = new float[0]; // their network features
        private double[] weight = new double[0];  // their choice weights under the model
        private double[] value = new double[0];   // their values under the network
        private double[] scratch = new double[0];
        private int[] picked = new int[0];         // the slate's indices among the offered
        private float[] nextCandidates = new float[0]; // the slate's network features and none's
        private float[] nextChances = new float[0];
        private double[] slateX = new double[0];
        private float[] previous;  // per user, the network features of what they took last (a post or none)
        private double[] reward;   // per user, the engagement it brought
        private boolean[] pending;
        private boolean explored;
        private final double[] platformX = new double[Platform.FEATURES];

        SlateQ(double discount, CandidateQ.Settings network) {
            this.discount = discount;
            this.network = network;
        }

        private void start(Population world, int count, int size) {
            CandidateQ.Settings n = network;
            q = new CandidateQ(FEATURES, size + 1, new CandidateQ.Settings(n.hidden(), n.learningRate(), discount,
                    n.replay(), n.batch(), n.learnEvery(), n.targetEvery()), world.random.nextLong());
            choice = new ConditionalLogit(Platform.FEATURES, size, RIDGE, REFIT_EVERY, 50_000);
            meanCharge = Arrays.stream(world.charge).average().orElse(0);
            x = new double[count * Platform.FEATURES];
            candidates = new float[count * FEATURES];
            weight = new double[count];
            value = new double[count];
            scratch = new double[count];
            picked = new int[size];
            nextCandidates = new float[(size + 1) * FEATURES];
            nextChances = new float[size + 1];
            slateX = new double[size * Platform.FEATURES];
            previous = new float[world.users * FEATURES];
            reward = new double[world.users];
            pending = new boolean[world.users];
        }

        @Override
        public void choose(Population world, Platform platform, int u, int[] offered, int count, int[] slate, int size) {
            if (q == null) {
                start(world, count, size);
            }
            for (int i = 0; i < count; i++) {
                int p = offered[i];
                platform.features(world, u, p, platformX);
                System.arraycopy(platformX, 0, x, i * Platform.FEATURES, Platform.FEATURES);
                int c = i * FEATURES;
                candidates[c] = (float) platformX[1];
                candidates[c + 1] = (float) platformX[2];
                candidates[c + 2] = (float) (world.charge[p] - meanCharge);
                candidates[c + 3] = (float) (platform.taste(u) - meanCharge);
                candidates[c + 4] = 0;
                weight[i] = Math.exp(choice.utility(x, i * Platform.FEATURES));
                value[i] = q.value(candidates, c);
            }
            // Engaging with none: the user's state, and the flag.
            int none = size * FEATURES;
            Arrays.fill(nextCandidates, none, none + FEATURES, 0);
            nextCandidates[none + 3] = (float) (platform.taste(u) - meanCharge);
            nextCandidates[none + 4] = 1;
            double noneValue = q.value(nextCandidates, none);
            explored = world.random.nextDouble() < EXPLORE;
            if (explored) {
                // A random slate: the first size of a random shuffle of the offered.
                for (int i = 0; i < count; i++) {
                    scratch[i] = world.random.nextDouble();
                }
                Slates.top(scratch, count, size, picked);
            } else {
                Slates.best(weight, value, count, noneValue, size, picked, scratch);
            }
            double total = 1;
            for (int k = 0; k < size; k++) {
                slate[k] = offered[picked[k]];
                System.arraycopy(candidates, picked[k] * FEATURES, nextCandidates, k * FEATURES, FEATURES);
                total += weight[picked[k]];
            }
            if (pending[u]) {
                // What the user took last time, its engagement, then the slate shown now with the model's chances.
                for (int k = 0; k < size; k++) {
                    nextChances[k] = (float) (weight[picked[k]] / total);
                }
                nextChances[size] = (float) (1 / total);
                q.remember(previous, u * FEATURES, reward[u], nextCandidates, nextChances, size + 1);
            }
        }

        @Override
        public void learn(Population world, Platform platform, int u, int[] slate, int size, int engaged) {
            int taken = engaged >= 0 ? engaged : size;
            System.arraycopy(nextCandidates, taken * FEATURES, previous, u * FEATURES, FEATURES);
            reward[u] = engaged >= 0 ? 1 : 0;
            pending[u] = true;
            if (explored) {
                for (int k = 0; k < size; k++) {
                    System.arraycopy(x, picked[k] * Platform.FEATURES, slateX, k * Platform.FEATURES,
                            Platform.FEATURES);
                }
                choice.observe(slateX, size, engaged);
            }
        }

        @Override
        public void finished() {
            if (q != null) {
                q.close();
            }
        }

        /** The choice model's weights (for tests). */
        double[] choiceWeights() {
            return choice.weights();
        }

        /** How many learning steps its network has taken. */
        long updates() {
            return q == null ? 0 : q.updates();
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
