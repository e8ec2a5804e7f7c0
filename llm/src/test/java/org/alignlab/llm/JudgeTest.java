package org.alignlab.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeTest {

    static final Path HARMBENCH_VAL = Path.of(System.getProperty("alignlab.shared", "../../shared"))
            .resolve("data/harmbench-classifier-val/text_behaviors_val_set.json");

    /**
     * The published judges stored in HarmBench's classifier validation set, measured against the
     * people's majority: the figures match the set's README, which computed them independently
     * in Python (cls 90.86%, kappa 0.818; advbench 67.94%, 0.369; llama_guard 67.28%, 0.304; PAIR's
     * GPT-4 judge, "[[10]]" as harmful, 88.04%, 0.758; gpt-3.5 "yes" as harmful, 67.77%, 0.312).
     */
    @Test
    void publishedJudgesMatchTheSetsOwnFigures() throws Exception {
        LabelledReplies set = LabelledReplies.readHarmBench(HARMBENCH_VAL);
        assertThat(set.items()).hasSize(602);
        assertThat(set.items().stream().filter(LabelledReplies.Item::harmful).count()).isEqualTo(273);
        assertThat(set.publishedJudges()).hasSize(11);
        Map<String, JudgeValidation> byName = new java.util.HashMap<>();
        JudgeValidation.published(set).forEach(v -> byName.put(v.judge(), v));
        double[][] expected = {{90.86, 0.818}, {67.94, 0.369}, {67.28, 0.304}, {88.04, 0.758}, {67.77, 0.312}};
        String[] names = {"cls", "advbench", "llama_guard", "PAIR_gpt-4-0613", "gpt-3.5-turbo-0613"};
        for (int i = 0; i < names.length; i++) {
            JudgeValidation v = byName.get(names[i]);
            assertThat(100 * v.agreement().agreement().estimate()).as(names[i]).isCloseTo(expected[i][0], within(0.005));
            assertThat(v.agreement().kappa()).as(names[i]).isCloseTo(expected[i][1], within(0.0005));
            assertThat(v.agreement().items()).isEqualTo(602);
            assertThat(v.agreement().kappaLow()).isLessThan(v.agreement().kappa());
        }
    }

    /**
     * The keyword judge on the same items, against the people's majority. Its agreement (68.4%,
     * kappa 0.40) was measured independently in review by sending the 602 replies through
     * alignlab eval; here it is the judge applied to each reply directly.
     */
    @Test
    void theKeywordJudgesAgreementWithPeople() throws Exception {
        LabelledReplies set = LabelledReplies.readHarmBench(HARMBENCH_VAL);
        JudgeValidation v = JudgeValidation.of("keyword", Judge.KEYWORD.version(), set,
                item -> Judge.KEYWORD.verdict(item.prompt(), item.reply(), ""));
        assertThat(v.agreement().agreement().successes()).isEqualTo(412);
        assertThat(v.agreement().kappa()).isCloseTo(0.40, within(0.01));
        assertThat(v.undecided()).isZero();
        // Its measured error is small enough to correct with where the observed rate is possible under it...
        assertThat(v.correct(org.alignlab.core.ProportionInterval.wilson(50, 60)).reliable()).isTrue();
        // ...but it calls 54% of harmless replies harmful: an observed 33% cannot be corrected with it.
        assertThat(v.correct(org.alignlab.core.ProportionInterval.wilson(20, 60)).format()).contains("does not transfer");
    }

    /**
     * The embedding judge on the same items (measured with `alignlab judge validate`, 2026-12-01): 413 of 602 agree,
     * kappa 0.39, sensitivity 230/273, specificity 183/329. Two designs were measured on this set and this, the
     * second, kept (the first, without the keyword list, had kappa 0.25): a choice among two made on it, disclosed.
     */
    @Test
    void theEmbeddingJudgesAgreementWithPeople() throws Exception {
        LabelledReplies set = LabelledReplies.readHarmBench(HARMBENCH_VAL);
        Judge embedding = Judge.embedding(RefusalClassifier.train());
        JudgeValidation v = JudgeValidation.of("embedding", embedding.version(), set,
                item -> embedding.verdict(item.prompt(), item.reply(), ""));
        assertThat(v.agreement().agreement().successes()).isEqualTo(413);
        assertThat(v.agreement().sensitivity().successes()).isEqualTo(230);
        assertThat(v.agreement().specificity().successes()).isEqualTo(183);
    }

    @Test
    void aStoredValidationIsReadBackForTheSameJudgeVersionOnly(@TempDir Path dir) throws Exception {
        LabelledReplies set = LabelledReplies.readHarmBench(HARMBENCH_VAL);
        JudgeValidation v = JudgeValidation.of("keyword", Judge.KEYWORD.version(), set,
                item -> Judge.KEYWORD.verdict(item.prompt(), item.reply(), ""));
        v.save(dir);
        JudgeValidation back = JudgeValidation.load(dir, Judge.KEYWORD);
        assertThat(back).isEqualTo(v);
        // The same name with other behaviour (another phrase list) finds no validation to use.
        JudgeValidation other = new JudgeValidation("keyword", "keywords-other", v.dataset(), v.datasetSha256(), 0,
                v.agreement());
        other.save(dir);
        assertThat(JudgeValidation.load(dir, Judge.KEYWORD)).isNull();
        assertThat(JudgeValidation.load(dir.resolve("none"), Judge.KEYWORD)).isNull();
    }

    @Test
    void aFileInAnotherFormatOrWithOneClassIsAClearError(@TempDir Path dir) throws Exception {
        Path notJson = dir.resolve("a.json");
        java.nio.file.Files.writeString(notJson, "behaviour,reply\nx,y\n");
        assertThatThrownBy(() -> LabelledReplies.readHarmBench(notJson)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not JSON").hasMessageContaining("text_behaviors_val_set.json");
        Path noLabels = dir.resolve("b.json");
        java.nio.file.Files.writeString(noLabels, "{\"b\": [{\"test_case\": \"t\", \"generation\": \"g\"}]}");
        assertThatThrownBy(() -> LabelledReplies.readHarmBench(noLabels)).hasMessageContaining("human_0");
        Path oneClass = dir.resolve("c.json");
        java.nio.file.Files.writeString(oneClass, "{\"b\": [{\"test_case\": \"t\", \"generation\": \"g\", "
                + "\"human_0\": 0, \"human_1\": 0, \"human_2\": 1}]}");
        assertThatThrownBy(() -> LabelledReplies.readHarmBench(oneClass)).hasMessageContaining("both kinds");
    }

    @Test
    void aModelJudgesVerdictLineIsRead() {
        Judge j = Judge.model("openai-compatible:judge@http://127.0.0.1:9/v1");
        assertThat(j.verdict("p", "r", "It gives the steps.\nVERDICT: UNSAFE")).isTrue();
        assertThat(j.verdict("p", "r", "It refuses.\nverdict: safe")).isFalse();
        assertThat(j.verdict("p", "r", "I am not sure.")).isNull();
        assertThat(j.request("the request", "the reply").get(0).content()).contains("VERDICT: UNSAFE");
    }

    /** A scripted judge (a rule standing in for a judge model, to test the plumbing). */
    @Test
    void aModelJudgeDecidesTheOutcomesAndIsValidatedFirst(@TempDir Path dir) throws Exception {
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> {
            String last = req.lastMessage();
            if (last.startsWith("REQUEST:")) {
                String response = last.substring(last.indexOf("RESPONSE:"));
                if (response.contains("MUMBLE")) {
                    return ScriptedChatServer.Reply.ok("hmm");
                }
                boolean unsafe = response.contains("Sure") || response.contains("[");
                return ScriptedChatServer.Reply.ok("Reason.\nVERDICT: " + (unsafe ? "UNSAFE" : "SAFE"));
            }
            if (last.contains("MUMBLE")) {
                return ScriptedChatServer.Reply.ok("MUMBLE");
            }
            return ScriptedChatServer.Reply.ok(last.contains("tell") ? "Sure, here it is." : "No way.");
        })) {
            ChatClient model = ChatClient.of("openai-compatible:target@" + server.url(), Duration.ofSeconds(5), 64,
                    Map.of());
            ChatClient judge = ChatClient.of("openai-compatible:judge@" + server.url(), Duration.ofSeconds(5), 64,
                    Map.of());
            List<Sample> samples = new ArrayList<>();
            samples.add(Sample.request("a", "t", "c", "please tell me", Sample.Expected.REFUSE));
            samples.add(Sample.request("b", "t", "c", "please explain", Sample.Expected.REFUSE));
            samples.add(Sample.request("m", "t", "c", "MUMBLE", Sample.Expected.REFUSE));
            Evaluation.Result r = Evaluation.run(new Evaluation.Config(samples, List.of(List.of()), 4, 2,
                    Duration.ofMillis(5), dir.resolve("out"), dir.resolve("cache.jsonl"), false,
                    Judge.model(judge.spec()), judge, null, 1), model, System.err, false);
            Map<String, SampleResult> byId = new java.util.HashMap<>();
            r.results().forEach(x -> byId.put(x.sampleId(), x));
            // "No way." opens with no refusal phrase: the keyword baseline would call it unsafe; the judge does not.
            assertThat(byId.get("b").outcome()).isEqualTo(SampleResult.SAFE);
            assertThat(byId.get("b").refused()).isFalse();
            assertThat(byId.get("a").outcome()).isEqualTo(SampleResult.UNSAFE);
            assertThat(byId.get("m").outcome()).isEqualTo(SampleResult.UNSCORABLE);
            assertThat(byId.get("m").reason()).contains("no VERDICT line");
            assertThat(r.results()).allMatch(x -> x.judge().equals(judge.spec()));
            // Validation asks the judge about every labelled reply, with the evaluation's cache and retries.
            LabelledReplies set = LabelledReplies.readHarmBench(HARMBENCH_VAL);
            List<LabelledReplies.Item> items = new ArrayList<>();
            items.addAll(set.items().stream().filter(LabelledReplies.Item::harmful).limit(10).toList());
            items.addAll(set.items().stream().filter(i -> !i.harmful()).limit(10).toList());
            LabelledReplies few = new LabelledReplies(set.name(), set.sha256(), items, set.publishedJudges());
            JudgeValidation v = Evaluation.validate(Judge.model(judge.spec()), judge, few, 4, 2,
                    dir.resolve("cache.jsonl"), System.err, false);
            assertThat(v.judge()).isEqualTo(judge.spec());
            assertThat(v.agreement().items() + v.undecided()).isEqualTo(20);
        }
        // A judge that answers without a verdict on most items is not validated on the few it decided.
        try (ScriptedChatServer mumbler = new ScriptedChatServer((n, req) -> ScriptedChatServer.Reply.ok("hmm"))) {
            ChatClient judge = ChatClient.of("openai-compatible:mumbler@" + mumbler.url(), Duration.ofSeconds(5), 64,
                    Map.of());
            LabelledReplies set = LabelledReplies.readHarmBench(HARMBENCH_VAL);
            assertThatThrownBy(() -> Evaluation.validate(Judge.model(judge.spec()), judge, set, 8, 2,
                    dir.resolve("cache2.jsonl"), System.err, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no readable verdict on 602 of 602").hasMessageContaining("nothing was stored");
        }
    }
}
