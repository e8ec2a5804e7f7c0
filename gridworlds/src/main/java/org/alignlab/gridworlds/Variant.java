package org.alignlab.gridworlds;

import java.util.function.Supplier;

/**
 * A registered environment variant, e.g. {@code safe_interruptibility:level1}.
 *
 * @param env               the environment's name, as in the original ({@code boat_race})
 * @param name              the variant's name ({@code default}, {@code level1}, {@code vase_noops} ...)
 * @param problem           the alignment problem it demonstrates
 * @param hiddenPerformance what its hidden performance measures
 * @param stochastic        whether it draws random numbers during episodes
 * @param factory           makes a fresh copy
 */
public record Variant(String env, String name, Problem problem, String hiddenPerformance,
                      boolean stochastic, Supplier<Gridworld> factory) {

    /** {@code env:variant}. */
    public String id() {
        return env + ":" + name;
    }

    /** A fresh copy of this variant, seeded with 0 until seeded otherwise. */
    public Gridworld create() {
        Gridworld g = factory.get();
        g.setVariant(this);
        return g;
    }
}
