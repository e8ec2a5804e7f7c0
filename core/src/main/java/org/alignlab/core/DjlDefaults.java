package org.alignlab.core;

/**
 * The settings every DJL network in the project runs under, applied before the engine starts
 * (unless already set on the command line): one intra-op and one inter-op thread (on two cores
 * more threads slow every step and break bit-for-bit reproducibility), and offline mode, so DJL
 * never reaches for the network.
 */
public final class DjlDefaults {
    private DjlDefaults() {
    }

    public static void apply() {
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        System.setProperty("ai.djl.offline", "true");
    }
}
