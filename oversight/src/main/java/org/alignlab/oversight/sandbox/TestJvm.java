package org.alignlab.oversight.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alignlab.oversight.bench.MavenSources;

/**
 * The JVM that runs a workspace's tests. Its class path holds alignlab's test runner and JUnit's jars alone, not
 * alignlab's ninety-odd jars, which a start would search. When those are all jars (the built command, not a build's
 * class folders), the JVM also maps a class-data archive (the JDK's dynamic CDS) of the classes a test run loads,
 * written once per JDK and set of jars into alignlab's cache: a start then takes about 0.3 s instead of 0.4 s. Only
 * the speed changes: the archive holds the same classes, and a JVM that cannot use it (a jar changed since) loads them
 * as before. Nothing is added to the class path for it.
 */
final class TestJvm {
    /** Classes whose jars the child needs: the runner, JUnit's launcher and engine, and what they use. */
    private static final String[] NEEDED = {TestMain.class.getName(), "org.junit.platform.launcher.core.LauncherFactory",
        "org.junit.platform.engine.TestEngine", "org.junit.platform.commons.PreconditionViolationException",
        "org.junit.jupiter.engine.JupiterTestEngine", "org.junit.jupiter.api.Test", "org.opentest4j.AssertionFailedError",
        "org.apiguardian.api.API"};
    /** Parameterised tests, when their jar is there. */
    private static final String OPTIONAL = "org.junit.jupiter.params.ParameterizedTest";
    /** The flags of every start: a short-lived JVM, compiled lightly. */
    private static final List<String> FLAGS = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx128m", "-XX:+DisableAttachMechanism", "-Xlog:disable");
    /** The child's class path: the jars of the classes above. */
    static final List<String> CLASS_PATH = classPath();
    private static final Object LOCK = new Object();
    /** The archive once made or found; empty once making one failed or when the class path has folders. */
    private static java.util.Optional<Path> archive;

    private TestJvm() {
    }

    /** The command that runs the tests under {@code classes}: java, its flags, the class path, the runner. */
    static List<String> command(Path classes) {
        // The archive was written with CLASS_PATH, which begins this class path.
        return command(archive().map(a -> "-XX:SharedArchiveFile=" + a).orElse(null), classes.toString(),
                classes.toString());
    }

    /**
     * java, its flags and {@code archiveFlag} (when not null), a class path of CLASS_PATH then {@code extraPath} (when
     * not null), the runner and its argument.
     */
    private static List<String> command(String archiveFlag, String extraPath, String argument) {
        List<String> out = new ArrayList<>();
        out.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        out.addAll(FLAGS);
        if (archiveFlag != null) {
            out.add(archiveFlag);
        }
        List<String> path = new ArrayList<>(CLASS_PATH);
        if (extraPath != null) {
            path.add(extraPath);
        }
        out.add("-cp");
        out.add(String.join(java.io.File.pathSeparator, path));
        out.add(TestMain.class.getName());
        out.add(argument);
        return out;
    }


    private static List<String> classPath() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String name : NEEDED) {
            String where = jarOf(name);
            if (where == null) {
                // Not found apart (a shaded jar, say): the whole class path, as the parent has it.
                return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
            }
            out.add(where);
        }
        String params = jarOf(OPTIONAL);
        if (params != null) {
            out.add(params);
        }
        return List.copyOf(out);
    }

    private static String jarOf(String className) {
        try {
            CodeSource source = Class.forName(className, false, TestJvm.class.getClassLoader()).getProtectionDomain()
                    .getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The class-data archive, made on first use (a run of the runner's warm-up class with the JVM writing what it
     * loaded), or empty when the class path has folders (which the JDK does not archive) or the archive could not be
     * made.
     */
    private static java.util.Optional<Path> archive() {
        synchronized (LOCK) {
            if (archive == null) {
                archive = java.util.Optional.empty();
                if (CLASS_PATH.stream().allMatch(p -> p.endsWith(".jar") && Files.isRegularFile(Path.of(p)))) {
                    try {
                        archive = java.util.Optional.of(makeArchive(MavenSources.defaultCache(System.getenv())
                                .toAbsolutePath().resolve("sandbox-cds")));
                    } catch (IOException | RuntimeException e) {
                        archive = java.util.Optional.empty(); // runs go on without it, only slower
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return archive;
        }
    }

    private static Path makeArchive(Path dir) throws IOException, InterruptedException {
        Path jsa = dir.resolve(key() + ".jsa");
        if (Files.isRegularFile(jsa)) {
            return jsa;
        }
        Files.createDirectories(dir);
        // Written beside its final name and moved whole, as another process may be writing the same archive.
        Path written = dir.resolve("writing-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jsa");
        Path output = dir.resolve("writing-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".txt");
        try {
            Process p = new ProcessBuilder(command("-XX:ArchiveClassesAtExit=" + written, null, TestMain.WARM_UP)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write("0\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(TestRunner.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IOException("writing the class-data archive took too long");
            }
            if (!Files.isRegularFile(written) || Files.size(written) == 0) {
                throw new IOException("the JVM wrote no class-data archive");
            }
            Files.move(written, jsa, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jsa;
        } finally {
            Files.deleteIfExists(written);
            Files.deleteIfExists(output);
        }
    }

    /** The archive's name: the JDK and every jar of the class path with its size and time, as the JDK checks them. */
    private static String key() throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(System.getProperty("java.home")).append('\n')
                    .append(System.getProperty("java.vm.version")).append('\n');
            for (String p : CLASS_PATH) {
                Path jar = Path.of(p);
                text.append(p).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            }
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
