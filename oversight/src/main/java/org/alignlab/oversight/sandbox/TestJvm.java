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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.alignlab.oversight.bench.MavenSources;

/**
 * The JVM that runs a workspace's tests. Its class path holds alignlab's test runner and JUnit's jars alone, not
 * alignlab's ninety-odd jars, which a start would search. When those are all jars (the built command, not a build's
 * class folders), the JVM also maps a class-data archive (the JDK's dynamic CDS) of the classes a test run loads,
 * written once per machine and class path into alignlab's cache: a start then takes about 0.3 s instead of 0.4 s.
 * Only the speed changes: the archive holds the same classes, and a JVM that cannot use it loads them as before.
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
    private static final String WARM_UP_CLASS = "org.alignlab.oversight.sandbox.warmup.WarmUpTest";
    private static final String WARM_UP_SOURCE = """
            package org.alignlab.oversight.sandbox.warmup;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import static org.junit.jupiter.api.Assertions.assertThrows;
            import static org.junit.jupiter.api.Assertions.assertTrue;

            import org.junit.jupiter.api.Test;

            /** Run once, with its failure, while the class-data archive is written: the classes a test run loads. */
            class WarmUpTest {
                @Test
                void passes() {
                    assertEquals(4, 2 + 2);
                    assertTrue(Integer.parseInt("7") > 3);
                    assertThrows(NumberFormatException.class, () -> Integer.parseInt("x"));
                }

                @Test
                void fails() {
                    assertEquals("expected", "actual", "a failure, so that reporting one is archived too");
                }
            }
            """;

    /** The child's class path, and whether it is all jars. */
    static final List<String> CLASS_PATH = classPath();
    private static final Object LOCK = new Object();
    /** The archive and its warm-up jar once made or found; empty once making one failed. */
    private static List<Path> archive;

    private TestJvm() {
    }

    /** The command that runs the tests under {@code classes}: java, its flags, the class path, the runner. */
    static List<String> command(Path classes) {
        List<String> out = new ArrayList<>();
        out.add(javaCommand());
        out.addAll(FLAGS);
        List<String> path = new ArrayList<>(CLASS_PATH);
        List<Path> cds = archive();
        if (!cds.isEmpty()) {
            out.add("-XX:SharedArchiveFile=" + cds.get(0));
            path.add(cds.get(1).toString()); // as when the archive was written: its class path must begin the same
        }
        path.add(classes.toString());
        out.add("-cp");
        out.add(String.join(java.io.File.pathSeparator, path));
        out.add(TestMain.class.getName());
        out.add(classes.toString());
        return out;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
     * The class-data archive and its warm-up jar, made on first use (a test run of the warm-up class with the JVM
     * writing what it loaded), or empty when the class path has folders (which the JDK does not archive) or the archive
     * could not be made.
     */
    private static List<Path> archive() {
        synchronized (LOCK) {
            if (archive == null) {
                archive = List.of();
                if (CLASS_PATH.stream().allMatch(p -> p.endsWith(".jar") && Files.isRegularFile(Path.of(p)))) {
                    try {
                        archive = makeArchive(MavenSources.defaultCache(System.getenv()).resolve("sandbox-cds"));
                    } catch (IOException | RuntimeException e) {
                        archive = List.of(); // runs go on without it, only slower
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return archive;
        }
    }

    private static List<Path> makeArchive(Path dir) throws IOException, InterruptedException {
        String key = key();
        Path jsa = dir.resolve(key + ".jsa");
        Path jar = dir.resolve(key + "-warmup.jar");
        if (Files.isRegularFile(jsa) && Files.isRegularFile(jar)) {
            return List.of(jsa, jar);
        }
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("alignlab-sandbox-cds");
        try {
            Path source = work.resolve("src").resolve(WARM_UP_CLASS.replace('.', '/') + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, WARM_UP_SOURCE, StandardCharsets.UTF_8);
            Path classes = Files.createDirectories(work.resolve("classes"));
            String error = TestRunner.compile(List.of(source), classes);
            if (error != null) {
                throw new IOException("the warm-up test did not compile: " + error);
            }
            // The jar where runs will find it, before the archive is written: the JDK checks that a run's class path
            // names the same jars, of the same size and time. A jar another process put there first is used as it is.
            if (!Files.isRegularFile(jar)) {
                Path newJar = Files.createTempFile(dir, "warmup", ".jar");
                try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(newJar))) {
                    String entry = WARM_UP_CLASS.replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(entry));
                    Files.copy(classes.resolve(entry), out);
                    out.closeEntry();
                }
                try {
                    Files.move(newJar, jar);
                } catch (java.nio.file.FileAlreadyExistsException another) {
                    Files.delete(newJar);
                }
            }
            Path newJsa = work.resolve("archive.jsa");
            List<String> command = new ArrayList<>();
            command.add(javaCommand());
            command.addAll(FLAGS);
            command.add("-XX:ArchiveClassesAtExit=" + newJsa);
            List<String> path = new ArrayList<>(CLASS_PATH);
            path.add(jar.toString());
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, path));
            command.add(TestMain.class.getName());
            command.add(jar.toString()); // the jar is the root whose tests run
            Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("output.txt").toFile()).start();
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write("0\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(TestRunner.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IOException("writing the class-data archive took too long");
            }
            if (!Files.isRegularFile(newJsa) || Files.size(newJsa) == 0) {
                throw new IOException("the JVM wrote no class-data archive");
            }
            // Moved whole, as another process may be writing the same archive.
            Files.move(newJsa, jsa, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return List.of(jsa, jar);
        } finally {
            TestRunner.deleteTree(work);
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
