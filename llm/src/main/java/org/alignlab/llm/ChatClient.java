package org.alignlab.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
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
 *   <li>{@code openai:NAME}: OpenAI itself; key from {@code OPENAI_API_KEY};</li>
 *   <li>{@code anthropic:NAME}: Anthropic's messages API; key from {@code ANTHROPIC_API_KEY};</li>
 *   <li>{@code ollama:NAME}: an Ollama server, by default on 127.0.0.1:11434; no key.</li>
 * </ul>
 * Every form but the first takes {@code @URL} to name another server.
 * Keys are read from the environment and never appear in the spec, logs, reports or errors.
 * LangChain4j's own retries are off: the evaluation runner retries, so it can count and pace them.
 */
public final class ChatClient {
    /** Forms of model spec that are recognised, for error messages. */
    public static final String FORMS = "openai-compatible:NAME@URL, openai:NAME, anthropic:NAME, ollama:NAME "
            + "(openai, anthropic and ollama also take @URL)";

    private final String spec;
    private final ChatModel model;
    private final List<String> secrets;
    private final int maxTokens;

    private ChatClient(String spec, ChatModel model, List<String> secrets, int maxTokens) {
        this.spec = spec;
        this.model = model;
        this.secrets = secrets;
        this.maxTokens = maxTokens;
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
            throw new IllegalArgumentException("model '" + Secrets.fromUrl(spec).recorded() + "' has no provider; use "
                    + "one of: " + FORMS);
        }
        String provider = spec.substring(0, colon);
        String rest = spec.substring(colon + 1);
        // The URL starts at the first "@http": a URL may itself hold an '@' (user:key@host).
        int at = rest.indexOf("@http");
        if (at < 0) {
            at = rest.lastIndexOf('@');
        }
        String name = at < 0 ? rest : rest.substring(0, at);
        String url = at < 0 ? null : rest.substring(at + 1);
        if (name.isBlank() || (url != null && !url.startsWith("http://") && !url.startsWith("https://"))) {
            throw new IllegalArgumentException("model '" + Secrets.fromUrl(spec).recorded() + "': expected " + FORMS
                    + "; a URL must start with http:// or https://");
        }
        Secrets inUrl = url == null ? new Secrets(spec, List.of()) : Secrets.fromUrl(url);
        String recordedSpec = url == null ? spec : provider + ":" + name + "@" + inUrl.recorded();
        String key;
        ChatModel model;
        switch (provider) {
            case "openai-compatible", "openai" -> {
                if (provider.equals("openai-compatible") && url == null) {
                    throw new IllegalArgumentException("model '" + recordedSpec + "': expected openai-compatible:NAME@URL, "
                            + "e.g. openai-compatible:llama3@http://127.0.0.1:8000/v1");
                }
                key = provider.equals("openai")
                        ? required(env, "OPENAI_API_KEY", recordedSpec)
                        : env.getOrDefault("ALIGNLAB_API_KEY", env.getOrDefault("OPENAI_API_KEY", "none"));
                OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                        .httpClientBuilder(StatusKeepingHttpClient.builder())
                        .timeout(timeout).maxRetries(0).temperature(0.0).maxTokens(maxTokens)
                        .modelName(name).apiKey(key);
                if (url != null) {
                    b.baseUrl(url);
                }
                model = b.build();
            }
            case "anthropic" -> {
                key = required(env, "ANTHROPIC_API_KEY", recordedSpec);
                AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder()
                        .httpClientBuilder(StatusKeepingHttpClient.builder())
                        .timeout(timeout).maxRetries(0).temperature(0.0).maxTokens(maxTokens)
                        .modelName(name).apiKey(key);
                if (url != null) {
                    b.baseUrl(url);
                }
                model = b.build();
            }
            case "ollama" -> {
                key = null;
                model = OllamaChatModel.builder()
                        .httpClientBuilder(StatusKeepingHttpClient.builder())
                        .baseUrl(url == null ? "http://127.0.0.1:11434" : url)
                        .modelName(name).timeout(timeout).temperature(0.0).numPredict(maxTokens)
                        .maxRetries(0).build();
            }
            default -> throw new IllegalArgumentException("unknown model provider '" + provider + "'; use one of: "
                    + FORMS);
        }
        List<String> secrets = new ArrayList<>(inUrl.secrets());
        if (key != null && !key.equals("none")) {
            secrets.add(key);
        }
        return new ChatClient(recordedSpec, model, List.copyOf(secrets), maxTokens);
    }

    private static String required(Map<String, String> env, String variable, String spec) {
        String key = env.get(variable);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("model '" + spec + "' needs the environment variable " + variable);
        }
        return key;
    }

    /** The message with every secret removed, in each form a server might echo it back. */
    private String redact(String message) {
        return Secrets.redact(message, secrets);
    }

    /** The generation settings that shape a reply (part of the reply cache's key). */
    public String settings() {
        return "temperature=0,max_tokens=" + maxTokens;
    }

    /**
     * The same client recorded under another spec: for a server on an ephemeral port (an
     * in-process organism server), whose URL must not make a resumed run or the reply cache
     * think it is another model.
     */
    public ChatClient named(String recordedSpec) {
        return new ChatClient(recordedSpec, model, secrets, maxTokens);
    }

    /**
     * The same client recorded with a version of the model behind it ({@code spec#version}): the
     * reply cache and a resumed run then never take another version's replies for this one's.
     */
    public ChatClient versioned(String version) {
        if (version == null || version.isBlank()) {
            return this;
        }
        return named(spec + "#" + version.strip());
    }

    /**
     * The spec this client was made from, with any credentials written into its URL removed: it
     * names the model (and its version, if given) and holds no secret.
     */
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
        AiMessage reply = chat(ChatRequest.builder().messages(messages).build());
        return reply.text() == null ? "" : reply.text();
    }

    /** A conversation in which the model may call {@code tools} (an agent's loop: see {@link ToolChat}). */
    public ToolChat toolChat(List<ToolChat.Tool> tools) {
        return new ToolChat(this, tools);
    }

    /**
     * One call of the model.
     *
     * @throws CallFailure if the call failed, classified for the retry policy
     */
    AiMessage chat(ChatRequest request) {
        try {
            return model.chat(request).aiMessage();
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
