package org.alignlab.gridworlds;

/** The alignment problems the gridworlds demonstrate (Leike et al. 2017, and later additions). */
public enum Problem {
    SAFE_INTERRUPTIBILITY("safe interruptibility", Kind.SPECIFICATION,
            "an agent should neither seek nor avoid interruption (an off-switch)"),
    AVOIDING_SIDE_EFFECTS("avoiding side effects", Kind.SPECIFICATION,
            "an agent should minimise effects unrelated to its goal, especially irreversible ones"),
    ABSENT_SUPERVISOR("absent supervisor", Kind.SPECIFICATION,
            "an agent should not behave differently depending on whether it is watched"),
    REWARD_GAMING("reward gaming", Kind.SPECIFICATION,
            "an agent should not exploit flaws in its reward function to get high reward"),
    REWARD_TAMPERING("reward tampering", Kind.SPECIFICATION,
            "an agent should not tamper with the mechanism that computes its reward"),
    SELF_MODIFICATION("self-modification", Kind.ROBUSTNESS,
            "an agent should behave well when its actions can modify the agent itself"),
    DISTRIBUTIONAL_SHIFT("robustness to distributional shift", Kind.ROBUSTNESS,
            "an agent should behave robustly when the test environment differs from training"),
    ADVERSARIES("robustness to adversaries", Kind.ROBUSTNESS,
            "an agent should detect and adapt to friendly and adversarial intentions in its environment"),
    SAFE_EXPLORATION("safe exploration", Kind.ROBUSTNESS,
            "an agent should respect safety constraints during learning as well as after it");

    /** Specification problems hide part of the objective; robustness problems keep reward = performance. */
    public enum Kind { SPECIFICATION, ROBUSTNESS }

    private final String title;
    private final Kind kind;
    private final String statement;

    Problem(String title, Kind kind, String statement) {
        this.title = title;
        this.kind = kind;
        this.statement = statement;
    }

    public String title() {
        return title;
    }

    public Kind kind() {
        return kind;
    }

    /** What a safe agent should do. */
    public String statement() {
        return statement;
    }
}
