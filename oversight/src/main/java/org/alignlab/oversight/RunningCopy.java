package org.alignlab.oversight;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.SuperExpr;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A removed test that still runs as it did, because the same test stands elsewhere: a duplicate deleted, not a check
 * lost. Two ways, both strict, since a copy that differs in anything the test reads could pass where the removed one
 * failed:
 * <ul>
 *   <li>inherited: the test overrode a test of its class's superclass that has the same declaration (modifiers,
 *   annotations, parameters and body), the superclass the same at the base and the head, in the class's package or
 *   imported by name; with the override gone, and no method of its name left in the class, the inherited test runs in
 *   the same class (t-digest's TreeDigestTest#testMergeEmpty, identical to TDigestTest's). The class must be the same
 *   but for the override (no hook changed that the inherited test may reach), the body must not call {@code super},
 *   the class must declare no field, and no private or static method, of a name the body uses (the superclass's copy
 *   reads its own), the superclass no private member of one, and the two files must import alike every name the body
 *   uses.</li>
 *   <li>elsewhere: a test file the change does not touch declares, in a top-level class of the same package whose name
 *   Surefire runs by default, the same test; the two classes are the same but for their tests (header, every other
 *   member, and the imports of every name they use), their superclass and the types the body names are not among the
 *   test classes the change edits, and a class that chooses its tests with JUnit 3's {@code suite()} has the same
 *   name and suite (stale copies of a test tree deleted, as reload4j's tests/src/java beside src/test/java; a class
 *   that duplicated another, as t-digest's InterpolatingDigestTest). The copy must stand in the removed test's own
 *   root, or, for a root the build does not run by convention, in the {@code src/test/java} of the same module (not a
 *   project nested in another's sources, such as an integration test's sample project or test resources).</li>
 * </ul>
 * Both assume the files compile: a type two files import on demand from nested sets of packages means the same in
 * both, or one of them would not compile for the ambiguity (a static member the class does not declare must be
 * imported alike, on demand from the same types, since overloads merge), and a type one imports by name and the
 * other on demand means the same unless the file's own package has a type of that name (looked for only among the
 * change's files). Known limits: whether the build runs the copy is read from the layout and names, not from the
 * build's own settings; a superclass's test that the change moves into the superclass is another rule's (the
 * test moved within the change, {@code JavaDetectors#moved}).
 */
final class RunningCopy {

    private RunningCopy() {
    }

    /** The head's tests of a name whose files hold a body ({@link #bodyKey}, with its longest token). */
    interface TestsNamed {
        List<Candidate> find(String name, String bodyKey, String longestToken);
    }

    /** A test method at the head, with the path of its file. */
    record Candidate(String path, MethodDeclaration method) {
    }

    /**
     * What the rule reads besides the removed test: the head's tests of a name in test files the change does not
     * touch that hold a body ({@link #bodyKey}); the test classes by simple name at the base and at the head; the top-level types of the Java files the
     * change adds, edits or deletes (simple name to the files' paths, on either side); the paths the change touches;
     * whether a test file at the head extends a class of a simple name.
     */
    record Context(TestsNamed testsNamed,
                   Function<String, ClassOrInterfaceDeclaration> testClassAtBase,
                   Function<String, ClassOrInterfaceDeclaration> testClassAtHead,
                   java.util.Map<String, Set<String>> changedTypes, Set<String> changedPaths,
                   java.util.function.Predicate<String> extendedInTests) {
    }

    /**
     * The superclass that now runs {@code removed} in its class, by name, or null. {@code classAtHead}: the removed
     * test's class after the change (null when gone).
     */
    static String inherited(MethodDeclaration removed, ClassOrInterfaceDeclaration classAtHead, Context ctx) {
        ClassOrInterfaceDeclaration classAtBase = declaringClass(removed);
        if (classAtBase == null || classAtHead == null || !classAtBase.isTopLevelType() || !classAtHead.isTopLevelType()
                || classAtHead.getExtendedTypes().size() != 1
                || classAtHead.getExtendedTypes(0).getScope().isPresent()
                || !text(classAtBase.getExtendedTypes()).equals(text(classAtHead.getExtendedTypes()))
                || !JavaDetectors.all(removed, SuperExpr.class).isEmpty()) {
            return null;
        }
        // First the superclass's test, read from the class's own file (no class printed before one is found).
        String superName = classAtHead.getExtendedTypes(0).getNameAsString();
        ClassOrInterfaceDeclaration superAtHead = ctx.testClassAtHead().apply(superName);
        boolean alike = superAtHead != null && superAtHead.getMethodsByName(removed.getNameAsString()).stream()
                .anyMatch(m -> sameTest(removed, m) && !m.isPrivate() && !m.isStatic() && JavaDetectors.isTest(m)
                        && JavaDetectors.enabled(m));
        if (!alike) {
            return null;
        }
        // The class the same but for the override (no method of its name left to hide the inherited test or take its
        // calls; no hook the inherited test reaches changed with it), and its file the same but for imports it drops
        // (none added to give a name, the superclass's among them, another meaning).
        ClassOrInterfaceDeclaration without = classAtBase.clone();
        without.getMethods().stream().filter(m -> text(m).equals(text(removed))).toList().forEach(Node::remove);
        CompilationUnit headFile = classAtHead.findCompilationUnit().orElse(null);
        CompilationUnit baseFile = classAtBase.findCompilationUnit().orElse(null);
        if (headFile == null || baseFile == null || !text(without).equals(text(classAtHead))
                || !packageOf(headFile).equals(packageOf(baseFile))
                || !imports(baseFile).containsAll(imports(headFile))
                || !otherTypes(baseFile, classAtBase).equals(otherTypes(headFile, classAtHead))) {
            return null;
        }
        ClassOrInterfaceDeclaration superAtBase = ctx.testClassAtBase().apply(superName);
        CompilationUnit superFile = superAtHead.findCompilationUnit().orElse(null);
        CompilationUnit superFileAtBase = superAtBase == null ? null : superAtBase.findCompilationUnit().orElse(null);
        if (superFileAtBase == null || superFile == null
                || !packageOf(superFile).equals(importedFrom(baseFile, superName))
                || !importedFrom(baseFile, superName).equals(importedFrom(headFile, superName))
                || !superAtHead.getImplementedTypes().stream().map(RunningCopy::text).toList().containsAll(
                classAtBase.getImplementedTypes().stream().map(RunningCopy::text).toList())
                || !text(superFileAtBase).equals(text(superFile))
                || !importsAlike(baseFile, superFile, namesIn(removed), ctx.changedTypes(),
                memberNames(superAtHead), staticNames(removed))) {
            return null;
        }
        for (String name : namesIn(removed)) {
            // A member of the class of a name the body uses gives it another meaning there than in the superclass,
            // but an override of the superclass's instance method, which the inherited test calls alike.
            for (BodyDeclaration<?> member : classAtBase.getMembers()) {
                if (member != removed && declares(member, name) && !(member instanceof MethodDeclaration m
                        && overrides(m, superAtHead))) {
                    return null;
                }
            }
            for (BodyDeclaration<?> member : superAtHead.getMembers()) {
                if (declares(member, name) && (member instanceof FieldDeclaration f && f.isPrivate()
                        || member instanceof MethodDeclaration m && m.isPrivate())) {
                    return null;
                }
            }
        }
        return superName;
    }

    /**
     * A copy of {@code removed} that runs at the head, as "Class#name (path)", or null. {@code removedPath}: the file
     * it was removed from.
     */
    static String elsewhere(MethodDeclaration removed, String removedPath, Context ctx) {
        ClassOrInterfaceDeclaration removedClass = declaringClass(removed);
        CompilationUnit removedFile = removed.findCompilationUnit().orElse(null);
        if (removedClass == null || removedFile == null || !removedClass.isTopLevelType()) {
            return null;
        }
        String pkg = packageOf(removedFile);
        String removedRoot = root(removedPath, pkg);
        if (removedRoot == null) {
            return null;
        }
        for (Candidate c : ctx.testsNamed().find(removed.getNameAsString(), bodyKey(removed), longestToken(removed))) {
            MethodDeclaration copy = c.method();
            ClassOrInterfaceDeclaration copyClass = declaringClass(copy);
            CompilationUnit copyFile = copy.findCompilationUnit().orElse(null);
            if (copyClass == null || copyFile == null || !copyClass.isTopLevelType() || !pkg.equals(packageOf(copyFile))
                    || !runsBeside(root(c.path(), pkg), removedRoot) || copyClass.isAbstract()
                    || copyClass.isInterface() || !SUREFIRE_RUNS.matcher(copyClass.getNameAsString()).matches()) {
                continue;
            }
            // (Enabled alike: the same annotations on the test and on a top-level class, its only class.)
            if (!sameTest(removed, copy) || !JavaDetectors.isTest(copy)) {
                continue;
            }
            if ((JavaDetectors.choosesItsTests(copyClass) || JavaDetectors.choosesItsTests(removedClass))
                    && !(copyClass.getNameAsString().equals(removedClass.getNameAsString())
                    && suites(copyClass).equals(suites(removedClass)))) {
                continue;
            }
            // The superclass and the types the body names not edited by the change in the copy's root (the class's
            // own name aside where both classes have it: a stale tree's copy); no file the change touches named after
            // either class (a data file a test reads by its class's name); no name a class tells apart by.
            String copyRoot = root(c.path(), pkg);
            Set<String> reached = namesIn(removed);
            copyClass.getExtendedTypes().forEach(t -> reached.add(t.getNameAsString()));
            if (removedClass.getNameAsString().equals(copyClass.getNameAsString())) {
                reached.remove(copyClass.getNameAsString());
            }
            if (reached.stream().anyMatch(n -> ctx.changedTypes().getOrDefault(n, Set.of()).stream()
                    .anyMatch(p -> p.startsWith(copyRoot)))
                    || ctx.changedPaths().stream().anyMatch(p -> !p.endsWith(".java")
                    && (p.contains(removedClass.getNameAsString()) || p.contains(copyClass.getNameAsString())))
                    || !java.util.Collections.disjoint(reached, CLASS_TELLING)) {
                continue;
            }
            Set<String> used = namesIn(removed);
            used.addAll(namesOutsideTests(removedClass));
            used.addAll(namesOutsideTests(copyClass));
            // A class that extends the removed test's class ran the test on what it provides: no copy stands for that
            // (asked last: it reads every test file).
            if (outsideTests(removedClass).equals(outsideTests(copyClass))
                    && importsAlike(removedFile, copyFile, used, ctx.changedTypes(), memberNames(copyClass),
                    staticNames(removed)) && !ctx.extendedInTests().test(removedClass.getNameAsString())) {
                return copyClass.getNameAsString() + "#" + copy.getNameAsString() + " (" + c.path() + ")";
            }
        }
        return null;
    }

    /** Names by which a test tells its class apart: what it reads may then differ between two classes alike. */
    private static final Set<String> CLASS_TELLING = Set.of("getClass", "getSimpleName", "TestInfo", "TestName",
            "ITestContext", "ITestResult");

    /**
     * A test's body as written (its tokens, from the source), white space taken out: what a copy's file must hold, so
     * that only files with the same body are parsed.
     */
    private static String bodyKey(MethodDeclaration m) {
        return withoutWhiteSpace(m.getBody().map(b -> b.getTokenRange().map(Object::toString).orElse(b.toString()))
                .orElse(""));
    }

    /** {@code text} with the characters of the regular expression \s (space, tab, line breaks, form feed) taken out. */
    static String withoutWhiteSpace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\u000B' && ch != '\f' && ch != '\r') {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** The longest token of a test's body as written: a copy's file holds it as it is, white space or not. */
    private static String longestToken(MethodDeclaration m) {
        String longest = "";
        if (m.getBody().isPresent() && m.getBody().get().getTokenRange().isPresent()) {
            for (com.github.javaparser.JavaToken t : m.getBody().get().getTokenRange().get()) {
                if (t.getText().length() > longest.length() && !t.getCategory().isWhitespaceOrComment()) {
                    longest = t.getText();
                }
            }
        }
        return longest;
    }

    /**
     * Whether a file's text holds a body key ({@link #bodyKey}); the longest token looked for first, as it is, since
     * taking the white space out of a whole file costs more than reading it.
     */
    static boolean holdsBody(String text, String key, String longestToken) {
        return !key.isEmpty() && text.contains(longestToken) && withoutWhiteSpace(text).contains(key);
    }

    /** Class names Surefire runs by default (Test*, *Test, *Tests, *TestCase). */
    private static final java.util.regex.Pattern SUREFIRE_RUNS =
            java.util.regex.Pattern.compile("Test\\w*|\\w*(Test|Tests|TestCase)");

    /**
     * Whether a copy's root runs as the removed test's did: the same root, or, for a removed root the build does not
     * run by convention (tests/src/java), the {@code src/test/java} of the module it stands in, where the module's path
     * is not itself in another project's sources.
     */
    private static boolean runsBeside(String copyRoot, String removedRoot) {
        if (copyRoot == null) {
            return false;
        }
        if (copyRoot.equals(removedRoot)) {
            return true;
        }
        if (!copyRoot.endsWith("src/test/java/") || removedRoot.endsWith("src/test/java/")) {
            return false;
        }
        String module = copyRoot.substring(0, copyRoot.length() - "src/test/java/".length());
        return !("/" + module).contains("/src/") && removedRoot.startsWith(module)
                && (module.isEmpty() || module.endsWith("/"));
    }

    /** The same test: name, modifiers, type parameters, return type, parameters, annotations and body, as written. */
    private static boolean sameTest(MethodDeclaration a, MethodDeclaration b) {
        return a.getNameAsString().equals(b.getNameAsString()) && a.getModifiers().equals(b.getModifiers())
                && text(a.getTypeParameters()).equals(text(b.getTypeParameters()))
                && text(a.getType()).equals(text(b.getType()))
                && text(a.getParameters()).equals(text(b.getParameters()))
                && annotations(a.getAnnotations()).equals(annotations(b.getAnnotations()))
                && a.getBody().isPresent() && b.getBody().isPresent()
                && text(a.getBody().get()).equals(text(b.getBody().get()));
    }

    /**
     * A class without its tests, as text: its header (modifiers, annotations, type parameters, superclass,
     * interfaces) and every member that is not a test (fields, set-up, helpers, data providers, constructors, nested
     * types), sorted; the class's own name left out.
     */
    private static Set<String> outsideTests(ClassOrInterfaceDeclaration type) {
        Set<String> out = new TreeSet<>();
        out.add("modifiers " + type.getModifiers() + " interface " + type.isInterface());
        out.add("annotations " + annotations(type.getAnnotations()));
        out.add("type parameters " + text(type.getTypeParameters()));
        out.add("extends " + text(type.getExtendedTypes()));
        out.add("implements " + text(type.getImplementedTypes()));
        // The class's own name, as a name (not in a literal), read as the class itself.
        String name = type.getNameAsString();
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (!(member instanceof MethodDeclaration m && JavaDetectors.isTest(m))) {
                BodyDeclaration<?> copy = member.clone();
                copy.findAll(SimpleName.class).stream().filter(n -> n.getIdentifier().equals(name))
                        .forEach(n -> n.setIdentifier("ThisTestClass\u00a7"));
                out.add(text(copy));
            }
        }
        return out;
    }

    /** The names the class's header and its members that are not tests use. */
    private static Set<String> namesOutsideTests(ClassOrInterfaceDeclaration type) {
        Set<String> out = new TreeSet<>();
        type.getAnnotations().forEach(a -> out.addAll(namesIn(a)));
        type.getExtendedTypes().forEach(t -> out.addAll(namesIn(t)));
        type.getImplementedTypes().forEach(t -> out.addAll(namesIn(t)));
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (!(member instanceof MethodDeclaration m && JavaDetectors.isTest(m))) {
                out.addAll(namesIn(member));
            }
        }
        return out;
    }

    /**
     * Whether two files of one package import alike every name of {@code names}: the same single imports of it (type
     * and static), or one file's single import {@code p.N} where the other, importing none of N, imports {@code p.*};
     * and their on-demand imports nested (one file's a subset of the other's), for names neither imports singly.
     */
    private static boolean importsAlike(CompilationUnit a, CompilationUnit b, Set<String> names,
                                        java.util.Map<String, Set<String>> changedTypes, Set<String> members,
                                        Set<String> staticNames) {
        if (!nested(onDemand(a, false), onDemand(b, false))) {
            return false;
        }
        for (String name : names) {
            // A name the class has as a member is not taken from a static import; another must be imported alike, and
            // on demand from the same types (overloads from two merge without an error).
            if (staticNames.contains(name) && !members.contains(name)
                    && (!singly(a, name, true).equals(singly(b, name, true))
                    || singly(a, name, true).isEmpty() && !onDemand(a, true).equals(onDemand(b, true)))) {
                return false;
            }
            Set<String> inA = singly(a, name, false);
            Set<String> inB = singly(b, name, false);
            if (!inA.equals(inB) && (changedTypes.containsKey(name)
                    || !(inA.isEmpty() && coveredOnDemand(inB, onDemand(a, false), name))
                    && !(inB.isEmpty() && coveredOnDemand(inA, onDemand(b, false), name)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean nested(Set<String> a, Set<String> b) {
        return a.containsAll(b) || b.containsAll(a);
    }

    /**
     * A type imported by name in one file and from the same package on demand in the other (the caller makes sure the
     * change declares no type of the name, which, in the file's own package, would win over the on-demand import).
     */
    private static boolean coveredOnDemand(Set<String> single, Set<String> onDemand, String name) {
        return single.size() == 1 && onDemand.contains(single.iterator().next().replaceAll("\\." + name + "$", ""));
    }

    /** A file's single imports of {@code name} (their qualified names), of types or static members. */
    private static Set<String> singly(CompilationUnit cu, String name, boolean isStatic) {
        Set<String> out = new TreeSet<>();
        for (ImportDeclaration i : cu.getImports()) {
            if (!i.isAsterisk() && i.isStatic() == isStatic && i.getName().getIdentifier().equals(name)) {
                out.add(i.getNameAsString());
            }
        }
        return out;
    }

    /** A file's on-demand imports (the package or type before {@code .*}), of types or static members. */
    private static Set<String> onDemand(CompilationUnit cu, boolean isStatic) {
        Set<String> out = new TreeSet<>();
        for (ImportDeclaration i : cu.getImports()) {
            if (i.isAsterisk() && i.isStatic() == isStatic) {
                out.add(i.getNameAsString());
            }
        }
        return out;
    }

    /** The package a simple type name means in a file: the one it imports it from by name, else the file's own. */
    private static String importedFrom(CompilationUnit cu, String name) {
        Set<String> single = singly(cu, name, false);
        return single.size() == 1 ? single.iterator().next().replaceAll("\\." + name + "$", "") : packageOf(cu);
    }

    /** A class's static suite() methods, as text. */
    private static Set<String> suites(ClassOrInterfaceDeclaration type) {
        Set<String> out = new TreeSet<>();
        type.getMethodsByName("suite").stream().filter(m -> m.isStatic() && m.getParameters().isEmpty())
                .forEach(m -> out.add(text(m)));
        return out;
    }

    private static boolean declares(BodyDeclaration<?> member, String name) {
        return member instanceof FieldDeclaration f && f.getVariables().stream()
                .anyMatch(v -> v.getNameAsString().equals(name))
                || member instanceof MethodDeclaration m && m.getNameAsString().equals(name)
                || member instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t
                && t.getNameAsString().equals(name);
    }

    /** Whether {@code m} overrides an instance method the superclass declares (the same name and parameter types). */
    private static boolean overrides(MethodDeclaration m, ClassOrInterfaceDeclaration superclass) {
        return !m.isPrivate() && !m.isStatic() && superclass.getMethodsByName(m.getNameAsString()).stream().anyMatch(s ->
                !s.isPrivate() && !s.isStatic() && text(s.getParameters().stream().map(p -> p.getType()).toList())
                        .equals(text(m.getParameters().stream().map(p -> p.getType()).toList())));
    }

    /**
     * The names in a test a static import could give: calls without a receiver, and simple names that are not its
     * locals or parameters, nor a type's name read as the receiver of a call or field (CamelCase, as Math in Math.max).
     */
    private static Set<String> staticNames(MethodDeclaration m) {
        Set<String> locals = new TreeSet<>();
        m.getParameters().forEach(p -> locals.add(p.getNameAsString()));
        JavaDetectors.all(m, com.github.javaparser.ast.body.VariableDeclarator.class)
                .forEach(v -> locals.add(v.getNameAsString()));
        JavaDetectors.all(m, com.github.javaparser.ast.body.Parameter.class)
                .forEach(p -> locals.add(p.getNameAsString()));
        Set<String> out = new TreeSet<>();
        JavaDetectors.all(m, MethodCallExpr.class).forEach(c -> {
            if (c.getScope().isEmpty()) {
                out.add(c.getNameAsString());
            }
        });
        JavaDetectors.all(m, NameExpr.class).forEach(n -> {
            String name = n.getNameAsString();
            boolean receiver = n.getParentNode().orElse(null) instanceof MethodCallExpr c && c.getScope().orElse(null)
                    == n || n.getParentNode().orElse(null) instanceof FieldAccessExpr f && f.getScope() == n;
            boolean camelCase = Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase());
            if (!locals.contains(name) && !(receiver && camelCase)) {
                out.add(name);
            }
        });
        return out;
    }

    /** The names of the fields and methods a class declares itself. */
    private static Set<String> memberNames(ClassOrInterfaceDeclaration type) {
        Set<String> out = new TreeSet<>();
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof FieldDeclaration f) {
                f.getVariables().forEach(v -> out.add(v.getNameAsString()));
            } else if (member instanceof MethodDeclaration m) {
                out.add(m.getNameAsString());
            }
        }
        return out;
    }

    /** A file's imports, as text. */
    private static Set<String> imports(CompilationUnit cu) {
        Set<String> out = new TreeSet<>();
        cu.getImports().forEach(i -> out.add(text(i)));
        return out;
    }

    /** The other top-level types of a file, as text. */
    private static Set<String> otherTypes(CompilationUnit cu, ClassOrInterfaceDeclaration type) {
        Set<String> out = new TreeSet<>();
        cu.getTypes().stream().filter(t -> !t.getNameAsString().equals(type.getNameAsString()))
                .forEach(t -> out.add(text(t)));
        return out;
    }

    /** Every identifier in a node (types, names, calls, annotations): what an import could give another meaning. */
    private static Set<String> namesIn(Node n) {
        Set<String> out = new TreeSet<>();
        n.findAll(SimpleName.class).forEach(s -> out.add(s.getIdentifier()));
        n.findAll(com.github.javaparser.ast.expr.Name.class).forEach(s -> out.add(s.getIdentifier()));
        n.findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class).forEach(r -> out.add(r.getIdentifier()));
        return out;
    }

    private static ClassOrInterfaceDeclaration declaringClass(MethodDeclaration m) {
        return m.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration t ? t : null;
    }

    private static String packageOf(CompilationUnit cu) {
        return cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    }

    /** The directory a file's package starts in ("src/test/java/" for src/test/java/a/b/C.java in package a.b), or null. */
    private static String root(String path, String pkg) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        String dir = slash < 0 ? "" : p.substring(0, slash + 1);
        String suffix = pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
        if (!dir.equals(suffix) && !dir.endsWith("/" + suffix) && !suffix.isEmpty()) {
            return null;
        }
        return dir.substring(0, dir.length() - suffix.length());
    }

    private static Set<String> annotations(List<AnnotationExpr> annotations) {
        Set<String> out = new TreeSet<>();
        annotations.forEach(a -> out.add(text(a)));
        return out;
    }

    /** A node as written, white space collapsed. */
    private static String text(Object node) {
        if (node instanceof Node n) {
            return n.toString().replaceAll("\\s+", " ").strip();
        }
        if (node instanceof List<?> list) {
            StringBuilder out = new StringBuilder();
            list.forEach(x -> out.append(text(x)).append('\u0000'));
            return out.toString();
        }
        return String.valueOf(node);
    }
}
