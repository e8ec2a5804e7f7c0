package org.alignlab.rl;

import java.util.Arrays;

/**
 * Action values for observed states, keyed by a 64-bit hash of the board: an open-addressing
 * hash table from hash to row, and a row of {@code actions} floats per state in the order states
 * were first seen, initialised to 0. A row never moves: a learner holds the row of the state it
 * acted in while it looks up the next one, which may grow the table. Two distinct boards sharing a
 * hash would share a row; with 64-bit hashes and at most millions of states the chance is below
 * one in a million.
 */
final class QTable {
    private final int actions;
    private long[] keys;
    /** The row of the key in each slot, or -1 for an empty slot. */
    private int[] rowOfSlot;
    private float[] values;
    private int size;
    private int mask;

    QTable(int actions, int initialCapacity) {
        this.actions = actions;
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity) * 2 - 1);
        keys = new long[capacity];
        rowOfSlot = new int[capacity];
        Arrays.fill(rowOfSlot, -1);
        values = new float[capacity / 2 * actions];
        mask = capacity - 1;
    }

    /** The row of the state with this hash, created (all zeros) if new. */
    int row(long hash) {
        int slot = slotOf(hash);
        if (rowOfSlot[slot] >= 0) {
            return rowOfSlot[slot];
        }
        if (size + 1 > (mask + 1) / 2) {
            grow();
            slot = slotOf(hash);
        }
        keys[slot] = hash;
        rowOfSlot[slot] = size;
        return size++;
    }

    /** The slot holding {@code hash}, or the empty slot where it would go. */
    private int slotOf(long hash) {
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (rowOfSlot[slot] >= 0 && keys[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Doubles the slots, keeping every row where it is. */
    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rowOfSlot;
        int capacity = (mask + 1) * 2;
        keys = new long[capacity];
        rowOfSlot = new int[capacity];
        Arrays.fill(rowOfSlot, -1);
        mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldRows[i] >= 0) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                rowOfSlot[slot] = oldRows[i];
            }
        }
        values = Arrays.copyOf(values, capacity / 2 * actions);
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

    /** Writes every seen state's hash and action values, in the order the states were first seen. */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        long[] keyOfRow = new long[size];
        for (int slot = 0; slot < keys.length; slot++) {
            if (rowOfSlot[slot] >= 0) {
                keyOfRow[rowOfSlot[slot]] = keys[slot];
            }
        }
        out.writeInt(actions);
        out.writeInt(size);
        for (int row = 0; row < size; row++) {
            out.writeLong(keyOfRow[row]);
            for (int a = 0; a < actions; a++) {
                out.writeFloat(values[row * actions + a]);
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
