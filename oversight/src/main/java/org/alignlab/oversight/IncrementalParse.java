package org.alignlab.oversight;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.PatternExpr;
import com.github.javaparser.ast.visitor.CloneVisitor;
import com.github.javaparser.ast.visitor.Visitable;
import java.util.ArrayList;
import java.util.List;

/**
 * The tree of a changed text from the tree of its base, when the change lies within the body of a class (or within
 * the package and imports, or both): only what changed is parsed again, and the rest of the base's tree is copied with
 * its places moved. A change is most often an edit to one method of a file of thousands of lines, and parsing the
 * whole new text was most of the change monitor's time. The result is the tree a full parse of the new text gives,
 * node for node, token for token and place for place ({@code IncrementalParseTest} checks that on edits of real
 * files); where that cannot be had cheaply (the change reaches a type's header, an enum or a record, or the new text
 * does not parse on its own) there is no result and the caller parses the whole text.
 */
final class IncrementalParse {
    /** A tree's tokens in order with their offsets in its text, kept on the tree. */
    private static final DataKey<Tokens> TOKENS = new DataKey<>() { };
    /** The island's first line: the new members are parsed as the members of this class, from its second line. */
    private static final String CLASS = "class X{\n";
    private static final String INTERFACE = "interface X{\n";

    private IncrementalParse() {
    }

    /** The tokens of a tree and their offsets in its text. */
    private static final class Tokens {
        final JavaToken[] list;
        final int[] offset;
        private static final long UNPLACED = Long.MIN_VALUE;
        private long[] places;

        private Tokens(JavaToken[] list) {
            this.list = list;
            offset = new int[list.length + 1];
            for (int i = 0; i < list.length; i++) {
                offset[i + 1] = offset[i] + list[i].getText().length();
            }
        }

        /** The tree's tokens, listed once and kept on it (under its lock: a base tree may be judged by two threads). */
        static Tokens of(CompilationUnit cu) {
            synchronized (cu) {
                return listed(cu);
            }
        }

        private static Tokens listed(CompilationUnit cu) {
            if (cu.containsData(TOKENS)) {
                return cu.getData(TOKENS);
            }
            JavaToken first = cu.getTokenRange().map(TokenRange::getBegin).orElse(null);
            if (first == null) {
                return null;
            }
            while (first.getPreviousToken().isPresent()) {
                first = first.getPreviousToken().get();
            }
            List<JavaToken> all = new ArrayList<>();
            for (JavaToken t = first; t != null; t = t.getNextToken().orElse(null)) {
                all.add(t);
            }
            Tokens t = new Tokens(all.toArray(new JavaToken[0]));
            cu.setData(TOKENS, t);
            return t;
        }

        /**
         * Where the token is in the list, or -1: found by its place (tokens are in the order of their places; only
         * empty ones, such as the end of the file, share a place with the next), then checked to be the very token.
         * The places are read into one array on the first search, since a tree's every node is looked up.
         */
        int indexOf(JavaToken t) {
            long p = place(t);
            if (p == UNPLACED) {
                return -1;
            }
            long[] at = places();
            int lo = 0;
            int hi = list.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long m = at[mid];
                if (m == UNPLACED) {
                    return -1;
                }
                if (m < p) {
                    lo = mid + 1;
                } else if (m > p) {
                    hi = mid - 1;
                } else {
                    for (int i = mid; i >= 0 && at[i] == p; i--) {
                        if (list[i] == t) {
                            return i;
                        }
                    }
                    for (int i = mid + 1; i < list.length && at[i] == p; i++) {
                        if (list[i] == t) {
                            return i;
                        }
                    }
                    return -1;
                }
            }
            return -1;
        }

        private long[] places() {
            if (places == null) {
                long[] at = new long[list.length];
                for (int i = 0; i < list.length; i++) {
                    at[i] = place(list[i]);
                }
                places = at;
            }
            return places;
        }

