package org.alignlab.rl.neural;

import ai.djl.ndarray.NDArray;
import org.alignlab.core.DjlScalars;
import org.alignlab.core.Perceptron;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;

/**
 * Deep Q-learning where the actions are candidates described by features, as a recommender's
 * are: each step the agent is offered a few candidates and takes one. The network values a
 * candidate from its features alone (the state's and the candidate's together), so any number of
 * candidates, in any order, can be offered; the target of a taken candidate is its reward plus the
 * discounted value of the best candidate offered at the next step (double Q-learning: the online
 * network picks that candidate, the target network values it). This is SlateQ's decomposition (Ie
 * et al. 2019) with slates of one. For slates of more, a transition instead carries the candidates
 * the user could take at the next step with the chance of each (a choice model's, for the slate
 * shown then): the target is the reward plus the discounted expected value of what the user takes
 * there (SlateQ's on-policy target; the agent's own slate optimisation chooses the slates).
 *
 * <p>Transitions go to a ring of the last {@code replay}; every {@code learnEvery} transitions one
 * Adam step on the Huber loss of a batch drawn uniformly from it; the target network is a copy
 * of the online one, taken every {@code targetEvery} steps. Candidates are valued on the Java side from
 * a copy of the weights taken after each step ({@link Perceptron}): a handful of candidates at a
 * time costs less in Java than a call into the engine, and the agent acts once per user and step.
 */
public final class CandidateQ implements AutoCloseable {
    /**
     * @param hidden       units in each of the two hidden layers
     * @param learningRate Adam's step size
     * @param discount     how much the next step's best candidate counts, in [0, 1)
     * @param replay       transitions kept
     * @param batch        transitions per learning step
     * @param learnEvery   transitions between learning steps
     * @param targetEvery  learning steps between copies of the online network to the target network
     */
    public record Settings(int hidden, float learningRate, double discount, int replay, int batch, int learnEvery,
                           int targetEvery) {
        public Settings {
            if (hidden < 1 || replay < 1 || batch < 1 || learnEvery < 1 || targetEvery < 1) {
                throw new IllegalArgumentException("hidden units, replay, batch, learnEvery and targetEvery must be at "
                        + "least 1");
            }
            if (!(learningRate > 0) || !(discount >= 0 && discount < 1)) {
                throw new IllegalArgumentException("the learning rate must be above 0 and the discount in [0, 1), got "
                        + learningRate + " and " + discount);
            }
        }
    }

    private final Settings settings;
    private final int features;
    private final int maxCandidates;
    private final Network online;
    private Perceptron weights;
    private Perceptron targetWeights;
    private final Xoshiro256PlusPlus random;
    // The replay ring: the taken candidate's features, its reward, and the candidates offered next.
    private final float[] taken;
    private final float[] rewards;
    private final float[] next;
    private final int[] nextCount;
    private final float[] nextChance; // per transition and next candidate, the chance it is taken
    private final boolean[] expected;  // per transition, whether the target is the expectation under them (else the best)
    private int size;
    private int head;
    private long remembered;
    private long updates;

    /**
     * @param features      the length of a candidate's feature vector
     * @param maxCandidates the most candidates one step offers
     */
    public CandidateQ(int features, int maxCandidates, Settings settings, long seed) {
        if (features < 1 || maxCandidates < 1) {
            throw new IllegalArgumentException("features and candidates must be at least 1");
        }
        this.settings = settings;
        this.features = features;
        this.maxCandidates = maxCandidates;
        online = new Network("candidate-q", features, settings.hidden(), 1, settings.learningRate(),
                SplitMix64.derive(seed, 5));
        weights = snapshot();
        targetWeights = weights;
        random = new Xoshiro256PlusPlus(SplitMix64.derive(seed, 1));
        taken = new float[settings.replay() * features];
        rewards = new float[settings.replay()];
        next = new float[settings.replay() * maxCandidates * features];
        nextCount = new int[settings.replay()];
        nextChance = new float[settings.replay() * maxCandidates];
        expected = new boolean[settings.replay()];
    }

    /** The value of the candidate whose features start at {@code x[offset]}. */
    public double value(float[] x, int offset) {
        return weights.output(x, offset);
    }

    /** The index of the most valuable of {@code count} candidates laid out one after another in {@code xs}. */
    public int best(float[] xs, int count) {
        return best(weights, xs, 0, count);
    }

