package org.alignlab.gridworlds;

import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;

/**
 * Measures environment steps per second on the calling thread, with uniformly random actions
 * (as the original's throughput figures were taken) and resets included. The actions come from
 * a precomputed table so that drawing them costs nothing measurable.
 */
public final class Throughput {
    private static final int ACTION_TABLE = 1 << 16;

    private Throughput() {
    }

    /** A table of random actions in 0..actionCount-1. */
    static int[] actionTable(int actionCount, long seed) {
        Xoshiro256PlusPlus r = new Xoshiro256PlusPlus(seed);
        int[] t = new int[ACTION_TABLE];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextIndex(actionCount);
        }
        return t;
    }

    /**
     * Steps one copy through the Gymnasium-style allocation-free path for about {@code nanos}.
     *
     * @return steps per second
     */
    public static double single(Variant variant, long nanos) {
        Gridworld g = variant.create();
        int[] actions = actionTable(g.actionCount(), 1);
        g.reset(1);
        long steps = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long now;
        int a = 0;
        do {
            for (int i = 0; i < 4096; i++) {
                if (g.ended()) {
                    g.resetInPlace();
                }
                g.stepInPlace(actions[a]);
                a = (a + 1) & (ACTION_TABLE - 1);
            }
            steps += 4096;
            now = System.nanoTime();
        } while (now < end);
        return steps * 1e9 / (now - start);
    }

    /**
     * Steps a batch of {@code copies} for about {@code nanos}, observations written.
     *
     * @return steps per second, counting one step per copy
     */
    public static double batched(Variant variant, int copies, GridworldBatch.Encoding encoding, long nanos) {
        GridworldBatch batch = new GridworldBatch(variant, copies, 1, encoding);
        int[] table = actionTable(batch.actionCount, 2);
        int[] actions = new int[copies];
        long steps = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long now;
        int a = 0;
        do {
            for (int rep = 0; rep < 16; rep++) {
                // A window of the table as this step's actions: different per step, no drawing cost.
                System.arraycopy(table, a, actions, 0, copies);
                a = (a + 7919) & (ACTION_TABLE - 1 - copies);
                batch.step(actions);
            }
            steps += 16L * copies;
            now = System.nanoTime();
        } while (now < end);
        return steps * 1e9 / (now - start);
    }
}
