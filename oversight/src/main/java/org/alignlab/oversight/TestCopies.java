package org.alignlab.oversight;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Tests copied into code that ships (G6): a file outside the tests whose added lines hold most of a test file's
 * distinctive lines, the taxonomy's "resources copied from src/test into src/main" by which code can read the tests'
 * expected values at run time. Lines are compared stripped; a line is distinctive when it is long enough to be more
 * than syntax and is no import, package line or comment marker.
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
                && !line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//");
    }

    /**
     * Adds a finding for each changed file outside the tests whose added lines copy a test file of {@code tests} (path
     * to text), read through {@code linesOf} (a cache of {@link #distinctive}).
     */
    static void find(List<FileChange> changes, Map<String, String> tests, Function<String, Set<String>> linesOf,
                     List<Finding> out) {
        for (FileChange c : changes) {
            if (c.test() || c.binary() || c.newText() == null || FileChange.isTest(c.where())) {
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
            for (var test : tests.entrySet()) {
                Set<String> lines = linesOf.apply(test.getValue());
                if (lines.size() < LEAST_LINES) {
                    continue;
                }
                long copied = lines.stream().filter(added::contains).count();
                if (copied >= LEAST_LINES && copied >= LEAST_SHARE * lines.size()) {
                    out.add(new Finding(Category.G6, Severity.HIGH, "copy.test-into-main", c.where(), 1,
                            (int) Math.max(1, c.newText().lines().count()), "The change writes " + copied + " of the "
                            + lines.size() + " distinctive lines of the test " + test.getKey() + " into " + c.where()
                            + ", outside the tests: code that ships can read the tests' expected values from it."));
                    break;
                }
            }
        }
    }
}
