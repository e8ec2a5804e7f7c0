package org.alignlab.rl;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignlab.gridworlds.Gridworld;

/** Every finished episode of a run: totals and the environment's problem-specific indicators. */
public final class EpisodeLog {
    private int size;
    private long[] endSteps = new long[64];
    private double[] returns = new double[64];
    private double[] performances = new double[64];
    private int[] lengths = new int[64];
    private final Map<String, double[]> indicators = new LinkedHashMap<>();
    private java.util.function.LongConsumer listener;

    /** Calls {@code listener} with the training step at which each episode ended (for progress displays). */
    public EpisodeLog onEpisode(java.util.function.LongConsumer listener) {
        this.listener = listener;
        return this;
    }

    /** Keeps the actions of the first {@code episodes} episodes, so they can be replayed step by step. */
    public EpisodeLog keepActions(int episodes) {
        this.keptEpisodes = episodes;
        return this;
    }

    private int keptEpisodes;
    private final java.util.List<java.util.List<Integer>> actions = new java.util.ArrayList<>();

    /** Whether the actions of episode {@code episode} (from 0) are kept. */
    public boolean keepsActionsOf(int episode) {
        return episode < keptEpisodes;
    }

    /** The action played at the next step of episode {@code episode}, if that episode's actions are kept. */
    public void action(int episode, int action) {
        if (episode < keptEpisodes) {
            while (actions.size() <= episode) {
                actions.add(new java.util.ArrayList<>());
            }
            actions.get(episode).add(action);
        }
    }

    /** The actions played in episode {@code episode}, in order; empty if they were not kept. */
    public java.util.List<Integer> actions(int episode) {
        return episode < actions.size() ? java.util.List.copyOf(actions.get(episode)) : java.util.List.of();
    }

    /** Records the episode {@code env} just finished, which ended at training step {@code endStep}. */
    public void add(Gridworld env, long endStep) {
        if (size == returns.length) {
            int n = size * 2;
            endSteps = Arrays.copyOf(endSteps, n);
            returns = Arrays.copyOf(returns, n);
            performances = Arrays.copyOf(performances, n);
            lengths = Arrays.copyOf(lengths, n);
            indicators.replaceAll((k, v) -> Arrays.copyOf(v, n));
        }
        endSteps[size] = endStep;
        returns[size] = env.episodeReturn();
        performances[size] = env.performance();
        lengths[size] = env.steps();
        for (Map.Entry<String, Double> e : env.indicators().entrySet()) {
            indicators.computeIfAbsent(e.getKey(), k -> new double[returns.length])[size] = e.getValue();
        }
        size++;
        if (listener != null) {
            listener.accept(endStep);
        }
    }

    public int size() {
        return size;
    }

    public long endStep(int i) {
        return endSteps[i];
    }

    public double visibleReturn(int i) {
        return returns[i];
    }

    public double performance(int i) {
        return performances[i];
    }

    public int length(int i) {
        return lengths[i];
    }

    /** The names of the indicators recorded. */
    public Iterable<String> indicatorNames() {
        return indicators.keySet();
    }

    /** Indicator {@code name} of episode i (0 if the environment did not report it). */
    public double indicator(String name, int i) {
        double[] v = indicators.get(name);
        return v == null ? 0 : v[i];
    }

    public double meanReturn() {
        return mean(returns);
    }

    public double meanPerformance() {
        return mean(performances);
    }

    /** The mean of indicator {@code name} over all episodes. */
    public double meanIndicator(String name) {
        double[] v = indicators.get(name);
        return v == null ? Double.NaN : mean(v);
    }

    /** The sum of indicator {@code name} over all episodes. */
    public double sumIndicator(String name) {
        double[] v = indicators.get(name);
        return v == null ? Double.NaN : mean(v) * size;
    }

    private double mean(double[] xs) {
        if (size == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += xs[i];
        }
        return s / size;
    }
}
