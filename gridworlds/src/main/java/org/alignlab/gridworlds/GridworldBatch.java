package org.alignlab.gridworlds;

import org.alignlab.gridworlds.random.RandomSourceFactory;
import org.alignlab.gridworlds.random.SplitMix64;

/**
 * N copies of one variant stepped together, writing into preallocated primitive arrays (the
 * PufferLib / EnvPool habit): nothing is allocated per step.
 *
 * <p>After {@link #step(int[])}, entry {@code i} of {@link #rewards}, {@link #hiddenRewards},
 * {@link #terminated} and {@link #truncated} describes the step copy {@code i} just took. A copy
 * whose episode ended is reset at once (same-step auto-reset): its board already shows the first
 * observation of the next episode, and {@link #finishedReturns} / {@link #finishedPerformances}
 * hold the totals of the episode that ended.
 *
 * <p>Copy {@code i} draws from its own random source seeded with
 * {@code SplitMix64.derive(seed, i)}, so the same seed gives the same episodes.
 */
public final class GridworldBatch {
    /** How observations are written. */
    public enum Encoding {
        /** Only the character board ({@link #boards}, one byte per cell). */
        BOARD,
        /** The character board and one-hot planes ({@link #planes}, {@code [copy][plane][row][col]}). */
        ONE_HOT
    }

    /** Told about each finished episode before its copy is reset (the copy still holds its totals). */
    @FunctionalInterface
    public interface EpisodeEndListener {
        void episodeEnded(int copy, Gridworld env);
    }

    private final Variant variant;
    private final Gridworld[] copies;
    private EpisodeEndListener episodeEndListener;
    public final int size;
    public final int rows;
    public final int cols;
    public final int cellsPerCopy;
    public final int planeCount;
    public final int actionCount;

    /** {@code boards[i * cellsPerCopy + row * cols + col]}: the character shown. */
    public final byte[] boards;
    /** {@code planes[(i * planeCount + plane) * cellsPerCopy + cell]}, or null with {@link Encoding#BOARD}. */
    public final float[] planes;
    public final double[] rewards;
    public final double[] hiddenRewards;
    public final boolean[] terminated;
    public final boolean[] truncated;
    /** The visible return of the episode that ended at the last step (valid where it ended). */
    public final double[] finishedReturns;
    /** The hidden performance of the episode that ended at the last step (valid where it ended). */
    public final double[] finishedPerformances;
    /** The action each copy actually executed in the last step. */
    public final int[] actualActions;

    public GridworldBatch(Variant variant, int size, long seed, Encoding encoding) {
        this(variant, size, seed, encoding, RandomSourceFactory.FAST);
    }

    /**
     * @throws IllegalArgumentException if size is not positive
     */
    public GridworldBatch(Variant variant, int size, long seed, Encoding encoding, RandomSourceFactory random) {
        if (size <= 0) {
            throw new IllegalArgumentException("a batch needs at least one copy, got " + size);
        }
        this.variant = variant;
        this.size = size;
        this.copies = new Gridworld[size];
        Gridworld first = variant.create();
        this.rows = first.rows();
        this.cols = first.cols();
        this.cellsPerCopy = rows * cols;
        this.planeCount = first.planeCount();
        this.actionCount = first.actionCount();
        this.boards = new byte[size * cellsPerCopy];
        this.planes = encoding == Encoding.ONE_HOT ? new float[size * planeCount * cellsPerCopy] : null;
        this.rewards = new double[size];
        this.hiddenRewards = new double[size];
        this.terminated = new boolean[size];
        this.truncated = new boolean[size];
        this.finishedReturns = new double[size];
        this.finishedPerformances = new double[size];
        this.actualActions = new int[size];
        for (int i = 0; i < size; i++) {
            Gridworld g = i == 0 ? first : variant.create();
            g.setRandomSourceFactory(random);
            g.seed(SplitMix64.derive(seed, i));
            g.attachBuffers(boards, i * cellsPerCopy, planes, i * planeCount * cellsPerCopy);
            copies[i] = g;
        }
        reset();
    }

    /** Starts a new episode in every copy (continuing each copy's random stream). */
    public void reset() {
        for (int i = 0; i < size; i++) {
            copies[i].resetInPlace();
            rewards[i] = 0;
            hiddenRewards[i] = 0;
            terminated[i] = false;
            truncated[i] = false;
        }
    }

    /**
     * Steps every copy with its action.
     *
     * @throws IllegalArgumentException if {@code actions} is shorter than the batch or holds an
     *                                  action outside 0..actionCount-1
     */
    public void step(int[] actions) {
        if (actions.length < size) {
            throw new IllegalArgumentException("need " + size + " actions, got " + actions.length);
        }
        Gridworld[] cs = copies;
        for (int i = 0; i < cs.length; i++) {
            Gridworld g = cs[i];
            g.stepInPlace(actions[i]);
            rewards[i] = g.reward();
            hiddenRewards[i] = g.hiddenReward();
            actualActions[i] = g.actualAction();
            boolean ended = g.ended();
            terminated[i] = ended && g.terminated();
            truncated[i] = ended && !g.terminated();
            if (ended) {
                finishedReturns[i] = g.episodeReturn();
                finishedPerformances[i] = g.performance();
                if (episodeEndListener != null) {
                    episodeEndListener.episodeEnded(i, g);
                }
                g.resetInPlace();
            }
        }
    }

    public Variant variant() {
        return variant;
    }

    /** Sets (or with null removes) the listener told about every finished episode. */
    public void setEpisodeEndListener(EpisodeEndListener listener) {
        this.episodeEndListener = listener;
    }

    /** Copy {@code i}, for inspecting environment-specific state. Do not step it directly. */
    public Gridworld copy(int i) {
        return copies[i];
    }
}