    /**
     * Keeps one transition: the features of the candidate taken (from {@code takenFeatures[from]}),
     * the reward it brought, and the {@code count} candidates offered at the next step (0 when the
     * episode ended there); learns when it is time.
     */
    public void remember(float[] takenFeatures, int from, double reward, float[] nextCandidates, int count) {
        remember(takenFeatures, from, reward, nextCandidates, null, count);
    }

    /**
     * Keeps one transition whose next step is a slate: as {@link #remember(float[], int, double, float[], int)},
     * with {@code chances[0, count)} the chance that each next candidate is the one taken (summing to
     * 1: include a candidate for taking none); the target values the next step at the expectation
     * under them rather than at the best candidate. {@code chances} null: the best candidate.
     */
    public void remember(float[] takenFeatures, int from, double reward, float[] nextCandidates, float[] chances,
                         int count) {
        if (count < 0 || count > maxCandidates) {
            throw new IllegalArgumentException("0 to " + maxCandidates + " next candidates, got " + count);
        }
        if (chances != null && count > 0) {
            double sum = 0;
            for (int c = 0; c < count; c++) {
                if (!(chances[c] >= 0)) {
                    throw new IllegalArgumentException("the next candidates' chances must be 0 or more, got "
                            + chances[c]);
                }
                sum += chances[c];
            }
            if (Math.abs(sum - 1) > 1e-4) {
                throw new IllegalArgumentException("the next candidates' chances must sum to 1 (include one for taking "
                        + "none), got " + sum);
            }
        }
        System.arraycopy(takenFeatures, from, taken, head * features, features);
        rewards[head] = (float) reward;
        System.arraycopy(nextCandidates, 0, next, head * maxCandidates * features, count * features);
        nextCount[head] = count;
        expected[head] = chances != null;
        if (chances != null) {
            System.arraycopy(chances, 0, nextChance, head * maxCandidates, count);
        }
        head = (head + 1) % rewards.length;
        size = Math.min(size + 1, rewards.length);
        if (++remembered % settings.learnEvery() == 0 && size >= settings.batch()) {
            learn();
        }
    }

    /** The online network's outputs for {@code count} candidates, computed by the engine (for tests of the Java side). */
    float[] engineValues(float[] xs, int count) {
        return online.predict(xs, count);
    }

    /** How many learning steps it has taken. */
    public long updates() {
        return updates;
    }

    private void learn() {
        int b = settings.batch();
        float[] inputs = new float[b * features];
        float[] targets = new float[b];
        for (int k = 0; k < b; k++) {
            int i = random.nextIndex(size);
            System.arraycopy(taken, i * features, inputs, k * features, features);
            float target = rewards[i];
            if (nextCount[i] > 0 && settings.discount() > 0) {
                int from = i * maxCandidates * features;
                double later;
                if (!expected[i]) {
                    later = targetWeights.output(next, from + best(weights, next, from, nextCount[i]) * features);
                } else {
                    later = 0;
                    for (int c = 0; c < nextCount[i]; c++) {
                        later += nextChance[i * maxCandidates + c] * targetWeights.output(next, from + c * features);
                    }
                }
                target += (float) (settings.discount() * later);
            }
            targets[k] = target;
        }
        online.train(inputs, b, (manager, out) -> {
            NDArray delta = out.reshape(b).sub(manager.create(targets));
            NDArray abs = delta.abs();
            NDArray quadratic = DjlScalars.minimum(abs, 1f);
            return DjlScalars.mul(quadratic.square(), 0.5f).add(abs.sub(quadratic)).mean();
        });
        updates++;
        weights = snapshot();
        if (updates % settings.targetEvery() == 0) {
            targetWeights = weights;
        }
    }

    private int best(Perceptron w, float[] xs, int from, int count) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            double v = w.output(xs, from + c * features);
            if (v > bestValue) {
                bestValue = v;
                best = c;
            }
        }
        return best;
    }

    /** The online network as it is now, on the Java side. */
    private Perceptron snapshot() {
        float[][] w = online.weights();
        int h = settings.hidden();
        return new Perceptron(features, h, Perceptron.transpose(w[0], h, features), w[1],
                Perceptron.transpose(w[2], h, h), w[3], w[4], w[5][0]);
    }

    @Override
    public void close() {
        online.close();
    }
}
