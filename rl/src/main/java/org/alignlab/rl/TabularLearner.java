package org.alignlab.rl;

import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Variant;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;

/**
 * Tabular temporal-difference learning on the board the agent observes (Sutton and Barto,
 * chapter 6), with epsilon-greedy behaviour:
 * <ul>
 *   <li>{@link Rule#Q_LEARNING} (off-policy): target {@code r + gamma * max_a' Q(s', a')};</li>
 *   <li>{@link Rule#SARSA} (on-policy): target {@code r + gamma * Q(s', a')} with a' the action
 *       actually taken next;</li>
 *   <li>{@link Rule#EXPECTED_SARSA} (on-policy): target {@code r + gamma * E_pi[Q(s', .)]}, or
 *       {@code Q(s', a')} when the environment overrode the next choice with a';</li>
 *   <li>{@link Rule#SAFE_SARSA}: target {@code r + gamma * Q(s', a')} with a' the action the
 *       policy chose next, whatever was executed.</li>
 * </ul>
 * The update is made for the action the environment actually executed (an interruption may
 * override the chosen one), and the on-policy rules bootstrap on what was actually executed in
 * the next state too: their update waits one step to learn it. That is plain SARSA, which learns
 * from interruptions (Orseau and Armstrong 2016: SARSA is not safely interruptible, Q-learning
 * is); safe SARSA bootstraps on the chosen action instead, their safely interruptible variant,
 * to which interruptions are invisible. Exploration the environment imposes (the whisky)
 * replaces epsilon while it lasts. Episodes cut by the step limit bootstrap on the chosen action
 * (it is never executed); terminal steps do not bootstrap. The state is a 64-bit hash of the
 * board, so the latent facts the board does not show stay hidden.
 */
public final class TabularLearner {
    /**
     * The update rule. {@code SAFE_SARSA} is SARSA bootstrapping on the action its own policy chose
     * in the next state, not the one an interruption imposed there: safely interruptible (Orseau
     * and Armstrong 2016), where SARSA is not.
     */
    public enum Rule { Q_LEARNING, SARSA, EXPECTED_SARSA, SAFE_SARSA }

    private final Rule rule;
    private final TabularConfig config;
    private final Xoshiro256PlusPlus random;
    private QTable q;

    public TabularLearner(Rule rule, TabularConfig config, long seed) {
        this.rule = rule;
        this.config = config;
        this.random = new Xoshiro256PlusPlus(SplitMix64.derive(seed, 1));
    }

    /**
     * Trains for {@code steps} environment steps on a copy of the variant seeded from {@code seed}.
     *
     * @param log receives every finished training episode
     */
    public void train(Variant variant, long steps, long seed, EpisodeLog log) {
        Gridworld env = variant.create();
        env.reset(SplitMix64.derive(seed, 2));
        q = new QTable(env.actionCount(), 1024);
        int state = q.row(env.boardHash());
        int action = choose(env, state, config.epsilon(0));
        // An on-policy update waiting for the action executed in its next state.
        boolean pending = false;
        int pendingState = 0;
        int pendingAction = 0;
        double pendingReward = 0;
        int pendingNext = 0;
        double pendingEpsilon = 0;
        for (long step = 1; step <= steps; step++) {
            env.stepInPlace(action);
            int executed = env.actualAction();
            if (pending) {
                double target = pendingReward + config.discount() * onPolicyValue(pendingNext, action, executed,
                        pendingEpsilon);
                q.add(pendingState, pendingAction, (float) (config.learningRate()
                        * (target - q.get(pendingState, pendingAction))));
                pending = false;
            }
            double reward = env.reward();
            int next = q.row(env.boardHash());
            double epsilon = epsilon(env, step);
            int nextAction = choose(env, next, epsilon);
            if (env.terminated() || env.ended() || rule == Rule.Q_LEARNING) {
                double target = reward;
                if (!env.terminated()) {
                    target += config.discount() * (rule == Rule.Q_LEARNING ? q.max(next)
                            : onPolicyValue(next, nextAction, nextAction, epsilon));
                }
                q.add(state, executed, (float) (config.learningRate() * (target - q.get(state, executed))));
            } else {
                pending = true;
                pendingState = state;
                pendingAction = executed;
                pendingReward = reward;
                pendingNext = next;
                pendingEpsilon = epsilon;
            }
            if (env.ended()) {
                log.add(env, step);
                env.resetInPlace();
                next = q.row(env.boardHash());
                // Exploration imposed in the episode that ended (the whisky) ends with it.
                nextAction = choose(env, next, epsilon(env, step));
            }
            state = next;
            action = nextAction;
        }
    }

    /**
     * The on-policy rules' value of the next state: SARSA's Q of the action executed there, safe
     * SARSA's of the action chosen there;
     * expected SARSA's expectation over epsilon-greedy, unless the environment overrode the
     * choice, when the executed action is what the policy in effect took.
     */
    private double onPolicyValue(int next, int chosen, int executed, double epsilon) {
        if (rule == Rule.SAFE_SARSA) {
            return q.get(next, chosen);
        }
        if (rule == Rule.SARSA || chosen != executed) {
            return q.get(next, executed);
        }
        return (1 - epsilon) * q.max(next) + epsilon * q.mean(next);
    }

    /**
     * Plays {@code episodes} episodes greedily (epsilon 0, except exploration the environment
     * imposes), without learning.
     */
    public void evaluate(Variant variant, int episodes, long seed, EpisodeLog log) {
        if (q == null) {
            throw new IllegalStateException("train before evaluating");
        }
        Policy greedy = env -> choose(env, q.row(env.boardHash()), 0);
        greedy.evaluate(variant, episodes, seed, log);
    }

    /** How many distinct boards the agent has seen. */
    public int statesSeen() {
        return q == null ? 0 : q.size();
    }

    private double epsilon(Gridworld env, long step) {
        double imposed = env.imposedExploration();
        return Double.isNaN(imposed) ? config.epsilon(step) : imposed;
    }

    /** Epsilon-greedy, ties among greedy actions broken uniformly at random. */
    private int choose(Gridworld env, int row, double epsilon) {
        if (epsilon > 0 && random.nextDouble() < epsilon) {
            return random.nextIndex(env.actionCount());
        }
        return q.greedy(row, random);
    }

    /**
     * Writes the learnt greedy policy (every seen state's action values) for {@link TabularPolicy}
     * to play again later.
     */
    public void writePolicy(java.io.DataOutputStream out) throws java.io.IOException {
        if (q == null) {
            throw new IllegalStateException("train before storing the policy");
        }
        q.write(out);
    }

    /** The learnt action values of the environment's current board (zeros if never seen), for inspection. */
    public float[] actionValues(Gridworld env) {
        return values(env.boardHash());
    }

    /** The learnt action values of the state with this board hash (zeros if never seen). */
    float[] values(long boardHash) {
        return q.values(q.row(boardHash));
    }
}
