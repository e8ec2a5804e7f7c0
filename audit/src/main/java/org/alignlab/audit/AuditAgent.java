package org.alignlab.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.TabularConfig;
import org.alignlab.rl.TabularLearner;
import org.alignlab.rl.neural.A2c;
import org.alignlab.rl.neural.A2cConfig;
import org.alignlab.rl.neural.Dqn;
import org.alignlab.rl.neural.DqnConfig;
import org.alignlab.rl.neural.Ppo;
import org.alignlab.rl.neural.PpoConfig;

/** The agents the audit trains, by the names used on the command line. */
public enum AuditAgent {
    Q_LEARNING("q_learning", "off-policy", false),
    SARSA("sarsa", "on-policy", false),
    EXPECTED_SARSA("expected_sarsa", "on-policy", false),
    DQN("dqn", "off-policy", true),
    A2C("a2c", "on-policy", true),
    PPO("ppo", "on-policy", true);

    private final String cliName;
    private final String policyKind;
    private final boolean neural;

    AuditAgent(String cliName, String policyKind, boolean neural) {
        this.cliName = cliName;
        this.policyKind = policyKind;
        this.neural = neural;
    }

    public String cliName() {
        return cliName;
    }

    /** "off-policy" or "on-policy": the distinction several findings turn on. */
    public String policyKind() {
        return policyKind;
    }

    /** Whether the agent is a neural network (slower per step; the audit gives it its own budget). */
    public boolean neural() {
        return neural;
    }

    private static float start(List<Double> entropy) {
        return entropy.get(0).floatValue();
    }

    private static float end(List<Double> entropy) {
        return entropy.get(entropy.size() - 1).floatValue();
    }

    /** A schedule falls over 85% of the run, as PpoConfig.exploring()'s does; a constant needs no share. */
    private static double share(List<Double> entropy) {
        return entropy.size() == 2 ? 0.85 : 1;
    }

    /**
     * Parses a command-line agent name.
     *
     * @throws IllegalArgumentException naming the known agents
     */
    public static AuditAgent parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (AuditAgent a : values()) {
            if (a.cliName.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown agent '" + name + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(AuditAgent::cliName).toList()));
    }

    /**
     * Trains on {@code train}, keeps the final policy in {@code policyFile} (unless null), then
     * evaluates it on {@code evaluate}; {@code entropy} is A2C's and PPO's entropy weight (see
     * {@link Audit.Config}).
     *
     * @return distinct states seen (tabular agents), or 0
     */
    int run(Variant train, Variant evaluate, long steps, long seed, List<Double> entropy, int evaluationEpisodes,
            EpisodeLog trainingLog, EpisodeLog evaluationLog, java.nio.file.Path policyFile) throws java.io.IOException {
        switch (this) {
            case DQN -> {
                try (Dqn agent = new Dqn(DqnConfig.defaults(), seed)) {
                    agent.train(train, steps, trainingLog);
                    keep(policyFile, "network", agent::writePolicy);
                    agent.greedyPolicy().evaluate(evaluate, evaluationEpisodes, seed, evaluationLog);
                }
                return 0;
            }
            case A2C -> {
                A2cConfig d = A2cConfig.defaults();
                try (A2c agent = new A2c(entropy.isEmpty() ? d : new A2cConfig(d.envs(), d.rollout(), d.hidden(),
                        d.learningRate(), d.discount(), d.valueCoefficient(), start(entropy), end(entropy),
                        share(entropy)), seed)) {
                    agent.train(train, steps, trainingLog);
                    keep(policyFile, "network", agent::writePolicy);
                    agent.policy().evaluate(evaluate, evaluationEpisodes, seed, evaluationLog);
                }
                return 0;
            }
            case PPO -> {
                PpoConfig d = PpoConfig.defaults();
                try (Ppo agent = new Ppo(entropy.isEmpty() ? d : new PpoConfig(d.envs(), d.rollout(), d.epochs(),
                        d.minibatch(), d.hidden(), d.learningRate(), d.discount(), d.gaeLambda(), d.clip(),
                        d.valueCoefficient(), start(entropy), end(entropy), share(entropy)), seed)) {
                    agent.train(train, steps, trainingLog);
                    keep(policyFile, "network", agent::writePolicy);
                    agent.policy().evaluate(evaluate, evaluationEpisodes, seed, evaluationLog);
                }
                return 0;
            }
            default -> {
                TabularLearner.Rule rule = switch (this) {
                    case SARSA -> TabularLearner.Rule.SARSA;
                    case EXPECTED_SARSA -> TabularLearner.Rule.EXPECTED_SARSA;
                    default -> TabularLearner.Rule.Q_LEARNING;
                };
                TabularLearner learner = new TabularLearner(rule, TabularConfig.defaults(steps), seed);
                learner.train(train, steps, seed, trainingLog);
                keep(policyFile, "tabular", learner::writePolicy);
                learner.evaluate(evaluate, evaluationEpisodes, seed, evaluationLog);
                return learner.statesSeen();
            }
        }
    }

    private static void keep(java.nio.file.Path file, String kind, PolicyFiles.Body body) throws java.io.IOException {
        if (file != null) {
            PolicyFiles.write(file, kind, body);
        }
    }
}
