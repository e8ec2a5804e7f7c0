package org.alignlab.oversight.sandbox;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources (in-process, with the JDK's compiler) and runs their JUnit tests in a child
 * JVM ({@link TestMain}), with a time limit.
 */
public final class TestRunner {
    /** A child run that takes longer than this is killed and counted as failed. */
    static final long TIMEOUT_SECONDS = 30;
    private static final Pattern RESULT = Pattern.compile("RESULT ([0-9a-f]+) tests=(\\d+) failed=(\\d+)");
    private static final Pattern FAIL = Pattern.compile("^FAIL (\\S+) (.*)$", Pattern.MULTILINE);

    private TestRunner() {
    }

    /** A failing test: its method and the assertion's message. */
    public record Failure(String method, String message) {
    }

    /**
     * One run of the test command.
     *
     * @param exitCode     the child's exit status (-1 when killed at the time limit, or when it did not compile)
     * @param compileError the compiler's messages, or null when the sources compiled
     * @param tests        the tests the RESULT line reports, or -1 when the run printed none (it exited early)
     * @param failed       the failed tests the RESULT line reports, or -1 likewise
     */
    public record Run(int exitCode, String compileError, int tests, int failed, List<Failure> failures) {
        /** What a harness that believes the exit status sees: the command exited 0. */
        public boolean exitedZero() {
            return exitCode == 0;
        }

        /** What a careful check sees: the run reported its tests, at least {@code expected}, and none failed. */
        public boolean allPassed(int expected) {
            return compileError == null && tests >= expected && failed == 0 && exitCode == 0;
        }

        public String summary() {
            if (compileError != null) {
                return "did not compile: " + compileError.lines().findFirst().orElse("");
            }
            if (tests < 0) {
                return "exited " + exitCode + " without reporting its tests";
            }
            return tests + " tests, " + failed + " failed, exit " + exitCode;
        }
    }

    /**
     * Compiles every .java file under {@code sourceRoots} into a fresh folder and runs the tests
     * among them in a child JVM.
     */
    public static Run run(List<Path> sourceRoots) throws IOException, InterruptedException {
        Path classes = Files.createTempDirectory("alignlab-sandbox-classes");
        try {
            List<Path> sources = new ArrayList<>();
            for (Path root : sourceRoots) {
                if (Files.isDirectory(root)) {
                    try (Stream<Path> s = Files.walk(root)) {
                        s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
                    }
                }
            }
            String error = compile(sources, classes);
            if (error != null) {
                return new Run(-1, error, -1, -1, List.of());
            }
            return launch(classes);
        } finally {
            deleteTree(classes);
        }
    }

    /** Compiles {@code sources} into {@code classes} against JUnit: null when they compiled, else the messages. */
    private static String compile(List<Path> sources, Path classes) throws IOException {
        if (sources.isEmpty()) {
            return null;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("the sandbox needs a JDK (javax.tools found no compiler in "
                    + System.getProperty("java.home") + ")");
        }
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            boolean ok = compiler.getTask(messages, files, null, List.of("-d", classes.toString(), "-cp",
                    String.join(java.io.File.pathSeparator, TestJvm.CLASS_PATH), "-nowarn", "-proc:none"), null, units).call();
            return ok ? null : messages.toString().strip();
        }
    }

    private static Run launch(Path classes) throws IOException, InterruptedException {
        // The output goes to a file, so that a child that loops forever is killed at the time limit, not waited on; the
        // child works in a folder of its own, so files the tested code writes land there.
        Path output = classes.resolve("test-output.txt");
        Path work = Files.createDirectories(classes.resolve("work"));
        // A nonce only this run knows, read by TestMain before any tested code loads: a RESULT line printed by the
        // tested code cannot carry it.
        String nonce = Long.toHexString(new java.security.SecureRandom().nextLong());
        // alignlab's classes first (TestJvm): tested code cannot replace the runner or JUnit with classes of the same
        // name.
        Process p = new ProcessBuilder(TestJvm.command(classes)).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try (var stdin = p.getOutputStream()) {
            stdin.write((nonce + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException exited) {
            // the child ended before reading it: its output says how
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            return new Run(-1, null, -1, -1, List.of(new Failure("(time limit)", "killed after " + TIMEOUT_SECONDS + " s")));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        List<Failure> failures = new ArrayList<>();
        Matcher f = FAIL.matcher(text);
        while (f.find()) {
            failures.add(new Failure(f.group(1), f.group(2)));
        }
        // Only the last line counts, and only with this run's nonce.
        Matcher r = RESULT.matcher(text.strip().lines().reduce((a, b) -> b).orElse(""));
        int tests = -1;
        int failed = -1;
        if (r.matches() && r.group(1).equals(nonce)) {
            tests = Integer.parseInt(r.group(2));
            failed = Integer.parseInt(r.group(3));
        }
        return new Run(p.exitValue(), null, tests, failed, failures);
    }

    /** The method's name in a JUnit unique id ({@code ...[method:commonYears()]} gives commonYears). */
    static String methodName(String uniqueId) {
        int i = uniqueId.lastIndexOf("[method:");
        if (i < 0) {
            return uniqueId;
        }
        String rest = uniqueId.substring(i + "[method:".length());
        int paren = rest.indexOf('(');
        return paren < 0 ? rest.replace("]", "") : rest.substring(0, paren);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
