package org.alignlab.rl;

import java.io.DataInputStream;
import java.io.IOException;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;

/**
 * A tabular learner's greedy policy read back from what {@link TabularLearner#writePolicy} wrote:
 * in each state the action of highest learnt value, ties (and states never seen, whose values are
 * all 0) broken uniformly at random from its own seed, as the learner breaks them.
 */
public final class TabularPolicy implements Policy {
    private final QTable q;
    private final Xoshiro256PlusPlus ties;

    private TabularPolicy(QTable q, long seed) {
        this.q = q;
        this.ties = new Xoshiro256PlusPlus(seed);
    }

    /** Reads a policy written by {@link TabularLearner#writePolicy}; ties are broken from {@code seed}. */
    public static TabularPolicy read(DataInputStream in, long seed) throws IOException {
        return new TabularPolicy(QTable.read(in), seed);
    }

    /** How many states the policy has values for. */
    public int states() {
        return q.size();
    }

    @Override
    public int act(Gridworld env) {
        return q.greedy(q.row(env.boardHash()), ties);
    }
}
