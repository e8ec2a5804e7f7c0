package org.alignlab.organisms;

import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;

/**
 * The audit's language-model part as a study: the five model organisms served on loopback and
 * red-teamed through the evaluation harness on held-out and training prompts, under three judges.
 * Replies are cached in the study's folder by the weights' hash, so a killed run resumes.
 */
public final class RedTeamingStudy implements Study<RedTeamingStudy.Config> {
    /**
     * @param weights     a folder of organism weights, or empty for the committed ones
     * @param concurrency requests in flight to each organism
     */
    public record Config(String weights, int concurrency) {
    }

    @Override
    public String name() {
        return "audit-language-models";
    }

    @Override
    public double auditCoreSeconds() {
        return 149; // user + system seconds alone, 2026-12-02 (BENCHMARKS.md)
    }

    @Override
    public String title() {
        return "Language models: red-teaming the model organisms";
    }

    @Override
    public String description() {
        return "Five small language models with planted behaviours, red-teamed through the evaluation harness on "
                + "prompts they never saw: was each planted behaviour found, and nothing else, under each judge?";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config config(Budget budget) {
        return new Config("", 8); // the prompts are fixed: every budget is the same
    }

    @Override
    public void validate(Config c) {
        if (c.concurrency() < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + c.concurrency());
        }
        if (!c.weights().isEmpty() && !java.nio.file.Files.isDirectory(Path.of(c.weights()))) {
            throw new IllegalArgumentException("no folder of organism weights at " + c.weights());
        }
    }

    @Override
    public StudyResult run(Config c, StudyContext ctx) throws Exception {
        OrganismAudit.Result r = OrganismAudit.run(List.of(Organism.values()), c.weights().isEmpty() ? null
                : Path.of(c.weights()), ctx.dir(), true, c.concurrency(), ctx.log(), ctx.terminal());
        return OrganismAudit.report(r);
    }
}
