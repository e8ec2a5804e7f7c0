package org.alignlab.oversight;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a change does to main (non-test) Java code, so that a test edit beside it can be weighed: which members' code
 * changed (comments and layout aside), which are gone from every changed file, and which types changed. Members are
 * keyed by their type's simple name and their own ({@code Calculator.square}; a constructor as
 * {@code Calculator.Calculator}): with no symbol resolution, a test's call is tied to a type only when the test (or a
 * field of its class, or its name: FooTest tests Foo) names that type. A class moved to another file keeps its members,
 * so it is neither changed nor removed.
 */
final class MainCodeChange {
    static final MainCodeChange NONE = new MainCodeChange(Set.of(), Set.of(), Set.of());

    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final Set<String> changed;
    private final Set<String> removed;
    private final Set<String> changedTypes;

    private MainCodeChange(Set<String> changed, Set<String> removed, Set<String> changedTypes) {
        this.changed = changed;
        this.removed = removed;
        this.changedTypes = changedTypes;
    }

    /** The main files of {@code changes}, read through their parsed trees (before, after; null where absent). */
    static MainCodeChange of(List<FileChange> changes, Map<FileChange, CompilationUnit[]> trees) {
        Map<String, String> before = new HashMap<>();
        Map<String, String> after = new HashMap<>();
        Map<String, String> typesBefore = new HashMap<>();
        Map<String, String> typesAfter = new HashMap<>();
        for (FileChange c : changes) {
            CompilationUnit[] t = trees.get(c);
            if (c.test() || !c.java() || t == null) {
                continue;
            }
            if (t[0] != null) {
                read(t[0], c.oldText(), before, typesBefore);
            }
            if (t[1] != null) {
                read(t[1], c.newText(), after, typesAfter);
            }
        }
        if (before.isEmpty() && after.isEmpty() && typesBefore.isEmpty() && typesAfter.isEmpty()) {
            return NONE;
        }
        Set<String> changed = new HashSet<>(before.keySet());
        changed.addAll(after.keySet());
        changed.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
        Set<String> removed = new HashSet<>(before.keySet());
        removed.removeAll(after.keySet());
        Set<String> types = new HashSet<>(typesBefore.keySet());
        types.addAll(typesAfter.keySet());
        types.removeIf(k -> Objects.equals(typesBefore.get(k), typesAfter.get(k)));
        return new MainCodeChange(changed, removed, types);
    }

    /** Each member's and type's code in {@code cu}, comments dropped and layout collapsed (overloads joined). */
    private static void read(CompilationUnit cu, String text, Map<String, String> members, Map<String, String> types) {
        int[] lineStarts = new int[(int) text.chars().filter(ch -> ch == '\n').count() + 1];
        for (int i = 0, line = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
        for (CallableDeclaration<?> m : JavaDetectors.all(cu, CallableDeclaration.class)) {
            members.merge(ownerOf(m) + "." + m.getNameAsString(), code(m, text, lineStarts), (a, b) -> a + "\n" + b);
        }
        for (TypeDeclaration<?> t : JavaDetectors.all(cu, TypeDeclaration.class)) {
            types.merge(t.getNameAsString(), code(t, text, lineStarts), (a, b) -> a + "\n" + b);
        }
    }

    private static String code(Node n, String text, int[] lineStarts) {
        if (n.getBegin().isEmpty() || n.getEnd().isEmpty()) {
            return n.toString();
        }
        int from = offset(n.getBegin().get().line, n.getBegin().get().column, text, lineStarts);
        int to = Math.min(text.length(), offset(n.getEnd().get().line, n.getEnd().get().column, text, lineStarts) + 1);
        return SPACE.matcher(COMMENTS.matcher(text.substring(Math.min(from, to), to)).replaceAll(" ")).replaceAll(" ")
                .strip();
    }

    private static int offset(int line, int column, String text, int[] lineStarts) {
        int start = line - 1 < lineStarts.length ? lineStarts[line - 1] : text.length();
        return Math.min(text.length(), start + column - 1);
    }

    private static String ownerOf(Node n) {
        return n.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("?");
    }

    /** Whether the change touches main code at all (a type's code, comments aside). */
    boolean any() {
        return !changedTypes.isEmpty();
    }

    /** The changed members {@code test} calls on a type it names: the code it checks changed. */
    List<String> changedCalledBy(Node test, String namesake) {
        return calledAmong(test, namesake, changed);
    }

    /** The members gone from main code that {@code test} calls on a type it names: it went with the code it checked. */
    List<String> removedCalledBy(Node test, String namesake) {
        return calledAmong(test, namesake, removed);
    }

    /** The changed types {@code test} names (itself, through its class's fields, or as its file's namesake). */
    List<String> changedTypesNamedBy(Node test, String namesake) {
        Set<String> named = typesNamed(test, namesake);
        named.retainAll(changedTypes);
        return List.copyOf(new TreeSet<>(named));
    }

    private List<String> calledAmong(Node test, String namesake, Set<String> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        Set<String> named = typesNamed(test, namesake);
        Set<String> called = new HashSet<>();
        test.findAll(MethodCallExpr.class).forEach(c -> called.add(c.getNameAsString()));
        test.findAll(MethodReferenceExpr.class).forEach(r -> called.add(r.getIdentifier()));
        test.findAll(ObjectCreationExpr.class).forEach(o -> called.add(o.getType().getNameAsString()));
        Set<String> out = new TreeSet<>();
        for (String type : named) {
            for (String name : called) {
                if (members.contains(type + "." + name)) {
                    out.add(type + "." + name);
                }
            }
        }
        return List.copyOf(out);
    }

    private static Set<String> typesNamed(Node test, String namesake) {
        Set<String> named = new HashSet<>();
        if (namesake != null) {
            named.add(namesake);
        }
        collect(test, named);
        // A fixture held in a field of the test class: "private final Calculator calc = new Calculator();".
        test.findAncestor(ClassOrInterfaceDeclaration.class).ifPresent(type -> type.getFields()
                .forEach(f -> collect(f, named)));
        return named;
    }

    private static void collect(Node n, Set<String> named) {
        n.findAll(ClassOrInterfaceType.class).forEach(t -> named.add(t.getNameAsString()));
        n.findAll(NameExpr.class).forEach(e -> named.add(e.getNameAsString()));
        if (n instanceof FieldDeclaration f) {
            f.getVariables().forEach(v -> named.add(v.getType().asString().replaceAll("<.*", "")));
        }
    }
}
