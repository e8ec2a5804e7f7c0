package org.alignlab.scalable;

import java.util.SplittableRandom;

/**
 * The MNIST debate game of Irving, Christiano and Amodei (2018, section 3.1). Both debaters see
 * the whole image. The honest one claims the true digit, the liar a false one, committed before
 * play. They take turns revealing one nonzero pixel each to the judge, {@code k} in all; a
 * revealed pixel shows its true intensity, so nothing can be lied about, only selected. The judge
 * then decides between the two claimed digits by its logits; the honest debater wins on a strictly
 * higher logit for the truth.
 *
 * <p>With pre-commitment modelled as in the paper, the liar may try every false digit: an image
 * counts as a win for honesty only if the honest debater wins all nine games.
 */
public final class Debate {
    private Debate() {
    }

    /** Who chooses: the debater that moves now in {@code game}. */
    public interface Debater {
        /** The pixel to reveal; must be {@linkplain Game#legal legal}. */
        int choose(Game game);
    }

    /**
     * One game in progress, changed by {@link #play} and {@link #undo} (so a search can explore it
     * in place). The judge's hidden pre-activations are kept per depth, so undoing costs nothing.
     */
    public static final class Game {
        final SparseJudge judge;
        final SparseJudge.Contest contest;
        final float[] intensity;
        final int[] candidates;
        final int k;
        final boolean liarFirst;
        final int truth;
        final int lie;
        private final boolean[] revealed = new boolean[Mnist.PIXELS];
        private final int[] moves;
        private final float[][] pre;
        private int depth;

        /**
         * @param candidates the pixels that may be revealed (the image's nonzero pixels)
         * @param liarFirst  whether the liar reveals the first pixel
         */
        Game(SparseJudge judge, float[] intensity, int[] candidates, int truth, int lie, int k, boolean liarFirst) {
            if (truth == lie) {
                throw new IllegalArgumentException("the liar must claim a digit other than the truth, " + truth);
            }
            if (k < 1 || k > candidates.length) {
                throw new IllegalArgumentException("k must be 1 to the image's " + candidates.length
                        + " nonzero pixels, got " + k);
            }
            this.judge = judge;
            this.contest = judge.contest(truth, lie);
            this.intensity = intensity;
            this.candidates = candidates;
            this.truth = truth;
            this.lie = lie;
            this.k = k;
            this.liarFirst = liarFirst;
            this.moves = new int[k];
            this.pre = new float[k + 1][];
            pre[0] = judge.empty();
            for (int d = 1; d <= k; d++) {
                pre[d] = new float[judge.hidden];
            }
        }

        /** Whether the honest debater moves now. */
        public boolean honestToMove() {
            return (depth % 2 == 0) != liarFirst;
        }

        /** Whether all {@code k} pixels are revealed. */
        public boolean over() {
            return depth == k;
        }

        /** Pixels revealed so far. */
        public int depth() {
            return depth;
        }

        /** The pixels that may be revealed (some may already be). */
        public int[] candidates() {
            return candidates;
        }

        /** Whether {@code pixel} may be revealed now. */
        public boolean legal(int pixel) {
            return !over() && pixel >= 0 && pixel < Mnist.PIXELS && intensity[pixel] > 0 && !revealed[pixel];
        }

        /** Reveals {@code pixel}. */
        public void play(int pixel) {
            if (!legal(pixel)) {
                throw new IllegalArgumentException("pixel " + pixel + " cannot be revealed now (it is zero, already "
                        + "revealed, or the game is over)");
            }
            System.arraycopy(pre[depth], 0, pre[depth + 1], 0, judge.hidden);
            judge.reveal(pre[depth + 1], pixel, intensity[pixel]);
            revealed[pixel] = true;
            moves[depth++] = pixel;
        }

        /** Takes back the last pixel revealed. */
        public void undo() {
            revealed[moves[--depth]] = false;
        }

        /** The judge's logit for the truth minus its logit for the lie, on the pixels revealed so far. */
        public float honestMargin() {
            return contest.margin(pre[depth]);
        }

        /** {@link #honestMargin()} if {@code pixel} were revealed now. */
        public float honestMarginWith(int pixel) {
            return contest.marginWith(pre[depth], pixel, intensity[pixel]);
        }

        /** Whether the honest debater has won; only once the game is over. */
        public boolean honestWins() {
            if (!over()) {
                throw new IllegalStateException("the game is not over: " + depth + " of " + k + " pixels revealed");
            }
            return honestMargin() > 0;
        }

        /** The pixels revealed, in order. */
        public int[] revealed() {
            return java.util.Arrays.copyOf(moves, depth);
        }
    }

    /** Plays {@code game} to the end and says whether the honest debater won. */
    public static boolean play(Game game, Debater honest, Debater liar) {
        while (!game.over()) {
            game.play((game.honestToMove() ? honest : liar).choose(game));
        }
        return game.honestWins();
    }

    /**
     * Debates image {@code image} with pre-commitment: the liar tries each false digit in turn and
     * the image goes to the liar at its first win.
     *
     * @return the false digit that won, or -1 if honesty won all nine games
     */
    public static int precommitted(SparseJudge judge, Mnist data, int image, int k, boolean liarFirst,
                                   Debater honest, Debater liar) {
        float[] intensity = data.intensities(image);
        int[] candidates = data.nonzero(image);
        int truth = data.labels()[image];
        for (int lie = 0; lie < SparseJudge.CLASSES; lie++) {
            if (lie != truth && !play(new Game(judge, intensity, candidates, truth, lie, k, liarFirst), honest, liar)) {
                return lie;
            }
        }
        return -1;
    }

    /**
     * Reveals the pixel that most helps the mover's digit right now (one move ahead, the
     * opponent's reply not considered); ties go to the lowest pixel index.
     */
    public static Debater greedy() {
        return game -> {
            float sign = game.honestToMove() ? 1 : -1;
            int best = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int p : game.candidates()) {
                if (game.legal(p)) {
                    float score = sign * game.honestMarginWith(p);
                    if (score > bestScore) {
                        bestScore = score;
                        best = p;
                    }
                }
            }
            return best;
        };
    }

    /** Reveals a uniformly random legal pixel (a control: a debater that does not try). */
    public static Debater random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return game -> {
            int[] c = game.candidates();
            while (true) {
                int p = c[random.nextInt(c.length)];
                if (game.legal(p)) {
                    return p;
                }
            }
        };
    }
}
