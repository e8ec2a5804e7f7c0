package org.alignlab.oversight;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change does to main (non-test) Java code, so that a test edit beside it can be weighed: which methods'
 * bodies changed, which method names a type lost, and which types changed, all read as token streams (comments,
 * white space and line endings aside). Methods are compared by type, name and parameter types, so an added overload
 * changes no existing method; constructors and the methods of anonymous classes are not tracked. A method is named
 * {@code Type.name} by its type's simple name: with no symbol resolution, a test's call is tied to a type only
 * through its receiver (a variable, parameter or field declared as that type, a {@code new Type(...)}, or the type's
 * name for a static call). A class moved to another file keeps its methods, so it is neither changed nor removed.
 */
final class MainCodeChange {
    static final MainCodeChange NONE = new MainCodeChange(Set.of(), Set.of(), Set.of());

    /** A tree's methods (signature to body tokens) and types (name to tokens), read once per tree. */
    private record Code(Map<String, String> methods, Map<String, String> types) {
    }

    private static final DataKey<Code> CODE = new DataKey<>() { };

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
                before.putAll(code(t[0]).methods());
                typesBefore.putAll(code(t[0]).types());
            }
            if (t[1] != null) {
                after.putAll(code(t[1]).methods());
                typesAfter.putAll(code(t[1]).types());
            }
        }
        Set<String> changed = new HashSet<>();
        before.forEach((signature, body) -> {
            if (after.containsKey(signature) && !after.get(signature).equals(body)) {
                changed.add(name(signature));
            }
        });
        Set<String> removed = new HashSet<>();
        before.keySet().forEach(signature -> removed.add(name(signature)));
        after.keySet().forEach(signature -> removed.remove(name(signature)));
        Set<String> types = new HashSet<>(typesBefore.keySet());
        types.addAll(typesAfter.keySet());
        types.removeIf(k -> Objects.equals(typesBefore.get(k), typesAfter.get(k)));
        return new MainCodeChange(changed, removed, types);
    }

    /** {@code Type.name(params)} to {@code Type.name}. */
    private static String name(String signature) {
        return signature.substring(0, signature.indexOf('('));
    }

    private static Code code(CompilationUnit cu) {
        synchronized (cu) {
            if (!cu.containsData(CODE)) {
                Map<String, String> methods = new HashMap<>();
                Map<String, String> types = new HashMap<>();
                for (MethodDeclaration m : JavaDetectors.all(cu, MethodDeclaration.class)) {
                    Optional<TypeDeclaration> owner = m.findAncestor(TypeDeclaration.class);
                    if (owner.isEmpty() || m.getParentNode().orElse(null) instanceof ObjectCreationExpr) {
                        continue; // a method of an anonymous class is no member of the type around it
                    }
                    String signature = owner.get().getNameAsString() + "." + m.getNameAsString() + "("
                            + String.join(",", m.getParameters().stream().map(p -> p.getType().asString()).toList()) + ")";
                    methods.put(signature, m.getBody().map(MainCodeChange::tokens).orElse(""));
                }
                for (TypeDeclaration<?> t : JavaDetectors.all(cu, TypeDeclaration.class)) {
                    types.merge(t.getNameAsString(), tokens(t), (a, b) -> a + " | " + b);
                }
                cu.setData(CODE, new Code(methods, types));
            }
            return cu.getData(CODE);
        }
    }

    /** The node's tokens, comments and white space left out. */
    private static String tokens(Node n) {
        StringBuilder b = new StringBuilder();
        n.getTokenRange().ifPresent(range -> {
            for (JavaToken t : range) {
                if (!t.getCategory().isWhitespaceOrComment()) {
                    b.append(t.getText()).append(' ');
                }
            }
        });
        return b.toString();
    }

    /** Whether the change touches main code at all (a type's tokens, comments and layout aside). */
    boolean any() {
        return !changedTypes.isEmpty();
    }

    /** The changed methods {@code test} calls: the code it checks changed. */
    List<String> changedCalledBy(Node test) {
        return calledAmong(test, changed);
    }

    /** The methods gone from main code that {@code test} called: it went with the code it checked. */
    List<String> removedCalledBy(Node test) {
        return calledAmong(test, removed);
    }

    /** The changed types {@code test} names (itself, through its class's fields, or as its file's namesake). */
    List<String> changedTypesNamedBy(Node test, String namesake) {
        if (changedTypes.isEmpty()) {
            return List.of();
        }
        Set<String> named = new HashSet<>();
        if (namesake != null) {
            named.add(namesake);
        }
        collect(test, named);
        enclosingTypes(test).forEach(type -> type.getFields().forEach(f -> collect(f, named)));
        named.retainAll(changedTypes);
        return List.copyOf(new TreeSet<>(named));
    }

    private static void collect(Node n, Set<String> named) {
        n.findAll(ClassOrInterfaceType.class).forEach(t -> named.add(t.getNameAsString()));
        n.findAll(NameExpr.class).forEach(e -> named.add(e.getNameAsString()));
    }

    private static List<ClassOrInterfaceDeclaration> enclosingTypes(Node n) {
        List<ClassOrInterfaceDeclaration> out = new java.util.ArrayList<>();
        Optional<ClassOrInterfaceDeclaration> at = n.findAncestor(ClassOrInterfaceDeclaration.class);
        while (at.isPresent()) {
            out.add(at.get());
            at = at.get().findAncestor(ClassOrInterfaceDeclaration.class);
        }
        return out;
    }

    /** The methods of {@code members} that {@code test} calls on a receiver whose type it shows, assertions aside. */
    private static List<String> calledAmong(Node test, Set<String> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        Set<String> out = new TreeSet<>();
        for (MethodCallExpr c : test.findAll(MethodCallExpr.class)) {
            if (c.getNameAsString().startsWith("assert")) {
                continue;
            }
            String type = c.getScope().map(scope -> receiverType(scope, test)).orElse(null);
            if (type != null && members.contains(type + "." + c.getNameAsString())) {
                out.add(type + "." + c.getNameAsString());
            }
        }
        return List.copyOf(out);
    }

    /** The simple name of the type a call's receiver is declared as, or null when the test does not show it. */
    private static String receiverType(Expression scope, Node test) {
        if (scope instanceof ObjectCreationExpr o) {
            return o.getType().getNameAsString();
        }
        String name = scope instanceof NameExpr n ? n.getNameAsString()
                : scope instanceof FieldAccessExpr f && f.getScope().isThisExpr() ? f.getNameAsString() : null;
        if (name == null) {
            return null;
        }
        String declared = declaredType(name, test);
        if (declared == null && scope instanceof NameExpr && Character.isUpperCase(name.charAt(0))) {
            return name; // a static call: Type.method(...)
        }
        return declared;
    }

    /** The declared type of a local variable, parameter or field of the test's classes named {@code name}. */
    private static String declaredType(String name, Node test) {
        List<Node> scopes = new java.util.ArrayList<>();
        scopes.add(test);
        scopes.addAll(enclosingTypes(test));
        for (Node scope : scopes) {
            for (VariableDeclarator v : scope.findAll(VariableDeclarator.class)) {
                if (v.getNameAsString().equals(name)) {
                    if (v.getType().isVarType()) {
                        return v.getInitializer().filter(Expression::isObjectCreationExpr)
                                .map(i -> i.asObjectCreationExpr().getType().getNameAsString()).orElse(null);
                    }
                    return v.getType().isClassOrInterfaceType()
                            ? v.getType().asClassOrInterfaceType().getNameAsString() : null;
                }
            }
            for (Parameter p : scope.findAll(Parameter.class)) {
                if (p.getNameAsString().equals(name) && p.getType().isClassOrInterfaceType()) {
                    return p.getType().asClassOrInterfaceType().getNameAsString();
                }
            }
        }
        return null;
    }
}
