package org.alignlab.oversight;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithExtends;
import com.github.javaparser.ast.nodeTypes.NodeWithImplements;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calls between a code base's main methods, each named {@code Type.name} as {@link MainCodeChange} names them,
 * with its types' direct supertypes: what ties a test to a changed method that it reaches only through code the change
 * does not touch (a parser's test calls {@code Jsoup.parse}, which reaches the tokeniser's edited state through five
 * unchanged files). With no symbol resolution a call goes to its receiver's declared type (an unqualified call to the
 * caller's own type); it may run the nearest declaration of that name in the type or its supertypes, or any override in
 * the type's subtypes (class hierarchy analysis, by simple names: two types of one simple name are taken for one, which
 * can only add calls). A receiver whose type is not shown (a chained call, a lambda's parameter) adds no call.
 */
final class CallGraph {
    /** One source file's share: each method's calls (as written) and each type's direct supertypes. */
    record Part(Map<String, Set<String>> calls, Map<String, Set<String>> supertypes) {
        static Part of(CompilationUnit cu) {
            Map<String, Set<String>> supertypes = new HashMap<>();
            for (TypeDeclaration<?> t : JavaDetectors.all(cu, TypeDeclaration.class)) {
                Set<String> up = supertypes.computeIfAbsent(t.getNameAsString(), k -> new HashSet<>());
                if (t instanceof NodeWithExtends<?> e) {
                    e.getExtendedTypes().forEach(s -> up.add(s.getNameAsString()));
                }
                if (t instanceof NodeWithImplements<?> i) {
                    i.getImplementedTypes().forEach(s -> up.add(s.getNameAsString()));
                }
            }
            return new Part(CallGraph.calls(cu), supertypes);
        }
    }

    static final CallGraph NONE = of(Set.of());

    private final Map<String, Set<String>> calls;
    private final Map<String, Set<String>> supertypes;
    private final Map<String, Set<String>> subtypes;
    private final Map<String, Set<String>> targets = new HashMap<>();

    private CallGraph(Map<String, Set<String>> calls, Map<String, Set<String>> supertypes,
                      Map<String, Set<String>> subtypes) {
        this.calls = calls;
        this.supertypes = supertypes;
        this.subtypes = subtypes;
    }

    /** The graph of a code base's files, one part each. */
    static CallGraph of(Collection<Part> parts) {
        Map<String, Set<String>> calls = new HashMap<>();
        Map<String, Set<String>> supertypes = new HashMap<>();
        Map<String, Set<String>> subtypes = new HashMap<>();
        for (Part p : parts) {
            p.calls().forEach((m, callees) -> calls.computeIfAbsent(m, k -> new HashSet<>()).addAll(callees));
            p.supertypes().forEach((type, ups) -> {
                supertypes.computeIfAbsent(type, k -> new HashSet<>()).addAll(ups);
                ups.forEach(up -> subtypes.computeIfAbsent(up, k -> new HashSet<>()).add(type));
            });
        }
        return new CallGraph(calls, supertypes, subtypes);
    }

    /**
     * The methods (declared {@code Type.name}) that the calls {@code from} (as written, {@code Type.name} of the
     * receiver's type) may run, and all that those may run in turn, to any depth.
     */
    Set<String> reach(Collection<String> from) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            for (String method : targets(todo.poll())) {
                if (reached.add(method)) {
                    todo.addAll(calls.get(method));
                }
            }
        }
        return reached;
    }

    /**
     * The declarations a call to {@code Type.name} may run: on each line of supertypes the nearest that declares
     * {@code name} (the type itself first), and every subtype's that overrides it.
     */
    private Set<String> targets(String call) {
        Set<String> known = targets.get(call);
        if (known != null) {
            return known;
        }
        int dot = call.lastIndexOf('.');
        String type = call.substring(0, dot);
        String name = call.substring(dot);
        Set<String> out = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> up = new ArrayDeque<>(Set.of(type));
        while (!up.isEmpty()) {
            String t = up.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (calls.containsKey(t + name)) {
                out.add(t + name);
            } else {
                up.addAll(supertypes.getOrDefault(t, Set.of()));
            }
        }
        Set<String> below = new HashSet<>();
        Deque<String> down = new ArrayDeque<>(subtypes.getOrDefault(type, Set.of()));
        while (!down.isEmpty()) {
            String t = down.poll();
            if (below.add(t) && !t.equals(type)) {
                if (calls.containsKey(t + name)) {
                    out.add(t + name);
                }
                down.addAll(subtypes.getOrDefault(t, Set.of()));
            }
        }
        targets.put(call, out);
        return out;
    }

    /**
     * Each method's calls in {@code cu} ({@code Type.name} to the {@code Type.name}s it calls, by its receiver's
     * declared type: a parameter, local or field of its class, a {@code new Type(...)}, a type's name for a static call,
     * or its own type for an unqualified or {@code this.} call). Methods of anonymous classes count as their enclosing
     * method's calls; constructors are not read.
     */
    static Map<String, Set<String>> calls(CompilationUnit cu) {
        Map<String, Set<String>> out = new HashMap<>();
        Map<TypeDeclaration<?>, Map<String, String>> fieldsOf = new IdentityHashMap<>();
        for (MethodDeclaration m : JavaDetectors.all(cu, MethodDeclaration.class)) {
            Optional<TypeDeclaration> owner = m.findAncestor(TypeDeclaration.class);
            if (owner.isEmpty() || m.getParentNode().orElse(null) instanceof ObjectCreationExpr) {
                continue; // a method of an anonymous class is no member of the type around it
            }
            String type = owner.get().getNameAsString();
            Set<String> callees = out.computeIfAbsent(type + "." + m.getNameAsString(), k -> new HashSet<>());
            // Names declared in the method (parameters, locals) and its class's fields, read once per method.
            Map<String, String> declared = new HashMap<>(fieldsOf.computeIfAbsent(owner.get(),
                    MainCodeChange::fieldTypes));
            m.getParameters().forEach(p -> declared.put(p.getNameAsString(), MainCodeChange.simpleName(p.getType())));
            for (VariableDeclarator v : m.findAll(VariableDeclarator.class)) {
                declared.put(v.getNameAsString(), v.getType().isVarType() ? v.getInitializer()
                        .filter(Expression::isObjectCreationExpr)
                        .map(i -> i.asObjectCreationExpr().getType().getNameAsString()).orElse(null)
                        : MainCodeChange.simpleName(v.getType()));
            }
            for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
                String callee = call.getScope().map(scope -> scope.isThisExpr() ? type
                        : MainCodeChange.receiver(scope, declared::get)).orElse(type);
                if (callee != null) {
                    callees.add(callee + "." + call.getNameAsString());
                }
            }
        }
        return out;
    }
}
