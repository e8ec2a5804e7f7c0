package org.alignlab.scalable;

/**
 * A debater that searches: Monte Carlo tree search with PUCT selection (the rule of AlphaZero;
 * Irving et al. used MCTS with PUCT, 10,000 rollouts a move). Priors come from the judge one move
 * ahead (a softmax over how much each pixel would help the mover now); a new leaf is valued by the
 * judge's present verdict, squashed to (-1, 1), and a finished game by who won. The paper rolled
 * out to the end of the game instead; here a leaf's value is the judge's view of fewer pixels than
 * it was trained on, which is cheaper but off its training distribution. Deterministic: ties are
 * broken by value, then prior, then candidate order.
 */
public final class Mcts implements Debate.Debater {
    private final int simulations;
    private final float exploration;
    private final float temperature;

    /**
     * @param simulations searches from the current position per move
     * @param exploration PUCT's constant (how much the prior and few visits count against the value)
     * @param temperature of the prior's softmax over one-move-ahead margins, in logits
     */
    public Mcts(int simulations, float exploration, float temperature) {
        if (simulations < 1 || !(exploration > 0) || !(temperature > 0)) {
            throw new IllegalArgumentException("MCTS needs at least 1 simulation and positive exploration and "
                    + "temperature; got " + simulations + ", " + exploration + ", " + temperature);
        }
        this.simulations = simulations;
        this.exploration = exploration;
        this.temperature = temperature;
    }

    /** {@code simulations} per move, exploration 1, prior temperature 1 logit. */
    public Mcts(int simulations) {
        this(simulations, 1f, 1f);
    }

    /** The statistics of one position's moves, each from the view of the debater moving there. */
    private static final class Node {
        final int[] moves;
        final float[] prior;
        final int[] visits;
        final float[] value;
        final Node[] children;
        int total;
        float valueSum;

        Node(int[] moves, float[] prior) {
            this.moves = moves;
            this.prior = prior;
            this.visits = new int[moves.length];
            this.value = new float[moves.length];
            this.children = new Node[moves.length];
        }
    }

    @Override
    public int choose(Debate.Game game) {
        Node root = expand(game);
        for (int s = 0; s < simulations; s++) {
            simulate(game, root);
        }
        // The most visited move; among equally visited ones the best valued, then the one the prior likes most (with
        // fewer simulations than moves, many are visited once or never, and the lowest pixel index would decide).
        int best = 0;
        for (int i = 1; i < root.moves.length; i++) {
            if (better(root, i, best)) {
                best = i;
            }
        }
        return root.moves[best];
    }

    private static boolean better(Node node, int i, int than) {
        if (node.visits[i] != node.visits[than]) {
            return node.visits[i] > node.visits[than];
        }
        float qi = node.visits[i] == 0 ? 0 : node.value[i] / node.visits[i];
        float qt = node.visits[than] == 0 ? 0 : node.value[than] / node.visits[than];
        return qi != qt ? qi > qt : node.prior[i] > node.prior[than];
    }

    /** One simulation below {@code node}; returns the value for the honest debater. */
    private float simulate(Debate.Game game, Node node) {
        float sign = game.honestToMove() ? 1 : -1;
        int pick = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        float root = (float) Math.sqrt(node.total + 1);
        // A move not yet tried is valued as the position's moves are on average so far (0 before any), so that a
        // losing mover does not spread its simulations over every untried move just because 0 beats its average.
        float unvisited = node.total == 0 ? 0 : node.valueSum / node.total;
        for (int i = 0; i < node.moves.length; i++) {
            float q = node.visits[i] == 0 ? unvisited : node.value[i] / node.visits[i];
            float score = q + exploration * node.prior[i] * root / (1 + node.visits[i]);
            if (score > bestScore) {
                bestScore = score;
                pick = i;
            }
        }
        game.play(node.moves[pick]);
        float honest;
        if (game.over()) {
            honest = game.honestWins() ? 1 : -1;
        } else if (node.children[pick] == null) {
            node.children[pick] = expand(game);
            honest = (float) Math.tanh(game.honestMargin() / 2);
        } else {
            honest = simulate(game, node.children[pick]);
        }
        game.undo();
        node.visits[pick]++;
        node.total++;
        node.value[pick] += sign * honest;
        node.valueSum += sign * honest;
        return honest;
    }

    /** The mover's legal moves at {@code game}, with priors from the judge one move ahead. */
    private Node expand(Debate.Game game) {
        int[] candidates = game.candidates();
        int n = 0;
        for (int p : candidates) {
            n += game.legal(p) ? 1 : 0;
        }
        int[] moves = new int[n];
        float[] prior = new float[n];
        float sign = game.honestToMove() ? 1 : -1;
        float max = Float.NEGATIVE_INFINITY;
        n = 0;
        for (int p : candidates) {
            if (game.legal(p)) {
                moves[n] = p;
                prior[n] = sign * game.honestMarginWith(p) / temperature;
                max = Math.max(max, prior[n]);
                n++;
            }
        }
        float sum = 0;
        for (int i = 0; i < n; i++) {
            prior[i] = (float) Math.exp(prior[i] - max);
            sum += prior[i];
        }
        for (int i = 0; i < n; i++) {
            prior[i] /= sum;
        }
        return new Node(moves, prior);
    }
}
