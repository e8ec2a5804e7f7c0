package org.alignlab.oversight;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
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
 *   <li>inherited: the test overrode a test of its class's superclass at the head that has the same body, parameters
 *   and annotations, so that with the override gone the inherited one runs in the same class (t-digest's
 *   TreeDigestTest#testMergeEmpty, identical to TDigestTest's). The body must not call {@code super}, and the class
 *   must declare no field, and no private or static method, of a name the body uses: the superclass's copy reads its
 *   own, where the override read the class's.</li>
 *   <li>elsewhere: a test file the change does not touch declares, in a class of the same package that JUnit runs, a
 *   test of the same name with the same body, parameters and annotations; the two classes have the same superclass,
 *   interfaces and annotations, the same set-up and tear-down methods and rule fields, and the same declarations of
 *   every member the body names (a stale copy of a test tree deleted, as reload4j's tests/src/java beside
 *   src/test/java; a class that duplicated another, as t-digest's InterpolatingDigestTest). The copy must stand in a
 *   test root that runs: a {@code src/test/java} one, or the removed test's own, not an integration test's sample
 *   project ({@code src/it}) nor test resources; and a class that chooses its tests with JUnit 3's {@code suite()}
 *   must choose them with the same one.</li>
 * </ul>
 */
final class RunningCopy {

    private RunningCopy() {
    }

    /** A test method at the head, with the path of its file. */
    record Candidate(String path, MethodDeclaration method) {
    }

    /**
     * The superclass that now runs {@code removed} in its class, by name, or null. {@code classAtHead}: the removed
     * test's class after the change (null when gone); {@code testClassAtHead}: the head's test classes by simple name.
     */
    static String inherited(MethodDeclaration removed, ClassOrInterfaceDeclaration classAtBase,
                            ClassOrInterfaceDeclaration classAtHead,
                            Function<String, ClassOrInterfaceDeclaration> testClassAtHead) {
        if (classAtBase == null || classAtHead == null || classAtHead.getExtendedTypes().size() != 1
                || !classAtBase.getExtendedTypes().equals(classAtHead.getExtendedTypes())
                || !removed.findAll(SuperExpr.class).isEmpty()) {
            return null;
        }
        String superName = classAtHead.getExtendedTypes(0).getNameAsString();
        ClassOrInterfaceDeclaration superclass = testClassAtHead.apply(superName);
        if (superclass == null) {
            return null;
        }
        boolean alike = superclass.getMethodsByName(removed.getNameAsString()).stream().anyMatch(m -> sameTest(removed,
                m) && !m.isPrivate() && !m.isStatic() && JavaDetectors.enabled(m) && JavaDetectors.isTest(m));
        if (!alike) {
            return null;
        }
        for (String name : namesUsed(removed)) {
            for (BodyDeclaration<?> member : classAtBase.getMembers()) {
                if (member != removed && (member instanceof FieldDeclaration f && f.getVariables().stream()
                        .anyMatch(v -> v.getNameAsString().equals(name))
                        || member instanceof MethodDeclaration m && m.getNameAsString().equals(name)
                        && (m.isPrivate() || m.isStatic()))) {
                    return null;
                }
            }
        }
        return superName;
    }

    /**
     * A copy of {@code removed} that runs at the head, as "Class#name (path)", or null. {@code removedPath}: the file
     * it was removed from; {@code candidates}: the head's tests of its name in files the change does not touch.
     */
    static String elsewhere(MethodDeclaration removed, String removedPath, List<Candidate> candidates) {
        ClassOrInterfaceDeclaration removedClass = declaringClass(removed);
        String removedPackage = packageOf(removed);
        if (removedClass == null || removedPackage == null) {
            return null;
        }
        String removedRoot = root(removedPath, removedPackage);
        for (Candidate c : candidates) {
            MethodDeclaration copy = c.method();
            ClassOrInterfaceDeclaration copyClass = declaringClass(copy);
            String path = ("/" + c.path()).replace('\\', '/');
            String copyRoot = root(c.path(), removedPackage);
            if (copyClass == null || !removedPackage.equals(packageOf(copy)) || copyRoot == null
                    || path.contains("/src/it/") || path.contains("/src/test/resources/")
                    || !(("/" + copyRoot).endsWith("/src/test/java/") || copyRoot.equals(removedRoot))) {
                continue;
            }
            if (!sameTest(removed, copy) || !JavaDetectors.isTest(copy) || !JavaDetectors.enabled(copy)
                    || !JavaDetectors.inRunningClass(copy) || copyClass.isAbstract() || copyClass.isInterface()
                    || JavaDetectors.choosesItsTests(copyClass) && !suites(copyClass).equals(suites(removedClass))) {
                continue;
            }
            if (sameSetting(removedClass, copyClass) && namesUsed(removed).stream().allMatch(n ->
                    declarations(removedClass, n).equals(declarations(copyClass, n)))) {
                return copyClass.getNameAsString() + "#" + copy.getNameAsString() + " (" + c.path() + ")";
            }
        }
        return null;
    }

    /** The same test: name, parameters, annotations and body, as written. */
    private static boolean sameTest(MethodDeclaration a, MethodDeclaration b) {
        return a.getNameAsString().equals(b.getNameAsString()) && text(a.getParameters()).equals(text(b.getParameters()))
                && annotations(a.getAnnotations()).equals(annotations(b.getAnnotations()))
                && a.getBody().isPresent() && b.getBody().isPresent()
                && text(a.getBody().get()).equals(text(b.getBody().get()));
    }

    /**
     * The same setting for a test: superclass, interfaces and annotations of the class, and its set-up, tear-down and
     * rule members, as written.
     */
    private static boolean sameSetting(ClassOrInterfaceDeclaration a, ClassOrInterfaceDeclaration b) {
        return text(a.getExtendedTypes()).equals(text(b.getExtendedTypes()))
                && text(a.getImplementedTypes()).equals(text(b.getImplementedTypes()))
                && annotations(a.getAnnotations()).equals(annotations(b.getAnnotations()))
                && setting(a).equals(setting(b));
    }

    private static final Set<String> LIFECYCLE = Set.of("Before", "BeforeEach", "BeforeClass", "BeforeAll", "After",
            "AfterEach", "AfterClass", "AfterAll", "Rule", "ClassRule", "RegisterExtension");

    /** A class's set-up and tear-down methods (JUnit 3's by name) and rule fields, as text, sorted. */
    private static Set<String> setting(ClassOrInterfaceDeclaration type) {
        Set<String> out = new TreeSet<>();
        for (BodyDeclaration<?> member : type.getMembers()) {
            boolean lifecycle = member.getAnnotations().stream().anyMatch(an -> LIFECYCLE.contains(an.getName()
                    .getIdentifier())) || member instanceof MethodDeclaration m && (m.getNameAsString().equals("setUp")
                    || m.getNameAsString().equals("tearDown")) && m.getParameters().isEmpty();
            if (lifecycle) {
                out.add(text(member));
            }
        }
        return out;
    }

    /** A class's static suite() methods, as text. */
    private static Set<String> suites(ClassOrInterfaceDeclaration type) {
        Set<String> out = new TreeSet<>();
        type.getMethodsByName("suite").stream().filter(m -> m.isStatic() && m.getParameters().isEmpty())
                .forEach(m -> out.add(text(m)));
        return out;
    }

    /** The declarations in {@code type} itself of fields and methods named {@code name}, as text, sorted. */
    private static Set<String> declarations(ClassOrInterfaceDeclaration type, String name) {
        Set<String> out = new TreeSet<>();
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof FieldDeclaration f && f.getVariables().stream()
                    .anyMatch(v -> v.getNameAsString().equals(name))
                    || member instanceof MethodDeclaration m && m.getNameAsString().equals(name)) {
                out.add(text(member));
            }
        }
        return out;
    }

    /**
     * The names a test's body may read from its class: simple names, calls without a receiver or on {@code this}, and
     * fields read through {@code this} (locals among them, which no class member shares or both share alike).
     */
    private static Set<String> namesUsed(MethodDeclaration m) {
        Set<String> out = new TreeSet<>();
        m.findAll(NameExpr.class).forEach(n -> out.add(n.getNameAsString()));
        m.findAll(MethodCallExpr.class).forEach(c -> {
            if (c.getScope().isEmpty() || c.getScope().get().isThisExpr()) {
                out.add(c.getNameAsString());
            }
        });
        m.findAll(FieldAccessExpr.class).forEach(f -> {
            if (f.getScope().isThisExpr()) {
                out.add(f.getNameAsString());
            }
        });
        return out;
    }

    private static ClassOrInterfaceDeclaration declaringClass(MethodDeclaration m) {
        return m.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration t ? t : null;
    }

    private static String packageOf(Node n) {
        return n.findCompilationUnit().map(cu -> cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse(""))
                .orElse(null);
    }

    /** The directory a file's package starts in ("src/test/java/" for src/test/java/a/b/C.java in package a.b), or null. */
    private static String root(String path, String pkg) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        String dir = slash < 0 ? "" : p.substring(0, slash + 1);
        String suffix = pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
        return dir.endsWith(suffix) ? dir.substring(0, dir.length() - suffix.length()) : null;
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
