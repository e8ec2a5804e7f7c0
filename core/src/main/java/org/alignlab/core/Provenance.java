package org.alignlab.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: code version, runtime and time, so any number can be traced back and
 * re-run. The code version is {@code -Dalignlab.codeVersion} (the launcher sets it from git),
 * else asked of git in the working folder, else "unknown".
 */
public final class Provenance {
    private static volatile String codeVersion;

    private Provenance() {
    }

    /** The code version, e.g. a git commit with "-dirty" when there were uncommitted changes. */
    public static String codeVersion() {
        String v = codeVersion;
        if (v == null) {
            v = System.getProperty("alignlab.codeVersion");
            if (v == null || v.isBlank()) {
                v = fromGit(Path.of("").toAbsolutePath());
            }
            codeVersion = v;
        }
        return v;
    }

    private static String fromGit(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "-C", dir.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }

    /** The provenance of a result produced now. */
    public static Map<String, Object> now() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code_version", codeVersion());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("recorded_at", Instant.now().toString());
        return m;
    }
}
