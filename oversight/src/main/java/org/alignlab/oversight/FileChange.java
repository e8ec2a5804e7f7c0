package org.alignlab.oversight;

import java.util.Locale;

/**
 * One file changed between two revisions: its path at the head ({@code path}) and at the base
 * ({@code oldPath}), and both texts ({@code null} where the file does not exist, or is binary).
 */
public record FileChange(Kind kind, String path, String oldPath, String oldText, String newText) {
    /** How the file changed. */
    public enum Kind { ADDED, MODIFIED, DELETED, RENAMED }

    /** The path that names the file in findings: the head's, or the base's for a deleted file. */
    public String where() {
        return kind == Kind.DELETED ? oldPath : path;
    }

    /** Whether either side is binary or missing where it should not be. */
    public boolean binary() {
        return (kind != Kind.ADDED && oldText == null) || (kind != Kind.DELETED && newText == null);
    }

    public boolean java() {
        return where().endsWith(".java");
    }

    public boolean python() {
        return where().endsWith(".py");
    }

    /** A test source: under a test root, or named as tests are. */
    public boolean test() {
        return isTest(where()) || (oldPath != null && isTest(oldPath));
    }

    /**
     * How many lines of the old text the change removes or edits: every line of a deleted file, none of an added one,
     * and for the rest the lines the histogram diff removes (an edited line counts as removed).
     */
    public int removedLines() {
        if (binary() || kind == Kind.ADDED) {
            return 0;
        }
        return kind == Kind.DELETED ? (int) oldText.lines().count() : LineDiff.of(oldText, newText).removed().size();
    }

    /**
     * A source set of tests besides src/test: Gradle's src/integrationTest and src/testFixtures, a build's
     * src/functional-tests (the word test as a part of the folder's name: not src/contest, src/main-test or
     * src/non-test, nor a folder named src below main code's).
     */
    private static final java.util.regex.Pattern TEST_SOURCE_ROOT = java.util.regex.Pattern.compile(
            "^(?!(.*/)?src/main/)(.*/)?src/(?!main|non)([a-z0-9]+[-_]|[a-z0-9]+(?=Test))?[tT]ests?([-_A-Z][\\w-]*)?/");

    /** Whether a repository path is a test source (by its folder or its name). */
    public static boolean isTest(String path) {
        String p = path.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (p.endsWith(".java") || p.endsWith(".kt") || p.endsWith(".groovy")) {
            return p.contains("src/test/") || TEST_SOURCE_ROOT.matcher(p).lookingAt()
                    || name.matches(".*(Test|Tests|IT|TestCase)\\.(java|kt|groovy)");
        }
        if (p.endsWith(".py")) {
            return name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py")
                    || p.startsWith("tests/") || p.contains("/tests/");
        }
        return false;
    }

    /**
     * Whether a repository path lies in a sample project that the project's tests build or hand to a tool, not in the
     * project itself: a folder with a source tree of its own ({@code .../src/main/...} or {@code .../src/test/...})
     * under Maven Invoker's {@code src/it}, the plugin-testing harness's {@code src/test/projects}, or a test source
     * set's resources folder ({@code src/test/resources}, {@code src/integrationTest/resources}). Its code does not
     * ship with the project, and its tests test the sample (they may still run, through the invoker). Not taken for
     * one: a folder without the inner source tree (Gradle builds name an integration-test source set
     * {@code src/it/java}), or one in main resources, which ship (archetypes' templates among them).
     */
    public static boolean isSampleProject(String path) {
        String p = "/" + path.replace('\\', '/');
        for (String root : new String[] {"/src/it/", "/src/test/projects/", "/resources/"}) {
            for (int at = p.indexOf(root); at >= 0; at = p.indexOf(root, at + 1)) {
                if ((!root.equals("/resources/") || TEST_SOURCE_SET.matcher(p.substring(0, at)).matches())
                        && SAMPLE_TREE.matcher(p.substring(at + root.length())).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A test source set's folder, {@code .../src/test} or {@code .../src/integrationTest}, that holds resources. */
    private static final java.util.regex.Pattern TEST_SOURCE_SET = java.util.regex.Pattern.compile(
            ".*/src/[^/]*(test|Test)[^/]*");
    /** Below a sample root: the sample's folder, perhaps a module's, then a source tree of its own. */
    private static final java.util.regex.Pattern SAMPLE_TREE = java.util.regex.Pattern.compile(
            "[^/]+/(.+/)?src/(main|test)/.+");

    /**
     * Whether a test at this path is not run by the project's build: in a sample project ({@link #isSampleProject}),
     * or among a source set's resources, which the build copies and does not compile.
     */
    public static boolean runsNoTests(String path) {
        return isSampleProject(path) || RESOURCES.matcher("/" + path.replace('\\', '/')).matches();
    }

    private static final java.util.regex.Pattern RESOURCES = java.util.regex.Pattern.compile(".*/src/[^/]+/resources/.+");

    /** Whether a repository path is Java code that ships (a Java source that is not a test). */
    public static boolean isMainJava(String path) {
        return path.endsWith(".java") && !isTest(path);
    }

    /**
     * Whether a repository path is main code or what main code is generated from: a Java source, or a Kotlin, Groovy
     * or Scala one, or an interface definition or grammar (Protocol Buffers, Avro, Thrift, ANTLR), not a test's. The
     * monitor reads only the Java, but the others' presence tells it that Java's text is not all the code declares.
     */
    public static boolean isMainSource(String path) {
        return isMainJava(path) || java.util.stream.Stream.of(".kt", ".groovy", ".scala", ".proto", ".avsc", ".thrift",
                ".g4").anyMatch(path::endsWith) && !isTest(path) && !path.contains("src/test/") && !isBuildLogic(path);
    }

    /** Whether a path is the build's own code (Gradle's buildSrc and build-logic, sbt's project folder). */
    private static boolean isBuildLogic(String path) {
        String p = "/" + path;
        return p.contains("/buildSrc/") || p.contains("/build-logic/")
                || path.startsWith("project/") && !path.contains("/src/main/");
    }

    /** The language the monitor reads this file as, or null when it has no detectors for it. */
    public String language() {
        return languageOf(where());
    }

    /** The language the monitor reads a file at {@code path} as, or null when it has no detectors for it. */
    public static String languageOf(String path) {
        String p = path.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (p.endsWith(".java")) {
            return "java";
        }
        if (p.endsWith(".py")) {
            return "python";
        }
        if (name.equals("pom.xml") || name.endsWith(".gradle") || name.endsWith(".gradle.kts")) {
            return "build";
        }
        if (p.startsWith(".github/workflows/") || name.equals(".gitlab-ci.yml") || name.equals("jenkinsfile")) {
            return "ci";
        }
        return null;
    }
}
