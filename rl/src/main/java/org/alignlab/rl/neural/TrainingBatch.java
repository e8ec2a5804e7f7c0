package org.alignlab.rl.neural;

import org.alignlab.gridworlds.GridworldBatch;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.rl.EpisodeLog;

/** The batch of environment copies every neural agent trains on. */
final class TrainingBatch {
    private TrainingBatch() {
    }

    /**
     * Copies of {@code variant} writing one-hot planes, seeded from the run's seed, each finished
     * episode logged with the training step in {@code step[0]} at the time it ended.
     */
    static GridworldBatch create(Variant variant, int copies, long seed, EpisodeLog log, long[] step) {
        GridworldBatch batch = new GridworldBatch(variant, copies, SplitMix64.derive(seed, 2),
                GridworldBatch.Encoding.ONE_HOT);
        batch.setEpisodeEndListener((copy, env) -> log.add(env, step[0]));
        return batch;
    }
}
