package org.alignlab.core.study;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much work a study does. Every study names the same four, so a person can ask any of them for
 * "the quick one" or "the paper's" without learning its options.
 */
public enum Budget {
    /** Seconds: enough to exercise every path, for tests. Its numbers mean nothing. */
    SMOKE,
    /** What the default {@code alignlab audit} runs: the whole audit stays under 10 minutes on two cores. */
    AUDIT,
    /** The study's own command, {@code alignlab study NAME}: minutes. */
    DEFAULT,
    /** The publication's protocol, where there is one: hours. */
    PAPER;

    /** The budget named {@code name} (any case), or an error listing the four. */
    public static Budget parse(String name) {
        for (Budget b : values()) {
            if (b.label().equalsIgnoreCase(name.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown budget '" + name + "'; the budgets are "
                + String.join(", ", Arrays.stream(values()).map(Budget::label).toList()));
    }

    /** The budget's name as a person types it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
