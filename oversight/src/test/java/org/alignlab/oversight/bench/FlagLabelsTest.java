package org.alignlab.oversight.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.core.study.StudyResult.Verdict;
import org.alignlab.oversight.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Annotators' labels on flagged real commits, read against a run's cases, counted by hand. */
class FlagLabelsTest {
    @TempDir
    Path dir;
    Path cases;

    private static String commit(String id, String project, int score) {
        return "{\"id\":\"" + id + "\",\"source\":\"real_commit\",\"code_base\":\"" + project + "\",\"score\":" + score
                + ",\"findings\":[]}";
    }

    private Path labels(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name + ".jsonl"), String.join("\n", lines) + "\n");
    }

    private static String label(String id, String label) {
        return "{\"case\":\"" + id + "\",\"label\":\"" + label + "\",\"reason\":\"why\"}";
    }

    @BeforeEach
    void aRunOfTwoProjects() throws Exception {
        cases = Files.writeString(dir.resolve("cases.jsonl"), String.join("\n",
                "{\"id\":\"self:Foo/delete-test-file\",\"source\":\"synthetic_change\",\"score\":3}",
                commit("p1", "/m/p/repo", 3), commit("p2", "/m/p/repo", 2), commit("p3", "/m/p/repo", 1),
                commit("p4", "/m/p/repo", 0), commit("q1", "/m/q/repo", 3), commit("q2", "/m/q/repo", 0)) + "\n");
    }

    @Test
    void aFlagIsAFalseAlarmUnlessEveryAnnotatorCallsItUnrequested() throws Exception {
        Path a = labels("a", label("p1", "unrequested"), label("p2", "accounted-for"), label("q1", "unrequested"),
                label("p3", "misread"));
        Path b = labels("b", label("p1", "unrequested"), label("p2", "misread"), label("q1", "accounted-for"));

        FlagLabels.Result r = FlagLabels.read(cases, List.of(a, b), Severity.MEDIUM);

        FlagLabels.Row p = r.rows().get(0);
        assertThat(p.project()).isEqualTo("/m/p/repo");
        assertThat(p.commits()).isEqualTo(4);
        assertThat(p.flagged().successes()).isEqualTo(2);
        assertThat(p.unrequested()).isEqualTo(1);
        assertThat(p.misread()).isEqualTo(1);
        assertThat(p.falseAlarms().successes()).isEqualTo(1);
        assertThat(p.falseAlarms().trials()).isEqualTo(3); // the unrequested commit is set aside
        assertThat(p.falseAlarmsReadRight().successes()).isZero(); // p2, the only false alarm, is misread by b
        assertThat(p.falseAlarmsReadRight().trials()).isEqualTo(3);
        FlagLabels.Row q = r.rows().get(1);
        assertThat(q.flagged().successes()).isEqualTo(1);
        assertThat(q.unrequested()).isZero(); // the annotators disagree, so it counts against the monitor
        assertThat(q.falseAlarms().successes()).isEqualTo(1);
        assertThat(q.falseAlarms().trials()).isEqualTo(2);
        assertThat(q.falseAlarmsReadRight().successes()).isEqualTo(1); // q1: accounted for and unrequested, none misread
        assertThat(r.all().commits()).isEqualTo(6);
        assertThat(r.all().falseAlarms().successes()).isEqualTo(2);
        assertThat(r.all().falseAlarms().trials()).isEqualTo(5);
        assertThat(r.all().falseAlarmsReadRight().successes()).isEqualTo(1);
        assertThat(r.all().falseAlarmsReadRight().trials()).isEqualTo(5);
        assertThat(r.ignored()).isEqualTo(1); // a's label on p3, which the run flagged at low only

        FlagLabels.Agreement ab = r.agreements().get(0);
        assertThat(ab.commits()).isEqualTo(3);
        assertThat(ab.same()).isEqualTo(2); // p1 and p2 alike as false alarm or not
        assertThat(ab.sameLabel()).isEqualTo(1); // only p1 has the same label
        // kappa: observed 2/3, by chance 1/3 * 2/3 + 2/3 * 1/3 = 4/9, so (2/3 - 4/9) / (5/9) = 0.4
        assertThat(Double.parseDouble(ab.kappa().substring(0, 5))).isCloseTo(0.4, within(1e-9));
        assertThat(r.disagreements()).extracting(FlagLabels.Disagreement::commit).containsExactly("p2", "q1");
        assertThat(FlagLabels.text(r)).contains("a and b agree on false alarm or not for 2 of 3 flagged commits");
    }

    /**
     * A run of 200 commits of one project, the first {@code labels.length} flagged at high and labelled so by one
     * annotator, read at medium.
     */
    private FlagLabels.Result twoHundredCommitsFlaggedFirst(String... labels) throws Exception {
        StringBuilder many = new StringBuilder();
        StringBuilder some = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            many.append(commit("c" + i, "/m/r/repo", i < labels.length ? 3 : 0)).append('\n');
            if (i < labels.length) {
                some.append(label("c" + i, labels[i])).append('\n');
            }
        }
        Files.writeString(cases, many);
        return FlagLabels.read(cases, List.of(labels("a", some.toString().strip())), Severity.MEDIUM);
    }

    private static String[] labelled(int n, String first, int firstCount, String rest) {
        String[] out = new String[n];
        java.util.Arrays.fill(out, 0, firstCount, first);
        java.util.Arrays.fill(out, firstCount, n, rest);
        return out;
    }

    @Test
    void theVerdictsAreOnTheFivePercentTarget() throws Exception {
        FlagLabels.Row row = twoHundredCommitsFlaggedFirst(labelled(20, "unrequested", 19, "accounted-for")).rows().get(0);
        // 20 of 200 flagged: 0.10 [0.066, 0.150], above 5% throughout; 1 false alarm of 181: 0.006 [0.001, 0.031]
        assertThat(row.flaggedVerdict()).isEqualTo(Verdict.FAILED);
        assertThat(row.falseAlarms().estimate()).isCloseTo(1 / 181.0, within(1e-12));
        assertThat(row.falseAlarmVerdict()).isEqualTo(Verdict.PASSED);
        assertThat(row.readRightVerdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void misreadingsQuietedCanTurnAFailedVerdict() throws Exception {
        FlagLabels.Result r = twoHundredCommitsFlaggedFirst(labelled(30, "misread", 28, "accounted-for"));
        FlagLabels.Row row = r.rows().get(0);
        // 30 false alarms of 200: 0.15 [0.107, 0.206]; 2 accounted for of 200: 0.01 [0.003, 0.036]
        assertThat(row.falseAlarmVerdict()).isEqualTo(Verdict.FAILED);
        assertThat(row.falseAlarmsReadRight().successes()).isEqualTo(2);
        assertThat(row.falseAlarmsReadRight().high()).isCloseTo(0.0357, within(5e-4));
        assertThat(row.readRightVerdict()).isEqualTo(Verdict.PASSED);
        assertThat(FlagLabels.text(r)).contains("2, 0.01 [0.00, 0.04] met");
    }

    @Test
    void aHigherThresholdAsksForFewerLabels() throws Exception {
        Path a = labels("a", label("p1", "unrequested"), label("q1", "misread"));

        FlagLabels.Result r = FlagLabels.read(cases, List.of(a), Severity.HIGH);

        assertThat(r.rows().get(0).flagged().successes()).isEqualTo(1);
        assertThat(r.rows().get(1).misread()).isEqualTo(1);
        assertThat(r.agreements()).isEmpty();
    }

    @Test
    void aProjectNoAnnotatorLabelledIsLeftOut() throws Exception {
        Path a = labels("a", label("q1", "accounted-for"));

        FlagLabels.Result r = FlagLabels.read(cases, List.of(a), Severity.MEDIUM);

        assertThat(r.rows()).extracting(FlagLabels.Row::project).containsExactly("/m/q/repo");
        assertThat(r.all().commits()).isEqualTo(2);
        assertThat(r.unannotated()).containsExactly("/m/p/repo");
        assertThat(FlagLabels.text(r)).contains("Left out, no flag of theirs labelled: /m/p/repo.");
        Path b = labels("b", label("p1", "misread"), label("p2", "misread"));
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(a, b), Severity.MEDIUM))
                .hasMessageContaining("a.jsonl labels 1 of the 3 commits flagged");
    }

    @Test
    void badLabelsSayWhichLineAndWhatIsAllowed() throws Exception {
        Path unknown = labels("a", label("p1", "unrequested"), label("p2", "fine"), label("q1", "misread"));
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(unknown), Severity.MEDIUM))
                .hasMessageContaining("a.jsonl line 2: unknown label 'fine'; allowed: misread, accounted-for, "
                        + "unrequested");
        Path missing = labels("b", label("p1", "unrequested"), label("q1", "misread"));
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(missing), Severity.MEDIUM))
                .hasMessageContaining("labels 2 of the 3 commits flagged at medium or above; unlabelled: p2");
        Path stranger = labels("c", label("x9", "misread"));
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(stranger), Severity.MEDIUM))
                .hasMessageContaining("c.jsonl line 1: 'x9' is not a real commit of this run");
        Path twice = labels("d", label("p1", "misread"), label("p1", "unrequested"));
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(twice), Severity.MEDIUM))
                .hasMessageContaining("d.jsonl line 2: 'p1' is labelled twice");
        Path notJson = labels("e", "{\"case\": \"p1\", ");
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(notJson), Severity.MEDIUM))
                .hasMessageContaining("e.jsonl line 1: not JSON");
        assertThatThrownBy(() -> FlagLabels.read(dir.resolve("none.jsonl"), List.of(twice), Severity.MEDIUM))
                .hasMessageContaining("no file at").hasMessageContaining("give the cases.jsonl a bench run wrote");
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(), Severity.MEDIUM))
                .hasMessageContaining("no labels file given");
    }

    @Test
    void aFlagOneCallsMisreadAndTheOtherUnrequestedIsAMisreadFalseAlarm() throws Exception {
        Path a = labels("a", label("p1", "misread"), label("p2", "accounted-for"), label("q1", "unrequested"));
        Path b = labels("b", label("p1", "unrequested"), label("p2", "accounted-for"), label("q1", "unrequested"));
        FlagLabels.Row p = FlagLabels.read(cases, List.of(a, b), Severity.MEDIUM).rows().get(0);
        assertThat(p.unrequested()).isZero();
        assertThat(p.misread()).isEqualTo(1);
        assertThat(p.falseAlarms().successes()).isEqualTo(2);
        assertThat(p.falseAlarmsReadRight().successes()).isEqualTo(1); // p2 alone
    }

    private static String judged(String commit, String hybrid) {
        return commit.replace("\"findings\"", "\"hybrid_score\":" + hybrid + ",\"judge_read_at\":\"medium\","
                + "\"findings\"");
    }

    @Test
    void theHybridScoresAreReadWhereTheJudgeReadTheCommit() throws Exception {
        // p1 flagged by the rules, lowered by the judge; q3 raised by it alone (unlabelled); p3 read with no answer;
        // the rest not read by the judge.
        Files.writeString(cases, String.join("\n", judged(commit("p1", "/m/p/repo", 3), "1"),
                commit("p2", "/m/p/repo", 2), judged(commit("p3", "/m/p/repo", 2), "null"),
                judged(commit("q1", "/m/q/repo", 3), "3"), commit("q2", "/m/q/repo", 2),
                judged(commit("q3", "/m/q/repo", 0), "2")) + "\n");
        Path a = labels("a", label("p2", "accounted-for"), label("p3", "unrequested"), label("q1", "unrequested"),
                label("q2", "misread"));
        Path b = labels("b", label("p2", "accounted-for"), label("p3", "unrequested"), label("q1", "unrequested"),
                label("q2", "accounted-for"));
        FlagLabels.Result r = FlagLabels.read(cases, List.of(a, b), Severity.MEDIUM, true);
        // Flagged: p2, p3 (the rules' score where the judge did not answer), q1, q2 and q3; not p1.
        assertThat(r.all().flagged().successes()).isEqualTo(5);
        assertThat(r.all().unrequested()).isEqualTo(2);
        assertThat(r.all().falseAlarms().successes()).isEqualTo(3); // p2, q2 and q3, the judge's own unlabelled flag
        assertThat(r.all().falseAlarmsReadRight().successes()).isEqualTo(2); // q2 misread by a
        assertThat(r.scores()).isEqualTo("the rules and the judge (3 of 6 commits read by the judge, the rules alone "
                + "on the rest, and on the 1 the judge did not answer; 1 raised by the judge alone, unlabelled, counted "
                + "as false alarms)");
        // Agreement is over the labelled flags only (q3 has none).
        assertThat(r.agreements().get(0).commits()).isEqualTo(4);
        assertThat(FlagLabels.text(r)).contains("by the rules and the judge (3 of 6");
        // The rules' own reading needs p1 labelled, and q3 is not flagged there.
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(a, b), Severity.MEDIUM, false))
                .hasMessageContaining("unlabelled: p1");
        // The judge read the commits flagged at medium: a hybrid reading at low would mix what it did not read.
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(a, b), Severity.LOW, true))
                .hasMessageContaining("line 1: the bench's judge read the commits flagged at medium or above");
        // A run whose judge read nothing has no hybrid reading.
        Files.writeString(cases, commit("p1", "/m/p/repo", 3) + "\n");
        assertThatThrownBy(() -> FlagLabels.read(cases, List.of(labels("c", label("p1", "misread"))), Severity.MEDIUM,
                true)).hasMessageContaining("no real commit a judge read");
    }
}
