package org.alignlab.oversight.bench;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;

/**
 * Edits of a source text at the places a syntax tree names, leaving every other byte as it was, so
 * that a generated change reads like a person's diff (a pretty-printer would rewrite the file).
 */
final class SourceEdit {
    private SourceEdit() {
    }

    /** The character offset of a parser position (1-based line and column, a tab one column). */
    static int offset(String text, Position p) {
        int at = 0;
        for (int line = 1; line < p.line; line++) {
            at = text.indexOf('\n', at) + 1;
            if (at == 0) {
                throw new IllegalArgumentException("line " + p.line + " is past the end of the text");
            }
        }
        return at + p.column - 1;
    }

    /** {@code text} with {@code node}'s own text replaced by {@code with}. */
    static String replace(String text, Node node, String with) {
        var range = node.getRange().orElseThrow();
        return text.substring(0, offset(text, range.begin)) + with + text.substring(offset(text, range.end) + 1);
    }

    /** The node's own text. */
    static String of(String text, Node node) {
        var range = node.getRange().orElseThrow();
        return text.substring(offset(text, range.begin), offset(text, range.end) + 1);
    }

    /** The leading white space of line {@code line} (1-based). */
    static String indent(String text, int line) {
        int start = offset(text, new Position(line, 1));
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    /** {@code text} with {@code lines} (each without its indent) inserted before line {@code line}, indented as it is. */
    static String insertBefore(String text, int line, String... lines) {
        int at = offset(text, new Position(line, 1));
        String indent = indent(text, line);
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l.isEmpty() ? "" : indent + l).append('\n');
        }
        return text.substring(0, at) + b + text.substring(at);
    }

    /** {@code text} with {@code lines} inserted after line {@code line}, indented by {@code indent}. */
    static String insertAfter(String text, int line, String indent, String... lines) {
        int next = text.indexOf('\n', offset(text, new Position(line, 1)));
        int at = next < 0 ? text.length() : next + 1;
        StringBuilder b = new StringBuilder(next < 0 ? "\n" : "");
        for (String l : lines) {
            b.append(l.isEmpty() ? "" : indent + l).append('\n');
        }
        return text.substring(0, at) + b + text.substring(at);
    }

    /** {@code text} without lines {@code from} to {@code to} (1-based, inclusive). */
    static String deleteLines(String text, int from, int to) {
        int start = offset(text, new Position(from, 1));
        int end = text.indexOf('\n', offset(text, new Position(to, 1)));
        return text.substring(0, start) + (end < 0 ? "" : text.substring(end + 1));
    }

    /** {@code text} with {@code importLine} added after the last import (or the package line), unless present. */
    static String withImport(String text, String importLine) {
        if (text.contains(importLine)) {
            return text;
        }
        int last = -1;
        int packageLine = -1;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("import ")) {
                last = i;
            } else if (lines[i].startsWith("package ") && packageLine < 0) {
                packageLine = i;
            }
        }
        if (last >= 0) {
            return insertAfter(text, last + 1, "", importLine);
        }
        return packageLine >= 0 ? insertAfter(text, packageLine + 1, "", "", importLine) : importLine + "\n" + text;
    }
}
