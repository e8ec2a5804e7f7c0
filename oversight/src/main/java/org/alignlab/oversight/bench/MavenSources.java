package org.alignlab.oversight.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A library's sources as a user would get them: the {@code -sources.jar} and {@code -test-sources.jar}
 * and the {@code .pom} published on a Maven repository (Maven Central by default), fetched once,
 * checked against the repository's SHA-1, and kept in a cache folder so that the next run reads
 * them from disk. Nothing is fetched when everything is cached; with {@code offline} a missing file
 * is an error that says what to fetch, never a silent download.
 */
public final class MavenSources {
    public static final String CENTRAL = "https://repo1.maven.org/maven2";

    private final String repository;
    private final Path cache;
    private final boolean offline;
    private final PrintStream log;
    private HttpClient http;

    public MavenSources(String repository, Path cache, boolean offline, PrintStream log) {
        this.repository = repository.endsWith("/") ? repository.substring(0, repository.length() - 1) : repository;
        this.cache = cache;
        this.offline = offline;
        this.log = log;
    }

    /**
     * The cache folder: {@code $ALIGNLAB_CACHE}, else {@code $XDG_CACHE_HOME/alignlab}, else
     * {@code ~/.cache/alignlab}.
     */
    public static Path defaultCache(Map<String, String> env) {
        String own = env.get("ALIGNLAB_CACHE");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("alignlab");
    }

    /** A library by its coordinates, {@code group:artifact:version}. */
    public record Coordinates(String group, String artifact, String version) {
        public static Coordinates parse(String text) {
            String[] p = text.trim().split(":");
            if (p.length != 3 || java.util.Arrays.stream(p).anyMatch(s -> !s.matches("[A-Za-z0-9_.\\-]+"))) {
                throw new IllegalArgumentException("'" + text + "' is not a library's coordinates; give "
                        + "group:artifact:version, e.g. org.apache.commons:commons-text:1.12.0");
            }
            return new Coordinates(p[0], p[1], p[2]);
        }

        String path(String suffix) {
            return group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version + suffix;
        }

        @Override
        public String toString() {
            return group + ":" + artifact + ":" + version;
        }
    }

    /**
     * The library's main and test sources ({@code src/main/java/...}, {@code src/test/java/...}) and
     * its {@code pom.xml}, path to text.
     */
    public Map<String, String> files(Coordinates library) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        unzipJava(file(library, "-sources.jar"), "src/main/java/", files);
        unzipJava(file(library, "-test-sources.jar"), "src/test/java/", files);
        files.put("pom.xml", Files.readString(file(library, ".pom"), StandardCharsets.UTF_8));
        return files;
    }

    /** The cached file, fetched and checked first when it is not cached. */
    Path file(Coordinates library, String suffix) throws IOException {
        String relative = library.path(suffix);
        Path target = cache.resolve("maven").resolve(relative);
        if (Files.isRegularFile(target)) {
            return target;
        }
        String url = repository + "/" + relative;
        if (offline) {
            throw new IllegalArgumentException(library + ": " + target + " is not cached and fetching is off; run once "
                    + "without --offline to fetch " + url);
        }
        log.println("fetching " + url + " (once; cached in " + cache.resolve("maven") + ")");
        byte[] body = get(url);
        String expected = new String(get(url + ".sha1"), StandardCharsets.US_ASCII).trim().split("\\s+")[0]
                .toLowerCase(Locale.ROOT);
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-1", e);
        }
        if (!actual.equals(expected)) {
            throw new IOException(url + ": its SHA-1 is " + actual + " but the repository says " + expected
                    + "; nothing was cached");
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        Files.write(partial, body);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private byte[] get(String url) throws IOException {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode()
                        + (response.statusCode() == 404 ? " (no such file: check the coordinates; not every library "
                        + "publishes its test sources)" : ""));
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }

    private static void unzipJava(Path jar, String prefix, Map<String, String> into) throws IOException {
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.isDirectory() && e.getName().endsWith(".java") && !e.getName().startsWith("META-INF/")) {
                    into.put(prefix + e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }
}
