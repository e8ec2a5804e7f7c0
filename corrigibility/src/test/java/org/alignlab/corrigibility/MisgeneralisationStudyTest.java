package org.alignlab.corrigibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.gridworlds.CheeseMaze;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MisgeneralisationStudyTest {
    private final MisgeneralisationStudy study = new MisgeneralisationStudy();

    /** The maze of CheeseMazeTest: the mouse one step from the cheese, eight from the corner. */
    static CheeseMaze.Level handMade() {
        boolean[] walls = new boolean[16];
        walls[1] = walls[5] = walls[9] = true;
        return new CheeseMaze.Level(4, walls, 2, 3);
    }

    @Test
    void theOracleHasNoRegretAndTheCornerSeekerMissesTheCheeseOffItsPath() {
        CheeseMaze env = new CheeseMaze(4, 1);
        CheeseMaze.Level level = handMade();
        MisgeneralisationStudy.Outcome oracle = MisgeneralisationStudy.play(env, level,
                MisgeneralisationStudy.shortestPathTo(CheeseMaze.Level::cheese));
        assertThat(oracle.cheese()).isTrue();
        assertThat(oracle.steps()).isEqualTo(1);
        assertThat(MisgeneralisationStudy.regret(level, oracle, 0.99)).isZero();
        MisgeneralisationStudy.Outcome seeker = MisgeneralisationStudy.play(env, level,
                MisgeneralisationStudy.shortestPathTo(CheeseMaze.Level::corner));
        assertThat(seeker.cheese()).isFalse();
        assertThat(seeker.corner()).isTrue();
        assertThat(seeker.steps()).isEqualTo(100); // it stays in the corner until the step limit
        // Regret of missing a cheese one step away: the whole 0.99^0 = 1.
        assertThat(MisgeneralisationStudy.regret(level, seeker, 0.99)).isEqualTo(1.0);
        // A cheese reached in 3 steps where 1 would do: 1 - 0.99^2.
        assertThat(MisgeneralisationStudy.regret(level, new MisgeneralisationStudy.Outcome(true, false, 3), 0.99))
                .isCloseTo(1 - 0.9801, within(1e-12));
    }

    @Test
    void scoresAreSharesOfTheLevels() {
        List<CheeseMaze.Level> levels = MisgeneralisationStudy.testLevels(5, 200);
        assertThat(levels).allMatch(CheeseMaze.Level::distinguishing);
        assertThat(MisgeneralisationStudy.testLevels(5, 200)).extracting(CheeseMaze.Level::digest)
                .isEqualTo(levels.stream().map(CheeseMaze.Level::digest).toList());
        assertThat(levels).allMatch(CheeseMaze.Level::tellsTheGoalsApart);
        assertThat(levels.stream().map(CheeseMaze.Level::digest).distinct()).hasSize(200);
        MisgeneralisationStudy.Scores oracle = MisgeneralisationStudy.score(5, levels,
                MisgeneralisationStudy.shortestPathTo(CheeseMaze.Level::cheese), 0.99);
        assertThat(oracle.cheese()).isEqualTo(1.0);
        assertThat(oracle.regret()).isZero();
        assertThat(oracle.outcomes()).hasSize(200).matches("C+");
        // The cheese is on no shortest path to the corner: a perfect corner seeker always gets there first.
        MisgeneralisationStudy.Scores seeker = MisgeneralisationStudy.score(5, levels,
                MisgeneralisationStudy.shortestPathTo(CheeseMaze.Level::corner), 0.99);
        assertThat(seeker.corner()).isEqualTo(1.0);
        assertThat(seeker.reached()).isZero();
        MisgeneralisationStudy.Scores random = MisgeneralisationStudy.score(5, levels,
                MisgeneralisationStudy.randomWalk(1), 0.99);
        assertThat(random.cheese() + random.corner() + random.neither()).isCloseTo(1, within(1e-12));
        assertThat(random.cheese()).isBetween(0.05, 0.95);
        assertThat(random.regret()).isPositive();
        // Reached counts the cheese however it was reached; cheese counts it only without the corner first.
        assertThat(random.reached()).isGreaterThanOrEqualTo(random.cheese());
    }

    @Test
    void theBootstrapCoversSeedsAndLevels() {
        MisgeneralisationStudy.Agent same = new MisgeneralisationStudy.Agent(
                MisgeneralisationStudy.FRESH, 0, 0, 1, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0, 1, 10, "KCKCKCKCKC");
        // Identical agents: the quartiles collapse, but the levels still vary: the interval is wider than nothing.
        var s = MisgeneralisationStudy.spread(List.of(same, same, same), 'K');
        assertThat(s.median()).isEqualTo(0.5);
        assertThat(s.upperQuartile()).isEqualTo(0.5);
        assertThat(s.high() - s.low()).isGreaterThan(0.3);
        // Agents that always go to the corner: no spread at all.
        MisgeneralisationStudy.Agent always = new MisgeneralisationStudy.Agent(
                MisgeneralisationStudy.FRESH, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 10, "KKKKKKKKKK");
        var k = MisgeneralisationStudy.spread(List.of(always, always), 'K');
        assertThat(k.low()).isEqualTo(1.0);
        assertThat(k.high()).isEqualTo(1.0);
        // Agents that differ but whose levels agree: the spread comes from resampling the agents.
        MisgeneralisationStudy.Agent never = new MisgeneralisationStudy.Agent(
                MisgeneralisationStudy.FRESH, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 10, "CCCCCCCCCC");
        var mixed = MisgeneralisationStudy.spread(List.of(always, never, always, never, always), 'K');
        assertThat(mixed.median()).isEqualTo(1.0);
        assertThat(mixed.low()).isEqualTo(0.0);
        assertThat(mixed.high()).isEqualTo(1.0);
    }

    private static List<MisgeneralisationStudy.Agent> agents(String curriculum, double corner, int levels) {
        List<MisgeneralisationStudy.Agent> out = new java.util.ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            out.add(new MisgeneralisationStudy.Agent(curriculum, 0.01, seed, 1, 0, 0, 1 - corner, corner, 0, 0,
                    levels * 10, levels, 0, 1000, 10, "K"));
        }
        return out;
    }

    @Test
    void replayIsJudgedAgainstFreshLevelsAndItsControl() {
        MisgeneralisationStudy.Config c = study.config(Budget.SMOKE);
        var fresh = java.util.Map.of(0.01, agents(MisgeneralisationStudy.FRESH, 0.8, 100));
        String plain = MisgeneralisationStudy.curriculum("plain");
        // Plain replay falls 0.3 against fresh levels, and uniform replay falls as far: not shown to be the regret.
        var asFarAsUniform = MisgeneralisationStudy.replayFindings(c, plain, fresh,
                java.util.Map.of(0.01, agents(plain, 0.5, 5)),
                java.util.Map.of(0.01, agents(MisgeneralisationStudy.curriculum("uniform"), 0.5, 50)));
        assertThat(asFarAsUniform).singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(StudyResult.Verdict.NOTE);
            assertThat(f.text()).contains("go to the corner first on 0.300 [0.300, 0.300] fewer")
                    .contains("+0.000").contains("not against replay without regret");
        });
        // Beyond uniform replay too: reproduced.
        var beyond = MisgeneralisationStudy.replayFindings(c, plain, fresh,
                java.util.Map.of(0.01, agents(plain, 0.5, 5)),
                java.util.Map.of(0.01, agents(MisgeneralisationStudy.curriculum("uniform"), 0.7, 50)));
        assertThat(beyond).singleElement().extracting(StudyResult.Finding::verdict)
                .isEqualTo(StudyResult.Verdict.REPRODUCED);
        // No distinguishing level trained on: nothing to test.
        var untested = MisgeneralisationStudy.replayFindings(c, plain, fresh,
                java.util.Map.of(0.01, agents(plain, 0.5, 0)), java.util.Map.of());
        assertThat(untested).singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(StudyResult.Verdict.NOTE);
            assertThat(f.text()).contains("does not test replay");
        });
    }

    @Test
    void agentsBelowTheGateAreCountedApartWithWhereTheyWent() {
        MisgeneralisationStudy.Config c = study.config(Budget.SMOKE);
        // Two agents pass the gate (0.9), two fall short; each went to the corner on all or none of 4 test levels.
        List<MisgeneralisationStudy.Agent> group = List.of(agent(0, 0.95, "KKKK"), agent(1, 0.92, "KKKK"),
                agent(2, 0.80, "CCCC"), agent(3, 0.85, "CCCC"));
        assertThat(MisgeneralisationStudy.leftOut(c, "alpha 1", group)).get().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(StudyResult.Verdict.NOTE);
            // The median of the four shares 1, 1, 0, 0 is one half, whichever agents pass.
            assertThat(f.text()).startsWith("At alpha 1, 2 of 4 agents reach the cheese on fewer than 90% of their "
                    + "training levels (lowest 0.800) and are left out; all 4, the gate aside, go to the corner "
                    + "first on a median 0.50");
        });
        assertThat(MisgeneralisationStudy.leftOut(c, "alpha 1", group.subList(0, 2))).isEmpty();
    }

    private static MisgeneralisationStudy.Agent agent(long seed, double trainingSuccess, String outcomes) {
        double corner = outcomes.chars().filter(ch -> ch == 'K').count() / (double) outcomes.length();
        return new MisgeneralisationStudy.Agent(MisgeneralisationStudy.FRESH, 1, seed, trainingSuccess, 0, 0,
                1 - corner, corner, 0, 0, 0, 0, 0, 1000, 10, outcomes);
    }

    @Test
    void badSettingsAreRefused() {
        MisgeneralisationStudy.Config ok = study.config(Budget.SMOKE);
        study.validate(ok);
        double[] none = new double[0];
        String[] kinds = MisgeneralisationStudy.REPLAYS;
        assertThatThrownBy(() -> study.validate(new MisgeneralisationStudy.Config(5, new double[] {0, 1.5}, none, kinds,
                2, 10, 8, "perceptron", 10, 10, 0.9, 1))).hasMessageContaining("alphas must each be in [0, 1], got 1.5");
        assertThatThrownBy(() -> study.validate(new MisgeneralisationStudy.Config(5, new double[] {0}, none, kinds, 0,
                10, 8, "perceptron", 10, 10, 0.9, 1))).hasMessageContaining("seeds must be between 1 and 100, got 0");
        assertThatThrownBy(() -> study.validate(new MisgeneralisationStudy.Config(3, new double[] {0}, none, kinds, 1,
                10, 8, "perceptron", 10, 10, 0.9, 1))).hasMessageContaining("side must be 4 to 15");
        assertThatThrownBy(() -> study.validate(new MisgeneralisationStudy.Config(5, new double[] {0}, none, kinds, 1,
                10, 8, "perceptron", 10, 10, 1.2, 1))).hasMessageContaining("gate must be in [0, 1]");
        assertThatThrownBy(() -> study.validate(new MisgeneralisationStudy.Config(5, new double[] {0, 1},
                new double[] {0.01}, kinds, 1, 10, 8, "perceptron", 10, 10, 0.9, 1)))
                .hasMessageContaining("replayAlphas must each be one of alphas [0.0, 1.0]");
        assertThatThrownBy(() -> study.validate(new MisgeneralisationStudy.Config(5, new double[] {0, 1}, none,
                new String[] {"greedy"}, 1, 10, 8, "perceptron", 10, 10, 0.9, 1)))
                .hasMessageContaining("replays must each be one of robust, plain, uniform, got greedy");
        assertThatThrownBy(() -> study.validate(new MisgeneralisationStudy.Config(5, new double[] {0}, none, kinds, 1,
                10, 8, "cnn", 10, 10, 0.9, 1)))
                .hasMessageContaining("network must be one of perceptron, convolutional, got cnn");
    }

    @Test
    void thePaperBudgetReadsTheMazeThroughConvolutionsAndTheOthersThroughAPerceptron() {
        assertThat(study.config(Budget.PAPER).network()).isEqualTo("convolutional");
        assertThat(MisgeneralisationStudy.ppo(study.config(Budget.PAPER)).convolutional()).isTrue();
        for (Budget b : new Budget[] {Budget.SMOKE, Budget.AUDIT, Budget.DEFAULT}) {
            assertThat(MisgeneralisationStudy.ppo(study.config(b)).convolutional()).as(b.name()).isFalse();
        }
    }

    @Test
    void everySettingAnAgentReadsIsAmongTheInputsItIsKeptUnder() {
        // A kept agent is reused by any run that shares its inputs: a setting the agent reads but its inputs leave out
        // would let a run reuse agents trained otherwise. Each setting of the study is one or the other.
        java.util.Set<String> notRead = java.util.Set.of("alphas", "replayAlphas", "replays", "seeds", "gate",
                "threads"); // the agent gets one alpha, seed and kind (in its inputs); the gate and threads only sort
        java.util.Set<String> inputs = java.util.Arrays.stream(MisgeneralisationStudy.AgentInputs.class
                .getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).collect(
                java.util.stream.Collectors.toSet());
        assertThat(inputs).contains("alpha", "seed", "curriculum");
        for (var component : MisgeneralisationStudy.Config.class.getRecordComponents()) {
            assertThat(inputs.contains(component.getName()) || notRead.contains(component.getName()))
                    .as(component.getName()).isTrue();
        }
    }

    @Test
    void aRunOfOtherAlphasOrGateReusesTheAgentsItSharesAndOtherStepsRetrainThem(@TempDir Path dir) throws Exception {
        MisgeneralisationStudy.Config two = new MisgeneralisationStudy.Config(4, new double[] {0, 1}, new double[0],
                MisgeneralisationStudy.REPLAYS, 1, 3_000, 16, "perceptron", 20, 20, 0.9, 1);
        MisgeneralisationStudy.Config three = new MisgeneralisationStudy.Config(4, new double[] {0, 0.5, 1},
                new double[0], MisgeneralisationStudy.REPLAYS, 1, 3_000, 16, "perceptron", 20, 20, 0.5, 1);
        MisgeneralisationStudy.Config longer = new MisgeneralisationStudy.Config(4, new double[] {0, 1}, new double[0],
                MisgeneralisationStudy.REPLAYS, 1, 3_500, 16, "perceptron", 20, 20, 0.9, 1);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"run\":1}")) {
            study.run(two, ctx);
            assertThat(ctx.resumedSteps()).isZero();
        }
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"run\":2}")) {
            study.run(three, ctx);
            assertThat(ctx.resumedSteps()).isEqualTo(2); // alphas 0 and 1; alpha 0.5 trained
        }
        try (StudyContext ctx = new StudyContext(dir, quiet, false, "{\"run\":3}")) {
            study.run(longer, ctx);
            assertThat(ctx.resumedSteps()).isZero();
        }
    }

    @Test
    void theSmokeBudgetTrainsScoresAndHoldsTheTestLevelsOut(@TempDir Path dir) throws Exception {
        MisgeneralisationStudy.Config c = study.config(Budget.SMOKE);
        StudyResult r;
        try (StudyContext ctx = new StudyContext(dir, new PrintStream(PrintStream.nullOutputStream()), false, "{}")) {
            r = study.run(c, ctx);
        }
        // One row per alpha, one per alpha with level replay, and three baselines.
        assertThat(c.replayAlphas()).isNotEmpty();
        assertThat(r.tables().get(0).rows()).hasSize(c.alphas().length + c.replayAlphas().length * c.replays().length
                + 3);
        assertThat(r.findings().get(0).text()).startsWith("Baselines on the 50 test levels (6 x 6)");
        assertThat(r.findings().get(r.findings().size() - 1).text()).startsWith("Held out: 0 test levels");
        @SuppressWarnings("unchecked")
        List<MisgeneralisationStudy.Agent> agents = (List<MisgeneralisationStudy.Agent>)
                ((java.util.Map<String, Object>) r.data()).get("agents");
        int replayed = c.replayAlphas().length * c.replays().length;
        assertThat(agents).hasSize((c.alphas().length + replayed) * c.seeds());
        assertThat(agents.stream().filter(a -> !a.curriculum().equals(MisgeneralisationStudy.FRESH)))
                .hasSize(replayed * c.seeds());
        for (MisgeneralisationStudy.Agent a : agents) {
            assertThat(a.cheese() + a.corner() + a.neither()).isCloseTo(1, within(1e-9));
            assertThat(a.trainingLevels()).isPositive();
            // alpha 0 never trains on a distinguishing level; alpha 1 always does.
            if (a.alpha() == 0) {
                assertThat(a.distinguishingSeen()).isZero();
            } else {
                assertThat(a.distinguishingSeen()).isPositive();
            }
            assertThat(a.outcomes()).hasSize(c.testLevels()).matches("[CKN]+");
        }
    }
}
