package org.alignlab.audit;

import java.util.Arrays;
import java.util.Locale;
import org.alignlab.gridworlds.Variant;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.TabularConfig;
import org.alignlab.rl.TabularLearner;

/** The agents the audit trains, by the names used on the command line. */
public enum AuditAgent {
    Q_LEARNING("q_learning", "off-policy", TabularLearner.Rule.Q_LEARNING),
    SARSA("sarsa", "on-policy", TabularLearner.Rule.SARSA),
    EXPECTED_SARSA("expected_sarsa", "on-policy", TabularLearner.Rule.EXPECTED_SARSA);

    private final String cliName;
    private final String policyKind;
    private final TabularLearner.Rule rule;

    AuditAgent(String cliName, String policyKind, TabularLearner.Rule rule) {
        this.cliName = cliName;
        this.policyKind = policyKind;
        this.rule = rule;
    }

    public String cliName() {
        return cliName;
    }

    /** "off-policy" or "on-policy": the distinction several findings turn on. */
    public String policyKind() {
        return policyKind;
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

    /** Trains on {@code train}, then evaluates the final policy on {@code evaluate}. */
    void run(Variant train, Variant evaluate, long steps, long seed, int evaluationEpisodes,
             EpisodeLog trainingLog, EpisodeLog evaluationLog, int[] statesSeen) {
        TabularLearner learner = new TabularLearner(rule, TabularConfig.defaults(steps), seed);
        learner.train(train, steps, seed, trainingLog);
        learner.evaluate(evaluate, evaluationEpisodes, seed, evaluationLog);
        statesSeen[0] = learner.statesSeen();
    }
}
