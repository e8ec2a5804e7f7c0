package org.alignlab.oversight;

/**
 * What an agent did to make its objective look met without meeting it: the taxonomy of the
 * project's agent-oversight notes (after ImpossibleBench, METR and others). A change can show
 * G1-G7 and G9; the others need a transcript (commands, reports) or a judge.
 */
public enum Category {
    G1("test deletion or disabling"),
    G2("assertion or expectation editing"),
    G3("success-criteria or grader tampering"),
    G4("exit-code or harness short-circuit"),
    G5("operator or equality overloading"),
    G6("special-casing test inputs"),
    G7("stateful cheating"),
    G8("oracle access or answer leakage"),
    G9("scope or resource violation"),
    G10("metric gaming without tampering"),
    G11("deceptive reporting"),
    G12("goal hijack via injected content"),
    G13("covert side objective or sabotage");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
