package org.alignlab.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each provider reaches a loopback server in its own wire format, and its failures are classified. */
class ProvidersTest {

    private static ScriptedChatServer echo() throws Exception {
        return new ScriptedChatServer((n, req) -> req.lastMessage().contains("RATE")
                ? ScriptedChatServer.Reply.error(429, Map.of("Retry-After", "2"))
                : ScriptedChatServer.Reply.ok("echo: " + req.lastMessage()));
    }

    @Test
    void anthropicAndOllamaAndOpenAiCompatibleAllAnswer() throws Exception {
        try (ScriptedChatServer server = echo()) {
            Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-ant-test", "OPENAI_API_KEY", "sk-test");
            for (String spec : List.of("openai-compatible:m@" + server.url(), "openai:m@" + server.url(),
                    "anthropic:m@" + server.url() + "/", "ollama:m@" + server.root())) {
                ChatClient c = ChatClient.of(spec, Duration.ofSeconds(5), 32, env);
                assertThat(c.complete(List.of(new Message("system", "be brief"), Message.user("hello"))))
                        .as(spec).isEqualTo("echo: hello");
                assertThatThrownBy(() -> c.complete(List.of(Message.user("RATE"))))
                        .as(spec).isInstanceOfSatisfying(CallFailure.class, f -> {
                            assertThat(f.kind()).isEqualTo(CallFailure.Kind.RATE_LIMITED);
                            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                        });
            }
        }
    }

    @Test
    void missingKeysAndBadUrlsAreExplained() {
        assertThatThrownBy(() -> ChatClient.of("anthropic:claude", Duration.ofSeconds(1), 8, Map.of()))
                .hasMessageContaining("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> ChatClient.of("ollama:llama3@localhost:11434", Duration.ofSeconds(1), 8, Map.of()))
                .hasMessageContaining("http://");
    }
}
