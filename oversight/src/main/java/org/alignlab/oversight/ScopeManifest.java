package org.alignlab.oversight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an agent may touch: a JSON manifest {@code {"paths": ["src/main/**", ...], "commands":
 * [...], "hosts": [...]}} of glob patterns over repository paths, command names and host names.
 * A change can be judged against the paths; commands and hosts need a transcript.
 */
public record ScopeManifest(List<String> paths, List<String> commands, List<String> hosts) {
    private static final Set<String> KEYS = Set.of("paths", "commands", "hosts");

    /** No manifest: everything is in scope. */
    public static final ScopeManifest ANY = new ScopeManifest(null, null, null);

    /**
     * Reads a manifest.
     *
     * @throws IllegalArgumentException naming the line and column of a syntax error, or the field that is wrong
     */
    public static ScopeManifest read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("scope manifest " + file + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("scope manifest " + file + " must be a JSON object with \"paths\", "
                    + "\"commands\" and \"hosts\" lists");
        }
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("scope manifest " + file + " has an unknown field '" + key
                        + "'; known: paths, commands, hosts");
            }
        }
        return new ScopeManifest(list(root, "paths", file), list(root, "commands", file), list(root, "hosts", file));
    }

    private static List<String> list(JsonNode root, String key, Path file) {
        JsonNode node = root.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("scope manifest " + file + ": \"" + key + "\" must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("scope manifest " + file + ": \"" + key + "\" holds " + n
                        + ", not a string");
            }
            out.add(n.asText());
        }
        return out;
    }

    /** Whether the repository path may be changed (always, when the manifest names no paths). */
    public boolean allowsPath(String path) {
        if (paths == null) {
            return true;
        }
        for (String glob : paths) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            // "**/x" should match x at the root too, as in .gitignore; java.nio's "**/" needs a folder.
            if (m.matches(Path.of(path)) || m.matches(Path.of(".", path))) {
                return true;
            }
        }
        return false;
    }
}
