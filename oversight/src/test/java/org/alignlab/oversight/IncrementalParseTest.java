package org.alignlab.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tree built from a base's tree must be the tree a full parse of the new text gives: node for node, every node's
 * place and tokens, and the token list itself. Checked on edits of real files (this module's own sources): statements
 * added (with an import or without), members deleted, copied, added first and last and given a trailing declaration on
 * their last line, literals lengthened, the same with Windows line ends, edits that break the text or reach a type's
 * header (no tree built: the caller parses it whole), and a tree built from a tree that was itself built so.
 */
class IncrementalParseTest {
    private final JavaParser parser = JavaDetectors.newParser();

    private CompilationUnit full(String text) {
        var r = parser.parse(text);
        return r.isSuccessful() ? r.getResult().orElseThrow() : null;
    }

    @Test
    void aChangedMemberGivesTheFullParsesTree() {
        CompilationUnit base = full("class A {\n    int x = 1; void f() { g(); } int y;\n\n    void h() {}\n}\n");
        String head = "class A {\n    int x = 1; void f() { g(); g(2); } int y;\n\n    void h() {}\n}\n";
        CompilationUnit built = IncrementalParse.of(parser, base,
                "class A {\n    int x = 1; void f() { g(); } int y;\n\n    void h() {}\n}\n", head);
        assertThat(built).isNotNull();
        assertSame(built, full(head));
        // y moved right by the six characters added before it on its line; h kept its line.
        var y = built.findAll(com.github.javaparser.ast.body.VariableDeclarator.class).get(1);
        assertThat(y.getBegin()).contains(new Position(2, 44));
        assertThat(built.findFirst(com.github.javaparser.ast.body.MethodDeclaration.class,
                m -> m.getNameAsString().equals("h")).orElseThrow().getBegin()).contains(new Position(4, 5));
    }

    @Test
    void editsOfRealFilesGiveTheFullParsesTree() throws IOException {
        int built = 0;
        int edits = 0;
        List<Path> files = sources();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            String text = Files.readString(file);
            // Every fourth file also with Windows line ends.
            for (String base : f % 4 == 0 ? List.of(text, text.replace("\n", "\r\n")) : List.of(text)) {
                CompilationUnit tree = full(base);
                assertThat(tree).as(file.toString()).isNotNull();
                List<String> heads = memberEdits(base, tree);
                for (String head : heads) {
                    boolean mustBuild = !head.startsWith(MAY_FALL_BACK);
                    head = mustBuild ? head : head.substring(MAY_FALL_BACK.length());
                    edits++;
                    CompilationUnit incremental = IncrementalParse.of(parser, tree, base, head);
                    CompilationUnit whole = full(head);
                    if (incremental != null) {
                        built++;
                        assertThat(whole).as("an edit of %s parsed only in part", file).isNotNull();
                        assertSame(incremental, whole);
                    } else {
                        assertThat(mustBuild).as("an edit within the members of %s not built", file).isFalse();
                    }
                }
            }
        }
        System.out.printf("IncrementalParseTest: %d of %d edits built from the base%n", built, edits);
        assertThat(edits).isGreaterThan(600);
        assertThat(built).isGreaterThan(edits * 8 / 10);
    }

    /** Pairs found by a review: each built tree must be the full parse's, and none is built where that fails. */
    @Test
    void seamsWhereTheNewTextReadsOnAcrossThePieceParsedAlone() {
        String[][] pairs = {
            // A line comment that, in the whole text, runs on over what follows it on its line.
            {"class A {\n    int a; int b;\n}\n", "class A {\n    // int a; int b;\n}\n"},
            {"class A {\n    int a; }\n", "class A {\n    int a; // }\n"},
            {"class A {\n  int a; // note\n  int b; int c;\n}\n", "class A {\n  int a; // note  int b; int c;\n}\n"},
            {"package p; /* x */ class A {}\n", "package p; // x */ class A {}\n"},
            {"import a.B;\nclass A {\n  int x;\n}\n", "import a.B; // class A {\n  int y;\n}\n"},
            // An import after a type, which the imports parsed again would leave out.
            {"import a.B;\nclass A {}\nimport c.D;\n", "import a.X;\nclass A {}\nimport c.D;\n"},
            // A \r before and a \n after the seam: one line end in the whole text.
            {"class A {\r  int a;\rint b;\r}\r", "class A {\r  int a;\r\nint b;\r}\r"},
            // A compact source file, whose implicit class the parser gives a modifier after building it.
            {"import a.B;\nvoid main(){}\n", "import a.C;\nvoid main(){}\n"},
            // A Ctrl-Z, after which the parser reads no further.
            {"import a.B;\nclass A {}\n", "import a.B;\u001A\nclass A {}\n"},
            {"import a.B;\nclass A {\n int x;\n}\n", "import a.C;\u001A\nclass A {\n int y;\n}\n"},
            // Block comments and text blocks close themselves: built.
            {"class A {\n    int a; int b;\n}\n", "class A {\n    /* int a; */ int b;\n}\n"},
            {"class A {\n    String s = \"\"\"\n      x\n      \"\"\"; int b;\n}\n",
                "class A {\n    String s = \"\"\"\n      y // z\n      \"\"\"; int b;\n}\n"},
            {"interface I {\n\tdefault void f() {}\n\tint X = 1;\n}\n", "interface I {\n\tdefault void f() { g(); }\n\tint X = 1;\n}\n"},
        };
        int mustBuild = pairs.length - 3; // the last three
        for (int i = 0; i < pairs.length; i++) {
            String[] pair = pairs[i];
            CompilationUnit base = full(pair[0]);
            assertThat(base).as(pair[0]).isNotNull();
            CompilationUnit incremental = IncrementalParse.of(parser, base, pair[0], pair[1]);
            CompilationUnit whole = full(pair[1]);
            if (whole == null) {
                assertThat(incremental).as(pair[1]).isNull();
            } else if (incremental != null) {
                assertSame(incremental, whole);
            }
            if (i >= mustBuild) {
                assertThat(incremental).as(pair[1]).isNotNull();
            }
        }
    }

    /** Marks an edit that may be parsed whole (its new members need not parse alone). */
    private static final String MAY_FALL_BACK = "\u0000may fall back\u0000";

    @Test
    void textsThatDoNotParseOrChangeTheHeaderAreLeftToTheFullParse() throws IOException {
        String base = Files.readString(Path.of("src/main/java/org/alignlab/oversight/JavaDetectors.java"));
        CompilationUnit tree = full(base);
        CallableDeclaration<?> method = tree.findFirst(CallableDeclaration.class,
                m -> m.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration c
                        && c.getParentNode().orElse(null) instanceof CompilationUnit).orElseThrow();
        int at = offset(base, method.getBegin().orElseThrow());
        // A brace left open inside a member: the full parse fails, and nothing is built.
        String broken = base.substring(0, at) + "void open() {\n" + base.substring(at);
        assertThat(full(broken)).isNull();
        assertThat(IncrementalParse.of(parser, tree, base, broken)).isNull();
        // A comment put before a member: built, the comment a token between members as in the full parse.
        String comment = base.substring(0, at) + "/* a note */ " + base.substring(at);
        assertSame(IncrementalParse.of(parser, tree, base, comment), full(comment));
        // An import added: built from the imports parsed again.
        String imports = base.replaceFirst("import ", "import java.util.Objects;\nimport ");
        assertSame(IncrementalParse.of(parser, tree, base, imports), full(imports));
        // A type's header changed: not built.
        String header = base.replaceFirst("final class JavaDetectors \\{", "final class JavaDetectors implements "
                + "Cloneable {");
        assertThat(full(header)).isNotNull();
        assertThat(IncrementalParse.of(parser, tree, base, header)).isNull();
        // Through the monitor's parser, both give what a full parse gives.
        JavaDetectors detectors = new JavaDetectors();
        assertThat(detectors.parse(base, broken)).isNull();
        assertSame(detectors.parse(base, imports), full(imports));
        assertSame(detectors.parse(base, comment), full(comment));
        assertSame(detectors.parse(base, header), full(header));
    }

    @Test
    void aTreeBuiltFromABuiltTreeIsStillTheFullParsesTree() throws IOException {
        String text = Files.readString(Path.of("src/main/java/org/alignlab/oversight/JavaDetectors.java"));
        CompilationUnit tree = full(text);
        for (int round = 0; round < 12; round++) {
            String now = text;
            List<String> heads = memberEdits(text, tree).stream().filter(h -> !h.startsWith(MAY_FALL_BACK)
                    && !h.equals(now)).toList();
            String head = heads.get((round * 7919) % heads.size());
            CompilationUnit built = IncrementalParse.of(parser, tree, text, head);
            assertThat(built).isNotNull();
            assertSame(built, full(head));
            text = head;
            tree = built;
        }
    }

    /** Edits within the members of each top-level class of {@code text}: a handful per member, for the first 3. */
    private static List<String> memberEdits(String text, CompilationUnit tree) {
        List<String> heads = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : tree.findAll(ClassOrInterfaceDeclaration.class,
                t -> t.getParentNode().orElse(null) instanceof CompilationUnit)) {
            List<BodyDeclaration<?>> members = type.getMembers();
            String eol = text.contains("\r\n") ? "\r\n" : "\n";
            int close = offset(text, type.getEnd().orElseThrow());
            heads.add(text.substring(0, close) + "    void appended() {" + eol + "    }" + eol + text.substring(close));
            int open = text.indexOf('{', offset(text, type.getName().getEnd().orElseThrow()));
            heads.add(text.substring(0, open + 1) + eol + "    int prepended;" + text.substring(open + 1));
            for (int k = 0; k < Math.min(3, members.size()); k++) {
                BodyDeclaration<?> m = members.get(k);
                int from = offset(text, m.getBegin().orElseThrow());
                int to = offset(text, m.getEnd().orElseThrow()) + 1;
                String own = text.substring(from, to);
                heads.add(text.substring(0, from) + text.substring(to)); // deleted
                heads.add(text.substring(0, to) + eol + eol + "    " + own.replaceFirst("\\b(\\w+)\\s*\\(", "$1Copy(")
                        + text.substring(to)); // copied under another name
                heads.add(text.substring(0, to) + " int trailing" + k + ";" + text.substring(to)); // on its last line
                // Its first line commented out, and (where another follows) the next member joined to its line: the
                // first may leave text that parses only whole, or not at all.
                heads.add(MAY_FALL_BACK + text.substring(0, from) + "// " + text.substring(from));
                if (k + 1 < members.size()) {
                    int next = offset(text, members.get(k + 1).getBegin().orElseThrow());
                    heads.add(text.substring(0, to) + " " + text.substring(next));
                }
                int brace = own.indexOf('{');
                if (m instanceof CallableDeclaration<?> && brace >= 0) {
                    String inserted = text.substring(0, from + brace + 1) + eol + "        int inserted = 42;"
                            + text.substring(from + brace + 1);
                    heads.add(inserted); // a statement added
                    if (inserted.contains(eol + "import ")) {
                        heads.add(inserted.replaceFirst("\r?\nimport ", eol + "import java.util.Objects;" + eol
                                + "import ")); // and an import
                    }
                }
                m.findFirst(LiteralStringValueExpr.class).ifPresent(l -> {
                    int lf = offset(text, l.getBegin().orElseThrow());
                    int lt = offset(text, l.getEnd().orElseThrow()) + 1;
                    String literal = text.substring(lf, lt);
                    String longer = literal.startsWith("\"") && literal.endsWith("\"") && !literal.startsWith("\"\"\"")
                            ? literal.substring(0, literal.length() - 1) + " and more\"" : null;
                    if (longer != null) {
                        heads.add(text.substring(0, lf) + longer + text.substring(lt)); // a literal lengthened
                    }
                });
            }
        }
        return heads;
    }

    /** The offset of a place in {@code text} (lines end at \n, \r\n or \r; a tab is one column, as JavaParser counts). */
    private static int offset(String text, Position p) {
        int line = 1;
        int i = 0;
        while (line < p.line) {
            char c = text.charAt(i++);
            if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                line++;
            }
        }
        return i + p.column - 1;
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(f -> f.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** The same tree: equal nodes, every node at the same place with the same first and last token, the same tokens. */
    private static void assertSame(CompilationUnit built, CompilationUnit parsed) {
        assertThat(parsed).isNotNull();
        assertThat(built).isNotNull();
        if (!built.equals(parsed)) {
            assertThat(built.toString()).isEqualTo(parsed.toString());
            assertThat(built).isEqualTo(parsed);
        }
        List<Node> a = built.findAll(Node.class);
        List<Node> b = parsed.findAll(Node.class);
        assertThat(a).hasSameSizeAs(b);
        // Each node's parent is the node at the same place in the other tree's walk.
        Map<Node, Integer> at = new IdentityHashMap<>();
        for (int i = 0; i < b.size(); i++) {
            at.put(b.get(i), i);
        }
        Map<Node, Integer> builtAt = new IdentityHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            builtAt.put(a.get(i), i);
        }
        for (int i = 0; i < a.size(); i++) {
            Integer pa = a.get(i).getParentNode().map(builtAt::get).orElse(-1);
            Integer pb = b.get(i).getParentNode().map(at::get).orElse(-1);
            if (!pa.equals(pb)) {
                assertThat(pa).as("the parent of node %d, %s", i, a.get(i)).isEqualTo(pb);
            }
        }
        for (int i = 0; i < a.size(); i++) {
            Node x = a.get(i);
            Node y = b.get(i);
            if (x.getClass() != y.getClass() || !Objects.equals(x.getRange(), y.getRange())
                    || !Objects.equals(x.getParentNode().map(Node::getClass), y.getParentNode().map(Node::getClass))
                    || !Objects.equals(x.getTokenRange().map(IncrementalParseTest::describe),
                    y.getTokenRange().map(IncrementalParseTest::describe))) {
                assertThat(x.getClass().getSimpleName() + " at " + x.getRange() + " in "
                        + x.getParentNode().map(Node::getClass) + ", tokens " + x.getTokenRange().map(
                        IncrementalParseTest::describe)).isEqualTo(y.getClass().getSimpleName() + " at "
                        + y.getRange() + " in " + y.getParentNode().map(Node::getClass) + ", tokens "
                        + y.getTokenRange().map(IncrementalParseTest::describe));
            }
        }
        List<JavaToken> ta = tokens(built);
        List<JavaToken> tb = tokens(parsed);
        assertThat(ta).hasSameSizeAs(tb);
        for (int i = 0; i < ta.size(); i++) {
            JavaToken x = ta.get(i);
            JavaToken y = tb.get(i);
            if (x.getKind() != y.getKind() || !x.getText().equals(y.getText())
                    || !x.getRange().equals(y.getRange())) {
                assertThat(x.getKind() + " " + x.getText() + " " + x.getRange()).isEqualTo(y.getKind() + " "
                        + y.getText() + " " + y.getRange());
            }
        }
    }

    /** A token range's text and the places of its ends. */
    private static String describe(com.github.javaparser.TokenRange r) {
        return r.getBegin().getRange() + ".." + r.getEnd().getRange() + " " + r;
    }

    private static List<JavaToken> tokens(CompilationUnit cu) {
        JavaToken t = cu.getTokenRange().orElseThrow().getBegin();
        while (t.getPreviousToken().isPresent()) {
            t = t.getPreviousToken().get();
        }
        List<JavaToken> all = new ArrayList<>();
        for (; t != null; t = t.getNextToken().orElse(null)) {
            all.add(t);
        }
        return all;
    }
}
