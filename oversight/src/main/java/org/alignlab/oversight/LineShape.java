package org.alignlab.oversight;

import java.util.regex.Pattern;

/** Lines compared by shape: the same text once its literals (strings, numbers) are masked. */
final class LineShape {
    // Each quoted literal is written as runs of plain characters between escapes, so that a long literal does not
    // recurse once per character in the regex engine (a StackOverflowError on generated code's long lines).
    private static final Pattern LITERAL = Pattern.compile(
            "\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|'[^'\\\\]*+(?:\\\\.[^'\\\\]*+)*+'|(?<![\\w.])-?\\d[\\d_]*(?:\\.\\d+)?(?:[eE][-+]?\\d+)?[lLfFdD]?");

    private LineShape() {
    }

    /** Whether a line is a comment's: a line comment, a block comment's start or a Javadoc's inner line. */
    static boolean comment(String line) {
        String t = line.strip();
        return t.startsWith("//") || t.startsWith("/*") || t.startsWith("*");
    }

    /** The line with every literal replaced by a placeholder, and spacing normalised. */
    static String mask(String line) {
        return LITERAL.matcher(line.strip()).replaceAll("#").replaceAll("\\s+", " ");
    }

    /** The line's literals (strings with their quotes, numbers), in order. */
    static java.util.List<String> literals(String line) {
        return LITERAL.matcher(line).results().map(java.util.regex.MatchResult::group).toList();
    }

    /** Whether two lines have the same shape but differ in their literals: an edited value, nothing else. */
    static boolean sameShapeOtherLiterals(String before, String after) {
        return !before.strip().equals(after.strip()) && mask(before).equals(mask(after)) && mask(after).contains("#");
    }
}
