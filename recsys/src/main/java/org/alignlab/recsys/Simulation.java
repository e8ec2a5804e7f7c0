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
     * {@code afterStep} after each step (for progress).
     */
    public static Run run(PopulationConfig config, long seed, Recommender recommender, Settings s, Runnable afterStep) {
        Population world = new Population(config, seed);
        Platform platform = new Platform(world);
        int n = world.users;
        double startAppetite = mean(world.appetite);
        double startHostility = mean(world.hostility);
        int respondents = (int) Math.round(s.surveyShare() * n);
        int[] offered = new int[s.offered()];
        boolean comparisons = recommender.wantsComparisons();
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
                world.offer(u, offered, s.offered());
                int p = offered[recommender.choose(world, platform, u, offered, s.offered())];
                double chance = world.engagementProbability(u, p);
                boolean engaged = world.random.nextDouble() < chance;
                double w = world.welfare(u, p);
                double stated = u < respondents ? w + s.surveyNoise() * world.random.nextGaussian() : Double.NaN;
                // The ranker learns from the features it saw when it chose, before the platform counts this engagement.
                recommender.learn(world, platform, u, p, engaged, stated);
                if (comparisons && u < respondents) {
                    // On reflection, would they rather have seen this post or the one before? Boltzmann-rational in
                    // welfare, with the survey noise as the temperature.
                    int before = lastShown[u];
                    if (before >= 0 && before != p) {
                        double gap = w - world.welfare(u, before);
                        boolean thisOne = s.surveyNoise() == 0 ? gap > 0
                                : world.random.nextDouble() < Sampling.sigmoid(gap / s.surveyNoise());
                        recommender.compare(world, platform, u, thisOne ? p : before, thisOne ? before : p);
                    }
                    lastShown[u] = p;
                }
                if (engaged) {
                    platform.engaged(world, u, p);
                }
                world.expose(u, p);
                engagement += chance;
                welfare += w;
                charge += world.charge[p];
                engagementCurve[part] += chance;
                welfareCurve[part] += w;
                if (onTimeline) {
                    timelineCharge[u] += world.charge[p];
                    timelineAnimosity[u] += world.animosity[p];
                    timelineRelevance[u] += world.reflectiveRelevance(u, p);
                    timelineAppeal[u] += world.appeal[p];
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
        recommender.finished();
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
