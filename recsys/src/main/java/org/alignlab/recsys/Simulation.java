package org.alignlab.recsys;

import java.util.Arrays;

/**
 * Runs one recommender over one population for a number of steps (each step, every user is
 * offered a few posts and shown one) and measures both objectives: engagement, what the platform
 * optimises, and welfare, what the users would endorse. The last {@code timeline} posts each user
 * was shown are that user's timeline, measured as the Twitter audit measured timelines (per-user
 * means, {@link #glassDelta}).
 */
public final class Simulation {
    private Simulation() {
    }

    /**
     * What one run did.
     *
     * @param engagement      the mean chance of engagement with the posts shown (what the platform optimises)
     * @param welfare         the mean welfare of the posts shown (what users would endorse)
     * @param engagementCurve the mean engagement in each of the run's equal parts, in order
     * @param welfareCurve    the mean welfare in each part
     * @param charge          the mean charge of the posts shown
     * @param appetite        the users' mean appetite for charge at the end (it started at {@code startAppetite})
     * @param startAppetite   at the start
     * @param hostility       the users' mean hostility toward the other side at the end
     * @param startHostility  at the start
     * @param interestShift   the users' mean distance from the interests they endorse at the end (0 at the start)
     */
    public record Summary(double engagement, double welfare, double[] engagementCurve, double[] welfareCurve, double charge,
                   double appetite, double startAppetite, double hostility, double startHostility,
                   double interestShift) {
    }

    /**
     * A run's summary and each user's timeline, measured per user: the mean charge, animosity,
     * relevance (to the interests the user endorses) and appeal of the posts on it.
     */
    public record Run(Summary summary, double[] timelineCharge, double[] timelineAnimosity, double[] timelineRelevance,
                      double[] timelineAppeal) {
        /**
         * Each user's timeline welfare, were appeal worth {@code worth} and charge to harm welfare by
         * {@code harm} (with the world's own, it is the mean welfare of the posts on the timeline).
         */
        public double[] timelineWelfare(double worth, double harm) {
            double[] w = new double[timelineCharge.length];
            for (int u = 0; u < w.length; u++) {
                w[u] = timelineRelevance[u] + worth * timelineAppeal[u] - harm * timelineCharge[u];
            }
            return w;
        }
    }

    /** The settings of a run. */
    public record Settings(int steps, int offered, int timeline, double surveyShare, double surveyNoise, int parts) {
        public Settings {
            if (steps < 1 || offered < 1 || timeline < 1 || timeline > steps || parts < 1) {
                throw new IllegalArgumentException("a run needs steps, offered posts and parts of at least 1, and a "
                        + "timeline of 1 to steps posts; got steps " + steps + ", offered " + offered + ", timeline "
                        + timeline + ", parts " + parts);
            }
        }
    }

    /**
     * Runs {@code recommender} on a fresh population from {@code config} and {@code seed}, calling
     * {@code afterStep} after each step (for progress). Each step every user is shown one post.
     */
    public static Run run(PopulationConfig config, long seed, Recommender recommender, Settings s, Runnable afterStep) {
        return run(config, seed, recommender, null, 1, s, afterStep);
    }

    /**
     * Runs {@code recommender} on a fresh population, each step showing every user a slate of
     * {@code size} posts, of which they engage with one at most ({@link Population#engagementChances});
     * each post of the slate moves them {@code 1 / size} as far as a post shown alone; the posts
     * offered for a slate of more than one are distinct. A slate's
     * engagement is the chance of engaging with any of its posts, its welfare, charge and the rest the
     * mean over its posts. No one is surveyed or asked to compare (no slate ranker learns from them).
     */
    public static Run run(PopulationConfig config, long seed, SlateRecommender recommender, int size, Settings s,
                          Runnable afterStep) {
        if (size < 1 || size > s.offered()) {
            throw new IllegalArgumentException("a slate holds 1 to " + s.offered() + " posts (the offered ones), got "
                    + size);
        }
        return run(config, seed, null, recommender, size, s, afterStep);
    }