        /** A token's first line and column as one number in the order of places, or {@link #UNPLACED}. */
        private static long place(JavaToken t) {
            Range r = t.getRange().orElse(null);
            return r == null ? UNPLACED : ((long) r.begin.line << 32) | (r.begin.column & 0xffffffffL);
        }

        int begin(Node n) {
            return n.getTokenRange().map(r -> indexOf(r.getBegin())).orElse(-1);
        }

        int end(Node n) {
            return n.getTokenRange().map(r -> indexOf(r.getEnd())).orElse(-1);
        }
    }

    /**
     * Where the tree's comments are in {@code text}: each comment token's start and end (exclusive) as offsets; null
     * where the tree has no tokens or they do not spell the text out (a byte order mark, say).
     */
    static List<int[]> commentSpans(CompilationUnit cu, String text) {
        Tokens tokens = Tokens.of(cu);
        if (tokens == null || tokens.offset[tokens.list.length] != text.length()) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < tokens.list.length; i++) {
            if (tokens.list[i].getCategory().isComment()) {
                if (!text.startsWith(tokens.list[i].getText(), tokens.offset[i])) {
                    return null;
                }
                out.add(new int[] {tokens.offset[i], tokens.offset[i + 1]});
            }
        }
        return out;
    }

    /**
     * The tree of {@code headText}, built from {@code base} (the tree of {@code baseText}), or null when the change is
     * not confined to the body of one class or interface and the package and imports (the caller then parses the
     * whole text).
     */
    static CompilationUnit of(JavaParser parser, CompilationUnit base, String baseText, String headText) {
        Tokens tokens = Tokens.of(base);
        if (tokens == null || tokens.offset[tokens.list.length] != baseText.length() || base.getTypes().isEmpty()
                || base.getModule().isPresent()) {
            return null; // the tokens do not spell the text (unicode escapes, a byte-order mark): no offsets to trust
        }
        for (TypeDeclaration<?> t : base.getTypes()) {
            if (t.getName().getTokenRange().isEmpty()) {
                return null; // a compact source file's implicit class, to which the parser adds a modifier after
            }
        }
        int[] changed = changed(baseText, headText);
        int typeIndex = tokens.begin(base.getType(0));
        if (typeIndex < 0) {
            return null;
        }
        int typeStart = tokens.offset[typeIndex];
        if (changed[0] >= typeStart) {
            return body(parser, base, tokens, baseText, headText, changed[0], changed[1]);
        }
        if (changed[1] <= typeStart) {
            return header(parser, base, tokens, typeIndex, headText);
        }
        // The imports and the body both changed: the new imports first, then the body, if the first type's own header
        // (its annotations, name and supertypes up to its brace) is unchanged between them.
        int open = bodyOpen(tokens, base.getType(0));
        if (open < 0) {
            return null;
        }
        int at = headText.indexOf(baseText.substring(typeStart, tokens.offset[open + 1]), changed[0]);
        if (at < 0) {
            return null;
        }
        String middle = headText.substring(0, at) + baseText.substring(typeStart);
        CompilationUnit imports = header(parser, base, tokens, typeIndex, middle);
        if (imports == null || middle.equals(headText)) {
            return imports;
        }
        int[] rest = changed(middle, headText);
        return body(parser, imports, Tokens.of(imports), middle, headText, rest[0], rest[1]);
    }

    /** The base's changed characters, [from, to): the rest is a common prefix and a common suffix. */
    private static int[] changed(String baseText, String headText) {
        int prefix = 0;
        int limit = Math.min(baseText.length(), headText.length());
        while (prefix < limit && baseText.charAt(prefix) == headText.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix && baseText.charAt(baseText.length() - 1 - suffix)
                == headText.charAt(headText.length() - 1 - suffix)) {
            suffix++;
        }
        return new int[] {prefix, baseText.length() - suffix};
    }

    /** The index of the brace that opens a type's body, or -1. */
    private static int bodyOpen(Tokens tokens, TypeDeclaration<?> type) {
        int from = type.getMembers().isEmpty() ? tokens.end(type) : tokens.begin(type.getMember(0));
        for (int i = from - 1; i >= 0; i--) {
            JavaToken t = tokens.list[i];
            if (!t.getCategory().isWhitespaceOrComment()) {
                return t.getText().equals("{") ? i : -1;
            }
        }
        return -1;
    }

    /** A change within the body of a top-level class or interface: its members there parsed again. */
    private static CompilationUnit body(JavaParser parser, CompilationUnit base, Tokens tokens, String baseText,
                                        String headText, int from, int to) {
        ClassOrInterfaceDeclaration type = null;
        int open = -1;
        int close = -1;
        for (TypeDeclaration<?> t : base.getTypes()) {
            int o = bodyOpen(tokens, t);
            int c = tokens.end(t);
            if (o >= 0 && c > o && tokens.offset[o + 1] <= from && to <= tokens.offset[c]) {
                if (!(t instanceof ClassOrInterfaceDeclaration k) || !tokens.list[c].getText().equals("}")) {
                    return null; // an enum's or a record's body, or an annotation type's
                }
                type = k;
                open = o;
                close = c;
                break;
            }
        }
        if (type == null) {
            return null; // the change reaches a type's header
        }
        // The segment runs from the start of the last member that starts at or before the change (else from the
        // body's brace) to the end of the first member that ends at or after it (else to the closing brace); the
        // members within it are replaced.
        NodeList<BodyDeclaration<?>> members = type.getMembers();
        int segmentBegin = open + 1;
        int segmentEnd = close; // exclusive
        for (BodyDeclaration<?> m : members) {
            int b = tokens.begin(m);
            int e = tokens.end(m);
            if (b < 0 || e < 0) {
                return null;
            }
            if (tokens.offset[b] <= from) {
                segmentBegin = b;
            }
            if (tokens.offset[e + 1] >= to && segmentEnd == close) {
                segmentEnd = e + 1;
            }
        }
        if (segmentEnd < segmentBegin) {
            return null;
        }
        int replacedFirst = -1;
        int replacedLast = -2;
        for (int k = 0; k < members.size(); k++) {
            if (tokens.begin(members.get(k)) >= segmentBegin && tokens.end(members.get(k)) < segmentEnd) {
                replacedFirst = replacedFirst < 0 ? k : replacedFirst;
                replacedLast = k;
            }
        }
        int segmentFrom = tokens.offset[segmentBegin];
        int segmentTo = tokens.offset[segmentEnd] + headText.length() - baseText.length();
        String segment = headText.substring(segmentFrom, segmentTo);

        // The segment alone, as the members of a class of its own, placed so that its first line has its columns:
        // the text before it on that line with every character but tabs made a space (a tab counts as one column).
        Range first = tokens.list[segmentBegin].getRange().orElse(null);
        if (first == null) {
            return null;
        }
        Position at = first.begin;
        int lineStart = segmentFrom - (at.column - 1);
        if (lineStart < 0) {
            return null;
        }
        StringBuilder island = new StringBuilder(segment.length() + at.column + 16);
        island.append(type.isInterface() ? INTERFACE : CLASS);
        for (int i = lineStart; i < segmentFrom; i++) {
            island.append(headText.charAt(i) == '\t' ? '\t' : ' ');
        }
        int islandFrom = island.length();
        island.append(segment).append("\n}");
        ParseResult<CompilationUnit> parsed = parser.parse(island.toString());
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return null;
        }
        CompilationUnit islandTree = parsed.getResult().get();
        if (islandTree.getTypes().size() != 1 || !(islandTree.getType(0) instanceof ClassOrInterfaceDeclaration
                holder)) {
            return null;
        }
        Tokens islandTokens = Tokens.of(islandTree);
        List<JavaToken> middle = within(islandTokens, islandFrom, islandFrom + segment.length());
        if (middle == null || !seamHolds(headText, segmentFrom, List.of())
                || !seamHolds(headText, segmentTo, middle)) {
            return null;
        }
        for (BodyDeclaration<?> m : holder.getMembers()) {
            int b = islandTokens.begin(m);
            int e = islandTokens.end(m);
            if (b < 0 || e < 0 || islandTokens.offset[b] < islandFrom || islandTokens.offset[e + 1] > islandFrom
                    + segment.length()) {
                return null;
            }
        }

        // The new text's tokens: the base's before the segment (their places unchanged), the segment's (moved down to
        // its lines) and the base's after it (moved by the lines and, on the segment's last line, the columns it
        // changed).
        Position oldAfter = tokens.list[segmentEnd].getRange().map(r -> r.begin).orElse(null);
        if (oldAfter == null) {
            return null;
        }
        Position newAfter = advance(at, headText, segmentFrom, segmentTo);
        int lineShift = at.line - 2; // the island's segment starts on its second line
        Copies copies = new Copies(tokens.list.length + middle.size());
        copies.add(tokens, 0, segmentBegin, 0, -1, 0);
        if (!middle.isEmpty()) {
            copies.add(islandTokens, islandTokens.indexOf(middle.get(0)), middle.size(), lineShift, -1, 0);
        }
        copies.add(tokens, segmentEnd, tokens.list.length - segmentEnd, newAfter.line - oldAfter.line, oldAfter.line,
                newAfter.column - oldAfter.column);

        // The base's tree copied with the new members in place of the replaced ones (built through the nodes'
        // constructors, so that every node lists its children in the order a parse gives them).
        List<BodyDeclaration<?>> fresh = new ArrayList<>(holder.getMembers());
        int insertAt = replacedFirst >= 0 ? replacedFirst : insertionPoint(tokens, members, segmentBegin);
        int firstReplaced = replacedFirst;
        int lastReplaced = replacedLast;
        CompilationUnit head = (CompilationUnit) base.accept(new TreeCopy() {
            @Override
            @SuppressWarnings({"rawtypes", "unchecked"})
            public Visitable visit(NodeList n, Object arg) {
                if (n != members) {
                    return super.visit(n, arg);
                }
                NodeList<BodyDeclaration<?>> spliced = new NodeList<>();
                for (int k = 0; k <= members.size(); k++) {
                    if (k == insertAt) {
                        spliced.addAll(fresh);
                    }
                    if (k < members.size() && (k < firstReplaced || k > lastReplaced)) {
                        spliced.add((BodyDeclaration<?>) members.get(k).accept(this, arg));
                    }
                }
                return spliced;
            }
        }, null);
        return pointAt(head, copies, null);
    }

    /** Where new members go when none is replaced: before the first member that starts after the segment. */
    private static int insertionPoint(Tokens tokens, List<BodyDeclaration<?>> members, int segmentBegin) {
        for (int k = 0; k < members.size(); k++) {
            if (tokens.begin(members.get(k)) >= segmentBegin) {
                return k;
            }
        }
        return members.size();
    }

    /** A change within the package and imports: they are parsed again, on their own. */
    private static CompilationUnit header(JavaParser parser, CompilationUnit base, Tokens tokens, int typeIndex,
                                          String headText) {
        int headerEnd = tokens.offset[typeIndex] + headText.length() - tokens.offset[tokens.list.length];
        if (headerEnd < 0 || tokens.begin(base) != 0) {
            return null;
        }
        String header = headText.substring(0, headerEnd);
        if (header.indexOf('\u001A') >= 0) {
            return null; // the parser ends a file at a Ctrl-Z and ignores the rest: what follows would be no longer read
        }
        ParseResult<CompilationUnit> parsed = parser.parse(header);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return null;
        }
        for (ImportDeclaration i : base.getImports()) {
            if (tokens.begin(i) > typeIndex) {
                return null; // an import after a type: the imports parsed again would leave it out
            }
        }
        CompilationUnit imports = parsed.getResult().get();
        if (!imports.getTypes().isEmpty() || imports.getModule().isPresent()) {
            return null;
        }
        Tokens importTokens = Tokens.of(imports);
        List<JavaToken> fresh = importTokens == null ? List.of() : within(importTokens, 0, header.length());
        if (fresh == null || !seamHolds(headText, headerEnd, fresh)) {
            return null;
        }
        Position oldAfter = tokens.list[typeIndex].getRange().map(r -> r.begin).orElse(null);
        if (oldAfter == null) {
            return null;
        }
        Position newAfter = advance(new Position(1, 1), headText, 0, headerEnd);
        Copies copies = new Copies(tokens.list.length + fresh.size());
        if (!fresh.isEmpty()) {
            copies.add(importTokens, importTokens.indexOf(fresh.get(0)), fresh.size(), 0, -1, 0);
        }
        copies.add(tokens, typeIndex, tokens.list.length - typeIndex, newAfter.line - oldAfter.line, oldAfter.line,
                newAfter.column - oldAfter.column);
        CompilationUnit head = (CompilationUnit) base.accept(new TreeCopy() {
            @Override
            @SuppressWarnings("unchecked")
            public Visitable visit(CompilationUnit n, Object arg) {
                return new CompilationUnit(n.getTokenRange().orElse(null), imports.getPackageDeclaration().orElse(null),
                        new NodeList<>(new ArrayList<>(imports.getImports())),
                        (NodeList<TypeDeclaration<?>>) n.getTypes().accept(this, arg), null);
            }
        }, null);
        return copies.made.isEmpty() ? null : pointAt(head, copies, copies.made.get(0));
    }

    /**
     * Whether {@code text} read across {@code at}, where a piece parsed alone meets the copied tokens, gives the tokens
     * the two sides gave apart: not where a \r before it and a \n after it would make one line end, nor where the
     * piece before it ({@code before}) ends in a line comment that the text after it would continue (a comment that
     * ran to the island's own line end).
     */
    private static boolean seamHolds(String text, int at, List<JavaToken> before) {
        if (at > 0 && at < text.length() && text.charAt(at - 1) == '\r' && text.charAt(at) == '\n') {
            return false;
        }
        return before.isEmpty() || before.get(before.size() - 1).getKind()
                != JavaToken.Kind.SINGLE_LINE_COMMENT.getKind() || at >= text.length() || text.charAt(at) == '\n'
                || text.charAt(at) == '\r';
    }

    /** The tokens of {@code tokens} that make up its text's [from, to), or null when a token straddles either end. */
    private static List<JavaToken> within(Tokens tokens, int from, int to) {
        List<JavaToken> found = new ArrayList<>();
        for (int i = 0; i < tokens.list.length; i++) {
            int b = tokens.offset[i];
            int e = tokens.offset[i + 1];
            if (b < from && e > from || b < to && e > to) {
                return null;
            }
            if (b >= from && e <= to && e > b) {
                found.add(tokens.list[i]);
            }
        }
        return found;
    }

    /**
     * Every node of {@code head} pointed at the new tokens, and what rules kept on the base's tree dropped; the whole
     * tree begins at {@code firstToken} when its old first token was replaced. Null if a node's token has no copy.
     */
    private static CompilationUnit pointAt(CompilationUnit head, Copies copies, JavaToken firstToken) {
        for (Node n : head.findAll(Node.class)) {
            if (!n.getDataKeys().isEmpty()) {
                for (DataKey<?> key : new ArrayList<>(n.getDataKeys())) {
                    n.removeData(key);
                }
            }
            TokenRange r = n.getTokenRange().orElse(null);
            if (r != null) {
                JavaToken b = n == head && firstToken != null ? firstToken : copies.of(r.getBegin());
                JavaToken e = copies.of(r.getEnd());
                if (b == null || e == null) {
                    return null;
                }
                n.setTokenRange(new TokenRange(b, e));
            }
        }
        head.setData(TOKENS, new Tokens(copies.made.toArray(new JavaToken[0])));
        return head;
    }

    /** The new text's tokens, copied in runs from other trees' tokens, and the copy of each token copied. */
    private static final class Copies {
        final List<JavaToken> made;
        /** The runs copied, by their source (one or two sources: a list, searched by identity). */
        private final List<Copied> bySource = new ArrayList<>();

        /** The runs copied from one source. */
        private record Copied(Tokens source, List<Run> runs) {
        }

        /** {@code count} tokens of a source from {@code from}, copied from {@code firstCopy} on. */
        private record Run(int from, int count, int firstCopy) {
        }

        Copies(int size) {
            made = new ArrayList<>(size);
        }

        /**
         * {@code count} tokens of {@code source} from {@code from}, linked after the last copy, moved down
         * {@code lines} and, on the line {@code onLine}, right {@code columns}.
         */
        void add(Tokens source, int from, int count, int lines, int onLine, int columns) {
            if (count == 0) {
                return;
            }
            if (from < 0 || from + count > source.list.length) {
                throw new IllegalStateException("tokens " + from + ".." + (from + count) + " of " + source.list.length);
            }
            Copied copied = bySource.stream().filter(c -> c.source() == source).findFirst().orElse(null);
            if (copied == null) {
                copied = new Copied(source, new ArrayList<>());
                bySource.add(copied);
            }
            copied.runs().add(new Run(from, count, made.size()));
            for (int i = from; i < from + count; i++) {
                JavaToken t = source.list[i];
                Range r = t.getRange().orElse(null);
                Range moved = r == null || (lines == 0 && columns == 0) ? r
                        : new Range(shift(r.begin, lines, onLine, columns), shift(r.end, lines, onLine, columns));
                JavaToken c = new JavaToken(moved, t.getKind(), t.getText(), null, null);
                if (!made.isEmpty()) {
                    made.get(made.size() - 1).insertAfter(c);
                }
                made.add(c);
            }
        }

        /**
         * The copy of {@code t}, or null when it was not copied: searched for once in each source (the base's tokens
         * before and after the new ones are one source).
         */
        JavaToken of(JavaToken t) {
            for (Copied copied : bySource) {
                int i = copied.source().indexOf(t);
                for (Run run : copied.runs()) {
                    if (i >= run.from() && i < run.from() + run.count()) {
                        return made.get(run.firstCopy() + i - run.from());
                    }
                }
            }
            return null;
        }
    }

    private static Position shift(Position p, int lines, int onLine, int columns) {
        return new Position(p.line + lines, p.line == onLine ? p.column + columns : p.column);
    }

    /** The place just after {@code text[from, to)}, which starts at {@code p} (lines end at \n, \r\n or \r). */
    private static Position advance(Position p, String text, int from, int to) {
        int line = p.line;
        int column = p.column;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return new Position(line, column);
    }

    /** A copy of a tree as the parser builds it. */
    private static class TreeCopy extends CloneVisitor {
        /** The parser gives {@code x instanceof T t} the pattern's own type node as its type: so must the copy. */
        @Override
        public Visitable visit(InstanceOfExpr n, Object arg) {
            PatternExpr pattern = n.getPattern().orElse(null);
            if (pattern == null || n.getType() != pattern.getType()) {
                return super.visit(n, arg);
            }
            PatternExpr copied = (PatternExpr) pattern.accept(this, arg);
            return new InstanceOfExpr(n.getTokenRange().orElse(null), (Expression) n.getExpression().accept(this, arg),
                    copied.getType().asReferenceType(), copied);
        }
    }
}
