package org.alignlab.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A real HTTP/1.1 server on loopback (keep-alive, one thread per connection) answering chat
 * requests in the wire formats of OpenAI ({@code /v1/chat/completions}), Anthropic
 * ({@code /v1/messages}) and Ollama ({@code /api/chat}) with scripted replies (status, headers, delay, text). It exists to
 * test the harness's error handling and counting, and to measure the harness's own overhead
 * ({@code alignlab bench eval}): its "model" is a rule, not a model, and no result about model
 * behaviour is ever drawn from it. It is deliberately small so that, on a two-core machine, it
 * leaves the CPU to the harness being measured.
 */
public final class ScriptedChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the server does with one request. */
    public record Reply(int status, Map<String, String> headers, long delayMillis, String text) {
        public static Reply ok(String text) {
            return new Reply(200, Map.of(), 0, text);
        }

        /** Close the connection without answering (a connection reset, from the client's side). */
        public static final Reply RESET = new Reply(-1, Map.of(), 0, "");

        /**
         * A 200 completion whose body stops halfway: the Content-Length promises the whole body,
         * the connection closes after half of it.
         */
        public static final Reply TRUNCATED = new Reply(-2, Map.of(), 0, "");

        /** A 200 whose body is {@code text} as is, not a completion (a malformed reply). */
        public static Reply raw(String text) {
            return new Reply(200, Map.of("X-Raw", "1"), 0, text);
        }

        public static Reply error(int status, Map<String, String> headers) {
            return new Reply(status, headers, 0, "{\"error\":{\"message\":\"scripted " + status + "\"}}");
        }
    }

    /** One request as the script sees it; the body is parsed only if the script asks. */
    public static final class Request {
        private final String body;
        private final String authorization;
        private JsonNode parsed;

        Request(String body, String authorization) {
            this.body = body;
            this.authorization = authorization;
        }

        /** The text of the last message (a plain string, or Anthropic's list of text blocks). */
        public String lastMessage() {
            JsonNode messages = json().get("messages");
            JsonNode content = messages.get(messages.size() - 1).get("content");
            if (content.isArray()) {
                StringBuilder sb = new StringBuilder();
                content.forEach(block -> sb.append(block.path("text").asText()));
                return sb.toString();
            }
            return content.asText();
        }

        public String authorization() {
            return authorization;
        }

        /** How many messages the conversation sent holds (system, user, assistant and tool messages). */
        public int messages() {
            return json().get("messages").size();
        }

        /** Whether the request offers the model a tool of this name (OpenAI's function-calling form). */
        public boolean offersTool(String name) {
            for (JsonNode t : json().path("tools")) {
                if (name.equals(t.path("function").path("name").asText())) {
                    return true;
                }
            }
            return false;
        }

        private JsonNode json() {
            if (parsed == null) {
                try {
                    parsed = JSON.readTree(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return parsed;
        }
    }

    private final ServerSocket socket;
    private final BiFunction<Integer, Request, Reply> script;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    public final AtomicInteger requests = new AtomicInteger();

    /** @param script from (request number from 1, the request) to the reply */
    public ScriptedChatServer(BiFunction<Integer, Request, Reply> script) throws IOException {
        this.script = script;
        socket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-chat-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                connections.add(s);
                Thread t = new Thread(() -> serve(s), "scripted-chat-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                int length = 0;
                String authorization = "";
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    String name = h.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
                    String value = h.substring(colon + 1).trim();
                    if (name.equals("content-length")) {
                        length = Integer.parseInt(value);
                    } else if (name.equals("authorization")) {
                        authorization = value;
                    }
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                String path = requestLine.split(" ")[Math.min(1, requestLine.split(" ").length - 1)];
                Format format = path.endsWith("/chat/completions") ? Format.OPENAI
                        : path.endsWith("/messages") ? Format.ANTHROPIC
                        : path.endsWith("/api/chat") ? Format.OLLAMA : null;
                Reply r = requestLine.startsWith("POST") && format != null
                        ? script.apply(requests.incrementAndGet(), new Request(body, authorization))
                        : new Reply(404, Map.of(), 0, "{\"error\":\"not found\"}");
                if (r.delayMillis() > 0) {
                    Thread.sleep(r.delayMillis());
                }
                if (r.status() < 0) {
                    s.setSoLinger(true, 0); // close with a reset
                    return;
                }
                boolean truncated = r.status() == -2;
                byte[] payload = ((r.status() == 200 || truncated) && !r.headers().containsKey("X-Raw")
                        ? completion(format, truncated ? "a reply the connection will cut" : r.text())
                        : r.text())
                        .getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder("HTTP/1.1 ").append(truncated ? 200 : r.status()).append(" X\r\n")
                        .append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
                r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                head.append("\r\n");
                ByteArrayOutputStream all = new ByteArrayOutputStream(head.length() + payload.length);
                all.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                all.write(payload, 0, truncated ? payload.length / 2 : payload.length);
                out.write(all.toByteArray()); // one write: no small-packet delays
                out.flush();
                if (truncated) {
                    return; // closes the connection with half the promised body sent
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the server is closing
        } finally {
            connections.remove(s);
        }
    }

    private enum Format { OPENAI, ANTHROPIC, OLLAMA }

    private static String completion(Format format, String text) throws IOException {
        String quoted = JSON.writeValueAsString(text);
        return switch (format) {
            case OPENAI -> "{\"id\":\"cmpl\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"scripted\","
                    + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                    + "\"content\":" + quoted + "}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
                    + "\"total_tokens\":2}}";
            case ANTHROPIC -> "{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"scripted\","
                    + "\"content\":[{\"type\":\"text\",\"text\":" + quoted + "}],\"stop_reason\":\"end_turn\","
                    + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}";
            case OLLAMA -> "{\"model\":\"scripted\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":"
                    + "{\"role\":\"assistant\",\"content\":" + quoted + "},\"done\":true,\"done_reason\":\"stop\","
                    + "\"prompt_eval_count\":1,\"eval_count\":1}";
        };
    }

    /** One CRLF-terminated header line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The base URL for an {@code openai-compatible:NAME@URL} or {@code anthropic:NAME@URL} spec. */
    public String url() {
        return root() + "/v1";
    }

    /** The base URL for an {@code ollama:NAME@URL} spec. */
    public String root() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
