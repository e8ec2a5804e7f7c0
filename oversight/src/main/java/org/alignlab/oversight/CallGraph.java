package org.alignlab.oversight;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithExtends;
import com.github.javaparser.ast.nodeTypes.NodeWithImplements;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calls between a code base's main methods, each named {@code Type.name} as {@link MainCodeChange} names them,
 * with its types' direct supertypes: what ties a test to a changed method that it reaches only through code the change
 * does not touch (a parser's test calls {@code Jsoup.parse}, which reaches the tokeniser's edited state through five
 * unchanged files). With no symbol resolution a call goes to its receiver's declared type (an unqualified call to the
 * caller's own type, or to the type it is statically imported from); it may run the nearest declaration of that name in
 * the type or its supertypes (or, for a nested type that has none, in the types around it), or any override in the
 * subtypes of a type the code base declares (class hierarchy analysis, by simple names; a library's interface, such as
 * {@code Iterator}, does not tie every {@code next()} to the code base's iterators). Two types of one simple name are
 * taken for one, which mostly adds calls and may hide one. Constructors are methods named {@code <init>}: a
 * {@code new Type(...)} calls its type's, {@code this(...)} and {@code super(...)} theirs (a field's initialiser and an
 * implicit {@code super()} are not read). A receiver whose type is not shown (a chained call, a lambda's parameter), a
 * method reference and a {@code super.} call add none.
 */
final class CallGraph {
    /** The name a type's constructors go by ({@code Type.<init>}, as the JVM names them): new Type(...) calls it. */
    static final String CONSTRUCTOR = "<init>";

    /**
     * One source file's share: each method's calls (as written), each type's direct supertypes (every type the file
     * declares has an entry), and each nested type's enclosing type.
     */
    record Part(Map<String, Set<String>> calls, Map<String, Set<String>> supertypes, Map<String, String> outer) {
        static Part of(CompilationUnit cu) {
            Map<String, Set<String>> supertypes = new HashMap<>();
            Map<String, String> outer = new HashMap<>();
            for (TypeDeclaration<?> t : JavaDetectors.all(cu, TypeDeclaration.class)) {
                t.getParentNode().filter(TypeDeclaration.class::isInstance)
                        .ifPresent(o -> outer.put(t.getNameAsString(), ((TypeDeclaration<?>) o).getNameAsString()));
                supertypes.computeIfAbsent(t.getNameAsString(), k -> new HashSet<>()).addAll(supertypesOf(t));
            }
            return new Part(CallGraph.calls(cu), supertypes, outer);
        }

        static final Part EMPTY = new Part(Map.of(), Map.of(), Map.of());
    }

    /**
     * What a file's text shows without parsing it: the names it declares types by and the words of their headers (the
     * supertypes among them), read loosely (a word in a comment may count), which can only make a walk parse more.
     */
    record Outline(Set<String> declares, Set<String> headerWords) {
        private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile(
                "\\b(?:class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)([^{;]*)");
        private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z_$][\\w$]*");

        static Outline of(String text) {
            Set<String> declares = new HashSet<>();
            Set<String> words = new HashSet<>();
            java.util.regex.Matcher m = TYPE.matcher(text);
            // Each search resumes after the name, not the header: a header read from a comment ("the class under
            // test.") may run over the declaration that follows it.
            for (int from = 0; from < text.length() && m.find(from); from = m.end(1)) {
                declares.add(m.group(1));
                java.util.regex.Matcher w = WORD.matcher(m.group(2));
                while (w.find()) {
                    words.add(w.group());
                }
            }
            return new Outline(declares, words);
        }
    }

    /** A file of the code base: its outline, and its part, parsed when a walk first reaches a type it may hold. */
    static final class Unit {
        private final Outline outline;
        private final java.util.function.Supplier<Part> parse;
        /** The file's text: whether it may declare a method of a name is read from it loosely (any mention counts). */
        private final String text;
        private Part part;

        Unit(Outline outline, java.util.function.Supplier<Part> parse, String text) {
            this.outline = outline;
            this.parse = parse;
            this.text = text;
        }

        /** A file already parsed (one the change touches), with its text. */
        static Unit of(Part part, String text) {
            Set<String> words = new HashSet<>();
            part.supertypes().values().forEach(words::addAll);
            Unit u = new Unit(new Outline(part.supertypes().keySet(), words), () -> part, text);
            u.part = part;
            return u;
        }

        Part part() {
            if (part == null) {
                part = parse.get();
            }
            return part;
        }
    }

    static final CallGraph NONE = of(Set.of());

    /**
     * The files that may declare each type, and those whose type headers name it (its subtypes among them): a walk
     * reaches a small share of a code base, so only the files it reaches are parsed and their calls looked up.
     */
    private final Map<String, List<Unit>> declaring;
    /** Whether the graph holds the code base's files besides the change's (else only the changed files are known). */
    private final boolean whole;
    private final Map<String, List<Unit>> mentioning;
    private final List<Unit> units;
    /**
     * Whether a method of a name may be declared outside the main Java files' text: a test file mentions it (a helper
     * of the tests' own may go by it), or code in another language or generated (Lombok's getters) may declare it.
     */
    private final java.util.function.Predicate<String> declaredElsewhere;
    private final Map<String, Boolean> methodNames = new HashMap<>();
    /** What each method calls, each call may run and each set of calls reaches, worked out once (one judgement's). */
    private final Map<String, Set<String>> calls = new HashMap<>();
    private final Map<String, Set<String>> targets = new HashMap<>();
    private final Map<Set<String>, Set<String>> reached = new HashMap<>();
    private final Map<String, List<Part>> declarations = new HashMap<>();
    private final Map<String, Set<String>> subtypes = new HashMap<>();

    private CallGraph(Collection<Unit> units, boolean whole, java.util.function.Predicate<String> declaredElsewhere) {
        this.whole = whole;
        this.units = List.copyOf(units);
        this.declaredElsewhere = declaredElsewhere;
        declaring = new HashMap<>();
        mentioning = new HashMap<>();
        for (Unit u : units) {
            u.outline.declares().forEach(t -> declaring.computeIfAbsent(t, k -> new ArrayList<>()).add(u));
            u.outline.headerWords().forEach(w -> mentioning.computeIfAbsent(w, k -> new ArrayList<>()).add(u));
        }
    }

    /** The graph of parsed files, one part each. */
    static CallGraph of(Collection<Part> parts) {
        return new CallGraph(parts.stream().map(part -> Unit.of(part, "")).toList(), false, word -> true);
    }

    /**
     * The graph of a code base's files, each parsed when first needed; {@code whole}: whether they are all of its main
     * files (not only the change's); {@code declaredElsewhere}: whether a method of a name may be declared outside
     * their text ({@link #declaredElsewhere}).
     */
    static CallGraph ofUnits(Collection<Unit> units, boolean whole,
                             java.util.function.Predicate<String> declaredElsewhere) {
        return new CallGraph(units, whole, declaredElsewhere);
    }

    /**
     * Whether some file of the code base may still declare a method named {@code name}: a main file by its text, read
     * loosely (a word in a comment counts), or elsewhere ({@link #declaredElsewhere}); yes whenever the graph was made
     * without the code base's other files.
     */
    boolean mayDeclareMethod(String name) {
        return !whole || methodNames.computeIfAbsent(name, n -> units.stream().anyMatch(u -> u.text.contains(n))
                || declaredElsewhere.test(n));
    }

    /**
     * Whether some file of the code base may declare a type named {@code type}: by the files' outlines, read loosely (a
     * word in a comment may count), and yes whenever the graph was made without the code base's other files.
     */
    boolean mayDeclare(String type) {
        return !whole || declaring.containsKey(type);
    }

    /**
     * Whether every type above {@code types} and they themselves (their supertypes, and theirs in turn) is one a main
     * file of the code base declares (parsed, not by outline): where a library's class stands above, it may still
     * answer a call of a method the change removed. The JDK's marker and single-purpose interfaces
     * ({@link #JDK_ROOTS}) are passed over: their methods' names are the JDK's, which the callers leave alone. Yes
     * without the code base's files.
     */
    boolean mainAllTheWayUp(Collection<String> types) {
        if (!whole) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        java.util.ArrayDeque<String> next = new java.util.ArrayDeque<>(types);
        while (!next.isEmpty()) {
            String type = next.poll();
            if (JDK_ROOTS.contains(type) || !seen.add(type)) {
                continue;
            }
            if (declarationsOf(type).isEmpty()) {
                return false;
            }
            next.addAll(supertypesOf(type));
        }
        return true;
    }

    /** Supertypes of the JDK's whose methods are all named as the JDK's most used classes' methods are. */
    private static final Set<String> JDK_ROOTS = Set.of("Object", "Serializable", "Cloneable", "Comparable",
            "Iterable", "Runnable", "AutoCloseable", "Closeable");

    /**
     * Whether a main file known to the graph (of the code base, or of the change where only its files are known)
     * declares the type of this qualified name: a file that declares its simple name, in the package the name begins
     * with (what follows being type names: {@code demo.Outer.Inner}).
     */
    boolean declaresQualified(String qualified) {
        return declaredQualified.computeIfAbsent(qualified, q -> {
            String simple = q.substring(q.lastIndexOf('.') + 1);
            for (Unit u : declaring.getOrDefault(simple, List.of())) {
                java.util.regex.Matcher m = PACKAGE.matcher(u.text);
                String pkg = m.find() ? m.group(1) : "";
                String rest = pkg.isEmpty() ? q : q.startsWith(pkg + ".") ? q.substring(pkg.length() + 1) : null;
                if (rest != null && java.util.Arrays.stream(rest.split("\\.", -1))
                        .allMatch(part -> !part.isEmpty() && Character.isUpperCase(part.charAt(0)))) {
                    return true;
                }
            }
            return false;
        });
    }

    private final Map<String, Boolean> declaredQualified = new HashMap<>();

    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile(
            "(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /** Whether, with the code base's other files known, one of them (or a changed one) seems to declare {@code type}. */
    boolean seemsToDeclare(String type) {
        return whole && declaring.containsKey(type);
    }

    /** The parts of the files that declare {@code type}. */
    private List<Part> declarationsOf(String type) {
        return declarations.computeIfAbsent(type, t -> {
            List<Part> out = new ArrayList<>();
            for (Unit u : declaring.getOrDefault(t, List.of())) {
                if (u.part().supertypes().containsKey(t)) {
                    out.add(u.part());
                }
            }
            return out;
        });
    }

    /** The calls of method {@code Type.name} (as written), or null when no file declares it. */
    private Set<String> callsOf(String method) {
        if (calls.containsKey(method)) {
            return calls.get(method);
        }
        Set<String> out = null;
        for (Part p : declarationsOf(method.substring(0, method.lastIndexOf('.')))) {
            Set<String> its = p.calls().get(method);
            if (its != null) {
                out = out == null ? new HashSet<>() : out;
                out.addAll(its);
            }
        }
        calls.put(method, out);
        return out;
    }

    private Set<String> supertypesOf(String type) {
        Set<String> out = new HashSet<>();
        declarationsOf(type).forEach(p -> out.addAll(p.supertypes().get(type)));
        return out;
    }

    private Set<String> subtypesOf(String type) {
        return subtypes.computeIfAbsent(type, t -> {
            Set<String> out = new HashSet<>();
            for (Unit u : mentioning.getOrDefault(t, List.of())) {
                u.part().supertypes().forEach((sub, ups) -> {
                    if (ups.contains(t)) {
                        out.add(sub);
                    }
                });
            }
            return out;
        });
    }

    private String outerOf(String type) {
        return declarationsOf(type).stream().map(p -> p.outer().get(type)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /**
     * The methods (declared {@code Type.name}) that the calls {@code from} (as written, {@code Type.name} of the
     * receiver's type) may run, and all that those may run in turn, to any depth.
     */
    Set<String> reach(Collection<String> from) {
        if (declaring.isEmpty()) {
            return new HashSet<>(); // NONE, shared between threads: nothing to remember
        }
        Set<String> start = Set.copyOf(from);
        Set<String> known = reached.get(start);
        if (known == null) {
            known = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(start);
            while (!todo.isEmpty()) {
                for (String method : targets(todo.poll())) {
                    if (known.add(method)) {
                        todo.addAll(callsOf(method));
                    }
                }
            }
            reached.put(start, known);
        }
        return new HashSet<>(known);
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
        // A constructor is neither overridden nor found in the types around: new T() runs T's, or with none declared
        // its superclass's (the implicit super()), read here as the nearest up the line of supertypes.
        boolean constructor = name.equals("." + CONSTRUCTOR);
        // A nested type that declares no such method calls its enclosing types' (an unqualified call).
        Set<String> around = new HashSet<>();
        for (String at = type; at != null && out.isEmpty() && around.add(at); at = constructor ? null : outerOf(at)) {
            Set<String> seen = new HashSet<>();
            Deque<String> up = new ArrayDeque<>(Set.of(at));
            while (!up.isEmpty()) {
                String t = up.poll();
                if (!seen.add(t)) {
                    continue;
                }
                if (callsOf(t + name) != null) {
                    out.add(t + name);
                } else {
                    up.addAll(supertypesOf(t));
                }
            }
        }
        if (declarationsOf(type).isEmpty() || constructor) {
            targets.put(call, out);
            return out; // a library's type: its implementations in the code base are not followed
        }
        Set<String> below = new HashSet<>();
        Deque<String> down = new ArrayDeque<>(subtypesOf(type));
        while (!down.isEmpty()) {
            String t = down.poll();
            if (below.add(t) && !t.equals(type)) {
                if (callsOf(t + name) != null) {
                    out.add(t + name);
                }
                down.addAll(subtypesOf(t));
            }
        }
        targets.put(call, out);
        return out;
    }

    /**
     * Each method's and constructor's calls in {@code cu} ({@code Type.name} to the {@code Type.name}s it calls, by its
     * receiver's declared type: a parameter, local or field of its class, a {@code new Type(...)}, a type's name for a
     * static call, or its own type for an unqualified or {@code this.} call, and the type it is statically imported
     * from; and the constructors it runs). Methods of anonymous classes count as their enclosing method's calls.
     */
    static Map<String, Set<String>> calls(CompilationUnit cu) {
        Map<String, Set<String>> out = new HashMap<>();
        Map<String, String> staticImports = new HashMap<>(); // a method's simple name to its type's
        cu.getImports().forEach(i -> {
            if (i.isStatic() && !i.isAsterisk()) {
                i.getName().getQualifier().ifPresent(q -> staticImports.put(i.getName().getIdentifier(),
                        q.getIdentifier()));
            }
        });
        Map<TypeDeclaration<?>, Map<String, String>> fieldsOf = new IdentityHashMap<>();
        for (CallableDeclaration<?> m : JavaDetectors.all(cu, CallableDeclaration.class)) {
            Optional<TypeDeclaration> owner = m.findAncestor(TypeDeclaration.class);
            if (owner.isEmpty() || m.getParentNode().orElse(null) instanceof ObjectCreationExpr) {
                continue; // a method of an anonymous class is no member of the type around it
            }
            String type = owner.get().getNameAsString();
            Set<String> callees = out.computeIfAbsent(type + "." + memberName(m), k -> new HashSet<>());
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
                String imported = call.getScope().isEmpty() ? staticImports.get(call.getNameAsString()) : null;
                if (imported != null) {
                    callees.add(imported + "." + call.getNameAsString());
                }
            }
            for (ObjectCreationExpr created : m.findAll(ObjectCreationExpr.class)) {
                callees.add(created.getType().getNameAsString() + "." + CONSTRUCTOR);
            }
            // this(...) runs the type's own constructor, super(...) its superclass's (an implicit super() adds none).
            for (ExplicitConstructorInvocationStmt s : m.findAll(ExplicitConstructorInvocationStmt.class)) {
                if (s.isThis()) {
                    callees.add(type + "." + CONSTRUCTOR);
                } else if (owner.get() instanceof NodeWithExtends<?> e) {
                    e.getExtendedTypes().forEach(up -> callees.add(up.getNameAsString() + "." + CONSTRUCTOR));
                }
            }
        }
        return out;
    }

    /** The simple names of the types {@code t} extends or implements, as written. */
    static Set<String> supertypesOf(TypeDeclaration<?> t) {
        Set<String> up = new HashSet<>();
        if (t instanceof NodeWithExtends<?> e) {
            e.getExtendedTypes().forEach(s -> up.add(s.getNameAsString()));
        }
        if (t instanceof NodeWithImplements<?> i) {
            i.getImplementedTypes().forEach(s -> up.add(s.getNameAsString()));
        }
        return up;
    }

    /** A method's name, or {@link #CONSTRUCTOR} for a constructor. */
    static String memberName(CallableDeclaration<?> m) {
        return m instanceof ConstructorDeclaration ? CONSTRUCTOR : m.getNameAsString();
    }
}
