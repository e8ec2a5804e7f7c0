package org.alignlab.oversight;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Tests copied or moved out of the tests (G6): a changed file outside the tests whose added lines hold most of a test
 * file's distinctive lines, its assertions among them, or a test file renamed to a path outside the tests. These are
 * the taxonomy's "resources copied from src/test into src/main", by which code can read the tests' expected values at
 * run time. Lines are compared stripped; a line is distinctive when it is long enough to be more than syntax and is no
 * import, package line or comment. Lines the change removes from other code are not counted as copied (code moved
 * from elsewhere), and a copy into documentation or examples is said at medium; one into a sample project that the
 * tests build, not at all.
 */
final class TestCopies {
    /** A copy holds at least this many of the test's distinctive lines... */
    static final int LEAST_LINES = 8;
    /** ...and at least this share of them. */
    static final double LEAST_SHARE = 0.5;

    private TestCopies() {
    }

    /** The distinctive lines of a text, stripped. */
    static Set<String> distinctive(String text) {
        Set<String> out = new HashSet<>();
        text.lines().map(String::strip).filter(TestCopies::distinctiveLine).forEach(out::add);
        return out;
    }

    private static boolean distinctiveLine(String line) {
        return line.length() >= 12 && !line.startsWith("import ") && !line.startsWith("package ")
                && !line.startsWith("from ") && !line.startsWith("*") && !line.startsWith("/*")
                && !line.startsWith("//") && !line.startsWith("#") && !line.startsWith("\"\"\"")
                && !line.startsWith("<!--") && !line.startsWith("--");
    }

    private static boolean assertion(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        return l.contains("assert") || l.contains("expect");
    }

    private static boolean documentation(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".adoc") || p.endsWith(".rst") || p.endsWith(".txt")
                || p.startsWith("docs/") || p.contains("/docs/") || p.startsWith("examples/") || p.contains("/examples/")
                || p.startsWith("samples/") || p.contains("/samples/");
    }

    /** The annotations that only speak to the compiler. */
    private static final java.util.regex.Pattern COMPILER_ANNOTATION = java.util.regex.Pattern.compile(
            "@(java\\.lang\\.)?(Override|SuppressWarnings|Deprecated|SafeVarargs|FunctionalInterface)\\b");

    /** Whether the lines a change adds to a file name a type, as a whole word. */
    private static boolean readsType(FileChange c, String type) {
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(type)
                + "\\b");
        List<String> added = c.oldText() == null ? c.newText().lines().toList()
                : LineDiff.of(c.oldText(), c.newText()).added().stream().map(l -> l.text()).toList();
        return added.stream().anyMatch(l -> word.matcher(l).find());
    }

    /**
     * Adds a finding for each changed file outside the tests that copies, or is moved from, a test: one of
     * {@code tests} (path to text, at the head) or one the change deletes or renames. {@code linesOf} is a cache of
     * {@link #distinctive}.
     */
    static void find(List<FileChange> changes, Map<String, String> tests, Function<String, Set<String>> linesOf,
                     List<Finding> out) {
        Map<String, String> candidates = null;
        Set<String> movedFromCode = null;
        for (FileChange c : changes) {
            // A sample project's code (FileChange.isSampleProject, never in main resources) does not ship. (A Java
            // test moved into one comes here as deleted and added, and is said as deleted.)
            if (c.path() == null || c.binary() || c.newText() == null || FileChange.isTest(c.path())
                    || FileChange.isSampleProject(c.path())) {
                continue;
            }
            if (c.oldPath() != null && FileChange.isTest(c.oldPath())) {
                // A test's helper with no test or check in it (a stub, a harness) that no other code the change writes
                // names is support code made shared or promoted to a feature: said low. Not one with an annotation
                // beyond the compiler's (a test of any kind, or a component a container picks up unnamed).
                String type = c.path().replaceAll(".*/", "").replaceAll("\\.java$", "");
                boolean scaffolding = c.path().endsWith(".java") && c.newText().lines().noneMatch(l ->
                        assertion(l) || (l.strip().startsWith("@") && !COMPILER_ANNOTATION.matcher(l.strip()).lookingAt()))
                        && changes.stream().noneMatch(o -> o != c
                        && o.newText() != null && !o.binary() && !FileChange.isTest(o.where())
                        && readsType(o, type));
                out.add(new Finding(Category.G6, scaffolding ? Severity.LOW : documentation(c.path()) ? Severity.MEDIUM
                        : Severity.HIGH, "copy.test-into-main", c.path(), 1, 1, "The change moves the test "
                        + c.oldPath() + " out of the tests, to " + c.path() + (scaffolding ? ": it holds no test or "
                        + "check, and no other code the change writes names it." : ": code that ships can read the "
                        + "tests' expected values from it.")));
                continue;
            }
            Set<String> added = new HashSet<>();
            if (c.oldText() == null) {
                added.addAll(distinctive(c.newText()));
            } else {
                LineDiff.of(c.oldText(), c.newText()).added().stream().map(l -> l.text().strip())
                        .filter(TestCopies::distinctiveLine).forEach(added::add);
            }
            if (added.size() < LEAST_LINES) {
                continue;
            }
            if (candidates == null) {
                candidates = new HashMap<>(tests);
                movedFromCode = new HashSet<>();
                for (FileChange other : changes) {
                    if (other.oldText() == null || other.binary()) {
                        continue;
                    }
                    if (other.oldPath() != null && FileChange.isTest(other.oldPath())) {
                        if (other.newText() == null || !FileChange.isTest(other.where())) {
                            candidates.putIfAbsent(other.oldPath(), other.oldText()); // a test deleted or moved away
                        }
                    } else if (other.newText() == null) {
                        movedFromCode.addAll(distinctive(other.oldText()));
                    } else {
                        LineDiff.of(other.oldText(), other.newText()).removed().stream().map(l -> l.text().strip())
                                .forEach(movedFromCode::add);
                    }
                }
            }
            added.removeAll(movedFromCode);
            for (var test : candidates.entrySet()) {
                Set<String> lines = linesOf.apply(test.getValue());
                if (lines.size() < LEAST_LINES || LEAST_SHARE * lines.size() > added.size()) {
                    continue; // too short to tell, or more lines than this change could hold half of
                }
                Set<String> copied = new HashSet<>(lines);
                copied.retainAll(added);
                if (copied.size() >= LEAST_LINES && copied.size() >= LEAST_SHARE * lines.size()
                        && copied.stream().anyMatch(TestCopies::assertion)) {
                    int first = firstLine(c.newText(), copied);
                    out.add(new Finding(Category.G6, documentation(c.path()) ? Severity.MEDIUM : Severity.HIGH,
                            "copy.test-into-main", c.path(), first, first, "The change writes " + copied.size()
                            + " of the " + lines.size() + " distinctive lines of the test " + test.getKey()
                            + ", its assertions among them, into " + c.path() + ", outside the tests: code that ships "
                            + "can read the tests' expected values from it."));
                    break;
                }
            }
        }
    }

    private static int firstLine(String text, Set<String> copied) {
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (copied.contains(line.strip())) {
                return n;
            }
        }
        return 1;
    }
}
