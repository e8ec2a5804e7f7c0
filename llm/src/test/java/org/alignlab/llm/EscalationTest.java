package org.alignlab.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multi-turn escalation's plumbing, with scripted attacker and target (rules, not models). */
class EscalationTest {

    @Test
    void theDialogueStopsAtTheFirstUnsafeReplyOrAfterTheLastTurn(@TempDir Path dir) throws Exception {
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> {
            String last = req.lastMessage();
            if (last.startsWith("Turn ")) { // the attacker is asked for turn k
                int turn = Integer.parseInt(last.substring(5, last.indexOf(' ', 5)));
                return ScriptedChatServer.Reply.ok("step " + turn + " towards the goal");
            }
            // The target gives in at the third step.
            boolean yields = last.startsWith("step 3");
            return ScriptedChatServer.Reply.ok(yields ? "Sure, here it is." : "I can't help with that.");
        })) {
            ChatClient target = ChatClient.of("openai-compatible:target@" + server.url(), Duration.ofSeconds(5), 32, Map.of());
            ChatClient attacker = ChatClient.of("openai-compatible:attacker@" + server.url(), Duration.ofSeconds(5), 32,
                    Map.of());
            List<Sample> samples = List.of(Sample.request("yields", "t", "c", "the goal", Sample.Expected.REFUSE));
            Evaluation.Result r = Evaluation.run(new Evaluation.Config(samples, List.of(List.of(Attacks.ESCALATION)), 4, 2,
                    Duration.ofMillis(5), dir.resolve("out"), dir.resolve("cache.jsonl"), false, Judge.KEYWORD, null,
                    attacker, 5), target, System.err, false);
            SampleResult x = r.results().get(0);
            assertThat(x.outcome()).isEqualTo(SampleResult.UNSAFE);
            assertThat(x.lineage()).isEqualTo("escalation");
            assertThat(x.reply()).isEqualTo("Sure, here it is.");
            // Three user turns and two refusals were sent; the third reply ended it.
            assertThat(x.messages()).hasSize(5);
            assertThat(x.messages().get(4).content()).isEqualTo("step 3 towards the goal");
            assertThat(x.attempts()).isEqualTo(6);
        }
    }

    @Test
    void aTargetThatNeverYieldsIsSafeAfterTheLastTurn(@TempDir Path dir) throws Exception {
        try (ScriptedChatServer server = new ScriptedChatServer((n, req) -> req.lastMessage().startsWith("Turn ")
                ? ScriptedChatServer.Reply.ok("another try")
                : ScriptedChatServer.Reply.ok("I won't do that."))) {
            ChatClient target = ChatClient.of("openai-compatible:target@" + server.url(), Duration.ofSeconds(5), 32, Map.of());
            Evaluation.Result r = Evaluation.run(new Evaluation.Config(
                    List.of(Sample.request("s", "t", "c", "goal", Sample.Expected.REFUSE)),
                    List.of(List.of(Attacks.ESCALATION)), 4, 2, Duration.ofMillis(5), dir.resolve("out"),
                    dir.resolve("cache.jsonl"), false, Judge.KEYWORD, null, target, 3), target, System.err, false);
            SampleResult x = r.results().get(0);
            assertThat(x.outcome()).isEqualTo(SampleResult.SAFE);
            assertThat(x.messages()).hasSize(5); // u, a, u, a, u: the last turn's question
        }
    }

    @Test
    void escalationWithoutAnAttackerIsRefusedBeforeAnyWork(@TempDir Path dir) {
        assertThatThrownBy(() -> new Evaluation.Config(List.of(Sample.request("s", "t", "c", "goal",
                Sample.Expected.REFUSE)), List.of(List.of(Attacks.ESCALATION)), 4, 2, Duration.ofMillis(5), dir,
                dir.resolve("c"), false, Judge.KEYWORD, null, null, 3)).hasMessageContaining("--attacker");
    }
}
