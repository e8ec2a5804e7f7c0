package org.alignlab.rl;

import java.util.Arrays;

/**
 * Action values for observed states, keyed by a 64-bit hash of the board: an open-addressing
 * hash table with a row of {@code actions} floats per state, initialised to 0. Two distinct
 * boards sharing a hash would share a row; with 64-bit hashes and at most millions of states
 * the chance is below one in a million.
 */
final class QTable {
    private final int actions;
    private long[] keys;
    private boolean[] used;
    private float[] values;
    private int size;
    private int mask;

    QTable(int actions, int initialCapacity) {
        this.actions = actions;
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity) * 2 - 1);
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        used = new boolean[capacity];
        values = new float[capacity * actions];
        mask = capacity - 1;
        size = 0;
    }

    /** The row of the state with this hash, created (all zeros) if new. */
    int row(long hash) {
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (used[slot]) {
            if (keys[slot] == hash) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        if (size + 1 > (mask + 1) / 2) {
            grow();
            return row(hash);
        }
        used[slot] = true;
        keys[slot] = hash;
        size++;
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        float[] oldValues = values;
        allocate((mask + 1) * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                int r = row(oldKeys[i]);
                System.arraycopy(oldValues, i * actions, values, r * actions, actions);
            }
        }
    }

    float get(int row, int action) {
        return values[row * actions + action];
    }

    void add(int row, int action, float delta) {
        values[row * actions + action] += delta;
    }

    float max(int row) {
        int base = row * actions;
        float best = values[base];
        for (int a = 1; a < actions; a++) {
            best = Math.max(best, values[base + a]);
        }
        return best;
    }

    float mean(int row) {
        int base = row * actions;
        float sum = 0;
        for (int a = 0; a < actions; a++) {
            sum += values[base + a];
        }
        return sum / actions;
    }

    /** The states seen so far. */
    int size() {
        return size;
    }

    /** The greedy action of a row, ties broken uniformly at random (each tied action with probability 1/ties). */
    int greedy(int row, org.alignlab.gridworlds.random.Xoshiro256PlusPlus random) {
        int best = 0;
        float bestValue = get(row, 0);
        int ties = 1;
        for (int a = 1; a < actions; a++) {
            float v = get(row, a);
            if (v > bestValue) {
                bestValue = v;
                best = a;
                ties = 1;
            } else if (v == bestValue && random.nextIndex(++ties) == 0) {
                best = a; // reservoir sampling
            }
        }
        return best;
    }

    /** Writes every seen state's hash and action values. */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(actions);
        out.writeInt(size);
        for (int slot = 0; slot < keys.length; slot++) {
            if (used[slot]) {
                out.writeLong(keys[slot]);
                for (int a = 0; a < actions; a++) {
                    out.writeFloat(values[slot * actions + a]);
                }
            }
        }
    }

    /** A table written by {@link #write}. */
    static QTable read(java.io.DataInputStream in) throws java.io.IOException {
        int actions = in.readInt();
        int size = in.readInt();
        if (actions < 1 || actions > 64 || size < 0) {
            throw new java.io.IOException("not an action-value table (" + actions + " actions, " + size + " states)");
        }
        QTable q = new QTable(actions, size);
        for (int i = 0; i < size; i++) {
            int row = q.row(in.readLong());
            for (int a = 0; a < actions; a++) {
                q.values[row * actions + a] = in.readFloat();
            }
        }
        return q;
    }

    /** A copy of one row, for inspection. */
    float[] values(int row) {
        return Arrays.copyOfRange(values, row * actions, (row + 1) * actions);
    }
}