    private static Run run(PopulationConfig config, long seed, Recommender single, SlateRecommender slates, int size,
                           Settings s, Runnable afterStep) {
        Population world = new Population(config, seed);
        Platform platform = new Platform(world);
        int n = world.users;
        double startAppetite = mean(world.appetite);
        double startHostility = mean(world.hostility);
        int respondents = (int) Math.round(s.surveyShare() * n);
        int[] offered = new int[s.offered()];
        int[] shown = new int[size];
        double[] chances = new double[size];
        boolean comparisons = single != null && single.wantsComparisons();
        int[] lastShown = new int[comparisons ? n : 0];
        java.util.Arrays.fill(lastShown, -1);
        double[] timelineCharge = new double[n];
        double[] timelineAnimosity = new double[n];
        double[] timelineRelevance = new double[n];
        double[] timelineAppeal = new double[n];
        int parts = Math.min(s.parts(), s.steps());
        double[] engagementCurve = new double[parts];
        double[] welfareCurve = new double[parts];
        double[] perPart = new double[parts];
        double engagement = 0;
        double welfare = 0;
        double charge = 0;
        for (int step = 0; step < s.steps(); step++) {
            int part = (int) ((long) step * parts / s.steps());
            boolean onTimeline = step >= s.steps() - s.timeline();
            for (int u = 0; u < n; u++) {
                if (size > 1) {
                    world.offerDistinct(u, offered, s.offered());
                } else {
                    world.offer(u, offered, s.offered());
                }
                double chance;
                double w;
                if (single != null) {
                    int p = offered[single.choose(world, platform, u, offered, s.offered())];
                    shown[0] = p;
                    chance = world.engagementProbability(u, p);
                    boolean engaged = world.random.nextDouble() < chance;
                    w = world.welfare(u, p);
                    double stated = u < respondents ? w + s.surveyNoise() * world.random.nextGaussian() : Double.NaN;
                    // The ranker learns from the features it saw when it chose, before the platform counts this engagement.
                    single.learn(world, platform, u, p, engaged, stated);
                    if (comparisons && u < respondents) {
                        // On reflection, would they rather have seen this post or the one before? Boltzmann-rational in
                        // welfare, with the survey noise as the temperature.
                        int before = lastShown[u];
                        if (before >= 0 && before != p) {
                            double gap = w - world.welfare(u, before);
                            boolean thisOne = s.surveyNoise() == 0 ? gap > 0
                                    : world.random.nextDouble() < Sampling.sigmoid(gap / s.surveyNoise());
                            single.compare(world, platform, u, thisOne ? p : before, thisOne ? before : p);
                        }
                        lastShown[u] = p;
                    }
                    if (engaged) {
                        platform.engaged(world, u, p);
                    }
                    world.expose(u, p);
                } else {
                    slates.choose(world, platform, u, offered, s.offered(), shown, size);
                    chance = world.engagementChances(u, shown, size, chances);
                    double draw = world.random.nextDouble();
                    int engaged = -1;
                    double below = 0;
                    w = 0;
                    for (int i = 0; i < size; i++) {
                        below += chances[i];
                        if (engaged < 0 && draw < below) {
                            engaged = i;
                        }
                        w += world.welfare(u, shown[i]) / size;
                    }
                    slates.learn(world, platform, u, shown, size, engaged);
                    if (engaged >= 0) {
                        platform.engaged(world, u, shown[engaged]);
                    }
                    for (int i = 0; i < size; i++) {
                        world.expose(u, shown[i], 1.0 / size);
                    }
                }
                engagement += chance;
                welfare += w;
                engagementCurve[part] += chance;
                welfareCurve[part] += w;
                for (int i = 0; i < size; i++) {
                    int p = shown[i];
                    charge += world.charge[p] / size;
                    if (onTimeline) {
                        timelineCharge[u] += world.charge[p] / size;
                        timelineAnimosity[u] += world.animosity[p] / size;
                        timelineRelevance[u] += world.reflectiveRelevance(u, p) / size;
                        timelineAppeal[u] += world.appeal[p] / size;
                    }
                }
            }
            perPart[part] += n;
            afterStep.run();
        }
        for (int u = 0; u < n; u++) {
            timelineCharge[u] /= s.timeline();
            timelineAnimosity[u] /= s.timeline();
            timelineRelevance[u] /= s.timeline();
            timelineAppeal[u] /= s.timeline();
        }
        if (single != null) {
            single.finished();
        } else {
            slates.finished();
        }
        for (int i = 0; i < parts; i++) {
            engagementCurve[i] /= perPart[i];
            welfareCurve[i] /= perPart[i];
        }
        double shift = 0;
        for (int u = 0; u < n; u++) {
            shift += world.interestShift(u);
        }
        double total = (double) n * s.steps();
        Summary summary = new Summary(engagement / total, welfare / total, engagementCurve, welfareCurve,
                charge / total, mean(world.appetite), startAppetite, mean(world.hostility), startHostility, shift / n);
        return new Run(summary, timelineCharge, timelineAnimosity, timelineRelevance,
                timelineAppeal);
    }

    /**
     * The effect of a treatment on a per-user outcome in standard deviations, as the Twitter audit
     * measured it (Milli et al. 2025; Glass's delta): the mean over users of the treated minus the
     * control value, divided by the standard deviation across users of the control values. Users
     * with no value in either (NaN) are left out.
     */
    public static double glassDelta(double[] treated, double[] control) {
        double sum = 0;
        int count = 0;
        for (int u = 0; u < treated.length; u++) {
            if (!Double.isNaN(treated[u]) && !Double.isNaN(control[u])) {
                sum += treated[u] - control[u];
                count++;
            }
        }
        double[] c = Arrays.stream(control).filter(v -> !Double.isNaN(v)).toArray();
        double sd = org.alignlab.core.Statistics.standardDeviation(c);
        return count == 0 || !(sd > 0) ? Double.NaN : sum / count / sd;
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }
}
