package org.alignlab.scalable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.Seeds;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.core.study.StudyResult.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmplificationStudyTest {
    private final AmplificationStudy study = new AmplificationStudy();

    @Test
    void badSettingsAreRefusedInOneMessage() {
        AmplificationStudy.Config bad = new AmplificationStudy.Config(new int[] {0, 65}, 5, new int[] {0}, 0, 1, 0.001,
                5, 70, 1.5, 5, 0, 1, new int[] {0}, 1, 0, 0);
        assertThatThrownBy(() -> study.validate(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sizes must be one or more program sizes from 1 to 64, got [0, 65]")
                .hasMessageContaining("threads must be at least 1, got 0")
                .hasMessageContaining("each be at least 10")
                .hasMessageContaining("hidden widths must be at least 1")
                .hasMessageContaining("reward size must be 1 to 64, got 70")
                .hasMessageContaining("slip (the solver's chance of a wrong step) must be above 0 and below 1, got 1.5")
                .hasMessageContaining("best-of must be one or more numbers of candidates from 1 to 4,096, got [0]")
                .hasMessageContaining("seeds must be 1 to 100");
        for (Budget b : Budget.values()) {
            study.validate(study.config(b));
        }
    }

    @Test
    void aRewardModelLearntFromTrueLabelsRanksRightWorkAboveSlippedWork() {
        SplittableRandom r = new SplittableRandom(5);
        List<StepRewardModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ProgramTrace.Problem p = ProgramTrace.random(4, r);
            int[] work = ProgramTrace.solve(p, 0.15, r);
            examples.add(new StepRewardModel.Example(p, work, work[4] == p.answer()));
        }
        StepRewardModel model = StepRewardModel.train(examples, 32, 1_500, 64, 0.01f, 1);
        int ranked = 0;
        for (int i = 0; i < 200; i++) {
            ProgramTrace.Problem p = ProgramTrace.random(4, r);
            int at = r.nextInt(4);
            int[] slip = TraceOversight.slipAt(p, at, ProgramTrace.wrong(p.values()[at + 1], r));
            ranked += model.score(p, p.values()) > model.score(p, slip) ? 1 : 0;
        }
        assertThat(ranked).isGreaterThan(180);
        assertThatThrownBy(() -> StepRewardModel.train(List.of(examples.get(0), new StepRewardModel.Example(
                ProgramTrace.random(3, r), new int[4], true)), 4, 1, 1, 0.01f, 1)).hasMessageContaining("one size");
    }

    private static AmplificationStudy.SizeResult size(int n, double judge, double direct, double decomposition,
                                                      double debate) {
        return new AmplificationStudy.SizeResult(n, 0, judge, direct, direct, direct, decomposition, decomposition,
                decomposition, debate);
    }

    /** One seed: a judge right {@code small} at 1 instruction and {@code large} at 64, the overseers at 64 as given. */
    private static AmplificationStudy.SeedResult seed(long seed, double small, double large, double decomposition,
                                                      double debate, double rewardGain) {
        List<AmplificationStudy.RewardResult> rewards = new ArrayList<>();
        for (AmplificationStudy.Oversight o : AmplificationStudy.Oversight.values()) {
            double picked = o == AmplificationStudy.Oversight.DIRECT ? 0.4 : 0.4 + rewardGain;
            rewards.add(new AmplificationStudy.RewardResult(o.label, 0.9, new double[] {0.4, picked}));
        }
        return new AmplificationStudy.SeedResult(seed, List.of(size(1, small, small, 0.99, 0.99),
                size(64, large, 0.45, decomposition, debate)), rewards, new double[] {0.4, 0.99}, 0.4);
    }

    private Verdict[] verdicts(AmplificationStudy.SeedResult... results) {
        AmplificationStudy.Config d = study.config(Budget.AUDIT);
        AmplificationStudy.Config c = new AmplificationStudy.Config(new int[] {1, 64}, d.judgeExamples(),
                d.judgeHidden(), d.judgeSteps(), d.batch(), d.learningRate(), d.testProblems(), d.rewardSize(), d.slip(),
                d.rewardAnswers(), d.rewardHidden(), d.rewardSteps(), new int[] {1, 64}, 1, results.length, 1);
        List<AmplificationStudy.SeedResult> list = List.of(results);
        StudyResult seeds = Seeds.combine(list.stream().map(r -> AmplificationStudy.reportSeed(c, r)).toList(),
                list.stream().mapToLong(AmplificationStudy.SeedResult::seed).toArray(), list, 0);
        return AmplificationStudy.report(c, list, seeds, 0).findings().stream().map(StudyResult.Finding::verdict)
                .toArray(Verdict[]::new);
    }

    @Test
    void theVerdictsFollowTheirRules() {
        // A weak judge (0.98 on one instruction, 0.52 on 64); decomposition and debate 0.3-0.4 above direct; reward
        // models from them pick 0.3 more right answers.
        assertThat(verdicts(seed(1, 0.98, 0.52, 0.8, 0.9, 0.3), seed(2, 0.97, 0.53, 0.82, 0.88, 0.32),
                seed(3, 0.99, 0.51, 0.79, 0.91, 0.29))).containsExactly(Verdict.PASSED, Verdict.REPRODUCED,
                Verdict.REPRODUCED, Verdict.NOTE, Verdict.REPRODUCED, Verdict.REPRODUCED);
        // A judge as good at 64 as at 1 breaks the premise; overseers no better than direct; reward models no gain.
        assertThat(verdicts(seed(1, 0.98, 0.9, 0.45, 0.46, 0), seed(2, 0.97, 0.9, 0.46, 0.44, 0.01),
                seed(3, 0.99, 0.9, 0.44, 0.45, -0.01))).containsExactly(Verdict.FAILED, Verdict.NOT_REPRODUCED,
                Verdict.NOT_REPRODUCED, Verdict.NOTE, Verdict.NOT_REPRODUCED, Verdict.NOT_REPRODUCED);
        // Gains whose interval reaches both below 0 and above 0.05: these seeds cannot tell, so notes.
        assertThat(verdicts(seed(1, 0.98, 0.52, 0.2, 0.2, -0.3), seed(2, 0.97, 0.53, 0.9, 0.9, 0.5),
                seed(3, 0.99, 0.51, 0.5, 0.5, 0.1))).containsExactly(Verdict.PASSED, Verdict.NOTE, Verdict.NOTE,
                Verdict.NOTE, Verdict.NOTE, Verdict.NOTE);
        // One seed: notes only.
        assertThat(verdicts(seed(1, 0.98, 0.52, 0.8, 0.9, 0.3))).containsOnly(Verdict.NOTE);
    }

    @Test
    void aSmokeRunMeasuresEveryOverseerOnHeldOutQuestionsAndResumes(@TempDir Path dir) throws Exception {
        AmplificationStudy.Config c = study.config(Budget.SMOKE);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StudyResult r;
        try (StudyContext ctx = new StudyContext(dir, new PrintStream(log), false, "{}")) {
            r = study.run(c, ctx);
        }
        assertThat(r.findings()).hasSize(6);
        assertThat(r.tables()).hasSize(2);
        assertThat(r.charts()).hasSize(1);
        @SuppressWarnings("unchecked")
        List<AmplificationStudy.SeedResult> seeds = (List<AmplificationStudy.SeedResult>) r.data();
        for (AmplificationStudy.SeedResult s : seeds) {
            AmplificationStudy.SizeResult one = s.size(1);
            // There are 120 one-instruction questions, nearly all drawn for training; at 8 instructions almost none are.
            assertThat(one.seen()).isGreaterThan(0.85);
            assertThat(s.size(8).seen()).isLessThan(0.05);
            for (AmplificationStudy.SizeResult x : s.sizes()) {
                assertThat(List.of(x.judge(), x.direct(), x.decomposition(), x.debate())).allMatch(v -> v >= 0 && v <= 1);
            }
            // The truth control labels every training answer right; shuffled, about as often as the labels agree by chance.
            assertThat(s.reward(AmplificationStudy.Oversight.TRUTH).labelsRight()).isEqualTo(1.0);
            assertThat(s.reward(AmplificationStudy.Oversight.SHUFFLED).labelsRight()).isLessThan(0.8);
            assertThat(s.anyRight()[1]).isGreaterThanOrEqualTo(s.anyRight()[0]);
        }
        // Same seed, same numbers: a second run takes every seed from the first.
        try (StudyContext ctx = new StudyContext(dir, new PrintStream(log), false, "{}")) {
            StudyResult again = study.run(c, ctx);
            assertThat(ctx.resumedSteps()).isEqualTo(c.seeds());
            assertThat(again.tables().get(0).rows()).isEqualTo(r.tables().get(0).rows());
        }
    }
}
