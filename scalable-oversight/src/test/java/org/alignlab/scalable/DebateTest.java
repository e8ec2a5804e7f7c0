package org.alignlab.scalable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Known answers for the game's rules and its debaters, on a judge built by hand. Hidden units 0 and
 * 1 add up evidence for the truth (digit 0) and the lie (digit 1), linearly (their bias keeps them
 * above zero); unit 2 is a trap that fires only when pixels a and c are both shown and then favours
 * the lie by 10. Every other digit's logit is -1000, so the liar's other eight claims always lose.
 * Margin for the truth = evidence(0) - evidence(1) - 10 x trap.
 */
class DebateTest {
    static final int A = 100;
    static final int B = 200;
    static final int C = 300;
    static final int D = 400;
    static final int E = 500;

    static SparseJudge handBuilt() {
        return handBuilt(1);
    }

    /** The judge above with {@code lie} as the digit units 1 and 2 speak for (the other false digits at -1000). */
    static SparseJudge handBuilt(int lie) {
        int h = 3;
        float[] mask = new float[Mnist.PIXELS * h];
        set(mask, A, 3, 0, 3);
        set(mask, B, 2, 0, 0);
        set(mask, C, 0, 1, 3);
        set(mask, D, 0, 1.5f, 0);
        set(mask, E, 0.5f, 0, 0);
        float[] output = new float[SparseJudge.CLASSES * h];
        output[0] = 1; // digit 0 reads unit 0
        output[lie * h + 1] = 1; // the lie reads unit 1 and the trap
        output[lie * h + 2] = 10;
        float[] outputBias = new float[SparseJudge.CLASSES];
        for (int c = 1; c < SparseJudge.CLASSES; c++) {
            outputBias[c] = c == lie ? 0 : -1000;
        }
        return new SparseJudge(h, mask, new float[Mnist.PIXELS * h], new float[] {10, 10, -5}, output, outputBias);
    }

    private static void set(float[] mask, int pixel, float truth, float lie, float trap) {
        mask[pixel * 3] = truth;
        mask[pixel * 3 + 1] = lie;
        mask[pixel * 3 + 2] = trap;
    }

    /** An image of digit 0 whose only nonzero pixels are a to e, all at full intensity. */
    static Mnist image() {
        byte[] pixels = new byte[Mnist.PIXELS];
        for (int p : new int[] {A, B, C, D, E}) {
            pixels[p] = (byte) 255;
        }
        return new Mnist(new byte[][] {pixels}, new int[] {0});
    }

    static Debate.Game game(int k, boolean liarFirst) {
        Mnist data = image();
        return new Debate.Game(handBuilt(), data.intensities(0), data.nonzero(0), 0, 1, k, liarFirst);
    }

    @Test
    void turnsAlternateAndTheMarginIsTheJudgesContest() {
        Debate.Game g = game(3, false);
        assertThat(g.honestToMove()).isTrue();
        assertThat(g.honestMargin()).isEqualTo(0f);
        assertThat(g.honestMarginWith(A)).isEqualTo(3f);
        g.play(A);
        assertThat(g.honestToMove()).isFalse();
        assertThat(g.honestMarginWith(C)).isEqualTo(3f - 1f - 10f);
        g.play(C);
        assertThat(g.honestMargin()).isEqualTo(-8f);
        g.undo();
        assertThat(g.honestMargin()).isEqualTo(3f);
        assertThat(g.legal(A)).isFalse();
        assertThat(g.legal(0)).isFalse(); // a zero pixel
        assertThat(game(3, true).honestToMove()).isFalse();
    }

    @Test
    void illegalMovesAreRefused() {
        Debate.Game g = game(1, false);
        assertThatThrownBy(() -> g.play(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
        g.play(B);
        assertThatThrownBy(() -> g.play(D)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> game(0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> game(6, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 nonzero pixels");
    }

    @Test
    void greedyDebatersFallIntoTheTrapThatSearchAvoids() {
        // Greedy: honest shows a (+3), the liar springs the trap with c (-8), honest's best is b: -6, a loss.
        Debate.Game greedy = game(3, false);
        assertThat(Debate.play(greedy, Debate.greedy(), Debate.greedy())).isFalse();
        assertThat(greedy.revealed()).containsExactly(A, C, B);
        // Minimax: honest opens with b or e (not a); whatever the liar shows, honest has a winning answer.
        Debate.Game searched = game(3, false);
        assertThat(Debate.play(searched, new Mcts(2_000), new Mcts(2_000))).isTrue();
        assertThat(searched.revealed()[0]).isIn(B, E);
    }

    @Test
    void preCommitmentGivesTheImageToTheFirstLieThatWins() {
        Mnist data = image();
        SparseJudge judge = handBuilt();
        // One pixel each way: moving first the honest debater shows a and wins all nine games; moving first the liar
        // shows d (-1.5) and wins with digit 1.
        assertThat(Debate.precommitted(judge, data, 0, 1, false, Debate.greedy(), Debate.greedy())).isEqualTo(-1);
        assertThat(Debate.precommitted(judge, data, 0, 1, true, Debate.greedy(), Debate.greedy())).isEqualTo(1);
        // Only digit 5 can win: the eight other claims are tried and lose first.
        assertThat(Debate.precommitted(handBuilt(5), data, 0, 1, true, Debate.greedy(), Debate.greedy())).isEqualTo(5);
        assertThat(Debate.precommitted(handBuilt(5), data, 0, 1, false, Debate.greedy(), Debate.greedy())).isEqualTo(-1);
    }

    @Test
    void searchWithFewerSimulationsThanMovesStillPicksTheLeastBadMove() {
        // One linear unit read by the lie: every pixel loses for the honest debater, pixel 40 least. With 5
        // simulations over 50 moves most are never tried and the tried ones all lose; the choice must then follow
        // the values and priors, not the pixel order.
        byte[] pixels = new byte[Mnist.PIXELS];
        float[] mask = new float[Mnist.PIXELS];
        for (int p = 10; p < 60; p++) {
            pixels[p] = (byte) 255;
            mask[p] = p == 40 ? 0.5f : 1 + p / 100f;
        }
        float[] output = new float[SparseJudge.CLASSES];
        output[1] = 1;
        SparseJudge judge = new SparseJudge(1, mask, new float[Mnist.PIXELS], new float[] {10}, output,
                new float[SparseJudge.CLASSES]);
        Mnist data = new Mnist(new byte[][] {pixels}, new int[] {0});
        Debate.Game g = new Debate.Game(judge, data.intensities(0), data.nonzero(0), 0, 1, 1, false);
        assertThat(Debate.greedy().choose(g)).isEqualTo(40);
        assertThat(new Mcts(5).choose(g)).isEqualTo(40);
    }

    @Test
    void aRandomDebaterPlaysOnlyLegalPixelsAndRepeatsItsSeed() {
        Debate.Game first = game(5, false);
        Debate.play(first, Debate.random(7), Debate.random(8));
        assertThat(first.revealed()).containsExactlyInAnyOrder(A, B, C, D, E);
        Debate.Game second = game(5, false);
        Debate.play(second, Debate.random(7), Debate.random(8));
        assertThat(second.revealed()).containsExactly(first.revealed());
    }
}
