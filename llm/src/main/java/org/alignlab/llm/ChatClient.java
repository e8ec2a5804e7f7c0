package org.alignlab.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model endpoint named on the command line, reached through LangChain4j. Forms:
 * <ul>
 *   <li>{@code openai-compatible:NAME@URL}: any server speaking OpenAI's chat-completions API
 *       (vLLM, llama.cpp server, LM Studio, alignlab's organisms); key from
 *       {@code ALIGNLAB_API_KEY}, else {@code OPENAI_API_KEY}, else none;</li>
 *   <li>{@code openai:NAME}: OpenAI itself; key from {@code OPENAI_API_KEY}.</li>
 * </ul>
 * Keys are read from the environment and never appear in the spec, logs, reports or errors.
 * LangChain4j's own retries are off: the evaluation runner retries, so it can count and pace them.
 */
public final class ChatClient {
    /** Forms of model spec that are recognised, for error messages. */
    public static final String FORMS = "openai-compatible:NAME@URL, openai:NAME";

    private final String spec;
    private final ChatModel model;
    private final String key;

    private ChatClient(String spec, ChatModel model, String key) {
        this.spec = spec;
        this.model = model;
        this.key = key;
    }

    /**
     * Builds a client from a spec.
     *
     * @param env the environment to read keys from (System.getenv() in production)
     * @throws IllegalArgumentException for a spec of unknown form or a missing key
     */
    public static ChatClient of(String spec, Duration timeout, int maxTokens, Map<String, String> env) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("model '" + spec + "' has no provider; use one of: " + FORMS);
        }
        String provider = spec.substring(0, colon);
        String rest = spec.substring(colon + 1);
        String key;
        OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                .httpClientBuilder(StatusKeepingHttpClient.builder())
                .timeout(timeout).maxRetries(0).temperature(0.0).maxTokens(maxTokens);
        switch (provider) {
            case "openai-compatible" -> {
                int at = rest.lastIndexOf('@');
                if (at <= 0 || at == rest.length() - 1) {
                    throw new IllegalArgumentException("model '" + spec + "': expected openai-compatible:NAME@URL, "
                            + "e.g. openai-compatible:llama3@http://127.0.0.1:8000/v1");
                }
                String url = rest.substring(at + 1);
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new IllegalArgumentException("model '" + spec + "': the URL must start with http:// or https://");
                }
                key = env.getOrDefault("ALIGNLAB_API_KEY", env.getOrDefault("OPENAI_API_KEY", "none"));
                b.modelName(rest.substring(0, at)).baseUrl(url).apiKey(key);
            }
            case "openai" -> {
                key = env.get("OPENAI_API_KEY");
                if (key == null || key.isBlank()) {
                    throw new IllegalArgumentException("model '" + spec + "' needs the environment variable OPENAI_API_KEY");
                }
                b.modelName(rest).apiKey(key);
            }
            default -> throw new IllegalArgumentException("unknown model provider '" + provider + "'; use one of: " + FORMS);
        }
        return new ChatClient(spec, b.build(), key);
    }

    private String redact(String message) {
        return key == null || key.length() < 4 || message == null ? message : message.replace(key, "[key removed]");
    }

    /** The spec this client was made from: it names the model and holds no secret. */
    public String spec() {
        return spec;
    }

    /**
     * One call. Returns the reply's text.
     *
     * @throws CallFailure if the call failed, classified for the retry policy
     */
    public String complete(List<Message> conversation) {
        List<ChatMessage> messages = new ArrayList<>();
        for (Message m : conversation) {
            messages.add(switch (m.role()) {
                case "system" -> SystemMessage.from(m.content());
                case "assistant" -> AiMessage.from(m.content());
                default -> UserMessage.from(m.content());
            });
        }
        try {
            AiMessage reply = model.chat(ChatRequest.builder().messages(messages).build()).aiMessage();
            return reply.text() == null ? "" : reply.text();
        } catch (RuntimeException e) {
            CallFailure f = CallFailure.find(e);
            if (f == null) {
                f = new CallFailure(CallFailure.Kind.BAD_REPLY, 0, null, "unusable reply: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            // A server may echo the request's headers in its error body: never let the key through.
            throw new CallFailure(f.kind(), f.status(), f.retryAfter(), redact(f.getMessage()));
        }
    }
}
