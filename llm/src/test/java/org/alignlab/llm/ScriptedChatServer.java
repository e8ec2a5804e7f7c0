package org.alignlab.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A real HTTP server on loopback speaking OpenAI's chat-completions wire format, whose replies
 * (status, headers, delay, text) a test scripts. For testing the harness's error handling and
 * counting only: its "model" is a rule, not a model, and no result about model behaviour is ever
 * drawn from it.
 */
public final class ScriptedChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the server does with one request. */
    public record Reply(int status, Map<String, String> headers, long delayMillis, String text) {
        public static Reply ok(String text) {
            return new Reply(200, Map.of(), 0, text);
        }

        public static Reply error(int status, Map<String, String> headers) {
            return new Reply(status, headers, 0, "{\"error\":{\"message\":\"scripted " + status + "\"}}");
        }
    }

    private final HttpServer server;
    public final AtomicInteger requests = new AtomicInteger();

    /**
     * @param script from (request number from 1, last user message, Authorization header) to the reply
     */
    public ScriptedChatServer(BiFunction<Integer, String[], Reply> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/v1/chat/completions", exchange -> {
            int n = requests.incrementAndGet();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            JsonNode messages = body.get("messages");
            String last = messages.get(messages.size() - 1).get("content").asText();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Reply r = script.apply(n, new String[] {last, auth == null ? "" : auth});
            try {
                if (r.delayMillis() > 0) {
                    Thread.sleep(r.delayMillis());
                }
                byte[] out;
                if (r.status() == 200) {
                    out = JSON.writeValueAsBytes(Map.of("id", "cmpl-" + n, "object", "chat.completion", "created", 0,
                            "model", body.get("model").asText(),
                            "choices", java.util.List.of(Map.of("index", 0, "finish_reason", "stop",
                                    "message", Map.of("role", "assistant", "content", r.text()))),
                            "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
                } else {
                    out = r.text().getBytes(StandardCharsets.UTF_8);
                }
                r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(r.status(), out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
        server.start();
    }

    /** The base URL for an {@code openai-compatible:NAME@URL} spec. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
