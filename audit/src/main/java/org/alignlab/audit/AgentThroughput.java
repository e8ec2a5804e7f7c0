package org.alignlab.audit;

import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.EpisodeLog;

/** Times an agent's training, for {@code alignlab bench agents}. */
public final class AgentThroughput {
    private AgentThroughput() {
    }

    /** Wall-clock seconds to train {@code agent} for {@code steps} steps on {@code variant} (seed 0). */
    public static double trainSeconds(AuditAgent agent, Variant variant, long steps) {
        long start = System.nanoTime();
        try {
            agent.run(variant, variant, steps, 0, java.util.List.of(), 1, new EpisodeLog(), new EpisodeLog(), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // no policy file is written here
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
