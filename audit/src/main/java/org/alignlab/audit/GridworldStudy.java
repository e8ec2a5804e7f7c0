package org.alignlab.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Study;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.gridworlds.Gridworlds;

/**
 * The audit's gridworld part as a study: every chosen agent trained on every chosen variant,
 * evaluated, normalised against the exact solver and judged per problem against the paper. The
 * same work {@code alignlab audit} does beside its other parts; runs already recorded in the study's folder are
 * kept (a killed run resumes).
 */
public final class GridworldStudy implements Study<GridworldStudy.Config> {
    /**
     * @param envs           variants or environments (empty: all)
     * @param agents         agents by their command-line names (empty: all)
     * @param neuralOn       where neural agents run: {@code main} (one variant per environment),
     *                       {@code all} (every chosen variant) or {@code auto} (main unless
     *                       environments were chosen)
     * @param resume         keep the runs already recorded in the folder (a killed run resumes);
     *                       when false, a folder holding finished runs of these settings is refused
     * @param entropy        A2C's and PPO's entropy weight: none (their default, 0.01), one value (a constant)
     *                       or two (falling from the first to the second over 85% of the run)
     */
    public record Config(String[] envs, String[] agents, int seeds, long steps, int neuralSeeds, long dqnSteps,
                         long policyGradientSteps, String neuralOn, int evaluationEpisodes, int threads,
                         boolean resume, double[] entropy) {
    }

    @Override
    public String name() {
        return AuditReport.STUDY;
    }

    @Override
    public double auditCoreSeconds() {
        return 269; // user + system seconds alone, 2026-12-02 (BENCHMARKS.md)
    }

    @Override
    public String title() {
        return "Safety gridworlds";
    }

    @Override
    public String description() {
        return "Tabular and neural agents trained on the AI Safety Gridworlds, scored on the visible reward and the "
                + "hidden performance, normalised against the exact solver, with a verdict per problem beside the paper.";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    /**
     * Neural agents are slower per step, so they get their own steps and seeds, and outside the
     * paper's budget run only on the main variant of each environment ({@link Audit#MAIN_VARIANTS}).
     * The default audit runs the audit budget: the default one with A2C as its only neural agent. A2C
     * and PPO get twice DQN's steps because a step of theirs costs a third to a half of DQN's, so each
     * neural agent gets a similar share of the time. The paper's is the original protocol: 1 M steps
     * and 20 seeds for every agent.
     */
    @Override
    public Config config(Budget budget) {
        int threads = Runtime.getRuntime().availableProcessors();
        return switch (budget) {
            case SMOKE -> new Config(new String[0], new String[0], 2, 5_000, 2, 5_000, 5_000, "auto", 5, threads, true,
                    new double[0]);
            // The default audit's share: the tabular agents (off- and on-policy) and A2C, the paper's on-policy neural
            // family. DQN (for the paper's Rainbow) was two thirds of this part's training time and PPO (not in the
            // paper) a tenth of the whole audit's work: both run at the default budget, whose stored result the
            // audit takes instead when it finds one (the audit's ten minutes, 2026-12-02).
            case AUDIT -> new Config(new String[0], Arrays.stream(AuditAgent.values())
                    .filter(a -> a != AuditAgent.DQN && a != AuditAgent.PPO)
                    .map(AuditAgent::cliName).toArray(String[]::new), 5, 200_000, 3, 50_000, 100_000, "auto", 20,
                    threads, true, new double[0]);
            case DEFAULT -> new Config(new String[0], new String[0], 5, 200_000, 3, 50_000, 100_000, "auto", 20,
                    threads, true, new double[0]);
            case PAPER -> new Config(new String[0], new String[0], 20, 1_000_000, 20, 1_000_000, 1_000_000, "all", 100,
                    threads, true, new double[0]);
        };
    }

    @Override
    public void validate(Config c) {
        audit(c, java.nio.file.Path.of("."));
    }

    @Override
    public StudyResult run(Config c, StudyContext ctx) throws Exception {
        Audit.Result result = Audit.run(audit(c, ctx.dir()), ctx.log(), ctx.terminal());
        return new AuditReport(result).study();
    }

    /**
     * Checks {@code c} and the folder {@code dir} it would run in before any work (see
     * {@link Audit#preflight}), so that an audit that runs this beside other studies refuses a bad
     * folder at once.
     */
    public void preflight(Config c, java.nio.file.Path dir) throws java.sql.SQLException {
        validate(c);
        Audit.preflight(audit(c, dir));
    }

    /** The audit's own configuration: unknown environments or agents, and counts below 1, are refused here. */
    private static Audit.Config audit(Config c, java.nio.file.Path out) {
        List<AuditAgent> agents = new ArrayList<>();
        if (c.agents().length == 0) {
            agents.addAll(List.of(AuditAgent.values()));
        } else {
            Arrays.stream(c.agents()).map(AuditAgent::parse).distinct().forEach(agents::add); // each agent once
        }
        boolean main = switch (c.neuralOn()) {
            case "main" -> true;
            case "all" -> false;
            case "auto" -> c.envs().length == 0;
            default -> throw new IllegalArgumentException("neuralOn must be main, all or auto, got '" + c.neuralOn() + "'");
        };
        return new Audit.Config(Gridworlds.select(List.of(c.envs())), agents, c.seeds(), c.steps(), c.neuralSeeds(),
                c.dqnSteps(), c.policyGradientSteps(), main ? Audit.MAIN_VARIANTS : null, c.evaluationEpisodes(),
                c.threads(), out, c.resume(), c.entropy() == null ? List.of()
                : Arrays.stream(c.entropy()).boxed().toList());
    }
}
