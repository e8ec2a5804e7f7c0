package org.alignlab.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replies by content: the SHA-256 of the model spec, the generation settings and the exact
 * conversation. A request already answered is never sent again, across runs. Append-only JSON
 * lines; a partial last line (from a crash) is ignored.
 */
final class ReplyCache implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final Writer writer;

    ReplyCache(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    JsonNode n = JSON.readTree(line);
                    replies.put(n.get("key").asText(), n.get("reply").asText());
                } catch (IOException | NullPointerException e) {
                    // A line cut short by a crash: the reply will simply be asked for again.
                }
            }
        }
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String key(String model, String settings, List<Message> conversation) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(JSON.writeValueAsBytes(List.of(model, settings, conversation)));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String get(String key) {
        return replies.get(key);
    }

    synchronized void put(String key, String reply) throws IOException {
        if (replies.putIfAbsent(key, reply) == null) {
            writer.write(JSON.writeValueAsString(Map.of("key", key, "reply", reply)));
            writer.write('\n');
            writer.flush();
        }
    }

    int size() {
        return replies.size();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
