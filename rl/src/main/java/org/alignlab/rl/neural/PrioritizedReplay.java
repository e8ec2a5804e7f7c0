package org.alignlab.rl.neural;

import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;

/**
 * Proportional prioritised experience replay (Schaul et al. 2016): transitions are sampled with
 * probability proportional to priority^alpha, through a sum tree, and weighted by
 * (N * P(i))^-beta / max weight to correct the bias. Stores n-step transitions: observation,
 * action, n-step return, the discount to apply to the bootstrap (0 if the episode ended), and
 * the observation n steps later. Fixed capacity, oldest overwritten.
 */
final class PrioritizedReplay {
    private final int capacity;
    private final int obsSize;
    private final float[] observations;
    private final float[] nextObservations;
    private final int[] actions;
    private final float[] returns;
    private final float[] bootstrapDiscounts;
    private final double[] tree;
    private final double alpha;
    private double maxPriority = 1.0;
    private int next;
    private int size;

    PrioritizedReplay(int capacity, int obsSize, double alpha) {
        this.capacity = capacity;
        this.obsSize = obsSize;
        this.alpha = alpha;
        observations = new float[capacity * obsSize];
        nextObservations = new float[capacity * obsSize];
        actions = new int[capacity];
        returns = new float[capacity];
        bootstrapDiscounts = new float[capacity];
        tree = new double[2 * capacity];
    }

    int size() {
        return size;
    }

    void add(float[] obs, int obsOffset, int action, float nStepReturn, float bootstrapDiscount, float[] nextObs,
             int nextOffset) {
        int i = next;
        System.arraycopy(obs, obsOffset, observations, i * obsSize, obsSize);
        System.arraycopy(nextObs, nextOffset, nextObservations, i * obsSize, obsSize);
        actions[i] = action;
        returns[i] = nStepReturn;
        bootstrapDiscounts[i] = bootstrapDiscount;
        setPriority(i, maxPriority); // new transitions are seen at least once
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    private void setPriority(int i, double priority) {
        int node = i + capacity;
        double change = Math.pow(priority, alpha) - tree[node];
        while (node >= 1) {
            tree[node] += change;
            node >>= 1;
        }
    }

    /** Updates the priorities of sampled transitions from their new absolute TD errors. */
    void updatePriorities(int[] indices, float[] tdErrors) {
        for (int k = 0; k < indices.length; k++) {
            double p = Math.abs(tdErrors[k]) + 1e-6;
            maxPriority = Math.max(maxPriority, p);
            setPriority(indices[k], p);
        }
    }

    /** A sampled minibatch, copied into flat arrays. */
    static final class Batch {
        final int[] indices;
        final float[] observations;
        final float[] nextObservations;
        final int[] actions;
        final float[] returns;
        final float[] bootstrapDiscounts;
        final float[] weights;

        Batch(int n, int obsSize) {
            indices = new int[n];
            observations = new float[n * obsSize];
            nextObservations = new float[n * obsSize];
            actions = new int[n];
            returns = new float[n];
            bootstrapDiscounts = new float[n];
            weights = new float[n];
        }
    }

    /** Samples {@code batch.indices.length} transitions (stratified over the priority mass). */
    void sample(Batch batch, double beta, Xoshiro256PlusPlus random) {
        int n = batch.indices.length;
        double total = tree[1];
        double segment = total / n;
        double maxWeight = 0;
        for (int k = 0; k < n; k++) {
            double u = (k + random.nextDouble()) * segment;
            int node = 1;
            while (node < capacity) {
                int left = 2 * node;
                if (u <= tree[left] || tree[left + 1] == 0) {
                    node = left;
                } else {
                    u -= tree[left];
                    node = left + 1;
                }
            }
            int i = Math.min(node - capacity, size - 1);
            batch.indices[k] = i;
            double probability = tree[i + capacity] / total;
            double w = Math.pow(size * probability, -beta);
            batch.weights[k] = (float) w;
            maxWeight = Math.max(maxWeight, w);
            System.arraycopy(observations, i * obsSize, batch.observations, k * obsSize, obsSize);
            System.arraycopy(nextObservations, i * obsSize, batch.nextObservations, k * obsSize, obsSize);
            batch.actions[k] = actions[i];
            batch.returns[k] = returns[i];
            batch.bootstrapDiscounts[k] = bootstrapDiscounts[i];
        }
        for (int k = 0; k < n; k++) {
            batch.weights[k] /= (float) maxWeight;
        }
    }
}
