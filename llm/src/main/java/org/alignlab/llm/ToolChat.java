package org.alignlab.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation in which a model calls tools (function calling, through LangChain4j): each turn
 * is either text or tool calls; the caller runs the calls and answers with their results. It
 * keeps the whole conversation, so each call sends it all, as the providers' APIs require.
 */
public final class ToolChat {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChatClient client;
    private final List<ToolSpecification> specifications = new ArrayList<>();
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<Call> pending = new ArrayList<>();

    /** A tool the model may call: its name, what it does, and its string parameters (all required). */
    public record Tool(String name, String description, List<String> parameters) {
    }

    /** One call the model made: its id, the tool, and the arguments it gave (text values). */
    public record Call(String id, String tool, Map<String, String> arguments) {
    }

    /** The model's turn: its text (may be empty) and the tools it calls (empty when it only wrote). */
    public record Turn(String text, List<Call> calls) {
    }

    ToolChat(ChatClient client, List<Tool> tools) {
        this.client = client;
        for (Tool t : tools) {
            JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
            t.parameters().forEach(schema::addStringProperty);
            specifications.add(ToolSpecification.builder().name(t.name()).description(t.description())
                    .parameters(schema.required(t.parameters()).build()).build());
        }
    }

    /** Opens the conversation with a system prompt and a first user message; the model's first turn. */
    public Turn start(String system, String user) {
        messages.add(SystemMessage.from(system));
        messages.add(UserMessage.from(user));
        return next();
    }

    /** Answers the last turn's calls, in their order, with these results; the model's next turn. */
    public Turn answer(List<String> results) {
        if (results.size() != pending.size()) {
            throw new IllegalArgumentException("the last turn made " + pending.size() + " calls, got " + results.size()
                    + " results");
        }
        for (int i = 0; i < results.size(); i++) {
            Call c = pending.get(i);
            messages.add(ToolExecutionResultMessage.from(c.id(), c.tool(), results.get(i)));
        }
        return next();
    }

    /** Says something to the model when its last turn called no tool; its next turn. */
    public Turn say(String user) {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("answer the model's " + pending.size() + " calls first");
        }
        messages.add(UserMessage.from(user));
        return next();
    }

    private Turn next() {
        AiMessage reply = client.chat(ChatRequest.builder().messages(messages).toolSpecifications(specifications).build());
        messages.add(reply);
        pending.clear();
        if (reply.hasToolExecutionRequests()) {
            for (ToolExecutionRequest r : reply.toolExecutionRequests()) {
                pending.add(new Call(r.id(), r.name(), arguments(r.arguments())));
            }
        }
        return new Turn(reply.text() == null ? "" : reply.text(), List.copyOf(pending));
    }

    /** A call's JSON arguments as text values; arguments that are not a JSON object give none. */
    static Map<String, String> arguments(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual()
                        ? e.getValue().asText() : e.getValue().toString()));
            }
        } catch (IOException e) {
            // a model that writes broken arguments gets a tool result saying what is missing
        }
        return out;
    }
}
