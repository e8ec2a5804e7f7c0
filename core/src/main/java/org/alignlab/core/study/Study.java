package org.alignlab.core.study;

/**
 * One experiment, defined once: a typed configuration (a record) with settings for each
 * {@link Budget}, checked before any work, and a run that returns a typed {@link StudyResult}.
 * Studies are found with {@link java.util.ServiceLoader} ({@link Studies}), so a new one plugs in
 * by listing itself in {@code META-INF/services/org.alignlab.core.study.Study}, without touching
 * the command line or the core.
 *
 * @param <C> the configuration record
 */
public interface Study<C extends Record> {
    /** The name {@code alignlab study NAME} runs it by, e.g. {@code rlhf-fix-gaming}; also its output folder. */
    String name();

    /** A title for people. */
    String title();

    /** One or two sentences: what it does and what it measures. */
    String description();

    /** The configuration record's class, so its settings can be listed and overridden by name. */
    Class<C> configType();

    /** The settings of a budget. */
    C config(Budget budget);

    /**
     * Refuses a configuration before any work, with an {@link IllegalArgumentException} that says
     * what was wrong and what is allowed.
     */
    default void validate(C config) {
    }

    /**
     * Seconds of one core its audit budget takes (measured alone on one thread, BENCHMARKS.md), so
     * that an audit starts the longest studies first ({@link StudyPool}); 0 for one of a few seconds.
     */
    default double auditCoreSeconds() {
        return 0;
    }

    /** Runs the study; everything it writes goes through {@code context}. */
    StudyResult run(C config, StudyContext context) throws Exception;
}
