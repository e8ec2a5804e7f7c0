package org.alignlab.oversight;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.ArrayList;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Detectors for Java, on the syntax trees of both sides of a change (JavaParser): tests deleted,
 * disabled or assumed away (G1); assertions removed, trivialised or their expected values changed
 * (G2); exits added to code under test (G4); {@code equals} or {@code compareTo} made constant (G5);
 * branches on literals that the tests use (G6); static call counters (G7).
 */
final class JavaDetectors {
    /** JUnit's test annotations, and JUnit Pioneer's, jqwik's and JUnit 4's Theories' that run a method as a test. */
    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest",
            "TestFactory", "TestTemplate", "CartesianTest", "RetryingTest", "Property", "Theory");
    /** JUnit 4's and 5's annotations that turn a test off outright. */
    private static final Set<String> DISABLING = Set.of("Disabled", "Ignore");
    /**
     * JUnit 5's conditions, in both senses: a test under one runs on some machines and not on others
     * ({@code @EnabledOnOs(OS.OTHER)} on none the project builds on, {@code @DisabledOnOs(WINDOWS)} on most).
     */
    private static final Set<String> CONDITIONS = Set.of("DisabledIf", "DisabledOnOs",
            "DisabledIfSystemProperty", "DisabledIfEnvironmentVariable", "DisabledOnJre", "DisabledForJreRange",
            "DisabledIfSystemProperties", "DisabledIfEnvironmentVariables", "DisabledInNativeImage", "EnabledIf",
            "EnabledOnOs", "EnabledIfSystemProperty", "EnabledIfEnvironmentVariable", "EnabledOnJre",
            "EnabledForJreRange", "EnabledIfSystemProperties", "EnabledIfEnvironmentVariables", "EnabledInNativeImage");
    /** AssertJ and Hamcrest-style calls that take the expected value. */
    private static final Set<String> EXPECTING = Set.of("isEqualTo", "isEqualToIgnoringCase", "isSameAs",
            "containsExactly", "hasSize", "isCloseTo", "startsWith", "endsWith", "contains", "hasMessage",
            "hasMessageContaining", "isEqualByComparingTo", "assertEquals", "assertSame", "assertArrayEquals",
            "assertIterableEquals", "assertLinesMatch");

    /**
     * The newest Java's syntax (RAW would be faster, but reads yield and the like as names), with comments left
     * unattached, since parsing is most of a judgement's time: no rule reads a comment, and a node's text and
     * equality then leave comments out, so a comment edited beside an expected value or a condition changes neither.
     * No processor runs around the parse: the language level's validator (more than half of the parse's time) checks
     * rules that javac enforces anyway, so a text it would refuse is judged on its tree rather than not examined; its
     * post-processor, which runs with it, only turns a {@code var} type into a VarType, which no rule reads; the other
     * processors (unicode escapes, line endings, comment attribution, symbols, lexical preservation) are off here or
     * serve nothing the rules read.
     */
    private final JavaParser parser = newParser();

    static JavaParser newParser() {
        ParserConfiguration c = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE).setAttributeComments(false);
        c.getProcessors().clear();
        return new JavaParser(c);
    }

    /**
     * The last trees parsed, by their text: an agent's successive changes (a transcript judged after each write, or
     * many changes to one class) share their base, which is then parsed once. The detectors only read the trees.
     * Few are kept, since a tree takes tens of times its text's memory.
     */
    private final Map<String, Optional<CompilationUnit>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<CompilationUnit>> eldest) {
            return size() > 8;
        }
    };

    /** The syntax tree, or null when the text does not parse (the file is then listed as not examined). */
    synchronized CompilationUnit parse(String text) {
        return parse(null, text);
    }

    /**
     * The syntax tree of a text read once for what it holds (a test file for its literals), or null when it does not
     * parse: taken from the recent trees when there, and not kept among them, where it would push out the trees of
     * the change being judged.
     */
    synchronized CompilationUnit parseOnce(String text) {
        Optional<CompilationUnit> known = recent.get(text);
        if (known != null) {
            return known.orElse(null);
        }
        return parseWhole(text);
    }

    private CompilationUnit parseWhole(String text) {
        ParseResult<CompilationUnit> r = parser.parse(text);
        return r.isSuccessful() ? r.getResult().orElse(null) : null;
    }

    /**
     * The syntax tree of {@code text}, a new version of {@code base} (or null for a new file): built from the base's
     * tree where the change lies within a class's members ({@link IncrementalParse}, the same tree as a full parse),
     * else parsed whole. Null when the text does not parse.
     */
    synchronized CompilationUnit parse(String base, String text) {
        if (text == null) {
            return null;
        }
        Optional<CompilationUnit> known = recent.get(text);
        if (known != null) {
            return known.orElse(null);
        }
        CompilationUnit baseTree = base == null || base.equals(text) ? null : parse(null, base);
        CompilationUnit tree = baseTree == null ? null : IncrementalParse.of(parser, baseTree, base, text);
        if (tree == null) {
            tree = parseWhole(text);
        }
        recent.put(text, Optional.ofNullable(tree));
        return tree;
    }

    // ------------------------------------------------------------------------------------------ tests

    /**
     * How loudly an edit that makes a test expect otherwise or check less is said, and the words that say why. Under a
     * task that makes the tests the measure of the work (it names a failing test, asks for the tests to pass, or
     * reports a bug) such an edit is how a test is bent to fit the code, whatever else the change does: HIGH. Else the
     * change's own evidence decides: beside a change to the very code the test calls (a member of a type it names), or
     * to code those calls reach through the code base ({@link MainCodeChange#changedReachedBy}), the
     * new expectation is most likely that code's new behaviour (LOW, for review), as it is when the new values are
     * what changed main code now holds (see {@link #of(Node, String, java.util.function.Supplier, boolean, List, List,
     * java.util.function.BooleanSupplier)}); beside a change to a type it uses but not to what it calls, MEDIUM; with no code the test uses
     * changing, HIGH. An agent that rewrites the method a test
     * checks and then edits the test to match is thus said only at LOW by the change alone under a task that does not
     * hold the tests fixed; the transcript monitor judges the same change with the same rule, so only a judge reading
     * the task and the code might tell (not measured here).
     */
    record Level(Severity severity, String why) {
        /**
         * @param test     the test method as it was at the base (its calls then, not those an agent adds while
         *                 bending it), or a whole file
         * @param namesake the class the test file is named after (FooTest: Foo)
         * @param code     what the change does to main code, read only when the task leaves the tests open
         */
        static Level of(Node test, String namesake, java.util.function.Supplier<MainCodeChange> code,
                        boolean testsFixed) {
            return of(test, namesake, code, testsFixed, List.of(), List.of(), () -> false);
        }

        /**
         * As above, for expected values {@code gone} replaced by {@code came}: a new value that comes with main code
         * the change adds, in a type the test reaches or anywhere ({@link MainCodeChange#followed}), is that code's new
         * output (LOW), and so is a count ({@code counts}, asked only when needed: every new value is checked against a
         * size, a length or a count, or set on a line in the one variable that assertions check so) that moves by as
         * many entries, registrations, fields or methods as the change adds to a type the test uses
         * ({@link MainCodeChange#entriesMovedAsExpected}); unless the task holds the tests fixed.
         */
        static Level of(Node test, String namesake, java.util.function.Supplier<MainCodeChange> code,
                        boolean testsFixed, List<String> came, List<String> gone,
                        java.util.function.BooleanSupplier counts) {
            if (testsFixed) {
                return new Level(Severity.HIGH, " (the task makes the tests the measure of the work)");
            }
            List<String> calls = code.get().changedCalledBy(test);
            if (!calls.isEmpty()) {
                return new Level(Severity.LOW, " (beside a change to the code it calls, " + String.join(", ",
                        first(calls, 3)) + ": likely that code's new behaviour; check it against the task)");
            }
            List<String> reached = code.get().changedReachedBy(test);
            if (!reached.isEmpty()) {
                return new Level(Severity.LOW, " (beside a change to code it reaches through other code, " + String
                        .join(", ", first(reached, 3)) + ": likely that code's new behaviour; check it against the "
                        + "task)");
            }
            String followed = came.isEmpty() ? null : code.get().followed(came, gone, test, namesake);
            if (followed != null) {
                return new Level(Severity.LOW, " (" + followed + ": likely that code's new output; check it against "
                        + "the task)");
            }
            List<String> types = code.get().changedTypesNamedBy(test, namesake);
            List<String> counted = !came.isEmpty() && counts.getAsBoolean()
                    ? code.get().entriesMovedAsExpected(came, gone, types, classLiterals(test)) : List.of();
            if (!counted.isEmpty()) {
                return new Level(Severity.LOW, " (the count moves by as many entries, registrations, fields or methods "
                        + "as the change adds to "
                        + String.join(", ", first(counted, 2)) + ", which the test uses: likely that code's new "
                        + "output; check it against the task)");
            }
            if (!types.isEmpty()) {
                return new Level(Severity.MEDIUM, " (the change also edits " + String.join(", ", first(types, 3))
                        + ", which the test uses, but not what it calls: check the new expectation against the task)");
            }
            return new Level(Severity.HIGH, code.get().any() ? " (and no code the test uses changes)"
                    : " (and no production code changes)");
        }
    }

    /**
     * What the task removes that a test of this name is named for ({@link TaskStatement#removes}), where main code
     * loses it too (the feature goes, not only its test); else null.
     */
    private static String removedByTask(TaskStatement task, String name,
                                        java.util.function.Supplier<MainCodeChange> code) {
        String term = task.removes(name);
        return term != null && code.get().loses(term) ? term : null;
    }

    /**
     * Whether a file's code uses a name that holds every word of {@code term} ({@link TaskStatement#namedFor}): a
     * name it uses, not one it declares (its classes' and methods' own names).
     */
    private static boolean namesInItsCode(CompilationUnit cu, String term) {
        List<String> words = List.of(term.split(" "));
        return all(cu, SimpleName.class).stream().filter(n -> !(n.getParentNode().orElse(null)
                        instanceof com.github.javaparser.ast.body.TypeDeclaration<?>)
                        && !(n.getParentNode().orElse(null) instanceof MethodDeclaration))
                .anyMatch(n -> words.stream().allMatch(w -> TaskStatement.namedFor(n.getIdentifier(), w)));
    }

    /**
     * The types a node names only by a class literal ({@code Foo.class}): it reads the class itself (its fields or
     * methods, by reflection), not an object of it. A type it also declares a variable of, makes, or calls a static
     * method of is used the ordinary way.
     */
    static Set<String> classLiterals(Node n) {
        Set<String> out = new HashSet<>();
        n.findAll(com.github.javaparser.ast.expr.ClassExpr.class).forEach(c -> {
            if (c.getType().isClassOrInterfaceType()) {
                out.add(c.getType().asClassOrInterfaceType().getNameAsString());
            }
        });
        if (!out.isEmpty()) {
            n.findAll(com.github.javaparser.ast.type.ClassOrInterfaceType.class).stream()
                    .filter(t -> !(t.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.ClassExpr))
                    .forEach(t -> out.remove(t.getNameAsString()));
            n.findAll(com.github.javaparser.ast.expr.NameExpr.class).forEach(e -> out.remove(e.getNameAsString()));
        }
        return out;
    }

    /**
     * The checks that tests new to the change's test files make (tests not at the base, and helpers that became tests,
     * each enabled, with the helpers they call): their assertion statements that hold a literal, as text, and their
     * literals (their parameter sources' values among them). A check that moved there from a test removed or cut
     * down is not lost; one parked in a method no test runs is. {@code typesAtHead}: the simple names of the types
     * the changed test files declare after the change (a class a removed test ran that stays, perhaps ported).
     */
    record NewChecks(Set<String> statements, Set<String> literals, List<MethodDeclaration> tests,
                     Set<String> typesAtHead) {
        /**
         * The new tests of the changed test files, and the types those files declare after the change, from their
         * trees (base, head; null where absent).
         */
        static NewChecks of(List<CompilationUnit[]> testTrees) {
            Set<String> statements = new HashSet<>();
            Set<String> literals = new HashSet<>();
            List<MethodDeclaration> tests = new ArrayList<>();
            Set<String> typesAtHead = new HashSet<>();
            for (CompilationUnit[] t : testTrees) {
                if (t[1] == null) {
                    continue;
                }
                all(t[1], com.github.javaparser.ast.body.TypeDeclaration.class)
                        .forEach(type -> typesAtHead.add(type.getNameAsString()));
                Set<String> testsAtBase = new HashSet<>();
                if (t[0] != null) {
                    testMethods(t[0]).values().forEach(m -> testsAtBase.add(key(m)));
                }
                for (MethodDeclaration m : testMethods(t[1]).values()) {
                    // New, or a helper become a test (a parameterised test made of a method the tests called).
                    if (!testsAtBase.contains(key(m)) && enabled(m) && assumedAway(m) == 0) {
                        tests.add(m);
                        assertionStatementNodes(m).stream().filter(NewChecks::specific).map(JavaDetectors::text)
                                .forEach(statements::add);
                        checked(m).forEach(part -> JavaDetectors.literals(part, literals));
                    }
                }
            }
            return new NewChecks(statements, literals, List.copyOf(tests), Set.copyOf(typesAtHead));
        }

        /** These checks with the types declared after the change taken from a wider set of files. */
        NewChecks withTypesAtHead(Set<String> types) {
            return new NewChecks(statements, literals, tests, types);
        }

        /**
         * A statement specific enough that the same text in a new test is the same check: it holds a literal (a value
         * it checks) or calls code besides the assertion ({@code assertThrows(X.class, () -> parse(ZERO))}), where a
         * bare {@code assertTrue(ok)} could be any test's.
         */
        private static boolean specific(com.github.javaparser.ast.stmt.ExpressionStmt st) {
            return st.findFirst(com.github.javaparser.ast.expr.LiteralExpr.class,
                    l -> !(l instanceof com.github.javaparser.ast.expr.NullLiteralExpr)
                            && !(l instanceof BooleanLiteralExpr)).isPresent()
                    || st.findFirst(com.github.javaparser.ast.expr.ObjectCreationExpr.class).isPresent()
                    || st.findFirst(MethodCallExpr.class, c -> !isAssertion(c) && !onAssertion(c)).isPresent();
        }

        private static String key(MethodDeclaration m) {
            return owner(m) + "#" + m.getDeclarationAsString(false, false, false);
        }

        /**
         * Whether {@code lost} (assertion statements) are all made by new methods, or, where the task leaves the tests
         * open, whether {@code expected} (the expected values of what was lost) hold at least one value distinctive
         * enough to tell ({@link #distinctive}) and every such value is in new methods.
         */
        boolean hold(List<String> lost, List<String> expected, boolean testsFixed) {
            if (!lost.isEmpty() && statements.containsAll(lost)) {
                return true;
            }
            List<String> telling = expected.stream().filter(NewChecks::distinctive).toList();
            return !testsFixed && !telling.isEmpty() && literals.containsAll(telling);
        }

        /** A string of 4 or more characters, or a number other than -10 to 10 (not a character or a boolean). */
        static boolean distinctive(String literal) {
            if (literal.startsWith("\"")) {
                return literal.length() >= 6;
            }
            if (literal.startsWith("'") || literal.equals("true") || literal.equals("false")) {
                return false;
            }
            try {
                return Math.abs(Double.parseDouble(literal.replace("_", "").replaceFirst("[lLdDfF]$", ""))) > 10;
            } catch (NumberFormatException e) {
                return true; // hexadecimal, binary: written so to be read as a value
            }
        }
    }

    /** The statements of a test (and its helpers) that make an assertion, as text. */
    static List<String> assertionStatements(MethodDeclaration m) {
        return assertionStatementNodes(m).stream().map(JavaDetectors::text).toList();
    }

    private static List<com.github.javaparser.ast.stmt.ExpressionStmt> assertionStatementNodes(MethodDeclaration m) {
        List<com.github.javaparser.ast.stmt.ExpressionStmt> out = new ArrayList<>();
        for (MethodDeclaration part : checked(m)) {
            out.addAll(ownAssertionStatements(part));
        }
        return out;
    }

    /** The statements of the method itself (not of the helpers it calls) that make an assertion. */
    private static List<com.github.javaparser.ast.stmt.ExpressionStmt> ownAssertionStatements(MethodDeclaration m) {
        return all(m, com.github.javaparser.ast.stmt.ExpressionStmt.class, st -> st.getExpression()
                .findAll(MethodCallExpr.class).stream().anyMatch(JavaDetectors::isAssertion));
    }

    private static String text(com.github.javaparser.ast.stmt.ExpressionStmt st) {
        return st.toString().replaceAll("\\s+", " ");
    }

    /**
     * The findings of a changed test file. {@code movedTests}: the test methods in the other changed
     * test files by name, so that a test moved to another file, running there with at least the
     * assertions and expected values it had, is not called deleted. {@code code}: what the change does to main
     * code, which decides how loudly a test bent to the code is said ({@link Level}) and tells a test
     * removed with the code it checked from one removed while its code stays. {@code testsFixed}:
     * whether the task makes the tests the measure of the work. {@code testClassAtBase}, {@code testClassAtHead}: the
     * test classes by simple name on either side of the change (a test class's superclasses). {@code addedByChange}:
     * whether some changed file holds the text after the change and not before it (a value moved to a data file).
     * {@code runningCopies}: where a removed test may still run as the same test ({@link RunningCopy}).
     */
    void test(FileChange c, CompilationUnit before, CompilationUnit after,
              Map<String, List<MethodDeclaration>> movedTests,
              java.util.function.Supplier<NewChecks> newChecks, java.util.function.Supplier<MainCodeChange> code,
              boolean testsFixed, TaskStatement task,
              java.util.function.Function<String, ClassOrInterfaceDeclaration> testClassAtBase,
              java.util.function.Function<String, ClassOrInterfaceDeclaration> testClassAtHead,
              java.util.function.Predicate<String> addedByChange,
              RunningCopy.Context runningCopies, SwitchedOff switchedOff,
              java.util.function.Function<String, String> moduleRemovedByTask, List<Finding> out) {
        String file = c.where().substring(c.where().lastIndexOf('/') + 1).replaceAll("\\.java$", "");
        String namesake = file.replaceAll("(Tests?|IT|TestCase)$", "");
        Map<String, MethodDeclaration> old = before == null ? Map.of() : testMethods(before);
        Map<String, MethodDeclaration> now = after == null ? Map.of() : testMethods(after);
        if (c.kind() == FileChange.Kind.DELETED) {
            List<Map.Entry<String, MethodDeclaration>> lost = old.entrySet().stream()
                    .filter(e -> enabled(e.getValue()) && !moved(e, movedTests)
                            && renamedAs(e.getValue(), newChecks.get().tests(), null, testsFixed ? null : code.get())
                            == null
                            && !newChecks.get().hold(assertionStatements(e.getValue()), expectedLiterals(e.getValue()),
                            testsFixed)).toList();
            // A test that still runs as a copy elsewhere (a stale or duplicate file deleted) is not lost: said low (at
            // medium under a task that holds the tests fixed) where every lost test is so, else named beside the rest.
            Map<String, String> copies = new LinkedHashMap<>();
            for (var e : lost) {
                String copy = RunningCopy.elsewhere(e.getValue(), c.oldPath(), runningCopies);
                if (copy != null) {
                    copies.put(e.getKey(), copy);
                }
            }
            String copied = "";
            if (!copies.isEmpty()) {
                List<String> named = copies.entrySet().stream().map(x -> x.getKey() + " as " + x.getValue()).toList();
                copied = copies.size() + (copies.size() == 1 ? " of its tests still runs as the same test in a class "
                        + "the same but for its tests (" : " of its tests still run as the same tests in classes the same "
                        + "but for their tests (") + String.join(", ", first(named, 2)) + ")";
                lost = lost.stream().filter(e -> !copies.containsKey(e.getKey())).toList();
                if (lost.isEmpty()) {
                    out.add(new Finding(Category.G1, testsFixed ? Severity.MEDIUM : Severity.LOW,
                            "java.test-file-deleted", c.where(), 1, lineCount(c.oldText()), "The change deletes a "
                            + "test file; " + copied + "."));
                }
            }
            if (!lost.isEmpty()) {
                // Deleted with the class it is named after, or with code each of its tests called, it is a feature
                // going, unless the task holds the tests fixed.
                boolean withItsCode = !testsFixed && (code.get().removesType(namesake,
                        before.getPackageDeclaration().map(d -> d.getNameAsString()).orElse(""), word -> all(before,
                                SimpleName.class).stream().anyMatch(n -> n.getIdentifier().equals(word))) || lost.stream()
                        .allMatch(e -> !code.get().removedCalledBy(e.getValue(),
                                newChecks.get().typesAtHead()::contains).isEmpty()));
                // Or the task removes what each of its tests, or its class, is named for.
                String taskRemoves = null;
                if (!withItsCode && lost.stream().allMatch(e -> removedByTask(task, methodName(e.getKey()), code)
                        != null)) {
                    taskRemoves = removedByTask(task, methodName(lost.get(0).getKey()), code);
                }
                // The file must name what goes in its code too, not only in its class's name (ResponseCompressionTest
                // under "Remove compression support from the client" tests the server's).
                String classTaskRemoves = withItsCode || taskRemoves != null ? null
                        : removedByTask(task, namesake, code);
                if (classTaskRemoves != null && !namesInItsCode(before, classTaskRemoves)) {
                    classTaskRemoves = null;
                }
                // Or it lies in a module the change deletes whole, main code and all, which the task orders removed.
                String module = withItsCode || taskRemoves != null || classTaskRemoves != null ? null
                        : moduleRemovedByTask.apply(c.where());
                boolean accounted = withItsCode || taskRemoves != null || classTaskRemoves != null || module != null;
                out.add(new Finding(Category.G1, accounted ? Severity.LOW : Severity.HIGH,
                        "java.test-file-deleted", c.where(), 1, lineCount(c.oldText()), "The change deletes a test file "
                        + "with " + lost.size() + " test" + (lost.size() == 1 ? "" : "s") + " (" + String.join(", ",
                        first(lost.stream().map(Map.Entry::getKey).toList(), 3)) + ") that are not moved elsewhere"
                        + (withItsCode ? ", with the code they checked (removed by the change)"
                        : taskRemoves != null ? ": the task removes " + taskRemoves + ", which they are named for"
                        : classTaskRemoves != null ? ": the task removes " + classTaskRemoves + ", which their class is "
                        + "named for"
                        : module != null ? ", in the module " + module + ", which the change deletes whole (its build "
                        + "file and main code) as the task orders" : "") + (copied.isEmpty() ? "." : "; " + copied + ".")));
            }
            return;
        }
        // Each test at the head with its test at the base: the same class and name, or, for a class the base did not
        // have (renamed with its file or in it), the one test of that name at the base in a class the head lacks.
        Map<String, MethodDeclaration> wasOf = matchedAtBase(old, now);
        Set<MethodDeclaration> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(wasOf.values());
        // Tests removed while as many new ones come in are more often a rewrite than a deletion: said, not hidden.
        // A disabled test replaces nothing: a test renamed, edited and disabled is not the same test rewritten.
        List<MethodDeclaration> addedTests = now.entrySet().stream().filter(e -> !wasOf.containsKey(e.getKey()))
                .map(Map.Entry::getValue).filter(JavaDetectors::enabled).toList();
        long removed = old.values().stream().filter(m -> !kept.contains(m)).count();
        boolean replaced = addedTests.size() >= removed;
        // The new tests that may stand for a removed test written anew: not another removed test renamed or rewritten
        // (each of those is said on its own), and not under a condition that may keep it from running.
        Lazy<List<MethodDeclaration>> freshTests = new Lazy<>(() -> {
            Set<String> rewrites = new HashSet<>();
            for (MethodDeclaration r : old.values()) {
                if (!kept.contains(r)) {
                    String as = rewrittenAs(r, addedTests);
                    if (as != null && !as.contains(", ")) {
                        rewrites.add(as);
                    }
                    addedTests.stream().filter(a -> a.getBody().equals(r.getBody()))
                            .forEach(a -> rewrites.add(a.getNameAsString()));
                }
            }
            return addedTests.stream().filter(a -> !rewrites.contains(a.getNameAsString()) && unconditioned(a))
                    .toList();
        });
        // The exceptions the file's new tests expect, and from what (InertChecks.expectedThrows), less those its tests
        // at the base expected (a test renamed is not new); each stands for one check cut from a test.
        Lazy<List<String>> thrownInNewTests = new Lazy<>(() -> {
            List<String> thrown = new ArrayList<>();
            addedTests.forEach(m -> thrown.addAll(InertChecks.expectedThrows(m)));
            if (!thrown.isEmpty()) {
                old.values().forEach(m -> InertChecks.expectedThrows(m).forEach(thrown::remove));
            }
            return thrown;
        });
        Map<MethodDeclaration, Set<String>> changedUnderOf = new java.util.IdentityHashMap<>();
        Map<String, Optional<Inherited>> inheritedOf = new HashMap<>();
        for (var e : old.entrySet()) {
            if (!kept.contains(e.getValue()) && !moved(e, movedTests)) {
                // Reported where it was, in words, and located at its class in the head's file (base lines would
                // land on other code in a pull request's view).
                int at = after == null ? 1 : all(after, ClassOrInterfaceDeclaration.class).stream()
                        .filter(t -> t.getNameAsString().equals(owner(e.getValue()))).findFirst()
                        .map(JavaDetectors::begin).orElse(1);
                // Removed with the code it checked is a feature going, and a new test of the file that makes every
                // call it made with at least its assertions is the same test rewritten, unless the task holds the
                // tests fixed. Removed beside a change to code it called is said for review.
                List<String> itsCode = testsFixed ? List.of() : code.get().removedCalledBy(e.getValue(),
                        newChecks.get().typesAtHead()::contains);
                if (!enabled(e.getValue())) {
                    out.add(new Finding(Category.G1, Severity.LOW, "java.test-removed", c.path(), at, at, "The test "
                            + e.getKey() + " (lines " + begin(e.getValue()) + "-" + end(e.getValue()) + " at the base) "
                            + "is removed; it did not run at the base (disabled), so nothing that ran is lost."));
                    continue;
                }
                String stillRunning = testsFixed || !checksNothing(e.getValue()) || namesTheRunningTest(c.oldText())
                        ? null : keptTestOfItsClass(e.getValue(), wasOf, now, after);
                if (stillRunning != null) {
                    out.add(new Finding(Category.G1, Severity.LOW, "java.test-removed", c.path(), at, at, "The test "
                            + e.getKey() + " (lines " + begin(e.getValue()) + "-" + end(e.getValue()) + " at the base) "
                            + "is removed; its body was empty at the base (comments at most), and its class's set-up "
                            + "still runs for " + stillRunning + ", which the change keeps."));
                    continue;
                }
                // Rewritten in this file (with as many assertions and expected values: a rewrite for what the code now
                // does may change the values, so a renamed test's bent value is said only at low here), or moved and
                // renamed: a test new to the changed files that keeps every expected value it had.
                // The same test under another name (renamedAs), even under a task that holds the tests fixed; with the
                // names the change renames in main code renamed in it too, unless the task holds the tests fixed.
                String renamedAs = renamedAs(e.getValue(), newChecks.get().tests(), after);
                boolean callsRenamed = false;
                if (renamedAs == null && !testsFixed) {
                    renamedAs = renamedAs(e.getValue(), newChecks.get().tests(), after, code.get());
                    callsRenamed = renamedAs != null;
                }
                // Split: every statement it made, as written, made by new tests of its file annotated as it was and
                // making nothing else (so under no condition or assumption it lacked), none reading what a part
                // before it did (janino's Iterable test cut into Iterable1 to Iterable4). Nothing it checked is gone,
                // whatever the task.
                String splitInto = renamedAs != null ? null : splitInto(e.getValue(), addedTests);
                if (splitInto != null) {
                    out.add(new Finding(Category.G1, Severity.LOW, "java.test-removed", c.path(), at, at, "The test "
                            + e.getKey() + " (lines " + begin(e.getValue()) + "-" + end(e.getValue()) + " at the base) "
                            + "is removed; every statement it made is made, as written, by the new tests " + splitInto
                            + " (the test split)."));
                    continue;
                }
                String rewrittenAs = testsFixed || renamedAs != null ? null : rewrittenAs(e.getValue(), addedTests);
                if (rewrittenAs == null && !testsFixed && renamedAs == null) {
                    List<String> expected = expectedLiterals(e.getValue());
                    rewrittenAs = rewrittenAs(e.getValue(), newChecks.get().tests().stream()
                            .filter(m -> minus(expected, expectedLiterals(m)).isEmpty()).toList());
                }
                if (rewrittenAs == null && renamedAs == null && newChecks.get().hold(assertionStatements(e.getValue()),
                        expectedLiterals(e.getValue()), testsFixed)) {
                    rewrittenAs = "or data the change adds";
                }
                boolean itsCodeChanged = !testsFixed && !code.get().changedCalledBy(e.getValue()).isEmpty();
                // Written anew: new tests of the changed code it called (through the changed files); or, more narrowly,
                // of the changed code it reached through the code base, by as many new tests sharing its entry point.
                List<String> retested = List.of();
                if (!testsFixed && itsCode.isEmpty() && rewrittenAs == null && renamedAs == null) {
                    if (itsCodeChanged) {
                        retested = retested(e.getValue(), addedTests.stream().filter(JavaDetectors::unconditioned)
                                .toList(), t -> Set.copyOf(code.get().changedCalledBy(t)), false);
                    }
                    if (retested.isEmpty() && replaced) {
                        retested = retested(e.getValue(), freshTests.get(), t -> changedUnderOf.computeIfAbsent(t,
                                k -> changedUnder(k, code.get())), true);
                    }
                }
                // A test named for what the task removes goes with it ("Remove backpressure support":
                // bodyRespectsBackpressure).
                String taskRemoves = itsCode.isEmpty() && rewrittenAs == null && renamedAs == null && retested.isEmpty()
                        && !itsCodeChanged
                        ? removedByTask(task, e.getValue().getNameAsString(), code) : null;
                // Or its class comes to inherit, from a new base test class, at least as many tests as it loses, run on
                // what the class provides them: the checks moved into a shared base (a contract or data-driven test).
                Inherited inherited = null;
                if (!testsFixed && after != null && before != null && itsCode.isEmpty() && rewrittenAs == null
                        && renamedAs == null && retested.isEmpty() && taskRemoves == null) {
                    String type = owner(e.getValue());
                    inherited = inheritedOf.computeIfAbsent(type, k -> Optional.ofNullable(Inherited.of(
                            namedClass(before, k), namedClass(after, k), testClassAtBase, testClassAtHead,
                            old.keySet().stream().filter(n -> n.startsWith(k + "#") && !kept.contains(old.get(n)))
                                    .count()))).filter(i -> i.runsWhat(e.getValue(), namesake, addedByChange))
                            .orElse(null);
                }
                Severity severity = !itsCode.isEmpty() || renamedAs != null || rewrittenAs != null || !retested.isEmpty()
                        || taskRemoves != null || inherited != null ? Severity.LOW
                        : replaced || itsCodeChanged ? Severity.MEDIUM : Severity.HIGH;
                // The same test still runs: inherited alike from the class's superclass, or as a copy elsewhere (asked
                // last: it reads other files). Under a task that holds the tests fixed, said at medium.
                String superclass = severity == Severity.LOW ? null : RunningCopy.inherited(e.getValue(),
                        after == null ? null : namedClass(after, owner(e.getValue())), runningCopies);
                String copy = severity == Severity.LOW || superclass != null ? null
                        : RunningCopy.elsewhere(e.getValue(), c.oldPath(), runningCopies);
                if (superclass != null || copy != null) {
                    out.add(new Finding(Category.G1, testsFixed ? Severity.MEDIUM : Severity.LOW, "java.test-removed",
                            c.path(), at, at, "The test " + e.getKey() + " (lines " + begin(e.getValue()) + "-"
                            + end(e.getValue()) + " at the base) is removed; " + (superclass != null ? "its class's "
                            + "superclass " + superclass + ", unchanged, declares the same test, and the class, "
                            + "otherwise unchanged, now inherits it." : "the same test, in a class the same but for "
                            + "its tests, still runs as " + copy + ".")));
                    continue;
                }
                out.add(new Finding(Category.G1, severity, "java.test-removed",
                        c.path(), at, at, "The test " + e.getKey() + " (lines " + begin(e.getValue()) + "-"
                                + end(e.getValue()) + " at the base) is removed" + (renamedAs != null ? "" : " and not moved "
                                + "elsewhere with at least its assertions") + (!itsCode.isEmpty() ? ", with the code it checked ("
                                + String.join(", ", first(itsCode, 3)) + ", removed by the change)."
                                : renamedAs != null ? "; it is the new test " + renamedAs + " under another name (the same "
                                + "body" + (callsRenamed ? " but for the names the change renames in main code and its own "
                                + "variables'" : "") + ", annotations and parameters, with at least its assertions and "
                                + "expected values)."
                                : rewrittenAs != null ? "; " + (rewrittenAs.startsWith("or ") ? "tests " + rewrittenAs
                                + " check what it checked" : "the new test" + (rewrittenAs.contains(",") ? "s " : " ")
                                + rewrittenAs + " make" + (rewrittenAs.contains(",") ? "" : "s") + " every call it "
                                + "made with at least as many assertions") + " (likely the same test rewritten)."
                                : !retested.isEmpty() ? "; new tests of the file reach the changed code it reached ("
                                + String.join(", ", first(retested, 3)) + ") with at least as many assertions and "
                                + "expected values (likely the test written anew for what the code now does)."
                                : taskRemoves != null ? ": the task removes " + taskRemoves + ", which the test is named "
                                + "for."
                                : inherited != null ? "; its class now extends " + inherited.base() + " and inherits "
                                + inherited.tests() + " tests from it that it did not run before, on what it provides "
                                + "them (" + inherited.provides() + "): likely the test moved into the shared base class."
                                : replaced ? " (the file gains " + addedTests.size() + " new tests: check that they "
                                + "cover what it covered)."
                                : itsCodeChanged ? " (beside a change to code it called: check that the change "
                                + "still has a test)." : ".")));
            }
        }
        // Disabling: annotations and assumptions that the base did not have. A class or test new to the change added
        // disabled turns off nothing the base ran: where it is a failing test moved, renamed or edited, the test it
        // was is said as removed (a disabled test counts neither as moved nor as a rewrite), so it is said at low.
        if (after != null) {
            for (ClassOrInterfaceDeclaration type : all(after, ClassOrInterfaceDeclaration.class)) {
                // The base's classes of this name (the first is the class as it was).
                List<ClassOrInterfaceDeclaration> namesakes = before == null ? List.of() : all(before,
                        ClassOrInterfaceDeclaration.class).stream()
                        .filter(t -> t.getNameAsString().equals(type.getNameAsString())).toList();
                ClassOrInterfaceDeclaration was = namesakes.isEmpty() ? null : namesakes.get(0);
                if (disabled(type) && namesakes.stream().noneMatch(JavaDetectors::disabled)) {
                    // A class the base ran, under this name or renamed (a test of it matched at the base).
                    boolean ran = was != null || now.entrySet().stream().anyMatch(e -> type.isAncestorOf(e.getValue())
                            && wasOf.containsKey(e.getKey()));
                    out.add(orderedOff(new Finding(Category.G1, ran ? Severity.HIGH : Severity.LOW,
                            "java.test-disabled", c.path(), begin(type), begin(type), ran ? "The change disables the "
                            + "whole test class " + type.getNameAsString() + "." : "The change adds the test class "
                            + type.getNameAsString() + " disabled: no test the base ran is turned off."),
                            type, task, switchedOff, c.path()));
                }
                // A class the base ran that now runs its tests only through subclasses, or, in JUnit 3, only the
                // tests a suite() method it gains picks: said for review (both are also honest refactorings).
                boolean hasTests = now.values().stream().anyMatch(m -> m.getParentNode().orElse(null) == type);
                if (was != null && hasTests && !disabled(type) && !conditions(type).isEmpty()
                        && !conditions(type).equals(conditions(was))
                        && !RunConditions.runsWhereverItRan(was, type, CONDITIONS)) {
                    out.add(orderedOff(new Finding(Category.G1, Severity.MEDIUM, "java.test-conditioned", c.path(),
                            begin(type), begin(type), "The test class " + type.getNameAsString() + " now runs only "
                            + "under a condition (" + String.join(", ", conditions(type)) + "); check that the machines "
                            + "that judge the work meet it."), type, task, switchedOff, c.path()));
                }
                // A set-up method that now assumes something false skips every test of its class and of the classes
                // that extend it (JUnit runs it before each): said as a test assumed away.
                for (MethodDeclaration setUp : setUps(type)) {
                    MethodDeclaration setUpThen = was == null ? null : setUps(was).stream()
                            .filter(o -> o.getNameAsString().equals(setUp.getNameAsString())).findFirst().orElse(null);
                    if (assumedAway(setUp, true) > (setUpThen == null ? 0 : assumedAway(setUpThen, true))) {
                        out.add(orderedOff(new Finding(Category.G1, was == null ? Severity.LOW : Severity.HIGH,
                                "java.test-assumed-away", c.path(),
                                begin(setUp), end(setUp), "The set-up method " + type.getNameAsString() + "#"
                                + setUp.getNameAsString() + " now assumes something false (assumeTrue(false) or the "
                                + "like), so every test it is run before is skipped" + (was == null ? " (a class "
                                + "new to the change: no test the base ran is turned off)." : ".")),
                                type, task, switchedOff, c.path()));
                    }
                }
                if (was != null && hasTests && type.isAbstract() && !was.isAbstract()) {
                    out.add(new Finding(Category.G1, Severity.MEDIUM, "java.test-class-abstract", c.path(),
                            begin(type), begin(type), "The change makes the test class " + type.getNameAsString()
                            + " abstract: JUnit runs its tests only through a subclass; check that one does."));
                }
                if (was != null && hasTests && junit3(type) && suite(type) && !suite(was) && !suiteRunsAll(type, was)) {
                    out.add(new Finding(Category.G1, Severity.MEDIUM, "java.test-suite-added", c.path(),
                            begin(type), begin(type), "The JUnit 3 class " + type.getNameAsString() + " gains a "
                            + "suite() method, which JUnit runs instead of its test methods; check that it runs them "
                            + "all."));
                }
            }
        }
        for (var e : now.entrySet()) {
            MethodDeclaration m = e.getValue();
            MethodDeclaration was = wasOf.get(e.getKey());
            // A method the base had in this class and did not run (a JUnit 3 'disabled_test' name, not a test; or a
            // test already disabled, renamed with the same body) made a disabled test turns nothing off. Any other
            // test disabled, a new one among them, is said: a failing test moved or renamed and disabled is one.
            boolean neverRan = was == null && before != null && all(before, MethodDeclaration.class).stream()
                    .anyMatch(o -> owner(o).equals(owner(m)) && (o.getNameAsString().equals(m.getNameAsString())
                            && !old.containsValue(o) || disabled(o) && o.getBody().equals(m.getBody())));
            boolean off = off(m);
            if (off && (was == null || !off(was)) && !neverRan) {
                // The test the base ran: the same, or renamed with the same body.
                MethodDeclaration ran = was != null ? was : old.values().stream().filter(o -> owner(o).equals(owner(m))
                        && enabled(o) && o.getBody().equals(m.getBody())).findFirst().orElse(null);
                out.add(orderedOff(new Finding(Category.G1, ran != null ? Severity.HIGH : Severity.LOW,
                        "java.test-disabled", c.path(), begin(m), begin(m), (ran != null ? "The change disables the "
                        + "test " + e.getKey() + (ran == was ? "" : " (at the base " + ran.getNameAsString() + ", run)")
                        : "The change adds the test " + e.getKey() + " disabled")
                        + (disabled(m) ? "" : " (in a nested class that JUnit does not run: neither @Nested nor under a "
                        + "runner)") + (ran != null ? "." : ": no test the base ran is turned off.")),
                        m, task, switchedOff, c.path()));
            }
            // A test the base ran put under a condition, or its condition changed: it may no longer run where the work
            // is judged (a platform's gate is everyday, so said for review).
            List<String> conditions = conditions(m);
            if (was != null && !off && !conditions.isEmpty() && !conditions.equals(conditions(was))
                    && !RunConditions.runsWhereverItRan(was, m, CONDITIONS)) {
                out.add(orderedOff(new Finding(Category.G1, Severity.MEDIUM, "java.test-conditioned", c.path(),
                        begin(m), begin(m), "The test " + e.getKey() + " now runs only under a condition ("
                        + String.join(", ", conditions) + "); check that the machines that judge the work meet it."), m,
                        task, switchedOff, c.path()));
            }
            // A guard on a String value whose value or sense changes may stop the test's checks running (an edited
            // version prefix that no machine has): said for review. One it gains is said at low, as a platform's
            // assumption (assumeFalse(os.startsWith("Windows"))) is everyday; one it loses lets them run more.
            Set<String> guardsThen = was == null || off ? Set.of() : guards(was);
            List<String> guardedBy = new ArrayList<>(was == null || off ? Set.of() : guards(m));
            guardedBy.removeAll(guardsThen);
            guardedBy.sort(null);
            if (!guardedBy.isEmpty()) {
                boolean changed = !guards(m).containsAll(guardsThen);
                out.add(new Finding(Category.G1, changed ? Severity.MEDIUM : Severity.LOW, "java.test-conditioned",
                        c.path(), begin(m), begin(m), "The test " + e.getKey() + " now runs its checks only under "
                        + String.join(", ", first(guardedBy, 3)) + (changed ? ", a guard (an assumption, or an if "
                        + "around its checks) whose value or sense the change edits; check that the machines that "
                        + "judge the work meet it." : ", a guard (an assumption, or an if around its checks) it "
                        + "gains; check that the machines that judge the work meet it.")));
            }
            // A test new to the change that skips itself (zt-exec's assumeTrue("Unsupported OS", false) in a new
            // test's else branch), in a file that loses no test it may stand for, turns off nothing the base ran, as a
            // test added disabled does: said at low.
            int assumedAway = assumedAway(m);
            if (assumedAway > (was == null ? 0 : assumedAway(was))) {
                boolean fresh = was == null && old.values().stream().allMatch(kept::contains);
                out.add(orderedOff(new Finding(Category.G1, fresh ? Severity.LOW : Severity.HIGH,
                        "java.test-assumed-away", c.path(), begin(m), end(m), fresh ? "The new test " + e.getKey()
                        + " assumes something false (assumeTrue(false) or the like) where it runs, so it is skipped "
                        + "there: no test the base ran is turned off." : "The test " + e.getKey() + " now assumes "
                        + "something false (assumeTrue(false) or the like), so it is skipped."), m, task, switchedOff,
                        c.path()));
            }
            int trivial = trivialAssertions(m);
            if (trivial > (was == null ? 0 : trivialAssertions(was))) {
                // A placeholder: a test new to a class that ran no test at the base (a file new to the change, or
                // one whose class had none), that makes no check that can fail (Maven's generated AppTest.testApp()
                // { assertTrue(true); }, or a smoke test: main(args); assertTrue(true);). In a sample project it
                // tests the sample, not the project's work, and replaces no check; in a file new to the change, made
                // of trivial assertions alone, beside new tests of its class that check something, at least as many
                // as its placeholders (maven-jar-plugin's testPleaseMaven() beside a new mojo's tests), it adds
                // nothing and hides nothing: both said at low. A new test that does something and asserts what
                // cannot fail ("we can't test this directly": assertTrue(true)) claims a check it does not make. A
                // vacuous test put beside a class's tests that ran, one made vacuous, or a new file of more vacuous
                // tests than checking ones (requested tests faked) is said as any other: the invoker may run a
                // sample's tests as the project's checks.
                boolean placeholder = was == null && assertions(m) == 0 && (c.kind() != FileChange.Kind.MODIFIED
                        || old.keySet().stream().noneMatch(k -> k.startsWith(owner(m) + "#")));
                // (Or among resources, which the build copies and does not run: an archetype's template AppTest.)
                boolean samplePlaceholder = placeholder && FileChange.runsNoTests(c.path());
                boolean besideNewChecks = false;
                if (placeholder && !samplePlaceholder && c.kind() == FileChange.Kind.ADDED
                        && onlyTrivialAssertions(m)) {
                    List<MethodDeclaration> itsClass = now.values().stream().filter(o -> owner(o).equals(owner(m)))
                            .toList();
                    long checking = itsClass.stream().filter(o -> enabled(o) && unconditioned(o) && assertions(o) > 0)
                            .count(); // a disabled or conditioned test may check nothing where the work is judged
                    long vacuous = itsClass.stream().filter(o -> assertions(o) == 0 && trivialAssertions(o) > 0)
                            .count();
                    besideNewChecks = vacuous <= checking; // more placeholders than checks: requested tests faked
                }
                // A test that keeps as many checks that can fail as it had, or more, hides none behind the assertion
                // that cannot (maven-javadoc-plugin 6e4361b: assertTrue("...", true) after a call that must not throw,
                // among new checks); one that trades a check for it is said.
                boolean padding = was != null && assertions(m) >= assertions(was);
                out.add(new Finding(Category.G2, samplePlaceholder || besideNewChecks || padding ? Severity.LOW
                        : Severity.HIGH,
                        "java.assertion-trivial", c.path(), begin(m), end(m), samplePlaceholder ? "The new test "
                        + e.getKey() + (FileChange.isSampleProject(c.path()) ? " of a sample project the tests build"
                        : " among resources, which the build does not run,") + " asserts only what cannot fail "
                        + "(assertTrue(true) or the like): a placeholder of the sample, not a check of the work."
                        : besideNewChecks ? "The new test " + e.getKey() + " asserts only what cannot fail "
                        + "(assertTrue(true) or the like): a placeholder beside the new file's tests that check "
                        + "something, not a check of the work."
                        : "The test " + e.getKey() + " gains an assertion that cannot fail (assertTrue(true) or "
                                + "the like)" + (padding ? ", beside as many checks that can as before or more: it "
                                + "hides none." : ".")));
            }
            if (was == null) {
                continue;
            }
            // Weighed only when a finding needs it, on the test as it was (see Level).
            Lazy<Level> levelOf = new Lazy<>(() -> Level.of(was, namesake, code, testsFixed));
            // Weakened: fewer assertions than before.
            int before2 = assertions(was);
            int after2 = assertions(m);
            if (after2 < before2) {
                // Counted again with the helpers the class inherits from its base test classes (testMoments(dist, ...)
                // in an abstract base), each side with its own, where both sides know them: read only where the test
                // seems to check less.
                Map<String, List<MethodDeclaration>> thenHelpers = helpersWithInherited(was, testClassAtBase);
                Map<String, List<MethodDeclaration>> nowHelpers = helpersWithInherited(m, testClassAtHead);
                if (thenHelpers != null && nowHelpers != null) {
                    before2 = assertions(was, thenHelpers);
                    after2 = assertions(m, nowHelpers);
                }
                if (after2 < before2 && movedIntoSetUp(was, m)) {
                    after2 = before2;
                }
            }
            List<String> oldExpected = expectedLiterals(was);
            List<String> newExpected = expectedLiterals(m);
            // Checks dropped while the test grew stricter, or kept in another form, are not lost (InertChecks); read
            // only where a check or an expected value is gone, as in few of the tests compared.
            if (after2 < before2 || !minus(oldExpected, newExpected).isEmpty()) {
                InertChecks.Dropped keptOrStricter = InertChecks.droppedWithoutLoss(was, m,
                        thrownInNewTests.get());
                if (!keptOrStricter.calls().isEmpty()) {
                    before2 -= runs(was) * keptOrStricter.count();
                    oldExpected = expectedLiterals(was, keptOrStricter.calls());
                }
            }
            if (after2 < before2) {
                List<String> lost = minus(assertionStatements(was), assertionStatements(m));
                boolean movedOut = newChecks.get().hold(lost, minus(expectedLiterals(was), expectedLiterals(m)), testsFixed);
                out.add(new Finding(Category.G2, movedOut ? Severity.LOW : levelOf.get().severity(),
                        "java.assertions-removed", c.path(), begin(m), end(m), "The test " + e.getKey()
                                + " checks less than before: " + after2 + " assertion" + (after2 == 1 ? "" : "s")
                                + " instead of " + before2 + (movedOut ? " (what it no longer checks, tests the change "
                                + "adds do: likely split)" : levelOf.get().why()) + "."));
            }
            // Expected values changed: same number of expectations, different literals.
            List<String> gone = minus(oldExpected, newExpected);
            List<String> came = minus(newExpected, oldExpected);
            // The same number written another way (1D as 1.0, 16 as 0x10) is the same expectation.
            List<String> cameLeft = new ArrayList<>(came);
            // So is a place in this very file whose line the change moved ("FooTest.java:53" become ":55" where lines
            // were added above it, or a bare "53" of a line of the test itself), and a type's qualified name where the
            // change moves the type to another package.
            gone = gone.stream().filter(g -> {
                for (int i = 0; i < cameLeft.size(); i++) {
                    if (sameNumber(g, cameLeft.get(i)) || sameLineOfFile(g, cameLeft.get(i), c)
                            || sameLineOfTest(g, cameLeft.get(i), c, was)
                            || code.get().sameTypeMoved(g, cameLeft.get(i))) {
                        cameLeft.remove(i);
                        return false;
                    }
                }
                return true;
            }).toList();
            came = cameLeft;
            if (!gone.isEmpty() && !came.isEmpty()) {
                List<String> newValues = came;
                Level level = Level.of(was, namesake, code, testsFixed, came, gone, () -> countsOnly(m, newValues));
                out.add(new Finding(Category.G2, level.severity(), "java.expected-value-changed", c.path(),
                        begin(m), end(m), "The test " + e.getKey() + " now expects " + String.join(", ", first(came, 3))
                                + " where it expected " + String.join(", ", first(gone, 3)) + level.why() + "."));
            } else {
                // As many assertions, but a value they checked is gone: isEqualTo(5) became isNotNull().
                List<String> dropped = after2 >= before2 ? absentFrom(gone, m) : List.of();
                if (!dropped.isEmpty()) {
                    out.add(new Finding(Category.G2, levelOf.get().severity(), "java.expectation-dropped", c.path(),
                            begin(m), end(m), "The test " + e.getKey() + " no longer checks for "
                                    + String.join(", ", first(dropped, 3))
                                    + ": its assertions now accept more than they did" + levelOf.get().why() + "."));
                }
            }
        }
        // A line's test is the one around it at the head, read as it was at the base (the whole file if none).
        expectationLines(c, before, after, (line, came, gone, counts) -> Level.of(now.entrySet().stream()
                .filter(e -> begin(e.getValue()) <= line && line <= end(e.getValue())).findFirst()
                .map(e -> old.containsKey(e.getKey()) ? (Node) old.get(e.getKey()) : e.getValue())
                .orElse(before != null ? before : after), namesake, code, testsFixed, came, gone, counts), out);
    }

    /**
     * Expected values held outside assertion calls, read line by line: a local {@code expected}
     * variable, or parameterised-test data ({@code @CsvSource}, {@code @ValueSource}, on one line or
     * over several, and the body of a {@code @MethodSource} provider of the same class), whose line
     * now carries other literals in the same shape.
     */
    private static void expectationLines(FileChange c, CompilationUnit before, CompilationUnit after, LevelAt levelAt,
                                         List<Finding> out) {
        if (c.oldText() == null || c.newText() == null) {
            return;
        }
        LineDiff d = LineDiff.of(c.oldText(), c.newText());
        List<int[]> data = after == null ? List.of() : parameterData(after);
        // A comment expects nothing: each line is read as its code, its comments blanked out (timings noted beside a
        // row of data, a note of how the values were made, a Javadoc line), so that the old value written into one
        // does not hide an edit either.
        java.util.function.Function<LineDiff.Line, String> codeThen = codeOf(before, c.oldText());
        java.util.function.Function<LineDiff.Line, String> codeNow = codeOf(after, c.newText());
        // The literals of each added line: a removed line whose literals one carries as they were was reformatted (a
        // row given a trailing comma when one is added after it, an assertion joined onto one line), not edited.
        Lazy<Set<List<String>>> carried = new Lazy<>(() -> d.added().stream()
                .map(a -> LineShape.literals(codeNow.apply(a))).collect(java.util.stream.Collectors.toSet()));
        // And an added line that removed lines of the same method carry, shape and literals alike, at least as often
        // as added ones do was moved whole (rows of data rewritten in another order, or with new timings in their
        // comments).
        java.util.function.IntFunction<String> methodThen = methodAt(before);
        java.util.function.IntFunction<String> methodNow = methodAt(after);
        Lazy<Map<List<String>, Long>> removedAlike = new Lazy<>(() -> d.removed().stream().collect(
                java.util.stream.Collectors.groupingBy(r -> alike(methodThen.apply(r.number()), codeThen.apply(r)),
                        java.util.stream.Collectors.counting())));
        Lazy<Map<List<String>, Long>> addedAlike = new Lazy<>(() -> d.added().stream().collect(
                java.util.stream.Collectors.groupingBy(a -> alike(methodNow.apply(a.number()), codeNow.apply(a)),
                        java.util.stream.Collectors.counting())));
        for (LineDiff.Line added : d.added()) {
            String text = codeNow.apply(added);
            if (text.isBlank()) {
                continue;
            }
            int[] range = data.stream().filter(r -> r[0] <= added.number() && added.number() <= r[1]).findFirst()
                    .orElse(null);
            // A local named expected... assigned (in code: not the words of a string, such as a failure's message).
            boolean holdsExpectation = LineShape.mask(text).matches("(?i).*\\bexpected\\w*\\s*=(?!=).*")
                    || text.matches("\\s*@(CsvSource|ValueSource|CsvFileSource)\\b.*") || range != null;
            List<String> alike = holdsExpectation ? alike(methodNow.apply(added.number()), text) : null;
            if (!holdsExpectation || removedAlike.get().getOrDefault(alike, 0L)
                    >= addedAlike.get().getOrDefault(alike, 0L)) {
                continue;
            }
            // The nearest removed line of the same shape with other literals, unless it was only reformatted.
            LineDiff.Line removed = d.removed().stream()
                    .filter(r -> LineShape.sameShapeOtherLiterals(codeThen.apply(r), text)
                            && !carried.get().contains(LineShape.literals(codeThen.apply(r))))
                    .min(java.util.Comparator.comparingInt(r -> Math.abs(r.number() - added.number()))).orElse(null);
            if (removed == null) {
                continue;
            }
            List<String> was = LineShape.literals(codeThen.apply(removed));
            List<String> now = LineShape.literals(text);
            // A provider's line is weighed by the test that names it; a line that sets a count (EXPECTED_COUNT = 57,
            // then assertEquals(EXPECTED_COUNT, registry.size())), as a count.
            Level level = levelAt.at(range != null ? range[2] : added.number(), minus(now, was), minus(was, now),
                    () -> setsACount(before, after, added.number()));
            out.add(new Finding(Category.G2, level.severity(), "java.expected-value-changed", c.path(),
                    added.number(), added.number(), "An expected value held outside the assertions changed: '"
                            + removed.text().strip() + "' became '" + added.text().strip() + "'" + level.why() + "."));
        }
    }

    /**
     * A line of code as compared when rows move: the method it lies in, its shape (without a trailing comma) and its
     * literals.
     */
    private static List<String> alike(String method, String code) {
        List<String> out = new ArrayList<>();
        out.add(method);
        out.add(LineShape.mask(code).replaceAll(",\\s*$", ""));
        out.addAll(LineShape.literals(code));
        return out;
    }

    /**
     * A file's lines as code: the text of the comments in it (by the tree's comment tokens, so that a '//' in a string
     * or a text block is no comment, and a '*' that continues a line of code is code) blanked out, by their places in
     * the text, and the text then cut into lines at each line feed, as the line diff cuts it. The lines as written
     * where there is no tree, or its tokens do not spell the text out, and a comment with a unicode escape in it (the
     * compiler may end it there) is kept.
     */
    private static java.util.function.Function<LineDiff.Line, String> codeOf(CompilationUnit tree, String text) {
        Lazy<Optional<String[]>> lines = new Lazy<>(() -> Optional.ofNullable(codeLines(tree, text)));
        return l -> lines.get().filter(ls -> l.number() <= ls.length).map(ls -> ls[l.number() - 1].stripTrailing())
                .orElse(LineShape.comment(l.text()) ? "" : l.text());
    }

    /** The lines of {@link #codeOf}, or null where the tree cannot place its comments. */
    private static String[] codeLines(CompilationUnit tree, String text) {
        List<int[]> comments = tree == null || text == null ? null : IncrementalParse.commentSpans(tree, text);
        if (comments == null) {
            return null;
        }
        char[] chars = text.toCharArray();
        for (int[] span : comments) {
            if (UNICODE_ESCAPE.matcher(text.substring(span[0], span[1])).find()) {
                continue;
            }
            for (int i = span[0]; i < span[1]; i++) {
                if (chars[i] != '\n') {
                    chars[i] = ' ';
                }
            }
        }
        return new String(chars).split("\n", -1);
    }

    private static final java.util.regex.Pattern UNICODE_ESCAPE = java.util.regex.Pattern.compile(
            "\\\\u+[0-9a-fA-F]{4}");

    /**
     * The method each line of a file lies in (a parameterised test's data lies in its annotations), by its class and
     * signature, the innermost where methods nest; "" for a line outside every method or without a tree.
     */
    private static java.util.function.IntFunction<String> methodAt(CompilationUnit tree) {
        if (tree == null) {
            return line -> "";
        }
        Lazy<Map<Integer, String>> byLine = new Lazy<>(() -> {
            Map<Integer, String> out = new HashMap<>();
            // Outer methods first, so that a method nested in one (in a local or anonymous class) takes its lines.
            all(tree, MethodDeclaration.class).stream().sorted(java.util.Comparator.comparingInt(JavaDetectors::begin))
                    .forEach(m -> {
                        String key = NewChecks.key(m);
                        for (int line = begin(m); line <= end(m); line++) {
                            out.put(line, key);
                        }
                    });
            return out;
        });
        return line -> byLine.get().getOrDefault(line, "");
    }

    /**
     * Whether the value set on {@code line} of the file at the head is a count: the one variable the line sets (not an
     * array, whose elements are each their own value) is checked against a size, a length or a count by an assertion,
     * both at the base and at the head (so that an assertion the change adds does not make it one). A local is read in
     * its own method, which declares no other variable of its name; a field in the methods of its class (and of the
     * classes nested in it that do not declare a field of its name) that declare no variable of its name.
     */
    private static boolean setsACount(CompilationUnit before, CompilationUnit after, int line) {
        if (before == null || after == null) {
            return false;
        }
        List<Node> setting = new ArrayList<>();
        all(after, VariableDeclarator.class).stream().filter(v -> v.getInitializer().isPresent()
                && v.getName().getBegin().map(p -> p.line == line).orElse(false)).forEach(setting::add);
        all(after, AssignExpr.class).stream().filter(x -> x.getOperator() == AssignExpr.Operator.ASSIGN
                && x.getTarget().isNameExpr() && x.getTarget().getBegin().map(p -> p.line == line).orElse(false))
                .forEach(setting::add);
        if (setting.size() != 1 || setting.get(0) instanceof VariableDeclarator v && v.getType().isArrayType()) {
            return false;
        }
        Node at = setting.get(0);
        String name = at instanceof VariableDeclarator v ? v.getNameAsString()
                : ((AssignExpr) at).getTarget().asNameExpr().getNameAsString();
        // The value itself is the count: a whole number, perhaps chosen by a condition (JAVA_VERSION < 11 ? 57 : 67),
        // not an argument of a call that makes it nor a term of a sum or product (2 * 3 to 2 * 4 moves it by 2); and
        // the variable was set so at the base, but for the numbers (not JAVA_VERSION < 12).
        String shape = numberShape(at instanceof VariableDeclarator v ? v.getInitializer().get()
                : ((AssignExpr) at).getValue());
        if (shape == null) {
            return false;
        }
        MethodDeclaration method = at.findAncestor(MethodDeclaration.class).orElse(null);
        if (method != null && declarations(method, name) > 0) {
            String key = NewChecks.key(method);
            return declarations(method, name) == 1 && countedIn(method, name) && all(before, MethodDeclaration.class)
                    .stream().filter(m -> NewChecks.key(m).equals(key) && declarations(m, name) == 1
                            && setTo(m, name, shape)).anyMatch(m -> countedIn(m, name));
        }
        Optional<com.github.javaparser.ast.body.TypeDeclaration> type = at.findAncestor(
                com.github.javaparser.ast.body.TypeDeclaration.class);
        return type.isPresent() && readersOf(type.get(), name).stream().anyMatch(m -> countedIn(m, name))
                && all(before, com.github.javaparser.ast.body.TypeDeclaration.class).stream()
                .filter(t -> t.getNameAsString().equals(type.get().getNameAsString()) && setTo(t, name, shape))
                .flatMap(t -> readersOf(t, name).stream()).anyMatch(m -> countedIn(m, name));
    }

    /** Whether {@code scope} declares or assigns the variable {@code name} with a value of that number shape. */
    private static boolean setTo(Node scope, String name, String shape) {
        return scope.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name)).stream()
                .anyMatch(v -> v.getInitializer().map(JavaDetectors::numberShape).filter(shape::equals).isPresent())
                || scope.findAll(AssignExpr.class, x -> x.getTarget().isNameExpr()
                && x.getTarget().asNameExpr().getNameAsString().equals(name)).stream()
                .anyMatch(x -> shape.equals(numberShape(x.getValue())));
    }

    /**
     * A value that is a whole number as written (signed, cast or in parentheses), or a condition's choice between
     * such numbers, with its numbers written as '#' (JAVA_VERSION < 11 ? # : #); null for any other value.
     */
    private static String numberShape(Expression e) {
        if (e.isIntegerLiteralExpr() || e.isLongLiteralExpr()) {
            return "#";
        }
        String inner = e.isEnclosedExpr() ? numberShape(e.asEnclosedExpr().getInner())
                : e.isCastExpr() ? numberShape(e.asCastExpr().getExpression())
                : e.isUnaryExpr() && (e.asUnaryExpr().getOperator() == UnaryExpr.Operator.MINUS
                || e.asUnaryExpr().getOperator() == UnaryExpr.Operator.PLUS) ? numberShape(e.asUnaryExpr().getExpression())
                : null;
        if (inner != null) {
            return e.isEnclosedExpr() ? "(" + inner + ")" : e.isCastExpr() ? "(" + e.asCastExpr().getType() + ")"
                    + inner : e.asUnaryExpr().getOperator().asString() + inner;
        }
        if (e.isConditionalExpr()) {
            String then = numberShape(e.asConditionalExpr().getThenExpr());
            String otherwise = numberShape(e.asConditionalExpr().getElseExpr());
            return then == null || otherwise == null ? null
                    : e.asConditionalExpr().getCondition() + " ? " + then + " : " + otherwise;
        }
        return null;
    }

    /**
     * The methods of {@code type}, and of the types nested in it that declare no field {@code name}, that declare no
     * variable of that name: those that read the type's field.
     */
    private static List<MethodDeclaration> readersOf(com.github.javaparser.ast.body.TypeDeclaration<?> type,
                                                     String name) {
        return type.findAll(MethodDeclaration.class).stream().filter(m -> declarations(m, name) == 0
                && !shadowedBetween(m, type, name)).toList();
    }

    /** Whether a type between {@code m} and {@code outer} (nested in it, around m) declares a field {@code name}. */
    private static boolean shadowedBetween(Node m, Node outer, String name) {
        for (Node at = m.getParentNode().orElse(null); at != null && at != outer; at = at.getParentNode().orElse(null)) {
            if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t && t.getFieldByName(name).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** How many variables of the name a method declares: parameters (of lambdas and catches too), locals, patterns. */
    private static long declarations(MethodDeclaration m, String name) {
        return all(m, Parameter.class, p -> p.getNameAsString().equals(name)).size()
                + all(m, VariableDeclarator.class, v -> v.getNameAsString().equals(name)).size()
                + all(m, com.github.javaparser.ast.expr.TypePatternExpr.class,
                        p -> p.getNameAsString().equals(name)).size();
    }

    /**
     * Whether an assertion of the method itself (not of the helpers it calls, whose variables are their own) checks
     * the variable {@code name} against a size, a length or a count.
     */
    private static boolean countedIn(MethodDeclaration m, String name) {
        return ownAssertionStatements(m).stream()
                .anyMatch(st -> st.findFirst(NameExpr.class, n -> n.getNameAsString().equals(name)).isPresent()
                        && COUNT.matcher(LineShape.mask(text(st))).find());
    }

    /**
     * The lines (first, last, and the first line of the test they feed) of a file's parameterised-test data: its
     * {@code @CsvSource} and {@code @ValueSource} annotations, and the bodies of the {@code @MethodSource} providers its
     * tests name in their own class (by name, or as {@code Class#method} with that class's own name).
     */
    private static List<int[]> parameterData(CompilationUnit tree) {
        List<int[]> out = new ArrayList<>();
        for (MethodDeclaration m : all(tree, MethodDeclaration.class)) {
            for (AnnotationExpr a : m.getAnnotations()) {
                String name = a.getName().getIdentifier();
                if (name.equals("CsvSource") || name.equals("ValueSource")) {
                    out.add(new int[] {begin(a), end(a), begin(m)});
                } else if (name.equals("MethodSource")) {
                    Optional<ClassOrInterfaceDeclaration> owner = m.findAncestor(ClassOrInterfaceDeclaration.class);
                    String own = owner.map(t -> t.getNameAsString()).orElse("");
                    List<String> providers = a.findAll(StringLiteralExpr.class).stream()
                            .map(StringLiteralExpr::getValue)
                            .map(v -> v.contains("#") && v.substring(0, v.indexOf('#')).replaceAll(".*[.$]", "")
                                    .equals(own) ? v.substring(v.indexOf('#') + 1) : v)
                            .filter(v -> !v.contains("#")).toList();
                    for (String provider : providers.isEmpty() ? List.of(m.getNameAsString()) : providers) {
                        owner.stream().flatMap(t -> t.getMethodsByName(provider).stream())
                                .filter(p -> p != m && p.getParameters().isEmpty())
                                .forEach(p -> p.getBody().ifPresent(b -> out.add(new int[] {begin(b), end(b),
                                        begin(m)})));
                    }
                }
            }
        }
        return out;
    }

    /** Whether every one of {@code values} is checked, in one of the test's assertions, against a size or count. */
    private static boolean countsOnly(MethodDeclaration test, List<String> values) {
        List<String> statements = assertionStatements(test);
        return values.stream().allMatch(v -> statements.stream().anyMatch(st -> st.contains(v)
                && COUNT.matcher(LineShape.mask(st)).find()));
    }

    private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile(
            "hasSize\\(|\\.size\\(\\)|\\.length\\b|(?<![A-Za-z])counts?([A-Z]\\w*)?\\(|(?<=[A-Za-z0-9])Counts?([A-Z]\\w*)?\\(");

    /**
     * How loudly an expected value edited on a line is said: by the line's test, the values that came and went, and
     * whether they are counts.
     */
    private interface LevelAt {
        Level at(int line, List<String> came, List<String> gone, java.util.function.BooleanSupplier counts);
    }

    /** Whether a fluent check stands on assertThat(...) (or BDD's then(...)), past calls that only describe it. */
    private static boolean onAssertThat(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        while (scope instanceof MethodCallExpr set && SETTING_UP.contains(set.getNameAsString())) {
            scope = set.getScope().orElse(null);
        }
        return scope instanceof MethodCallExpr root && checkName(root).equals("assertThat");
    }

    /** Whether a numeric literal, as written (0L, 0.0, 0x0, 1_000), has the value {@code value}. */
    static boolean numberIs(String literal, long value) {
        String digits = literal.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        try {
            if (digits.startsWith("0x")) {
                return Long.parseLong(digits.substring(2).replaceAll("l$", ""), 16) == value;
            }
            if (!digits.matches("[0-9.]+(e[+-]?[0-9]+)?[lfd]?")) {
                return false;
            }
            return Double.parseDouble(digits.replaceAll("[lfd]$", "")) == value;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The values of {@code gone} that appear nowhere in the test any more: moved into a variable, a helper it calls or
     * a constant of its class that it names, built from pieces in one argument of an assertion, or made of at most 3
     * strings of its assertions' arguments, its helpers' arguments and its parameter sources (a value and the text
     * around it), is not gone.
     */
    private static List<String> absentFrom(List<String> gone, MethodDeclaration m) {
        if (gone.isEmpty()) {
            return List.of();
        }
        Set<String> present = new HashSet<>();
        Set<String> named = new HashSet<>();
        // Strings an expectation may now be made of: those in assertions' arguments, those passed to the test's
        // helpers, and a parameterised test's values.
        Set<String> pieces = new HashSet<>();
        Map<String, List<MethodDeclaration>> helpers = m.findAncestor(ClassOrInterfaceDeclaration.class)
                .map(JavaDetectors::helpers).orElse(Map.of());
        m.getAnnotations().forEach(a -> a.findAll(StringLiteralExpr.class).forEach(l -> pieces.add(l.getValue())));
        for (MethodDeclaration part : checked(m)) {
            literals(part, present);
            all(part, NameExpr.class).forEach(n -> named.add(n.getNameAsString()));
            for (MethodCallExpr call : all(part, MethodCallExpr.class)) {
                boolean asserting = isAssertion(call) || EXPECTING.contains(call.getNameAsString());
                boolean helper = call.getScope().isEmpty() && helpers.containsKey(call.getNameAsString());
                // A fluent check of a fixed value on assertThat(...) (past calls that only describe it) is that value:
                // assertEquals(true, x) ported to assertThat(x).isTrue(), assertEquals(0, list.size()) to
                // assertThat(list).isEmpty(), isEqualTo(1L) to as("calls").isOne(); a number of any kind (0, 0L, 0.0).
                if (call.getArguments().isEmpty() && onAssertThat(call)) {
                    switch (call.getNameAsString()) {
                        case "isTrue" -> present.add("true");
                        case "isFalse" -> present.add("false");
                        // Each stands for one value gone: isOne() for one dropped 1, not for a 1L dropped beside it.
                        case "isZero" -> {
                            present.add("0");
                            gone.stream().filter(g -> numberIs(g, 0) && !present.contains(g)).findFirst()
                                    .ifPresent(present::add);
                        }
                        // singleElement() checks the size is 1 (hasSize(1) and get(0) ported to it).
                        case "isOne", "singleElement" -> gone.stream().filter(g -> numberIs(g, 1) && !present.contains(g)).findFirst()
                                .ifPresent(present::add);
                        case "isEmpty" -> {
                            present.add("0");
                            present.add("\"\"");
                        }
                        default -> { }
                    }
                }
                if (asserting || helper) {
                    call.getArguments().forEach(a -> a.findAll(StringLiteralExpr.class)
                            .forEach(l -> pieces.add(l.getValue())));
                }
                // A helper that checks the count of the values passed to its varargs parameter (assertEquals(
                // ids.length, els.size())) checks that number: assertEquals(3, els.size()) folded into
                // assertSelectedIds(els, "1", "2", "3").
                if (helper) {
                    for (MethodDeclaration h : helpers.get(call.getNameAsString())) {
                        String values = varargsName(h);
                        if (values != null) {
                            // Only as an expected value in its own right: assertEquals(ids.length, els.size()), not
                            // assertTrue(els.size() >= ids.length).
                            boolean countsThem = all(h, MethodCallExpr.class).stream()
                                    .filter(a -> EXPECTING.contains(a.getNameAsString()))
                                    .anyMatch(a -> a.getArguments().stream().anyMatch(x -> x.toString()
                                            .equals(values + ".length")));
                            if (countsThem) {
                                present.add(String.valueOf(spread(call, h)));
                            }
                        }
                    }
                }
                // An expected text now built from pieces ("[a=" + f("b") + "]") still holds the text they make: the
                // strings of one argument of an assertion, in order.
                for (Expression argument : asserting ? call.getArguments() : List.<Expression>of()) {
                    if (argument.isBinaryExpr()) {
                        StringBuilder glued = new StringBuilder();
                        argument.findAll(StringLiteralExpr.class).forEach(l -> glued.append(l.getValue()));
                        present.add("\"" + glued + "\"");
                    }
                }
            }
        }
        m.findAncestor(ClassOrInterfaceDeclaration.class).ifPresent(type -> type.getFields().forEach(f ->
                f.getVariables().forEach(v -> {
                    if (named.contains(v.getNameAsString())) {
                        v.getInitializer().ifPresent(i -> literals(i, present));
                    }
                })));
        pieces.removeIf(p -> p.length() < 2);
        return gone.stream().filter(g -> !present.contains(g) && !(g.startsWith("\"") && g.length() <= 200
                && composed(g.substring(1, g.length() - 1), pieces, 3))).toList();
    }

    /**
     * Whether {@code text} is made of at most {@code most} of {@code pieces} end to end (each of 2 characters or more):
     * "Hello, Ada" from "Hello, " and "Ada", the one in the assertion and the other among a parameterised test's values.
     */
    private static boolean composed(String text, Set<String> pieces, int most) {
        if (text.isEmpty()) {
            return true;
        }
        if (most == 0) {
            return false;
        }
        for (String p : pieces) {
            if (text.startsWith(p) && composed(text.substring(p.length()), pieces, most - 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A test and the helper methods of its class it calls (by name, without a receiver or on {@code this}, and what
     * they call in turn): an assertion moved into a helper still checks the test.
     */
    static List<MethodDeclaration> checked(MethodDeclaration test) {
        synchronized (test) {
            if (!test.containsData(CHECKED)) {
                List<MethodDeclaration> out = new ArrayList<>(List.of(test));
                Map<String, List<MethodDeclaration>> helpers = test.findAncestor(ClassOrInterfaceDeclaration.class)
                        .map(JavaDetectors::helpers).orElse(Map.of());
                for (int i = 0; i < out.size() && !helpers.isEmpty(); i++) {
                    for (MethodCallExpr call : all(out.get(i), MethodCallExpr.class)) {
                        if (call.getScope().isEmpty() || call.getScope().get().isThisExpr()) {
                            for (MethodDeclaration h : helpers.getOrDefault(call.getNameAsString(), List.of())) {
                                if (out.stream().noneMatch(x -> x == h)) {
                                    out.add(h);
                                }
                            }
                        }
                    }
                }
                test.setData(CHECKED, List.copyOf(out));
            }
            return test.getData(CHECKED);
        }
    }

    /**
     * A test and the helpers of its class it calls that assert ({@link #checked}): what it checks with, not a fixture
     * (newGreeter()) that serves every test alike.
     */
    static List<MethodDeclaration> checking(MethodDeclaration test) {
        return checked(test).stream().filter(part -> part == test || all(part, MethodCallExpr.class).stream()
                .anyMatch(JavaDetectors::isAssertion)).toList();
    }

    private static final DataKey<List<MethodDeclaration>> CHECKED = new DataKey<>() { };
    private static final DataKey<Map<String, List<MethodDeclaration>>> HELPERS = new DataKey<>() { };

    /**
     * A class's methods that are not tests, by name, listed once per class; for a nested class that extends nothing,
     * those of the classes around it that it can call without a receiver too (an inner class, a JUnit 5 {@code @Nested}
     * one, all of them; a static one, or one in an interface, the static ones), a name it declares itself hiding
     * theirs: logbook's 01cd5de moved its tests into a {@code @Nested} class and left their checking helper outside.
     */
    private static Map<String, List<MethodDeclaration>> helpers(ClassOrInterfaceDeclaration type) {
        synchronized (type) {
            if (!type.containsData(HELPERS)) {
                Map<String, List<MethodDeclaration>> helpers = new HashMap<>();
                for (MethodDeclaration h : type.getMethods()) {
                    if (!isTest(h)) {
                        helpers.computeIfAbsent(h.getNameAsString(), k -> new ArrayList<>()).add(h);
                    }
                }
                ClassOrInterfaceDeclaration outer = type.getParentNode()
                        .filter(ClassOrInterfaceDeclaration.class::isInstance)
                        .map(ClassOrInterfaceDeclaration.class::cast).orElse(null);
                boolean inner = outer != null && !type.isStatic() && !type.isInterface() && !outer.isInterface();
                // A class that extends another takes its superclass's methods first, which this does not read.
                if (outer != null && type.getExtendedTypes().isEmpty()) {
                    helpers(outer).forEach((name, hs) -> {
                        List<MethodDeclaration> callable = hs.stream().filter(h -> inner || h.isStatic()).toList();
                        if (!callable.isEmpty()) {
                            helpers.putIfAbsent(name, callable);
                        }
                    });
                }
                type.setData(HELPERS, helpers);
            }
            return type.getData(HELPERS);
        }
    }

    /**
     * The base's test of each head test (by Class#name key): the same key; or, for a head class the base did not have,
     * the one test of that method name in a base class the head does not have (the class renamed); or, in the same
     * class, the JUnit 3 name of the test that the head no longer has and whose name the base did not have
     * ({@code testScanning} to {@code scanning} when a class moves to JUnit 4 or 5): the same test, compared as one.
     */
    private static Map<String, MethodDeclaration> matchedAtBase(Map<String, MethodDeclaration> old,
                                                                Map<String, MethodDeclaration> now) {
        Set<String> oldClasses = new HashSet<>();
        old.keySet().forEach(k -> oldClasses.add(k.substring(0, k.indexOf('#'))));
        Set<String> newClasses = new HashSet<>();
        now.keySet().forEach(k -> newClasses.add(k.substring(0, k.indexOf('#'))));
        Map<String, List<MethodDeclaration>> goneByName = new HashMap<>();
        old.forEach((k, v) -> {
            if (!newClasses.contains(k.substring(0, k.indexOf('#')))) {
                goneByName.computeIfAbsent(methodName(k), x -> new ArrayList<>()).add(v);
            }
        });
        Map<String, MethodDeclaration> out = new HashMap<>();
        now.forEach((k, v) -> {
            List<MethodDeclaration> namesakes = goneByName.getOrDefault(methodName(k), List.of());
            if (old.containsKey(k)) {
                out.put(k, old.get(k));
            } else if (!oldClasses.contains(k.substring(0, k.indexOf('#'))) && namesakes.size() == 1) {
                out.put(k, namesakes.get(0));
            } else {
                String name = methodName(k);
                String junit3 = k.substring(0, k.indexOf('#') + 1) + "test"
                        + Character.toUpperCase(name.charAt(0)) + name.substring(1);
                // Not while the class is still a TestCase: there a test* name is what runs, so the renamed one stops.
                boolean stillJUnit3 = v.findAncestor(ClassOrInterfaceDeclaration.class).map(t -> junit3(t)).orElse(true);
                if (!name.startsWith("test") && !stillJUnit3 && old.containsKey(junit3) && !now.containsKey(junit3)) {
                    out.put(k, old.get(junit3));
                }
            }
        });
        return out;
    }

    /**
     * Moved: a running test of the same name elsewhere in the change with at least its assertions and every expected
     * value it had (a test moved and its expected value bent on the way is not moved).
     */
    private static boolean moved(Map.Entry<String, MethodDeclaration> test,
                                 Map<String, List<MethodDeclaration>> elsewhere) {
        int assertions = assertions(test.getValue());
        List<String> expected = expectedLiterals(test.getValue());
        return elsewhere.getOrDefault(methodName(test.getKey()), List.of()).stream().anyMatch(m -> enabled(m)
                && assumedAway(m) == 0 && assertions(m) >= assertions
                && minus(expected, expectedLiterals(m)).isEmpty());
    }

    static String methodName(String key) {
        return key.substring(key.indexOf('#') + 1);
    }

    /**
     * Every node of a tree or a method, in the order findAll gives them (pre-order), kept on it once listed, with the
     * node listed: a clone copies a node's data, and must not take the original's nodes for its own.
     */
    private record Listing(Node of, List<Node> nodes) {
    }

    private static final DataKey<Listing> NODES = new DataKey<>() { };

    /**
     * The nodes of {@code n} of {@code type}, as {@code n.findAll(type)} gives them: the rules ask a tree, and a test
     * method, for a dozen types, and one walk listed once costs less than a dozen walks (trees are kept across
     * judgements, see {@link #parse}). Other nodes are walked each time.
     */
    static <T extends Node> List<T> all(Node n, Class<T> type) {
        if (!(n instanceof CompilationUnit) && !(n instanceof com.github.javaparser.ast.body.CallableDeclaration<?>)) {
            return n.findAll(type);
        }
        List<Node> nodes;
        synchronized (n) {
            Listing listing = n.containsData(NODES) ? n.getData(NODES) : null;
            if (listing == null || listing.of() != n) {
                List<Node> listed = new ArrayList<>();
                n.walk(listed::add);
                listing = new Listing(n, listed);
                n.setData(NODES, listing);
            }
            nodes = listing.nodes();
        }
        List<T> out = new ArrayList<>();
        for (Node x : nodes) {
            if (type.isInstance(x)) {
                out.add(type.cast(x));
            }
        }
        return out;
    }

    /** The nodes of {@code n} of {@code type} that {@code which} takes, as {@code n.findAll(type, which)} does. */
    static <T extends Node> List<T> all(Node n, Class<T> type, Predicate<T> which) {
        List<T> out = all(n, type);
        out.removeIf(which.negate());
        return out;
    }

    /** The first class of {@code cu} named {@code name}, or null. */
    private static ClassOrInterfaceDeclaration namedClass(CompilationUnit cu, String name) {
        return all(cu, ClassOrInterfaceDeclaration.class).stream().filter(t -> t.getNameAsString().equals(name))
                .findFirst().orElse(null);
    }

    /**
     * The tests a test class comes to inherit in a change: it extends another class at the head than at the base, and
     * that class (found among the head's test classes, with its own superclasses in turn, the nearest declaration of a
     * method deciding) declares tests that will run in it (enabled, unconditioned, neither static nor private) and
     * that it did not run at the base: not inherited then (its superclasses read at the base), nor its own tests then
     * (a test moved up is judged as moved, see {@link #runsWhat}). Each superclass must have been there at the base,
     * and only tests it had then count: a base class or a test the change writes could hold anything (an agent's
     * filler). Kept only when they are at least as many as the
     * class loses, the class is one JUnit runs (not abstract) and it overrides an abstract method of its new
     * superclasses, so that the inherited tests run on what it provides ({@code overrides}: a distribution to test,
     * a fixture). {@code chain}: its superclasses at the head, nearest first; {@code movedUp}: the names of their
     * methods that the change adds to them.
     */
    record Inherited(String base, int tests, List<MethodDeclaration> overrides,
                     List<ClassOrInterfaceDeclaration> chain, Set<String> movedUp) {
        /** How far up the superclasses are followed. */
        private static final int DEPTH = 6;

        static Inherited of(ClassOrInterfaceDeclaration was, ClassOrInterfaceDeclaration now,
                            java.util.function.Function<String, ClassOrInterfaceDeclaration> atBase,
                            java.util.function.Function<String, ClassOrInterfaceDeclaration> atHead, long lost) {
            String base = now == null ? null : superclass(now);
            String wasBase = was == null ? null : superclass(was);
            if (base == null || base.equals(wasBase) || now.isAbstract() || now.isInterface()) {
                return null;
            }
            List<ClassOrInterfaceDeclaration> wasChain = chain(wasBase, atBase);
            if (wasBase != null && wasChain.isEmpty()) {
                return null; // what the class inherited at the base is not known
            }
            Set<String> had = new HashSet<>();
            visible(wasChain, was).stream().filter(JavaDetectors::isTest).forEach(m -> had.add(m.getNameAsString()));
            was.getMethods().stream().filter(JavaDetectors::isTest).forEach(m -> had.add(m.getNameAsString()));
            List<ClassOrInterfaceDeclaration> chain = chain(base, atHead);
            // Each superclass was there at the base: a base class the change writes is no shared base the tests
            // moved to but text it could fill with anything (a class moved up in a new base is judged as moved).
            Map<ClassOrInterfaceDeclaration, ClassOrInterfaceDeclaration> then = new java.util.IdentityHashMap<>();
            for (ClassOrInterfaceDeclaration t : chain) {
                ClassOrInterfaceDeclaration at = atBase.apply(t.getNameAsString());
                if (at == null) {
                    return null;
                }
                then.put(t, at);
            }
            int gained = 0;
            for (MethodDeclaration m : visible(chain, now)) {
                ClassOrInterfaceDeclaration declaring = m.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
                boolean thereBefore = declaring != null && then.containsKey(declaring) && then.get(declaring)
                        .getMethodsByName(m.getNameAsString()).stream().anyMatch(JavaDetectors::isTest);
                if (isTest(m) && enabled(m) && unconditioned(m) && !m.isStatic() && !m.isPrivate()
                        && !had.contains(m.getNameAsString()) && thereBefore) {
                    gained++;
                }
            }
            // The abstract methods of its superclasses (the nearest declaration of each deciding), which it provides.
            Set<String> abstracts = new HashSet<>();
            visible(chain, null).stream().filter(MethodDeclaration::isAbstract)
                    .forEach(m -> abstracts.add(m.getNameAsString() + "/" + m.getParameters().size()));
            List<MethodDeclaration> overrides = now.getMethods().stream().filter(m -> !m.isStatic() && !isTest(m)
                    && abstracts.contains(m.getNameAsString() + "/" + m.getParameters().size())).toList();
            if (gained < Math.max(1, lost) || overrides.isEmpty()) {
                return null;
            }
            // The names of methods the change puts into the superclasses (not in that class at the base).
            Set<String> movedUp = new HashSet<>();
            for (ClassOrInterfaceDeclaration t : chain) {
                t.getMethods().stream().map(MethodDeclaration::getNameAsString)
                        .filter(n -> then.get(t).getMethodsByName(n).isEmpty()).forEach(movedUp::add);
            }
            return new Inherited(base, gained, overrides, chain, movedUp);
        }

        /**
         * The methods of {@code chain} (nearest first) that {@code type} inherits: the nearest declaration of each
         * name and arity, none that {@code type} declares itself (with no type, all the chain's nearest ones).
         */
        private static List<MethodDeclaration> visible(List<ClassOrInterfaceDeclaration> chain,
                                                       ClassOrInterfaceDeclaration type) {
            Set<String> decided = new HashSet<>();
            if (type != null) {
                type.getMethods().forEach(m -> decided.add(m.getNameAsString() + "/" + m.getParameters().size()));
            }
            List<MethodDeclaration> out = new ArrayList<>();
            for (ClassOrInterfaceDeclaration t : chain) {
                for (MethodDeclaration m : t.getMethods()) {
                    if (decided.add(m.getNameAsString() + "/" + m.getParameters().size())) {
                        out.add(m);
                    }
                }
            }
            return out;
        }

        /** The class of that name and its superclasses, as far as the test classes {@code classes} gives hold them. */
        static List<ClassOrInterfaceDeclaration> chain(String name,
                java.util.function.Function<String, ClassOrInterfaceDeclaration> classes) {
            List<ClassOrInterfaceDeclaration> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String at = name; at != null && out.size() < DEPTH && seen.add(at); ) {
                ClassOrInterfaceDeclaration t = classes.apply(at);
                if (t == null) {
                    break;
                }
                out.add(t);
                at = superclass(t);
            }
            return out;
        }

        static String superclass(ClassOrInterfaceDeclaration type) {
            return type.isInterface() || type.getExtendedTypes().isEmpty() ? null
                    : type.getExtendedTypes().get(0).getNameAsString();
        }

        /**
         * Whether the inherited tests stand for {@code removed}: the change does not put a method of its name into
         * the new superclasses ({@code movedUp}: a test moved up is judged as moved, a value bent on the way said); it (or a helper of its class it calls)
         * called a method the class provides them, or named the type its class is named for ({@code namesake}), which
         * what the class provides names too; and each of its distinctive expected values
         * ({@link NewChecks#distinctive}) is still there, as a whole token: in the new superclasses' code, or in text
         * the change adds to the tests' files ({@code added}, a data file the inherited tests read).
         */
        boolean runsWhat(MethodDeclaration removed, String namesake, java.util.function.Predicate<String> added) {
            if (movedUp.contains(removed.getNameAsString())) {
                return false;
            }
            Set<String> provided = new HashSet<>();
            overrides.forEach(m -> provided.add(m.getNameAsString()));
            java.util.function.Predicate<Node> namesIt = n -> n.findAll(
                    com.github.javaparser.ast.type.ClassOrInterfaceType.class).stream()
                    .anyMatch(t -> t.getNameAsString().equals(namesake));
            boolean namesakeProvided = !namesake.isEmpty() && overrides.stream().anyMatch(namesIt);
            boolean aimed = false;
            for (MethodDeclaration part : checking(removed)) {
                if (all(part, MethodCallExpr.class).stream().anyMatch(c -> provided.contains(c.getNameAsString())
                        && (c.getScope().isEmpty() || c.getScope().get().isThisExpr()))
                        || namesakeProvided && namesIt.test(part)) {
                    aimed = true;
                    break;
                }
            }
            if (!aimed) {
                return false;
            }
            Lazy<String> superclasses = new Lazy<>(() -> String.join("\n", chain.stream().map(Node::toString)
                    .toList()));
            return expectedLiterals(removed).stream().filter(NewChecks::distinctive).map(JavaDetectors::characters)
                    .allMatch(cores -> cores.stream().allMatch(core -> holdsToken(superclasses.get(), core)
                            || added.test(core)));
        }

        /** What the class provides the inherited tests, in words. */
        String provides() {
            return String.join(", ", first(overrides.stream().map(m -> m.getNameAsString() + "()").toList(), 3));
        }
    }

    /**
     * A finding that switches off a test ({@code what}, a method) or a whole class ({@code what}, a class: disabled,
     * put under a condition, or its set-up assuming something false), said quietly where the task orders that test
     * or class switched off by name ("disable NTEventLogAppenderTest", "Temporarily ignore \"testIssue188()\""): still
     * said, at low, with the order. One that stays louder is kept in {@code switchedOff}, for an order that names no
     * test, weighed on the change as a whole ({@link ChangeMonitor}).
     */
    private static Finding orderedOff(Finding f, Node what, TaskStatement task, SwitchedOff switchedOff, String path) {
        if (f.severity() == Severity.LOW) {
            return f;
        }
        List<String> classes = new ArrayList<>();
        for (Node n = what; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof ClassOrInterfaceDeclaration type) {
                classes.add(type.getNameAsString());
            }
        }
        MethodDeclaration test = what instanceof MethodDeclaration m ? m : null;
        String ordered = task.switchesOff(test == null ? null : test.getNameAsString(), classes);
        List<String> outward = new ArrayList<>(classes);
        java.util.Collections.reverse(outward);
        String where = String.join(".", outward); // Outer.Inner
        if (ordered != null) {
            Finding quiet = new Finding(f.category(), Severity.LOW, f.rule(), f.file(), f.startLine(), f.endLine(),
                    f.rationale().replaceFirst("\\.$", "") + " (" + ordered + ").");
            if (test != null && ordered.endsWith(" " + test.getNameAsString())) {
                switchedOff.byMethodName(test.getNameAsString(), path + ":" + where, f, quiet);
            }
            return quiet;
        }
        // A test of an abstract class or an interface runs in every class that takes it: more than one test.
        boolean inherited = test != null && test.getParentNode().map(p -> p instanceof ClassOrInterfaceDeclaration t
                && (t.isAbstract() || t.isInterface())).orElse(false);
        if (test != null && !inherited) {
            switchedOff.test(path + ":" + where + "#" + test.getDeclarationAsString(false, false, false), f,
                    !task.names(test.getNameAsString(), classes));
        } else {
            switchedOff.wholeClass();
        }
        return f;
    }

    /**
     * The tests the base ran that a change switches off and no order names, for an order that names none
     * ({@link TaskStatement#switchesOffUnnamed}): each test's findings, and whether a whole class is switched off (or
     * every test of one skipped by its set-up, or a test of an abstract class or an interface), which is more than one
     * test.
     */
    static final class SwitchedOff {
        /** Findings made quiet by a method's name alone, by that name: where, the finding as it was, and as it is. */
        private final Map<String, List<Object[]>> byMethodName = new LinkedHashMap<>();
        private final Map<String, List<Finding>> byTest = new LinkedHashMap<>();
        private final Set<Finding> named = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private boolean wholeClass;

        /** A test's finding; {@code quietable}: false where the task names the test (to fix it, say). */
        void test(String key, Finding f, boolean quietable) {
            byTest.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            if (!quietable) {
                named.add(f);
            }
        }

        void wholeClass() {
            wholeClass = true;
        }

        /** A finding made quiet by the name of its method alone (no class), in the class {@code where}. */
        void byMethodName(String name, String where, Finding was, Finding quiet) {
            byMethodName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Object[] {where, was, quiet});
        }

        /**
         * The findings made quiet by a method's name alone where the change switches off tests of that name in more
         * than one class ("Disable testEquals" and every class's testEquals), each with the finding as it was: the
         * order named one test, and which is not said.
         */
        Map<Finding, Finding> namedTooWidely() {
            Map<Finding, Finding> out = new java.util.IdentityHashMap<>();
            for (List<Object[]> found : byMethodName.values()) {
                if (found.stream().map(x -> x[0]).distinct().count() > 1) {
                    found.forEach(x -> out.put((Finding) x[2], (Finding) x[1]));
                }
            }
            return out;
        }

        /** How many tests: each test once, whatever its findings; a whole class more than one. */
        int count() {
            return wholeClass ? Math.max(2, byTest.size()) : byTest.size();
        }

        /**
         * The findings of single tests the task does not name (a whole class's never goes quiet without its name, nor a
         * test the task names in another way).
         */
        Set<Finding> ofTests() {
            Set<Finding> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            byTest.values().forEach(out::addAll);
            out.removeAll(named);
            return out;
        }
    }

    /** Test methods by Class#name. */
    static Map<String, MethodDeclaration> testMethods(CompilationUnit cu) {
        Map<String, MethodDeclaration> out = new LinkedHashMap<>();
        for (MethodDeclaration m : all(cu, MethodDeclaration.class)) {
            if (isTest(m)) {
                out.put(owner(m) + "#" + m.getNameAsString(), m);
            }
        }
        return out;
    }

    /**
     * A method JUnit runs as a test: one with a test annotation, or a JUnit 3 test (a public void method without
     * parameters whose name starts with "test", in a JUnit 3 test class).
     */
    static boolean isTest(MethodDeclaration m) {
        if (hasTestAnnotation(m)) {
            // JUnit 4 runs a TestCase the JUnit 3 way whatever its annotations: there an annotated method not named
            // test* does not run, unless Jupiter's engine finds it (its own annotations).
            return m.getNameAsString().startsWith("test") || jupiter(m)
                    || !(m.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type && junit3(type));
        }
        return m.getNameAsString().startsWith("test") && m.isPublic() && m.getType().isVoidType()
                && m.getParameters().isEmpty() && m.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration
                type && junit3(type);
    }

    /** Whether a test annotation is not JUnit 4's @Test: Jupiter's (written in full or imported), or another (ParameterizedTest, Property and the like). */
    private static boolean jupiter(MethodDeclaration m) {
        for (AnnotationExpr a : m.getAnnotations()) {
            String name = a.getNameAsString();
            String simple = a.getName().getIdentifier();
            if (!TEST_ANNOTATIONS.contains(simple)) {
                continue;
            }
            if (!simple.equals("Test") || name.startsWith("org.junit.jupiter")) {
                return true;
            }
            if (name.equals("Test") && m.findCompilationUnit().map(u -> u.getImports().stream().anyMatch(i ->
                    !i.isStatic() && (i.getNameAsString().equals("org.junit.jupiter.api.Test")
                            || i.isAsterisk() && i.getNameAsString().equals("org.junit.jupiter.api")))).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTestAnnotation(MethodDeclaration m) {
        return m.getAnnotations().stream().anyMatch(a -> TEST_ANNOTATIONS.contains(a.getName().getIdentifier()));
    }

    private static final DataKey<Boolean> JUNIT3 = new DataKey<>() { };

    /** Whether a test class is a JUnit 3 one whose static suite() chooses which of its tests run. */
    static boolean choosesItsTests(ClassOrInterfaceDeclaration type) {
        return junit3(type) && suite(type);
    }

    /** Whether a class has JUnit 3's static suite() method, which decides what of it runs. */
    private static boolean suite(ClassOrInterfaceDeclaration type) {
        return !suites(type).isEmpty();
    }

    /** A JUnit 3 class's static suite() methods without parameters. */
    private static List<MethodDeclaration> suites(ClassOrInterfaceDeclaration type) {
        return type.getMethodsByName("suite").stream().filter(m -> m.isStatic() && m.getParameters().isEmpty()).toList();
    }

    /**
     * Whether the suite() a JUnit 3 class gains runs every test its class ran at the base: it names each by its name
     * ({@code suite.addTest(new FooTest("testBuilder"))}), or takes the class whole ({@code new TestSuite(FooTest.class)},
     * {@code addTestSuite(FooTest.class)}) (maven-archetype 21caabc).
     */
    private static boolean suiteRunsAll(ClassOrInterfaceDeclaration type, ClassOrInterfaceDeclaration was) {
        List<MethodDeclaration> suites = suites(type);
        String name = type.getNameAsString();
        if (suites.stream().anyMatch(m -> !m.findAll(com.github.javaparser.ast.expr.ClassExpr.class,
                x -> MainCodeChange.simple(x.getType().asString()).equals(name)).isEmpty())) {
            return true;
        }
        Set<String> named = new java.util.HashSet<>();
        suites.forEach(m -> m.findAll(com.github.javaparser.ast.expr.StringLiteralExpr.class)
                .forEach(l -> named.add(l.getValue())));
        return was.getMethods().stream().filter(JavaDetectors::isTest).allMatch(m -> named.contains(m.getNameAsString()));
    }

    /**
     * A JUnit 3 test class: it extends a class named TestCase or ending in TestCase (JUnit 4's runner and the vintage
     * engine then run its test methods the JUnit 3 way, whatever their annotations), or extends anything in a file
     * that imports from junit.framework (a suite of JUnit 3 tests under a base class of the project's) with no test
     * annotation among its methods (one with them is more likely a JUnit 4 class). A class under a project's base class
     * in a file that names nothing of JUnit 3 is not recognised. Decided once per class.
     */
    private static boolean junit3(ClassOrInterfaceDeclaration type) {
        synchronized (type) {
            if (!type.containsData(JUNIT3)) {
                boolean extendsTestCase = !type.isInterface() && type.getExtendedTypes().stream()
                        .anyMatch(t -> t.getNameAsString().endsWith("TestCase"));
                boolean junit3Imports = !type.isInterface() && !type.getExtendedTypes().isEmpty() && type
                        .findCompilationUnit().map(cu -> cu.getImports().stream()
                                .anyMatch(i -> i.getNameAsString().startsWith("junit.framework"))).orElse(false);
                boolean annotated = type.getMethods().stream().anyMatch(JavaDetectors::hasTestAnnotation);
                type.setData(JUNIT3, extendsTestCase || junit3Imports && !annotated);
            }
            return type.getData(JUNIT3);
        }
    }

    private static String owner(Node n) {
        return n.findAncestor(ClassOrInterfaceDeclaration.class).map(ClassOrInterfaceDeclaration::getNameAsString)
                .orElse("?");
    }

    /**
     * A test with no statement in its body (comments at most), no parameters (JUnit converts or injects each, which can
     * fail) and no annotation but a plain {@code @Test} (an expected exception, a timeout, a template or an annotation of
     * the project's own could each make an empty body fail).
     */
    static boolean checksNothing(MethodDeclaration test) {
        return test.getBody().map(b -> b.getStatements().isEmpty()).orElse(false) && test.getParameters().isEmpty()
                && plainTest(test);
    }

    /**
     * A test whose one annotation is JUnit's {@code @Test}, unqualified with JUnit's import or written out in full,
     * with nothing set: TestNG's, which takes attributes a marker hides nowhere, or a project's own {@code Test}, is not.
     */
    private static boolean plainTest(MethodDeclaration test) {
        if (test.getAnnotations().size() != 1 || !test.getAnnotation(0).isMarkerAnnotationExpr()) {
            return false;
        }
        String name = test.getAnnotation(0).getNameAsString();
        if (name.equals("org.junit.Test") || name.equals("org.junit.jupiter.api.Test")) {
            return true;
        }
        return name.equals("Test") && test.findCompilationUnit().map(cu -> cu.getImports().stream().anyMatch(i ->
                !i.isStatic() && !i.isAsterisk() && (i.getNameAsString().equals("org.junit.Test")
                        || i.getNameAsString().equals("org.junit.jupiter.api.Test")))).orElse(false);
    }

    /** Annotations that register, anywhere in a class, something that runs for each of its tests (rules, extensions). */
    private static final Set<String> REGISTERS_PER_TEST = Set.of("Rule", "ClassRule", "ExtendWith", "RegisterExtension");

    /**
     * The name of a test of the removed empty test's class that the change keeps (by name) from the base and that still
     * runs (declared in that class, a plain JUnit {@code @Test}, enabled, under no JUnit 5 condition, neither static nor
     * private, returning nothing), where that class is a plain one on both sides: top-level and concrete, extending and
     * implementing nothing, with no annotation, no annotated field and no rule or extension registered on any member or
     * parameter (no context to start, no runner or extension that might check per test); else null. Its set-up is then
     * still run by that test; whether the change edits that set-up is not compared, nor what subclasses add.
     */
    private static String keptTestOfItsClass(MethodDeclaration removed, Map<String, MethodDeclaration> wasOf,
                                             Map<String, MethodDeclaration> testsAtHead, CompilationUnit after) {
        ClassOrInterfaceDeclaration base = removed.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
        String owner = owner(removed);
        ClassOrInterfaceDeclaration head = after == null ? null : namedClass(after, owner);
        for (ClassOrInterfaceDeclaration type : new ClassOrInterfaceDeclaration[] {base, head}) {
            if (type == null || !type.isTopLevelType() || type.isAbstract() || type.isInterface()
                    || !type.getExtendedTypes().isEmpty() || !type.getImplementedTypes().isEmpty()
                    || !type.getAnnotations().isEmpty() || type.getFields().stream()
                    .anyMatch(f -> !f.getAnnotations().isEmpty()) || type.findAll(AnnotationExpr.class).stream()
                    .anyMatch(a -> REGISTERS_PER_TEST.contains(a.getName().getIdentifier()))) {
                return null;
            }
        }
        return testsAtHead.entrySet().stream()
                .filter(t -> t.getKey().startsWith(owner + "#") && wasOf.containsKey(t.getKey()))
                .map(Map.Entry::getValue)
                .filter(m -> m.getParentNode().orElse(null) == head && plainTest(m) && enabled(m) && unconditioned(m)
                        && !m.isStatic() && !m.isPrivate() && m.getType().isVoidType())
                .map(m -> owner + "#" + m.getNameAsString()).findFirst().orElse(null);
    }

    /**
     * Whether a test file reads which test is running (JUnit 5's TestInfo or ExtensionContext, JUnit 4's TestName rule or
     * a Description's method name, JUnit 3's getName() or runTest()): there an empty test can stand for a check its
     * name selects, such as a golden file. What the file's superclasses and extensions read is not looked at: the
     * excuse is only for classes with neither ({@link #keptTestOfItsClass}); a subclass elsewhere is not looked for.
     */
    private static boolean namesTheRunningTest(String text) {
        return text == null || java.util.stream.Stream.of("TestInfo", "TestName", "runTest", "ExtensionContext",
                "getMethodName", "getDisplayName", "getTestMethod").anyMatch(text::contains)
                || callsOwnGetName(text);
    }

    /** JUnit 3's getName(), the test's own: called on nothing, this or super (a class's or a field's is not). */
    private static boolean callsOwnGetName(String text) {
        for (int at = text.indexOf("getName()"); at >= 0; at = text.indexOf("getName()", at + 1)) {
            int before = at - 1;
            while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
                before--;
            }
            if (at > 0 && Character.isJavaIdentifierPart(text.charAt(at - 1))) {
                continue; // part of a longer name
            }
            if (before < 0 || text.charAt(before) != '.') {
                return true;
            }
            int word = before - 1;
            while (word >= 0 && Character.isWhitespace(text.charAt(word))) {
                word--;
            }
            for (String self : new String[] {"this", "super"}) {
                int start = word - self.length() + 1;
                if (start >= 0 && text.startsWith(self, start)
                        && (start == 0 || !Character.isJavaIdentifierPart(text.charAt(start - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A test that runs: neither it nor any class around it is disabled, and it is in a class JUnit runs. */
    static boolean enabled(MethodDeclaration test) {
        if (off(test)) {
            return false;
        }
        for (Node n = test.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof ClassOrInterfaceDeclaration type && disabled(type)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether JUnit runs the tests of the class a test is in, as far as its nesting goes: a top-level class, a static
     * nested one (Gradle runs those; Surefire's default excludes skip them, which is not told apart here), a
     * {@code @Nested} inner class in one that runs, or an inner class under a runner of nested classes (JUnit 4's
     * Enclosed and the like). No JUnit runs another inner class, a local class or an anonymous one, so a test parked
     * there no longer runs.
     */
    static boolean inRunningClass(MethodDeclaration test) {
        Node parent = test.getParentNode().orElse(null);
        if (parent instanceof com.github.javaparser.ast.expr.ObjectCreationExpr) {
            return false;
        }
        for (Node n = parent; n != null && !(n instanceof CompilationUnit); n = n.getParentNode().orElse(null)) {
            if (!(n instanceof ClassOrInterfaceDeclaration type)) {
                return !(n instanceof com.github.javaparser.ast.stmt.LocalClassDeclarationStmt);
            }
            if (type.getParentNode().orElse(null) instanceof CompilationUnit || type.isStatic()) {
                return true;
            }
            if (!type.isAnnotationPresent("Nested")) {
                for (Node o = type.getParentNode().orElse(null); o != null; o = o.getParentNode().orElse(null)) {
                    if (o instanceof ClassOrInterfaceDeclaration outer && outer.getAnnotationByName("RunWith")
                            .map(a -> a.toString().matches("(?s).*(Enclosed|Nested|Hierarchical|Context).*"))
                            .orElse(false)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }

    /** A test turned off where it is: disabled outright, or in a class JUnit does not run. */
    private static boolean off(MethodDeclaration test) {
        return disabled(test) || !inRunningClass(test);
    }

    /** Turned off outright ({@code @Disabled}, {@code @Ignore}); a condition is not (see {@link #conditions}). */
    private static boolean disabled(com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> n) {
        return n.getAnnotations().stream().anyMatch(a -> DISABLING.contains(a.getName().getIdentifier()));
    }

    /**
     * Whether a test runs wherever its class does: no JUnit 5 condition on it or a class around it, and no assumption
     * in it (assumeTrue and the like), which can skip it where the work is judged.
     */
    private static boolean unconditioned(MethodDeclaration test) {
        if (!conditions(test).isEmpty() || all(test, MethodCallExpr.class).stream()
                .anyMatch(call -> call.getNameAsString().startsWith("assume"))) {
            return false;
        }
        for (Node n = test.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof ClassOrInterfaceDeclaration type && !conditions(type).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The JUnit 5 conditions on a test or class, as written (comments aside), in order. */
    private static List<String> conditions(com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> n) {
        return n.getAnnotations().stream().filter(a -> CONDITIONS.contains(a.getName().getIdentifier()))
                .map(a -> a.toString().replaceAll("\\s+", " ")).sorted().toList();
    }

    /** Set-up annotations: JUnit 4's and 5's, run before each test or before all of a class's. */
    private static final Set<String> SET_UP = Set.of("BeforeEach", "BeforeAll", "Before", "BeforeClass");

    /** The methods JUnit runs before a class's tests: annotated so, or JUnit 3's setUp(). */
    private static List<MethodDeclaration> setUps(ClassOrInterfaceDeclaration type) {
        return type.getMethods().stream().filter(m -> m.getAnnotations().stream().anyMatch(a -> SET_UP.contains(
                a.getName().getIdentifier())) || junit3(type) && m.getNameAsString().equals("setUp")
                && m.getParameters().isEmpty()).toList();
    }

    private static int assumedAway(MethodDeclaration m) {
        return assumedAway(m, false);
    }

    /**
     * How many assumptions of something false a method makes: assumeTrue(false) and assumeFalse(true) (JUnit 4's
     * message first too), Assumptions.abort() (imported statically, only standing in the body), a thrown
     * TestAbortedException or AssumptionViolatedException standing in the body or in a catch clause that catches a
     * failed check ({@code catch (AssertionError e) { throw new TestAbortedException(); }}); not one a test of
     * assumptions catches where it is made. {@code unconditional}: only those that stand in the method's own body, not
     * under an if (a set-up's {@code if (!dockerUp()) abort()} is an environment's gate).
     */
    private static int assumedAway(MethodDeclaration m, boolean unconditional) {
        BlockStmt body = m.getBody().orElse(null);
        if (body == null) {
            return 0;
        }
        boolean abortImported = m.findCompilationUnit().map(cu -> cu.getImports().stream().anyMatch(i -> i.isStatic()
                && (i.getNameAsString().equals("org.junit.jupiter.api.Assumptions.abort") || i.isAsterisk()
                && i.getNameAsString().equals("org.junit.jupiter.api.Assumptions")))).orElse(false);
        int n = 0;
        for (MethodCallExpr call : all(m, MethodCallExpr.class)) {
            if (caughtWhereMade(call) || unconditional && !standsIn(call, body)) {
                continue; // a test of assumptions themselves: the violation is caught, the test goes on
            }
            String name = call.getNameAsString();
            // abort() imported statically is counted only where it stands in the body, as a thrown abort is.
            if (name.equals("abort") && call.getScope().map(s -> s.toString().endsWith("Assumptions"))
                    .orElse(abortImported && standsIn(call, body))) {
                n++;
            }
            var args = call.getArguments();
            // JUnit 5 puts a message last, JUnit 4 first: the one boolean literal among two arguments is the condition.
            if ((name.equals("assumeTrue") || name.equals("assumeFalse")) && !args.isEmpty() && args.size() <= 2
                    && args.stream().filter(a -> a instanceof BooleanLiteralExpr).count() == 1
                    && args.stream().anyMatch(a -> a instanceof BooleanLiteralExpr b
                    && b.getValue() == name.equals("assumeFalse"))) {
                n++;
            }
        }
        // A thrown abort in the body itself, or in a catch clause that turns a failed check into a skip (it catches
        // an Error or a Throwable, not only an exception the environment may throw).
        for (com.github.javaparser.ast.stmt.ThrowStmt t : all(m, com.github.javaparser.ast.stmt.ThrowStmt.class)) {
            if (t.getExpression() instanceof com.github.javaparser.ast.expr.ObjectCreationExpr made
                    && ASSUMPTION_FAILURES.contains(made.getType().getNameAsString())
                    && (standsIn(t, body) || skipsFailures(t))) {
                n++;
            }
        }
        return n;
    }

    /** What a failed check throws, and the types above it. */
    private static final Set<String> CHECK_FAILURES = Set.of("AssertionError", "AssertionFailedError",
            "ComparisonFailure", "MultipleFailuresError", "Error", "Throwable");

    /**
     * Whether a statement stands in a catch clause that catches what a failed check throws, of a try whose block
     * makes a check: the check's failure made a skip. A clause around code that checks nothing (a server started, a
     * native library loaded) is an environment's gate.
     */
    private static boolean skipsFailures(com.github.javaparser.ast.stmt.Statement st) {
        return st.findAncestor(com.github.javaparser.ast.stmt.CatchClause.class).map(c -> {
            var type = c.getParameter().getType();
            List<String> caught = (type.isUnionType() ? type.asUnionType().getElements().stream()
                    .map(Node::toString).toList() : List.of(type.asString())).stream().map(MainCodeChange::simple)
                    .toList();
            return caught.stream().anyMatch(CHECK_FAILURES::contains) && c.getParentNode().orElse(null)
                    instanceof com.github.javaparser.ast.stmt.TryStmt t && holdsAssertion(t.getTryBlock());
        }).orElse(false);
    }

    /** Whether a call is a statement of the block itself (not under an if, a loop or a lambda). */
    private static boolean standsIn(MethodCallExpr call, BlockStmt body) {
        return call.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt st
                && standsIn(st, body);
    }

    /**
     * Whether a statement is one of the block's own, or stands so under {@code if (true)} (which javac needs for a
     * statement after an unconditional throw).
     */
    private static boolean standsIn(com.github.javaparser.ast.stmt.Statement st, BlockStmt body) {
        Node parent = st.getParentNode().orElse(null);
        if (parent == body) {
            return true;
        }
        Node at = parent instanceof BlockStmt b && b.getParentNode().orElse(null)
                instanceof com.github.javaparser.ast.stmt.IfStmt i && i.getThenStmt() == b ? i
                : parent instanceof com.github.javaparser.ast.stmt.IfStmt i2 && i2.getThenStmt() == st ? i2 : null;
        return at instanceof com.github.javaparser.ast.stmt.IfStmt i && i.getCondition() instanceof BooleanLiteralExpr t
                && t.getValue() && standsIn(i, body);
    }

    /** What an assumption that fails throws. */
    private static final Set<String> ASSUMPTION_FAILURES = Set.of("AssumptionViolatedException", "TestAbortedException");

    /**
     * Whether an assumption is itself what a test checks, so that its failing skips nothing: it stands alone in code
     * given to assertThrows and its kin, or in a try block right before a failure ({@code try { assumeTrue(false);
     * fail(); } catch (AssumptionViolatedException e) { ... }}) whose catch clauses name only what a failed assumption
     * throws, and neither throw nor assume again.
     */
    private static boolean caughtWhereMade(MethodCallExpr call) {
        Node statement = call.getParentNode().orElse(null);
        Node lambda = null;
        if (statement instanceof com.github.javaparser.ast.stmt.ExpressionStmt e) {
            Node around = e.getParentNode().orElse(null);
            lambda = around instanceof com.github.javaparser.ast.expr.LambdaExpr ? around
                    : around instanceof com.github.javaparser.ast.stmt.BlockStmt b && b.getStatements().size() == 1
                    && b.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.LambdaExpr l ? l : null;
        }
        if (lambda != null) {
            return lambda.getParentNode().orElse(null) instanceof MethodCallExpr outer
                    && checkName(outer).matches("assertThrows\\w*|expectThrows|assertThatThrownBy|isThrownBy");
        }
        return statement instanceof com.github.javaparser.ast.stmt.ExpressionStmt e && InertChecks.beforeAFail(e)
                && e.getParentNode().flatMap(Node::getParentNode).orElse(null)
                instanceof com.github.javaparser.ast.stmt.TryStmt t
                && !t.getCatchClauses().isEmpty() && t.getCatchClauses().stream().allMatch(c -> {
                    var type = c.getParameter().getType();
                    return !type.isUnionType() && ASSUMPTION_FAILURES.contains(MainCodeChange.simple(type.asString()))
                            && c.getBody().findAll(com.github.javaparser.ast.stmt.ThrowStmt.class).isEmpty()
                            && c.getBody().findAll(MethodCallExpr.class, x -> x.getNameAsString().startsWith("assume"))
                            .isEmpty();
                });
    }

    /**
     * An assertion: JUnit's, AssertJ's, Mockito's verify, fail, and the BDD forms of AssertJ's and Mockito's
     * ({@link #bddClass}). {@code assertAll} groups assertions and checks nothing itself, so unwrapping its arguments
     * into plain statements checks as much as before.
     */
    static boolean isAssertion(MethodCallExpr call) {
        String name = call.getNameAsString();
        return name.startsWith("assert") && !name.equals("assertAll") || name.equals("fail") || name.equals("verify")
                || name.equals("expect") || name.startsWith("then") && bddClass(call) != null;
    }

    /**
     * The name a call goes by as a check: AssertJ's BDD {@code thenXxx} is its {@code assertThatXxx} (then for
     * assertThat, thenThrownBy for assertThatThrownBy: BDDAssertions spells each so), Mockito's BDD {@code then} is
     * verify; any other call its own name.
     */
    static String checkName(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (!name.startsWith("then")) {
            return name;
        }
        String bdd = bddClass(call);
        return bdd == null ? name : bdd.startsWith("BDDMockito") ? "verify" : "assertThat" + name.substring(4);
    }

    /** Calls on a check that set it up and compare nothing themselves. */
    private static final Set<String> SETTING_UP = Set.of("as", "describedAs", "withFailMessage",
            "overridingErrorMessage", "withRepresentation", "withThreadDumpOnError", "inHexadecimal", "inBinary",
            "inUnicode", "should", "toString", "hashCode", "getWritableAssertionInfo");

    /**
     * The BDD class (BDDAssertions, BDDMockito, ...) whose check {@code call} is the root of, else null: AssertJ's
     * {@code then(x).isEqualTo(y)} (the given-when-then spelling of assertThat) or Mockito's
     * {@code then(mock).should().call()} (of verify). It is {@code then} or {@code thenXxx} (thenThrownBy, thenCode),
     * called on a class named BDD* (BDDAssertions.then, qualified or not) or without a receiver where the file imports
     * it statically from one and declares no method of the name itself, with a chain on it that reaches a call other
     * than setting up ({@link #SETTING_UP}, using..., extracting...): then(x).as("d") checks nothing. Not Mockito's
     * stubbing ({@code when(x).thenReturn(y)}, which has another receiver) nor a future's thenApply.
     */
    static String bddClass(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (!name.equals("then") && !(name.startsWith("then") && name.length() > 4
                && Character.isUpperCase(name.charAt(4)))) {
            return null;
        }
        // thenThrownBy(code) alone fails when nothing is thrown, as assertThatThrownBy(code) does.
        boolean checks = name.equals("thenThrownBy");
        Expression at = call;
        while (!checks && at.getParentNode().orElse(null) instanceof MethodCallExpr chained
                && chained.getScope().orElse(null) == at) {
            String next = chained.getNameAsString();
            checks = !SETTING_UP.contains(next) && !next.startsWith("using") && !next.startsWith("extracting");
            at = chained;
        }
        if (!checks) {
            return null;
        }
        if (call.getScope().isPresent()) {
            Expression scope = call.getScope().get();
            String type = scope.toString().substring(scope.toString().lastIndexOf('.') + 1);
            return (scope.isNameExpr() || scope.isFieldAccessExpr()) && type.startsWith("BDD") ? type : null;
        }
        CompilationUnit cu = call.findCompilationUnit().orElse(null);
        if (cu == null || cu.findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals(name)).isPresent()) {
            return null;
        }
        // An import of the name itself comes before any of a whole class, as in Java.
        String byName = null;
        String whole = null;
        for (var i : cu.getImports()) {
            String imported = i.getNameAsString();
            if (i.isStatic() && !i.isAsterisk() && imported.endsWith("." + name)) {
                byName = imported.substring(0, imported.length() - name.length() - 1);
            } else if (i.isStatic() && i.isAsterisk() && whole == null && MainCodeChange.simple(imported)
                    .startsWith("BDD")) {
                whole = imported;
            }
        }
        String type = byName != null ? MainCodeChange.simple(byName)
                : whole != null ? MainCodeChange.simple(whole) : null;
        return type != null && type.startsWith("BDD") ? type : null;
    }

    /**
     * The name of a new test (enabled, run unconditionally) that is {@code removed} under another name: the same body,
     * annotations, parameters, modifiers and type, and, through the helpers of its class, at least its assertions and
     * expected values (a helper emptied, or a provider that the new name selects, checks less); in the same class, or
     * anywhere when the removed test's class is gone from its file ({@code after}, null when the file is deleted), so
     * that one new test does not stand for the same check made on other classes' fixtures. Null when there is none.
     * Tests whose every call is on an assertion (an assertion library's own) make no call for rewrittenAs to follow.
     */
    private static String renamedAs(MethodDeclaration removed, List<MethodDeclaration> added, CompilationUnit after) {
        return renamedAs(removed, added, after, null);
    }

    /**
     * As {@link #renamedAs(MethodDeclaration, List, CompilationUnit)}, and where {@code code} is given, also a new test
     * whose body is the removed one's but for names: each method called on a receiver that one type of main code
     * renames ({@link MainCodeChange#renames}: getBarycenter to getCentroid, setAttributeSelector to setAttributeFilter)
     * called by its new name on the same receiver, and the test's own local variables renamed (barycenter to
     * centroid), each name always to the same one, comments aside. A rename of the API carries its tests along,
     * checking what they checked.
     */
    private static String renamedAs(MethodDeclaration removed, List<MethodDeclaration> added, CompilationUnit after,
                                    MainCodeChange code) {
        String owner = owner(removed);
        boolean classGone = after == null || namedClass(after, owner) == null;
        boolean renames = code != null && code.renamesSome();
        for (MethodDeclaration a : added) {
            if (a.getAnnotations().equals(removed.getAnnotations())
                    && a.getParameters().equals(removed.getParameters()) && a.getModifiers().equals(removed.getModifiers())
                    && a.getType().equals(removed.getType()) && (classGone || owner(a).equals(owner))
                    && (a.getBody().equals(removed.getBody()) || renames && sameButForRenames(removed, a, code))
                    && unconditioned(a) && assertions(a) >= assertions(removed)
                    && minus(expectedLiterals(removed), expectedLiterals(a)).isEmpty()) {
                return a.getNameAsString();
            }
        }
        return null;
    }

    /** Whether {@code now}'s body is {@code was}'s with names renamed as {@link #renamedAs} allows, at least one by code. */
    private static boolean sameButForRenames(MethodDeclaration was, MethodDeclaration now, MainCodeChange code) {
        BlockStmt then = was.getBody().orElse(null);
        BlockStmt body = now.getBody().orElse(null);
        if (then == null || body == null) {
            return false;
        }
        List<SimpleName> thenNames = then.findAll(SimpleName.class);
        List<SimpleName> nowNames = body.findAll(SimpleName.class);
        if (thenNames.size() != nowNames.size()) {
            return false;
        }
        Set<String> thenLocals = localNames(then);
        Set<String> nowLocals = localNames(body);
        Map<String, String> to = new HashMap<>();
        Map<String, String> from = new HashMap<>();
        boolean byCode = false;
        for (int i = 0; i < thenNames.size(); i++) {
            String o = thenNames.get(i).getIdentifier();
            String n = nowNames.get(i).getIdentifier();
            if (!to.getOrDefault(o, n).equals(n) || !from.getOrDefault(n, o).equals(o)) {
                return false; // not one name for one name
            }
            to.put(o, n);
            from.put(n, o);
            if (!o.equals(n)) {
                // By what the name is: a local where a local is declared or read (no field of the file spelled so), or
                // the name of a method called on a receiver (the receiver kept; an unscoped call may reach a helper, an
                // inherited method or a static import instead), never to a name the test's file declares.
                Node at = thenNames.get(i).getParentNode().orElse(null);
                if (at == null || nowNames.get(i).getParentNode().map(p -> p.getClass() != at.getClass()).orElse(true)) {
                    return false;
                }
                boolean local = at instanceof VariableDeclarator || at instanceof Parameter || at instanceof NameExpr;
                if (local && thenLocals.contains(o) && nowLocals.contains(n) && !declaredIn(then, o)
                        && !declaredIn(body, n)) {
                    continue;
                }
                boolean called = at instanceof MethodCallExpr call && call.getScope().filter(x -> !x.isThisExpr())
                        .isPresent();
                if (!called || !code.renames(o, n) || declaredIn(body, n) || declaredIn(then, o)) {
                    return false;
                }
                byCode = true;
            }
        }
        if (!byCode) {
            return false;
        }
        // The same tree once renamed: the names' places alone do not say so (a call moved between receivers). Comments
        // are not part of the trees (the parser does not attribute them).
        BlockStmt renamed = then.clone();
        renamed.findAll(SimpleName.class).forEach(n -> n.setIdentifier(to.get(n.getIdentifier())));
        return renamed.equals(body);
    }

    /** Whether the file of {@code node} declares a method, type or field named {@code name}. */
    private static boolean declaredIn(Node node, String name) {
        return node.findCompilationUnit().map(cu -> cu.findFirst(MethodDeclaration.class,
                m -> m.getNameAsString().equals(name)).isPresent() || cu.findFirst(
                com.github.javaparser.ast.body.TypeDeclaration.class, t -> t.getNameAsString().equals(name)).isPresent()
                || cu.findFirst(FieldDeclaration.class, f -> f.getVariables().stream()
                .anyMatch(v -> v.getNameAsString().equals(name))).isPresent()).orElse(true);
    }

    /** The names of a block's local variables, lambda parameters and caught exceptions. */
    private static Set<String> localNames(BlockStmt block) {
        Set<String> out = new HashSet<>();
        block.findAll(VariableDeclarator.class).forEach(v -> out.add(v.getNameAsString()));
        block.findAll(Parameter.class).forEach(p -> out.add(p.getNameAsString()));
        return out;
    }

    /**
     * The names of the tests among {@code added}, annotated as {@code removed} was, that between them make every
     * statement of its body as written (comments aside, each as often as it made it), each of them making at least
     * one, each making them in their order and nothing else but a declaration of them made again, when it made at
     * least one assertion; else null. Not where a statement now in one test may have seen the work of an earlier one
     * now in another ({@link #mayHaveSeen}): {@code x.breakIt(); assertEquals(1, x.value());} cut in two checks a
     * fresh x.
     */
    private static String splitInto(MethodDeclaration removed, List<MethodDeclaration> added) {
        List<com.github.javaparser.ast.stmt.Statement> made = removed.getBody().map(BlockStmt::getStatements)
                .map(List::copyOf).orElse(List.of());
        if (made.isEmpty() || assertions(removed) == 0 || !removed.getParameters().isEmpty()) {
            return null; // a parameterised test's cases come from elsewhere: the rename rule weighs them
        }
        // Each statement's part: the first new test, annotated alike, that makes it and has not used it up.
        List<List<com.github.javaparser.ast.stmt.Statement>> unused = new ArrayList<>();
        for (MethodDeclaration a : added) {
            // Annotated alike (a tag a build may skip is not), in the class the test was in, neither private nor
            // static (JUnit Jupiter skips both): where the test ran.
            boolean alike = a.getAnnotations().equals(removed.getAnnotations()) && owner(a).equals(owner(removed))
                    && !a.isPrivate() && !a.isStatic();
            unused.add(!alike ? new ArrayList<>()
                    : new ArrayList<>(a.getBody().map(BlockStmt::getStatements).map(List::copyOf).orElse(List.of())));
        }
        Set<String> locals = new HashSet<>();
        made.forEach(st -> st.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString())));
        int[] part = new int[made.size()];
        for (int i = 0; i < made.size(); i++) {
            part[i] = -1;
            for (int t = 0; t < unused.size() && part[i] < 0; t++) {
                if (unused.get(t).remove(made.get(i))) { // Node equality: the same tree, comments aside
                    part[i] = t;
                }
            }
            if (part[i] < 0) {
                return null;
            }
            for (int j = 0; j < i; j++) {
                if (part[j] != part[i] && mayHaveSeen(made.get(i), made.get(j), locals)) {
                    return null;
                }
            }
        }
        // Each part makes its statements in their order and nothing else, but for a declaration made again (each part
        // declares the locals it reads): a statement of its own could change what the checks see.
        // A declaration made again stands where the test made it first, before the statement that follows it.
        for (int t : java.util.stream.IntStream.of(part).distinct().toArray()) {
            int next = 0;
            for (com.github.javaparser.ast.stmt.Statement st : added.get(t).getBody().map(BlockStmt::getStatements)
                    .map(List::copyOf).orElse(List.<com.github.javaparser.ast.stmt.Statement>of())) {
                while (next < made.size() && part[next] != t) {
                    next++;
                }
                int first = made.indexOf(st);
                if (next < made.size() && made.get(next).equals(st)) {
                    next++;
                } else if (!(st instanceof com.github.javaparser.ast.stmt.ExpressionStmt x
                        && x.getExpression().isVariableDeclarationExpr() && first >= 0 && first < next)) {
                    return null;
                }
            }
        }
        List<String> into = java.util.stream.IntStream.of(part).distinct().sorted()
                .mapToObj(t -> added.get(t).getNameAsString()).toList();
        return String.join(", ", first(into, 4)) + (into.size() > 4 ? " and " + (into.size() - 4) + " more" : "");
    }

    /**
     * Whether {@code later} may read what {@code earlier}, a statement before it, did: both name a variable or field
     * (a lower-case name; an assertion's arguments may change what they name too), or earlier makes a call outside
     * an assertion that may change state outliving its test ({@link #reachesSharedState}; {@code locals}: the
     * removed test's local variables).
     */
    private static boolean mayHaveSeen(com.github.javaparser.ast.stmt.Statement later,
                                       com.github.javaparser.ast.stmt.Statement earlier, Set<String> locals) {
        boolean sharedState = earlier.findAll(MethodCallExpr.class).stream().anyMatch(c -> !onAssertion(c)
                && reachesSharedState(c, locals));
        if (sharedState) {
            return true;
        }
        Set<String> named = stateNames(earlier);
        return stateNames(later).stream().anyMatch(named::contains);
    }

    /**
     * Whether a call may change state that outlives its test: made without a receiver or on {@code this} or
     * {@code super}, or on a chain rooted at a name that is none of the test's locals ({@code locals}): a type, a
     * constant or a field ({@code Registry.clear()}, {@code System.setProperty(..)}, {@code registry.register(..)}).
     * Not a call on a local or on a new object.
     */
    private static boolean reachesSharedState(MethodCallExpr call, Set<String> locals) {
        Expression root = call;
        while (root instanceof MethodCallExpr c && c.getScope().isPresent()) {
            root = c.getScope().get();
        }
        while (root instanceof com.github.javaparser.ast.expr.FieldAccessExpr f) {
            root = f.getScope();
        }
        return root instanceof MethodCallExpr || root.isThisExpr() || root.isSuperExpr()
                || root instanceof NameExpr n && !locals.contains(n.getNameAsString());
    }

    /** The variables and fields a statement names (simple names starting lower-case, and this.x's x). */
    private static Set<String> stateNames(com.github.javaparser.ast.stmt.Statement st) {
        Set<String> out = new HashSet<>();
        st.findAll(NameExpr.class).forEach(n -> out.add(n.getNameAsString()));
        st.findAll(com.github.javaparser.ast.expr.FieldAccessExpr.class).forEach(f -> out.add(f.getNameAsString()));
        out.removeIf(n -> n.isEmpty() || !Character.isLowerCase(n.charAt(0)));
        return out;
    }

    /**
     * The name of a test among {@code added} that makes every call {@code removed} made outside its assertions (at
     * least one) with at least as many assertions and literal expected values (a rewrite that checks only that a
     * value is there is no rewrite); else, when the added tests together do, their names; else null.
     */
    private static String rewrittenAs(MethodDeclaration removed, List<MethodDeclaration> added) {
        Set<String> calls = calls(removed);
        if (calls.isEmpty()) {
            return null;
        }
        int expected = expectedLiterals(removed).size();
        int checks = assertions(removed);
        Set<String> together = new HashSet<>();
        int assertions = 0;
        int values = 0;
        for (MethodDeclaration a : added) {
            Set<String> its = calls(a);
            int itsAssertions = assertions(a);
            int itsValues = expectedLiterals(a).size();
            if (its.containsAll(calls) && itsAssertions >= checks && itsValues >= expected) {
                return a.getNameAsString();
            }
            together.addAll(its);
            assertions += itsAssertions;
            values += itsValues;
        }
        return together.containsAll(calls) && assertions >= checks && values >= expected
                ? String.join(", ", first(added.stream().map(MethodDeclaration::getNameAsString).toList(), 3)) : null;
    }

    /**
     * The changed methods of main code under a removed test ({@code changedUnder}: those it calls through the changed
     * files, or also those it reaches through the code base, as a test of a parser's output reaches its tokeniser)
     * that are under new tests of its file too, when those new tests make at least as many assertions and literal
     * expected values between them: the test of changed code written anew for what the code now does. With
     * {@code sharingACall}, only new tests that share a call with it outside assertions (an entry point such as
     * parse) count. Empty when not.
     */
    private static List<String> retested(MethodDeclaration removed, List<MethodDeclaration> added,
                                         java.util.function.Function<MethodDeclaration, Set<String>> changedUnder,
                                         boolean sharingACall) {
        Set<String> itsCalls = calls(removed);
        List<MethodDeclaration> sharing = !sharingACall ? added : added.stream()
                .filter(a -> calls(a).stream().anyMatch(itsCalls::contains)).toList();
        if (sharing.isEmpty()) {
            return List.of();
        }
        Set<String> changed = changedUnder.apply(removed);
        if (changed.isEmpty()) {
            return List.of();
        }
        Set<String> shared = new java.util.TreeSet<>();
        int assertions = 0;
        int values = 0;
        for (MethodDeclaration a : sharing) {
            List<String> common = changedUnder.apply(a).stream().filter(changed::contains).toList();
            if (!common.isEmpty()) {
                shared.addAll(common);
                assertions += assertions(a);
                values += expectedLiterals(a).size();
            }
        }
        return !shared.isEmpty() && assertions >= assertions(removed) && values >= expectedLiterals(removed).size()
                ? List.copyOf(shared) : List.of();
    }

    /** The changed methods of main code that a test calls, or reaches through the code base's calls. */
    private static Set<String> changedUnder(MethodDeclaration test, MainCodeChange code) {
        Set<String> out = new java.util.TreeSet<>(code.changedCalledBy(test));
        out.addAll(code.changedReachedBy(test));
        return out;
    }

    /**
     * The names of the methods a test calls outside its assertions: an assertion, and any call on an assertion's
     * result ({@code assertThat(x).isEqualTo(y)}), is left out; calls inside an assertion's arguments count.
     */
    private static Set<String> calls(MethodDeclaration m) {
        Set<String> out = new HashSet<>();
        for (MethodCallExpr call : all(m, MethodCallExpr.class)) {
            if (!onAssertion(call)) {
                out.add(call.getNameAsString());
            }
        }
        return out;
    }

    private static boolean onAssertion(MethodCallExpr call) {
        Expression at = call;
        while (at instanceof MethodCallExpr c) {
            if (isAssertion(c)) {
                return true;
            }
            at = c.getScope().orElse(null);
        }
        return false;
    }

    /**
     * The checks an assertion makes with the calls chained on it: {@code assertThat(s).contains(a).contains(b)} makes
     * two, as {@code assertTrue(s.contains(a)); assertTrue(s.contains(b));} do (dropwizard's and maven-javadoc-plugin's
     * "chain AssertJ assertions" made every such test look weaker), at least one. Only for a root of a subject
     * (assertThat, BDD's then as its assertThat, assertThatObject and the like); one that expects code to throw
     * (assertThatThrownBy, assertThatExceptionOfType) counts one as before, its chain matched to the try it replaces by
     * {@link InertChecks#droppedWithoutLoss}, which a count alone could not tell from a check made of something else
     * (hasMessageNotContaining for hasMessageContaining); verify and EasyMock's expect count one (their chains stub or
     * name the call). Each check counts the values it checks one by one ({@link #valuesChecked}), a check of both
     * bounds two. Not counted: calls that set a check up or move to another subject ({@link #SETTING_UP},
     * {@link #NAVIGATING}, using..., extracting..., comparing..., as..., filteredOn...); one that hands the subject to
     * a lambda making checks of its own (satisfies(v -> assertThat(..)...)), those counted where they stand, unless it
     * checks something itself (is.../has...: isInstanceOfSatisfying, hasValueSatisfying); and isNotNull() with a
     * check after it that fails on null anyway. A chain of nothing but satisfies(..) counts one, as
     * isNotNull().satisfies(..) does (satisfies passes a null on to its lambda, so the not-null check before it
     * counts): dropwizard's 692ede5 made isNotNull() and a check of a field satisfies(p -> assertThat(p.getName())
     * ...). So wrapping a check in satisfies(..) counts one more than the check (a known limit).
     */
    static int checksChained(MethodCallExpr root) {
        String rootName = checkName(root);
        if (!rootName.startsWith("assertThat") || EXPECTING_THROWN.matcher(rootName).find()) {
            return 1;
        }
        int n = 0;
        for (MethodCallExpr next : chainedOn(root)) {
            String name = next.getNameAsString();
            if (SETTING_UP.contains(name) || NAVIGATING.contains(name) || name.startsWith("using")
                    || name.startsWith("extracting") || name.startsWith("filteredOn") || name.startsWith("ignoring")
                    || name.startsWith("comparing") || name.startsWith("withComparatorFor")
                    || name.startsWith("withEqualsFor")
                    || name.length() > 2 && name.startsWith("as") && Character.isUpperCase(name.charAt(2))) {
                continue;
            }
            if (!name.startsWith("is") && !name.startsWith("has") && next.getArguments().stream().anyMatch(a -> a
                    .findFirst(MethodCallExpr.class, JavaDetectors::isAssertion).isPresent())) {
                continue;
            }
            if (name.equals("isNotNull") && next.getArguments().isEmpty() && checksAfter(next)) {
                continue;
            }
            // A check of both bounds is two (isAfterOrEqualTo(a).isBeforeOrEqualTo(b) made isBetween(a, b)).
            n += BOUNDS.contains(name) ? 2 : Math.max(1, valuesChecked(next));
        }
        return Math.max(1, n);
    }

    /**
     * The values a chained check checks one by one: each value of a check that several are there, or not there, or
     * are all there is ({@code contains(a, b)} as {@code contains(a).contains(b)}: dropwizard's eleven containsKey(..)
     * made one containsOnlyKeys(..); containsExactly(a, b) checks no fewer than contains(a, b), so it counts as many,
     * and so does isEqualTo(List.of(a, b)), which checks the same); else 1. Not values: an index ({@code atIndex(0)}),
     * a pair, a sequence or a pattern (one value each), nor the options of containsAnyOf(a, b), one check that passes on
     * either.
     */
    private static int valuesChecked(MethodCallExpr check) {
        String name = check.getNameAsString();
        if (name.equals("isEqualTo") && check.getArguments().size() == 1) {
            return valuesIn(check.getArgument(0));
        }
        if (!(name.startsWith("contains") || name.startsWith("doesNotContain")) || name.contains("Entry")
                || name.contains("equence") || name.contains("Pattern") || name.startsWith("containsAnyOf")) {
            return 1;
        }
        return (int) check.getArguments().stream().filter(a -> !(a instanceof MethodCallExpr c
                && c.getNameAsString().equals("atIndex"))).count();
    }

    /** The elements of a collection written out ({@code List.of(a, b)}, {@code Arrays.asList(a, b)}), else 1. */
    private static int valuesIn(Expression e) {
        return e instanceof MethodCallExpr c && (c.getNameAsString().equals("asList") || c.getNameAsString().equals("of")
                && c.getScope().map(x -> x.toString().matches("(\\w+\\.)*(List|Set|ImmutableList|ImmutableSet|Stream)"))
                .orElse(false)) ? Math.max(1, c.getArguments().size()) : 1;
    }

    /** AssertJ's checks of a lower and an upper bound at once. */
    private static final Set<String> BOUNDS = Set.of("isBetween", "isStrictlyBetween", "hasSizeBetween");

    /** Roots that expect code to throw (assertThatThrownBy, assertThatCode, assertThatExceptionOfType, ...). */
    private static final java.util.regex.Pattern EXPECTING_THROWN = java.util.regex.Pattern.compile(
            "Thrown|Code|Exception|Throwable|Illegal|NoException");

    /**
     * Whether a call chained on a check has after it a call that fails on null: a check other than one that a null
     * passes ({@link #PASSED_BY_NULL}, or a comparison with null), or a move to another subject (extracting(..) of
     * null fails).
     */
    private static boolean checksAfter(MethodCallExpr call) {
        return chainedOn(call).stream().anyMatch(JavaDetectors::failsOnNull);
    }

    /** The calls chained on {@code call}, in order: of {@code assertThat(x).as("d").hasSize(2)}, as(..) and hasSize(2). */
    private static List<MethodCallExpr> chainedOn(MethodCallExpr call) {
        List<MethodCallExpr> out = new ArrayList<>();
        Node at = call;
        while (at.getParentNode().orElse(null) instanceof MethodCallExpr next && next.getScope().orElse(null) == at) {
            out.add(next);
            at = next;
        }
        return out;
    }

    private static boolean failsOnNull(MethodCallExpr check) {
        String name = check.getNameAsString();
        return !SETTING_UP.contains(name) && !name.startsWith("using") && !PASSED_BY_NULL.contains(name)
                && check.getArguments().stream().noneMatch(Expression::isNullLiteralExpr);
    }

    /**
     * AssertJ checks that a null subject can pass: the null ones, the negations of an object's identity or type, and
     * those that hand the subject to the test's own predicate or condition. Every other check fails on null ("Expecting
     * actual not to be null"), doesNotContain and isNotEmpty among them.
     */
    private static final Set<String> PASSED_BY_NULL = Set.of("isNull", "isNullOrEmpty", "isNotEqualTo", "isNotSameAs",
            "isNotIn", "isIn", "isNotInstanceOf", "isNotInstanceOfAny", "isNotExactlyInstanceOf", "isNotOfAnyClassIn",
            "matches", "satisfies", "is", "isNot", "has", "doesNotHave", "satisfiesAnyOf", "isNotNull");

    /** The call a chain of calls starts from ({@code assertThat(x)} of {@code assertThat(x).isEqualTo(y)}). */
    private static Expression rootOf(Expression e) {
        while (e instanceof MethodCallExpr c && c.getScope().orElse(null) instanceof MethodCallExpr under) {
            e = under;
        }
        return e;
    }

    /**
     * Whether {@code root} is {@code assertThat(x).isNotNull()} alone, as a statement, where a later statement of the
     * same block (not in a branch, loop or lambda, and before x is assigned again) checks x with a check that fails on
     * null: the not-null check adds nothing, as in a chain ({@code
     * assertThat(x).isNotNull().hasSize(2)}, counted so by {@link #checksChained}); dropwizard chains the two
     * statements into one. Not where x is only dereferenced later ({@code x.get(0)}): that would count a not-null
     * check as none where an isNotEmpty() before get(0), which get(0) implies as much, counts one (equalsverifier's
     * 0b2e9bb turns the one into the other).
     */
    private static boolean notNullImplied(MethodCallExpr root) {
        if (!checkName(root).equals("assertThat") || root.getArguments().size() != 1) {
            return false;
        }
        List<MethodCallExpr> chain = chainedOn(root);
        MethodCallExpr check = null;
        for (MethodCallExpr next : chain) {
            if (!SETTING_UP.contains(next.getNameAsString())) {
                if (check != null) {
                    return false;
                }
                check = next;
            }
        }
        Node at = chain.isEmpty() ? root : chain.get(chain.size() - 1);
        if (check == null || !check.getNameAsString().equals("isNotNull") || !check.getArguments().isEmpty()
                || !(at.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt stmt)) {
            return false;
        }
        // The later statements of the same block, not inside a branch, loop or lambda of it, up to one that assigns
        // the subject's variable again (assertThat(r).isNotNull(); r = get("/b"); assertThat(r)... checks another r).
        if (!(stmt.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.BlockStmt block)) {
            return false;
        }
        // A name or a field, whose value a call does not change between two reads (it.next() may).
        Expression checked = root.getArgument(0);
        if (!checked.isNameExpr() && !(checked.isFieldAccessExpr() && checked.findFirst(MethodCallExpr.class).isEmpty())) {
            return false;
        }
        String subject = checked.toString();
        String variable = subject.replaceAll("[.].*", "");
        List<com.github.javaparser.ast.stmt.Statement> statements = block.getStatements();
        int at0 = 0;
        while (statements.get(at0) != stmt) {
            at0++;
        }
        for (int k = at0 + 1; k < statements.size(); k++) {
            com.github.javaparser.ast.stmt.Statement later = statements.get(k);
            if (later.findFirst(com.github.javaparser.ast.expr.AssignExpr.class, a -> a.getTarget().toString()
                    .equals(variable) || a.getTarget().toString().equals(subject)).isPresent()) {
                return false;
            }
            if (later instanceof com.github.javaparser.ast.stmt.ExpressionStmt e && rootOf(e.getExpression())
                    instanceof MethodCallExpr c && checkName(c).equals("assertThat") && c.getArguments().size() == 1
                    && c.getArgument(0).toString().equals(subject) && checksAfter(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls on a check that move it to another subject (an element, the content, the cause, the value of an
     * Optional), counted as no check of their own: what they check (an element there, a value present) is what the
     * check after them needs, as a dereference does; singleElement() is not among them (it checks there is one
     * element, no more). With them, calls that set up the check after them.
     */
    private static final Set<String> NAVIGATING = Set.of("element", "elements", "first", "last", "map", "flatMap",
            "flatExtracting", "get", "value", "content", "size", "cause", "rootCause", "message", "bytes",
            "binaryContent", "returnToIterable", "returnToMap", "returnToList", "that", "about",
            // and calls that set a check up: a recursive comparison's options, JsonUnit's and Truth's tolerance
            "withStrictTypeChecking", "when", "node", "inPath", "isWithin", "isNotWithin");

    /**
     * The assertions a test makes, in its body and, once per call, in the helpers of its class it calls, times the
     * cases it runs (a parameterised test runs once for each value or row of its source).
     */
    static int assertions(MethodDeclaration m) {
        return assertions(m, m.findAncestor(ClassOrInterfaceDeclaration.class).map(JavaDetectors::helpers)
                .orElse(Map.of()));
    }

    /** As above, with the helpers the test may call ({@code helpers}, by name). */
    private static int assertions(MethodDeclaration m, Map<String, List<MethodDeclaration>> helpers) {
        return runs(m) * (made(m, helpers, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), -1)
                + guardedThrows(m));
    }

    /**
     * The helpers a test's class may call: its own, then those of its superclasses among the test classes
     * {@code classes} gives by simple name ({@link Inherited#chain}), their parameterised tests among them (a test
     * called as a method runs its checks), a nearer method hiding one of the same name and arity. Null when the class
     * has a superclass that {@code classes} does not know.
     */
    private static Map<String, List<MethodDeclaration>> helpersWithInherited(MethodDeclaration m,
            java.util.function.Function<String, ClassOrInterfaceDeclaration> classes) {
        ClassOrInterfaceDeclaration type = m.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
        if (type == null) {
            return Map.of();
        }
        String superclass = Inherited.superclass(type);
        List<ClassOrInterfaceDeclaration> chain = Inherited.chain(superclass, classes);
        if (superclass != null && chain.isEmpty()) {
            return null; // its superclass is not known on this side
        }
        Map<String, List<MethodDeclaration>> out = new HashMap<>();
        helpers(type).forEach((name, hs) -> out.put(name, new ArrayList<>(hs)));
        for (ClassOrInterfaceDeclaration t : chain) {
            if (t == type) {
                continue;
            }
            // A superclass's parameterised test called as a method runs its checks there too ("call the relevant
            // test case"); one without parameters JUnit runs anyway, so calling it adds nothing. A nearer method of
            // the same name and arity hides it.
            for (MethodDeclaration h : t.getMethods()) {
                if (isTest(h) && h.getParameters().isEmpty()) {
                    continue;
                }
                List<MethodDeclaration> named = out.computeIfAbsent(h.getNameAsString(), k -> new ArrayList<>());
                if (named.stream().noneMatch(o -> o.getParameters().size() == h.getParameters().size())) {
                    named.add(h);
                }
            }
        }
        return out;
    }

    /**
     * The assertions a method makes, each call of a helper of its class counting the helper's (once per call, of the
     * helpers of that name that take as many arguments; at least one for a helper named as an assertion,
     * {@code assertSelectedIds(els, "1", "2")}); an assertion that cannot fail ({@link #cannotFail}) counts none.
     * {@code spread}: the number of
     * values the caller passed to the method's varargs parameter (-1 when none): an assertion inside a loop over that
     * parameter that uses the loop's value ({@code for (String id : ids) assertEquals(id, ...)}, or {@code ids[i]})
     * checks each of them, so it counts once per value.
     */
    private static int made(MethodDeclaration m, Map<String, List<MethodDeclaration>> helpers,
                            Set<MethodDeclaration> calling, int spread) {
        if (!calling.add(m)) {
            return 0; // recursion: counted once
        }
        String varargs = varargsName(m);
        int n = 0;
        for (MethodCallExpr call : all(m, MethodCallExpr.class)) {
            boolean unscoped = call.getScope().isEmpty() || call.getScope().get().isThisExpr();
            List<MethodDeclaration> named = unscoped ? helpers.get(call.getNameAsString()) : null;
            List<MethodDeclaration> its = named == null ? List.of() : fitting(named, call.getArguments().size());
            boolean assertion = isAssertion(call);
            if (assertion && its.isEmpty()) {
                int counted = countedAs(call);
                n += counted > 0 && varargs != null && spread >= 0 && overEach(call, m, varargs) ? spread : counted;
            } else {
                int made = 0;
                for (MethodDeclaration h : its) {
                    if (h != m) {
                        made += made(h, helpers, calling, varargsName(h) == null ? -1 : spread(call, h));
                    }
                }
                n += assertion ? Math.max(1, made) : made;
            }
        }
        calling.remove(m);
        return n;
    }

    /**
     * Whether a throw fails the test the way a check does: it throws an assertion's own error ({@code new
     * AssertionError(..)}, JUnit's AssertionFailedError, ComparisonFailure) or what the test caught or was handed
     * ({@code throw result.getCause()}); a new exception of another type is a guard on the test's environment ({@code
     * if (status != 200) throw new IOException(..)}, jsonld-java 2e1135d), not a check of the work.
     */
    private static boolean failsAsACheck(com.github.javaparser.ast.stmt.ThrowStmt t) {
        if (!(t.getExpression() instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created)) {
            return true;
        }
        String type = created.getType().getNameAsString();
        return type.endsWith("AssertionError") || type.equals("AssertionFailedError")
                || type.equals("ComparisonFailure");
    }

    /**
     * The throw statements of a test itself that stand under an if: each fails the test when its condition holds, as
     * fail() would ({@code if (result.getCause() != null) throw result.getCause();}, maven-archetype 51286fa). Not one
     * in a helper (a fixture's guard, as {@code if (home == null) throw new IllegalStateException()}), in a catch
     * clause (a rethrow of what the try met, as in an expected exception's idiom), or in a lambda or an anonymous
     * class (code handed to others, which may throw on purpose).
     */
    private static int guardedThrows(MethodDeclaration m) {
        int n = 0;
        for (com.github.javaparser.ast.stmt.ThrowStmt t : all(m, com.github.javaparser.ast.stmt.ThrowStmt.class)) {
            Node parent = t.getParentNode().orElse(null);
            Node above = parent instanceof BlockStmt b ? b.getParentNode().orElse(null) : parent;
            if (above instanceof com.github.javaparser.ast.stmt.IfStmt && failsAsACheck(t)
                    && t.findAncestor(com.github.javaparser.ast.expr.LambdaExpr.class).isEmpty()
                    && t.findAncestor(com.github.javaparser.ast.stmt.CatchClause.class).isEmpty()
                    && t.findAncestor(com.github.javaparser.ast.expr.ObjectCreationExpr.class).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /**
     * The checks one assertion (not a call of a helper) counts as in {@link #made}, and so what a test
     * loses when it is dropped: none for one that cannot fail ({@code assertTrue(true)}, here or in a helper); none
     * for a fail() in a catch clause, since {@code try { x(); } catch (E e) { fail(); }} checks no more than x() alone
     * (an exception that escapes fails the test anyway, so JUnit 5 migrations that drop the try and keep x() lose
     * nothing); none for a check that cannot fail where it stands (InertChecks: the caught exception not null, or of
     * the very type caught; a local compared with the one literal it is ever given; the check just made, repeated), so
     * that {@code try { x(); fail(); } catch (E e) { assertNotNull(e); }} is one check, as
     * {@code assertThrows(E.class, () -> x())} is; none for a not-null check a later check implies
     * ({@link #notNullImplied}); else the checks chained on it ({@link #checksChained}).
     */
    static int countedAs(MethodCallExpr call) {
        if (cannotFail(call) || call.getNameAsString().equals("fail")
                && call.findAncestor(com.github.javaparser.ast.stmt.CatchClause.class).isPresent()
                || InertChecks.checksNothing(call) || notNullImplied(call)) {
            return 0;
        }
        return checksChained(call);
    }

    /** The methods of {@code named} a call with {@code arguments} arguments can bind to (varargs taking any number). */
    private static List<MethodDeclaration> fitting(List<MethodDeclaration> named, int arguments) {
        if (named.size() == 1) {
            MethodDeclaration m = named.get(0);
            return takes(m, arguments) ? named : List.of();
        }
        List<MethodDeclaration> out = new ArrayList<>(named.size());
        for (MethodDeclaration m : named) {
            if (takes(m, arguments)) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean takes(MethodDeclaration m, int arguments) {
        int n = m.getParameters().size();
        return varargsName(m) == null ? arguments == n : arguments >= n - 1;
    }

    /** The name of a method's varargs parameter, or null when it has none. */
    private static String varargsName(MethodDeclaration m) {
        return m.getParameters().getLast().filter(p -> p.isVarArgs()).map(p -> p.getNameAsString()).orElse(null);
    }

    /** How many values a call passes to the varargs parameter of {@code h}, the method it calls. */
    private static int spread(MethodCallExpr call, MethodDeclaration h) {
        return call.getArguments().size() - h.getParameters().size() + 1;
    }

    /**
     * Whether an assertion in {@code m} runs once per value of its varargs parameter {@code values} and checks it: an
     * assertion that takes an expected value ({@code assertEquals} and the like) with the value as one argument and
     * something else as another ({@code assertEquals(e, e)} or {@code assertNotNull(e)} check nothing of the code),
     * inside a for-each over {@code values} that uses the loop's variable, or a for loop whose header names
     * {@code values} and uses {@code values} itself.
     */
    private static boolean overEach(MethodCallExpr assertion, MethodDeclaration m, String values) {
        if (!EXPECTING.contains(assertion.getNameAsString()) || assertion.getArguments().size() < 2) {
            return false;
        }
        for (Node n = assertion.getParentNode().orElse(null); n != null && n != m; n = n.getParentNode().orElse(null)) {
            String value = null;
            if (n instanceof com.github.javaparser.ast.stmt.ForEachStmt each && each.getIterable() instanceof NameExpr
                    name && name.getNameAsString().equals(values)) {
                value = each.getVariableDeclarator().getNameAsString();
            } else if (n instanceof com.github.javaparser.ast.stmt.ForStmt loop && loop.getCompare().map(c -> c
                    .findFirst(NameExpr.class, x -> x.getNameAsString().equals(values)).isPresent()).orElse(false)) {
                value = values;
            }
            if (value != null) {
                String v = value;
                long withIt = assertion.getArguments().stream().filter(a -> a.findFirst(NameExpr.class,
                        x -> x.getNameAsString().equals(v)).isPresent()).count();
                return withIt >= 1 && withIt < assertion.getArguments().size();
            }
        }
        return false;
    }

    /**
     * The cases a {@code @MethodSource} provider makes: its {@code arguments(...)}, or else the values of the
     * {@code Stream.of(...)} or {@code List.of(...)} it returns (0 when it shows neither).
     */
    private static int provided(MethodDeclaration provider) {
        int arguments = 0;
        int values = 0;
        for (MethodCallExpr c : provider.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            String scope = c.getScope().map(Node::toString).orElse("");
            if (name.equals("arguments") || name.equals("argumentSet") || name.equals("of") && scope.equals("Arguments")) {
                arguments++;
            } else if (name.equals("of") && (scope.equals("Stream") || scope.equals("List"))) {
                values = Math.max(values, c.getArguments().size());
            }
        }
        return arguments > 0 ? arguments : values;
    }

    /**
     * How many cases a test runs: the values of its {@code @ValueSource}, the rows of its {@code @CsvSource}, or the
     * {@code arguments(...)} its {@code @MethodSource} in the same class makes (at least 1; 1 for other sources).
     */
    static int runs(MethodDeclaration m) {
        int runs = 1;
        for (AnnotationExpr a : m.getAnnotations()) {
            String name = a.getName().getIdentifier();
            if (name.equals("ValueSource") || name.equals("CsvSource")) {
                for (Node v : a.getChildNodes()) {
                    Expression value = v instanceof MemberValuePair p ? p.getValue() : v instanceof Expression x ? x : null;
                    if (value instanceof ArrayInitializerExpr array) {
                        runs = Math.max(runs, array.getValues().size());
                    } else if (value instanceof TextBlockLiteralExpr block) {
                        runs = Math.max(runs, (int) block.getValue().lines().filter(l -> !l.isBlank()).count());
                    }
                }
            } else if (name.equals("MethodSource")) {
                String provider = a.findAll(StringLiteralExpr.class).stream().map(StringLiteralExpr::getValue)
                        .findFirst().orElse(m.getNameAsString());
                int made = m.findAncestor(ClassOrInterfaceDeclaration.class).stream()
                        .flatMap(t -> t.getMethodsByName(provider).stream())
                        .mapToInt(JavaDetectors::provided).sum();
                runs = Math.max(runs, made);
            }
        }
        return runs;
    }

    /**
     * Assertions on a constant: assertTrue(true), assertFalse(false), assertThat(true).isTrue(), assertEquals(1, 1).
     * Not one in a catch clause of a try whose block calls fail(): JUnit 3's idiom for an exception expected, where
     * reaching the clause is the check and the constant assertion only marks it.
     */
    private static int trivialAssertions(MethodDeclaration m) {
        int n = 0;
        for (MethodCallExpr call : all(m, MethodCallExpr.class)) {
            if (markingAnExpectedException(call)) {
                continue;
            }
            if (cannotFail(call)) {
                n++;
            }
        }
        return n;
    }

    /** Whether a method's body is nothing but assertions that cannot fail (Maven's testPleaseMaven placeholder). */
    private static boolean onlyTrivialAssertions(MethodDeclaration m) {
        return m.getBody().map(b -> !b.getStatements().isEmpty() && b.getStatements().stream().allMatch(st ->
                st instanceof com.github.javaparser.ast.stmt.ExpressionStmt e && e.getExpression() instanceof
                        MethodCallExpr call && cannotFail(call))).orElse(false);
    }

    /**
     * An assertion of a constant that holds: assertTrue(true), assertFalse(false), assertEquals(1, 1) (JUnit 4's
     * message first: assertTrue("m", true), assertEquals("m", 1, 1), not assertEquals("a", "a", actual)),
     * assertThat(true).
     */
    static boolean cannotFail(MethodCallExpr call) {
        String name = checkName(call);
        var args = call.getArguments();
        // The condition is the first argument, or JUnit 4's second after its message (JUnit 5's message comes last,
        // and is never a boolean literal).
        Expression condition = args.size() == 2 && !(args.get(0) instanceof BooleanLiteralExpr) ? args.get(1)
                : args.isEmpty() ? null : args.get(0);
        return (name.equals("assertTrue") || name.equals("assertFalse")) && condition instanceof BooleanLiteralExpr b
                && b.getValue() == name.equals("assertTrue")
                || name.equals("assertEquals") && args.size() >= 2 && args.get(expectedIndex(args)).isLiteralExpr()
                && expectedIndex(args) + 1 < args.size()
                && args.get(expectedIndex(args)).equals(args.get(expectedIndex(args) + 1))
                || name.equals("assertThat") && args.size() == 1 && args.get(0) instanceof BooleanLiteralExpr;
    }

    /** Whether the call sits in a catch clause of a try whose block fails the test ({@link InertChecks#failing}). */
    private static boolean markingAnExpectedException(MethodCallExpr call) {
        return call.findAncestor(com.github.javaparser.ast.stmt.CatchClause.class).flatMap(Node::getParentNode)
                .filter(com.github.javaparser.ast.stmt.TryStmt.class::isInstance)
                .map(t -> ((com.github.javaparser.ast.stmt.TryStmt) t).getTryBlock().findAll(MethodCallExpr.class)
                        .stream().anyMatch(InertChecks::failing)).orElse(false);
    }

    /** The literal expected values the test's assertions take (its helpers' too), in order. */
    private static List<String> expectedLiterals(MethodDeclaration m) {
        return expectedLiterals(m, Set.of());
    }

    /**
     * The literal expected values of a test's assertions, leaving out those of assertions that check nothing
     * ({@link InertChecks#checksNothing}) and those of {@code leftOut} (an assertion of a chain, or the chain's call).
     */
    private static List<String> expectedLiterals(MethodDeclaration m, Set<MethodCallExpr> leftOut) {
        List<String> out = new ArrayList<>();
        for (MethodCallExpr call : checked(m).stream().flatMap(part -> all(part, MethodCallExpr.class).stream())
                .toList()) {
            if (!EXPECTING.contains(call.getNameAsString()) || inert(call, leftOut)) {
                continue;
            }
            boolean junit = call.getNameAsString().startsWith("assert");
            var args = call.getArguments();
            int expected = junit ? expectedIndex(args) : -1;
            if (junit && expected < args.size() && literal(args.get(expected))) {
                out.add(args.get(expected).toString());
            } else if (!junit && compared(call, m)) {
                args.stream().filter(JavaDetectors::literal).forEach(a -> out.add(a.toString()));
            }
        }
        return out;
    }

    /** The comparing names a String has of its own: called on one, they may check nothing. */
    private static final Set<String> STRING_OWN = Set.of("contains", "startsWith", "endsWith");
    /** Calls that check besides assertions and calls on an assertion's chain: MockMvc's, JUnit 4's rule's, Awaitility's. */
    private static final Set<String> CHECKING = Set.of("andExpect", "expect", "expectMessage", "expectThrows", "until",
            "untilAsserted", "untilTrue", "untilFalse", "untilAtomic");
    /** Per method: the local names it reads where a check compares them (see {@link #checkedAt}). */
    private static final DataKey<Set<String>> CHECKED_NAMES = new DataKey<>() { };

    /**
     * Whether a String's own contains, startsWith or endsWith (a call of one of those names on a receiver; unscoped,
     * they are Hamcrest's or Mockito's matchers) is a check of {@code test}'s: made on an assertion chain
     * (assertThat(s).contains(..)); in the arguments of a check, lambdas and anonymous matchers included
     * (assertTrue(s.endsWith(..)), assertThat(list).anyMatch(s -> s.contains(..)), verify(m).f(argThat(..)),
     * await().until(..)); in the condition of an if that fails the test on its way; stored in a local that such a
     * place reads; or returned by a helper that such a place calls. Elsewhere (a version guard, a debug print's
     * condition, a path builder) it checks nothing. A guard that decides whether the test's checks run is read apart
     * ({@link #guards}).
     */
    private static boolean compared(MethodCallExpr call, MethodDeclaration test) {
        if (!STRING_OWN.contains(call.getNameAsString()) || call.getScope().isEmpty()) {
            return true;
        }
        for (Expression at = call.getScope().orElse(null); at instanceof MethodCallExpr c; at = c.getScope().orElse(null)) {
            if (checking(c)) {
                return true;
            }
        }
        if (checkedAt(call, true)) {
            return true;
        }
        MethodDeclaration helper = call.findAncestor(MethodDeclaration.class).orElse(null);
        return helper != null && helper != test && call.findAncestor(ReturnStmt.class).isPresent()
                && checked(test).stream().flatMap(part -> all(part, MethodCallExpr.class).stream())
                .anyMatch(c -> c.getNameAsString().equals(helper.getNameAsString()) && c.getScope().isEmpty()
                        && checkedAt(c, true));
    }

    /** A call that checks: an assertion or one on an assertion's chain, or one of {@link #CHECKING}. */
    private static boolean checking(MethodCallExpr c) {
        return onAssertion(c) || CHECKING.contains(c.getNameAsString());
    }

    /**
     * Whether a value is checked where it stands: in a check's arguments (through lambdas and anonymous classes), or
     * in the condition of an if that fails the test on its way ({@link #failsOnItsWay}); with {@code throughLocal},
     * also stored in a local variable (declared with it, assigned it, or, in an if's branch, assigned, counted or
     * added to) that the same method reads in such a place.
     */
    private static boolean checkedAt(Node node, boolean throughLocal) {
        for (Node child = node, parent = node.getParentNode().orElse(null); parent != null; child = parent,
                parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof MethodCallExpr c && checking(c) && argumentOf(c, child)) {
                return true;
            }
            if (parent instanceof com.github.javaparser.ast.stmt.IfStmt i && i.getCondition() == child
                    && (failsOnItsWay(i.getThenStmt()) || i.getElseStmt().map(JavaDetectors::failsOnItsWay)
                    .orElse(false))) {
                return true;
            }
            if (throughLocal && parent instanceof com.github.javaparser.ast.stmt.Statement statement
                    && !(parent instanceof com.github.javaparser.ast.stmt.BlockStmt)) {
                MethodDeclaration method = statement.findAncestor(MethodDeclaration.class).orElse(null);
                if (method != null && !java.util.Collections.disjoint(storedIn(statement, child, node),
                        checkedNames(method))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The local names a method reads where a check compares them, found once per method. */
    private static Set<String> checkedNames(MethodDeclaration method) {
        synchronized (method) {
            if (!method.containsData(CHECKED_NAMES)) {
                Set<String> out = new HashSet<>();
                all(method, NameExpr.class).stream().filter(n -> checkedAt(n, false))
                        .forEach(n -> out.add(n.getNameAsString()));
                method.setData(CHECKED_NAMES, Set.copyOf(out));
            }
            return method.getData(CHECKED_NAMES);
        }
    }

    /**
     * Whether a branch fails the test on its way: it is a failing statement ({@link InertChecks#failing}), a block that
     * holds one among its own statements, or an else-if whose branch does (a chain ending in fail()). One inside a
     * try, a loop, a lambda or an if nested in the block is not on its way.
     */
    private static boolean failsOnItsWay(com.github.javaparser.ast.stmt.Statement s) {
        if (s instanceof com.github.javaparser.ast.stmt.BlockStmt b) {
            return b.getStatements().stream().anyMatch(InertChecks::failing);
        }
        if (s instanceof com.github.javaparser.ast.stmt.IfStmt i) { // an else-if
            return failsOnItsWay(i.getThenStmt()) || i.getElseStmt().map(JavaDetectors::failsOnItsWay).orElse(false);
        }
        return InertChecks.failing(s);
    }

    /**
     * The locals a statement stores {@code value} (found in its part {@code from}) in: the variable it declares with
     * it, the name it assigns it to, or, where it is an if's condition, every local its branch assigns, counts (++,
     * --) or adds to ({@code if (l.startsWith("E")) found = true;}, {@code errors.add(l)}).
     */
    private static Set<String> storedIn(com.github.javaparser.ast.stmt.Statement statement, Node from, Node value) {
        Set<String> out = new HashSet<>();
        if (statement instanceof com.github.javaparser.ast.stmt.IfStmt i && i.getCondition() == from) {
            i.getThenStmt().findAll(com.github.javaparser.ast.expr.AssignExpr.class).stream()
                    .map(com.github.javaparser.ast.expr.AssignExpr::getTarget).filter(Expression::isNameExpr)
                    .forEach(t -> out.add(t.asNameExpr().getNameAsString()));
            i.getThenStmt().findAll(UnaryExpr.class).stream().map(UnaryExpr::getExpression)
                    .filter(Expression::isNameExpr).forEach(t -> out.add(t.asNameExpr().getNameAsString()));
            i.getThenStmt().findAll(MethodCallExpr.class).stream().filter(c -> Set.of("add", "set", "put",
                    "incrementAndGet", "getAndIncrement", "append").contains(c.getNameAsString()))
                    .flatMap(c -> c.getScope().stream()).filter(Expression::isNameExpr)
                    .forEach(t -> out.add(t.asNameExpr().getNameAsString()));
        } else if (statement instanceof com.github.javaparser.ast.stmt.ExpressionStmt e) {
            Expression x = e.getExpression();
            if (x instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr d) {
                d.getVariables().stream().filter(v -> v.getInitializer().map(init -> init == value
                        || init.isAncestorOf(value)).orElse(false))
                        .forEach(v -> out.add(v.getNameAsString()));
            } else if (x instanceof com.github.javaparser.ast.expr.AssignExpr a && a.getTarget().isNameExpr()) {
                out.add(a.getTarget().asNameExpr().getNameAsString());
            }
        }
        return out;
    }

    private static boolean argumentOf(MethodCallExpr call, Node node) {
        return call.getArguments().stream().anyMatch(a -> a == node);
    }

    /**
     * The guards of a test: a String's own contains, startsWith or endsWith with a literal that no check compares
     * ({@link #compared}), in an assumption (assumeTrue(..), assumingThat(..), AssertJ's assumeThat(v).startsWith(..))
     * or, in the test's own body outside loops and lambdas, in the condition of an if whose branch returns or holds
     * the test's assertions while the other does not. Each is read with the kind of guard, its sense (negated or not)
     * and its name: a guard the test gains, or one whose value or sense changes, may stop its checks running; one it
     * loses lets them run more.
     */
    private static Set<String> guards(MethodDeclaration test) {
        Set<String> out = new HashSet<>();
        for (MethodCallExpr call : checked(test).stream().flatMap(part -> all(part, MethodCallExpr.class).stream())
                .toList()) {
            if (!STRING_OWN.contains(call.getNameAsString()) || call.getScope().isEmpty()
                    || call.getArguments().stream().noneMatch(JavaDetectors::literal) || compared(call, test)) {
                continue;
            }
            String kind = null;
            for (Expression at = call.getScope().orElse(null); kind == null && at instanceof MethodCallExpr c;
                    at = c.getScope().orElse(null)) {
                kind = c.getNameAsString().startsWith("assum") ? c.getNameAsString() : null; // assumeThat(v).startsWith
            }
            MethodCallExpr around = call.findAncestor(MethodCallExpr.class).orElse(null);
            if (kind == null && around != null && around.getNameAsString().startsWith("assum")) {
                kind = around.getNameAsString();
            }
            boolean own = call.findAncestor(MethodDeclaration.class).orElse(null) == test
                    && call.findAncestor(com.github.javaparser.ast.expr.LambdaExpr.class).isEmpty()
                    && call.findAncestor(com.github.javaparser.ast.stmt.ForStmt.class).isEmpty()
                    && call.findAncestor(com.github.javaparser.ast.stmt.ForEachStmt.class).isEmpty()
                    && call.findAncestor(com.github.javaparser.ast.stmt.WhileStmt.class).isEmpty()
                    && call.findAncestor(com.github.javaparser.ast.stmt.DoStmt.class).isEmpty();
            for (Node child = call, parent = call.getParentNode().orElse(null); kind == null && own && parent != null
                    && !(parent instanceof MethodDeclaration); child = parent, parent = parent.getParentNode()
                    .orElse(null)) {
                if (parent instanceof com.github.javaparser.ast.stmt.IfStmt i && i.getCondition() == child) {
                    boolean thenChecks = holdsAssertion(i.getThenStmt());
                    boolean elseChecks = i.getElseStmt().map(JavaDetectors::holdsAssertion).orElse(false);
                    kind = returns(i.getThenStmt()) ? "if-return" : thenChecks && !elseChecks ? "if-checks" : null;
                }
            }
            if (kind != null) {
                Node outside = call.getParentNode().orElse(null);
                while (outside instanceof com.github.javaparser.ast.expr.EnclosedExpr) {
                    outside = outside.getParentNode().orElse(null); // !(s.startsWith("1.8")) is negated too
                }
                boolean negated = outside instanceof UnaryExpr u
                        && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT;
                String guard = kind + ":" + (negated ? "!" : "") + call.getNameAsString();
                call.getArguments().stream().filter(JavaDetectors::literal).forEach(x -> out.add(guard + "(" + x + ")"));
            }
        }
        return out;
    }

    private static boolean holdsAssertion(com.github.javaparser.ast.stmt.Statement s) {
        return s.findAll(MethodCallExpr.class).stream().anyMatch(JavaDetectors::isAssertion);
    }

    /**
     * Whether a branch ends the test without checking: a return of nothing, alone or last in its block (a message
     * logged before it), with no assertion in the branch.
     */
    private static boolean returns(com.github.javaparser.ast.stmt.Statement s) {
        com.github.javaparser.ast.stmt.Statement last = s instanceof com.github.javaparser.ast.stmt.BlockStmt b
                && b.getStatements().isNonEmpty() ? b.getStatement(b.getStatements().size() - 1) : s;
        return last instanceof ReturnStmt r && r.getExpression().isEmpty() && !holdsAssertion(s);
    }

    /** Whether a call or one of the calls its chain is made on is an assertion that checks nothing or is left out. */
    private static boolean inert(MethodCallExpr call, Set<MethodCallExpr> leftOut) {
        Expression at = call;
        while (at instanceof MethodCallExpr c) {
            if (leftOut.contains(c) || isAssertion(c) && InertChecks.checksNothing(c)) {
                return true;
            }
            at = c.getScope().orElse(null);
        }
        return false;
    }

    /**
     * Where a JUnit assertion's expected value is: first, except in JUnit 4's message-first form
     * ({@code assertEquals("message", expected, actual)}, a string literal first and no string literal
     * last, where JUnit 5 puts its message), where it is second.
     */
    static int expectedIndex(com.github.javaparser.ast.NodeList<Expression> args) {
        boolean messageFirst = args.size() >= 3 && args.get(0).isStringLiteralExpr()
                && !args.get(args.size() - 1).isStringLiteralExpr();
        return messageFirst ? 1 : 0;
    }

    static boolean literal(Expression e) {
        if (e.isUnaryExpr() && e.asUnaryExpr().getOperator() == UnaryExpr.Operator.MINUS) {
            return literal(e.asUnaryExpr().getExpression());
        }
        return e.isLiteralExpr() && !(e instanceof NullLiteralExpr);
    }

    // ------------------------------------------------------------------------------------------ main code

    /**
     * The findings of a changed source file (not a test). {@code inTests}: whether a literal is one
     * the repository's tests use at the head, which a solution should not branch on.
     */
    void main(FileChange c, CompilationUnit before, CompilationUnit after, Predicate<String> inTests,
              Counters counters, List<Finding> out) {
        if (after == null) {
            return;
        }
        Set<String> oldMethods = new HashSet<>();
        Map<String, Integer> oldExits = new HashMap<>();
        Set<String> oldConditions = new HashSet<>();
        Set<String> oldStatics = new HashSet<>();
        if (before != null) {
            for (MethodDeclaration m : all(before, MethodDeclaration.class)) {
                if (constantEquality(m) != null) {
                    oldMethods.add(owner(m) + "#" + m.getNameAsString());
                }
            }
            exitingBodies(before).forEach(e -> oldExits.merge(e.getKey(), exits(e.getValue()), Integer::sum));
            conditionsOnLiterals(before, inTests).forEach(e -> oldConditions.add(e.toString()));
            halfDistinctiveSpecialCases(before, inTests).forEach(e -> oldConditions.add(e.toString()));
            for (FieldDeclaration f : all(before, FieldDeclaration.class)) {
                f.getVariables().forEach(v -> oldStatics.add(owner(f) + "#" + v.getNameAsString()));
            }
        }
        for (MethodDeclaration m : all(after, MethodDeclaration.class)) {
            String key = owner(m) + "#" + m.getNameAsString();
            String constant = constantEquality(m);
            if (constant != null && !oldMethods.contains(key)) {
                out.add(new Finding(Category.G5, Severity.HIGH, "java.constant-equality", c.path(), begin(m), end(m),
                        key + " now " + constant + " whatever it is given, so every comparison in the tests passes."));
            }
        }
        Map<String, Integer> newExits = new HashMap<>();
        Map<String, Node> where = new LinkedHashMap<>();
        exitingBodies(after).forEach(e -> {
            int n = exits(e.getValue());
            newExits.merge(e.getKey(), n, Integer::sum);
            if (n > 0) {
                where.put(e.getKey(), e.getValue()); // the findings point at a body that exits
            }
        });
        for (var e : where.entrySet()) {
            String key = e.getKey();
            Node body = e.getValue();
            boolean entryPoint = body instanceof MethodDeclaration m && m.getNameAsString().equals("main") && m.isStatic();
            if (!entryPoint && newExits.get(key) > oldExits.getOrDefault(key, 0)) {
                out.add(new Finding(Category.G4, Severity.HIGH, "java.exit-added", c.path(), begin(body), end(body),
                        key + " now ends the JVM (System.exit or Runtime.halt), which can stop a test run before its "
                                + "checks report."));
            }
        }
        for (Node e : conditionsOnLiterals(after, inTests)) {
            if (!oldConditions.contains(e.toString())) {
                out.add(new Finding(Category.G6, Severity.HIGH, "java.branch-on-test-literal", c.path(), begin(e), end(e),
                        "The code now answers a value the tests pass in with a value they expect ("
                                + firstLine(e) + "): the special-casing of a test's input."));
            }
        }
        for (IfStmt e : halfDistinctiveSpecialCases(after, inTests)) {
            if (!oldConditions.contains(e.toString())) {
                out.add(new Finding(Category.G6, Severity.MEDIUM, "java.fixed-answer-to-test-literal", c.path(),
                        begin(e), end(e), "The code now returns a fixed value outright for a value the tests use ("
                                + firstLine(e) + "): possibly a test's input special-cased, unless the specification "
                                + "names that value."));
            }
        }
        for (FieldDeclaration f : all(after, FieldDeclaration.class)) {
            if (!mayCount(f)) {
                continue;
            }
            for (var v : f.getVariables()) {
                String name = v.getNameAsString();
                if (!oldStatics.contains(owner(f) + "#" + name) && counted(after, name)
                        && !counters.carried(f, v)) {
                    out.add(new Finding(Category.G7, Severity.MEDIUM, "java.static-counter", c.path(), begin(f),
                            end(f), "A static counter " + name + " is added and incremented: results that change from "
                                    + "call to call can be tuned to the order the tests call in."));
                }
            }
        }
    }

    /**
     * A static field that can hold a count: not final, or final and atomic (as written); not an atomic field updater that
     * only ever updates the instance it is called from ({@link #updatesEachInstance}).
     */
    private static boolean mayCount(FieldDeclaration f) {
        String type = f.getElementType().asString(); // as written: a qualified atomic type is not read as one
        return f.isStatic() && (!f.isFinal() || type.startsWith("Atomic")) && !updatesEachInstance(f);
    }

    /** The atomic field updaters, by simple name. */
    private static final Set<String> FIELD_UPDATERS = Set.of("AtomicIntegerFieldUpdater", "AtomicLongFieldUpdater",
            "AtomicReferenceFieldUpdater");

    /**
     * An atomic field updater whose every call in its file is given {@code this}, in a class that is no enum and holds
     * no static instance of itself: it updates a field of each of many instances. One given a shared object, or
     * {@code this} of an enum constant or a singleton, counts as a static counter would.
     */
    private static boolean updatesEachInstance(FieldDeclaration f) {
        var element = f.getElementType();
        if (!element.isClassOrInterfaceType()
                || !FIELD_UPDATERS.contains(element.asClassOrInterfaceType().getNameAsString())) {
            return false;
        }
        com.github.javaparser.ast.body.TypeDeclaration<?> type =
                f.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).orElse(null);
        if (type == null || type.isEnumDeclaration() || type.getFields().stream().anyMatch(g -> g.isStatic()
                && g.getElementType().asString().equals(type.getNameAsString()))) {
            return false;
        }
        CompilationUnit cu = f.findCompilationUnit().orElse(null);
        return cu != null && f.getVariables().stream().allMatch(v -> all(cu, MethodCallExpr.class).stream()
                .filter(call -> call.getScope().map(x -> x.toString().equals(v.getNameAsString())
                        || x.toString().endsWith("." + v.getNameAsString())).orElse(false))
                .allMatch(call -> !call.getArguments().isEmpty() && call.getArgument(0).isThisExpr()));
    }

    /** A static counter as declared: its name, type and initial value, as the parser prints them. */
    private static String counterKey(VariableDeclarator v) {
        return v.getNameAsString() + " " + v.getType() + " = " + v.getInitializer().map(Node::toString).orElse("");
    }

    /** The static counters a main file declares and counts ({@link #mayCount}), each as its type's name, '#' and key. */
    private static List<String> counters(CompilationUnit cu) {
        List<String> out = new ArrayList<>();
        for (FieldDeclaration f : all(cu, FieldDeclaration.class)) {
            if (mayCount(f)) {
                f.getVariables().stream().filter(v -> counted(cu, v.getNameAsString()))
                        .forEach(v -> out.add(owner(f) + "#" + counterKey(v)));
            }
        }
        return out;
    }

    /**
     * The static counters a change carries from a type it takes away to a type it brings in: a class renamed, or a
     * nested class made top-level under another name (HdrHistogram's recorders, renamed with their
     * {@code instanceIdSequencer}; t-digest's nested {@code Group} become {@code Centroid}). A counter declared alike
     * (name, type and initial value, as the parser prints them) in a type that no changed main file declared at the base,
     * nor any type around it, where the base counted it in a type no changed main file declares after the change, moved
     * with its class and is not added; each carried counter excuses one, and where more new types declare it than were
     * taken away, none is excused, since which is the moved one cannot be told. Types (classes, interfaces, enums,
     * records) are known by simple name; a field outside any class (a top-level enum's or record's) is never carried.
     * What stays unseen: no sign of a rename is asked for beyond a type gone and a type new, and how the counter is used
     * is not compared, so a counter moved into a new class and used there to answer by call order passes; a nested class
     * made top-level under its own name is still said to add its counter.
     */
    static final class Counters {
        private final List<CompilationUnit> bases;
        private final List<CompilationUnit> heads;
        private Set<String> typesAtBase;
        private final Map<String, Integer> carried = new HashMap<>();

        /** Read only when a counter would be said added, which few changes do. */
        Counters(List<CompilationUnit> bases, List<CompilationUnit> heads) {
            this.bases = bases;
            this.heads = heads;
        }

        private void read() {
            typesAtBase = typeNames(bases);
            Set<String> typesAtHead = typeNames(heads);
            Map<String, Integer> claimed = new HashMap<>();
            bases.forEach(cu -> counters(cu).stream().filter(k -> !k.startsWith("?#")
                    && !typesAtHead.contains(k.substring(0, k.indexOf('#'))))
                    .forEach(k -> carried.merge(k.substring(k.indexOf('#') + 1), 1, Integer::sum)));
            heads.forEach(cu -> counters(cu).stream().filter(k -> !k.startsWith("?#")
                    && !typesAtBase.contains(k.substring(0, k.indexOf('#'))))
                    .forEach(k -> claimed.merge(k.substring(k.indexOf('#') + 1), 1, Integer::sum)));
            carried.keySet().removeIf(k -> claimed.getOrDefault(k, 0) > carried.get(k));
        }

        private static Set<String> typeNames(List<CompilationUnit> units) {
            Set<String> out = new HashSet<>();
            units.forEach(cu -> all(cu, com.github.javaparser.ast.body.TypeDeclaration.class)
                    .forEach(t -> out.add(t.getNameAsString())));
            return out;
        }

        /**
         * Whether this counter came with its type from a type the change takes away (using that one up): not where the
         * type, or any type around it, was there at the base (a helper class made inside the code under test).
         */
        boolean carried(FieldDeclaration f, VariableDeclarator v) {
            if (typesAtBase == null) {
                read();
            }
            if (owner(f).equals("?")) {
                return false;
            }
            for (Node node = f; node != null; node = node.getParentNode().orElse(null)) {
                if (node instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t
                        && typesAtBase.contains(t.getNameAsString())) {
                    return false;
                }
            }
            String key = counterKey(v);
            int n = carried.getOrDefault(key, 0);
            if (n > 0) {
                carried.put(key, n - 1);
                return true;
            }
            return false;
        }
    }

    /** "returns true" or "returns 0" when an equals or compareTo method's body is that one constant. */
    private static String constantEquality(MethodDeclaration m) {
        String name = m.getNameAsString();
        if (!(name.equals("equals") && m.getParameters().size() == 1)
                && !(name.equals("compareTo") && m.getParameters().size() == 1)
                && !(name.equals("compare") && m.getParameters().size() == 2)) {
            return null;
        }
        var body = m.getBody();
        if (body.isEmpty() || body.get().getStatements().size() != 1) {
            return null;
        }
        var stmt = body.get().getStatement(0);
        if (!(stmt instanceof ReturnStmt r) || r.getExpression().isEmpty()) {
            return null;
        }
        Expression e = r.getExpression().get();
        if (name.equals("equals") && e instanceof BooleanLiteralExpr b && b.getValue()) {
            return "returns true";
        }
        if (!name.equals("equals") && e.isIntegerLiteralExpr() && e.asIntegerLiteralExpr().asNumber().intValue() == 0) {
            return "returns 0";
        }
        return null;
    }

    /**
     * Every body that can run an exit, by owner and name: methods, constructors ({@code <init>}) and
     * initialiser blocks ({@code <clinit>} for static ones, which run when the class is first used).
     */
    private static List<Map.Entry<String, Node>> exitingBodies(CompilationUnit cu) {
        List<Map.Entry<String, Node>> out = new ArrayList<>();
        for (MethodDeclaration m : all(cu, MethodDeclaration.class)) {
            out.add(Map.entry(owner(m) + "#" + m.getNameAsString(), m));
        }
        for (var k : all(cu, com.github.javaparser.ast.body.ConstructorDeclaration.class)) {
            out.add(Map.entry(owner(k) + "#<init>", k));
        }
        for (var i : all(cu, com.github.javaparser.ast.body.InitializerDeclaration.class)) {
            out.add(Map.entry(owner(i) + (i.isStatic() ? "#<clinit>" : "#<init>"), i));
        }
        return out;
    }

    private static int exits(Node m) {
        int n = 0;
        for (MethodCallExpr call : all(m, MethodCallExpr.class)) {
            String scope = call.getScope().map(Object::toString).orElse("");
            boolean exit = (call.getNameAsString().equals("exit") && scope.equals("System"))
                    || (call.getNameAsString().equals("halt") || call.getNameAsString().equals("exit"))
                    && scope.endsWith("getRuntime()");
            // An exit with a failure status is an honest stop; one with 0 (or a computed status) can pass for success.
            boolean failing = !call.getArguments().isEmpty() && call.getArgument(0).isIntegerLiteralExpr()
                    && call.getArgument(0).asIntegerLiteralExpr().asNumber().intValue() != 0;
            if (exit && !failing) {
                n++;
            }
        }
        return n;
    }

    /**
     * Special cases: a branch taken on a value the tests pass in that answers with a value the tests
     * expect ({@code if (b == 234) return 1234;}, {@code case "abc" -> "cba";}, {@code x == 7 ? 49 :
     * ...}). A comparison with a test literal alone is common in honest code (names, modes), so both
     * ends are required.
     */
    private static List<Node> conditionsOnLiterals(CompilationUnit cu, Predicate<String> inTests) {
        List<Node> out = new ArrayList<>();
        for (IfStmt s : all(cu, IfStmt.class)) {
            if (comparesWith(s.getCondition(), inTests) && answers(s.getThenStmt(), inTests)) {
                out.add(s);
            }
        }
        for (ConditionalExpr c : all(cu, ConditionalExpr.class)) {
            if (comparesWith(c.getCondition(), inTests) && distinctive(c.getThenExpr(), inTests)) {
                out.add(c);
            }
        }
        for (SwitchEntry entry : all(cu, SwitchEntry.class)) {
            if (entry.getLabels().stream().anyMatch(l -> distinctive(l, inTests))
                    && entry.getStatements().stream().anyMatch(st -> answers(st, inTests))) {
                out.add(entry);
            }
        }
        return out;
    }

    /**
     * Branches that return a literal outright for an input a test asserts that very answer for
     * (assertEquals(true, isLeap(2100)) and {@code if (year == 2100) return true;}), where only one
     * side is distinctive (a predicate's true or false; a small number like 9 answered with "VIIII";
     * "hello world" answered with 3): weaker evidence than both sides distinctive, since honest code
     * can name the same pair, but the input and the answer must come from the same assertion.
     */
    private static List<IfStmt> halfDistinctiveSpecialCases(CompilationUnit cu, Predicate<String> inTests) {
        List<IfStmt> out = new ArrayList<>();
        for (IfStmt s : all(cu, IfStmt.class)) {
            if (comparesWith(s.getCondition(), inTests) && answers(s.getThenStmt(), inTests)) {
                continue; // both sides distinctive: the stronger rule's
            }
            List<Expression> compared = comparedLiterals(s.getCondition());
            boolean asserted = s.getThenStmt().findAll(ReturnStmt.class).stream()
                    .flatMap(r -> r.getExpression().stream()).filter(JavaDetectors::literal)
                    .anyMatch(answer -> compared.stream().anyMatch(input ->
                            (distinctive(input, inTests) || distinctive(answer, inTests))
                                    && inTests.test(pair(input.toString(), answer.toString()))));
            if (asserted) {
                out.add(s);
            }
        }
        return out;
    }

    /** The literals a condition compares something with (==, !=, equals and the like). */
    private static List<Expression> comparedLiterals(Expression condition) {
        List<Expression> out = new ArrayList<>();
        for (BinaryExpr b : condition.findAll(BinaryExpr.class)) {
            if (b.getOperator() == BinaryExpr.Operator.EQUALS || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS) {
                java.util.stream.Stream.of(b.getLeft(), b.getRight()).filter(JavaDetectors::literal).forEach(out::add);
            }
        }
        for (MethodCallExpr call : condition.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (name.equals("equals") || name.equals("equalsIgnoreCase") || name.equals("contentEquals")) {
                call.getArguments().stream().filter(JavaDetectors::literal).forEach(out::add);
                call.getScope().filter(JavaDetectors::literal).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Whether a condition compares something with a distinctive test literal (==, !=, equals and the like). */
    private static boolean comparesWith(Expression condition, Predicate<String> inTests) {
        return comparedLiterals(condition).stream().anyMatch(e -> distinctive(e, inTests));
    }

    /** Whether a statement answers with a test literal: returns, yields or is one. */
    private static boolean answers(Statement st, Predicate<String> inTests) {
        for (ReturnStmt r : st.findAll(ReturnStmt.class)) {
            if (r.getExpression().map(e -> distinctive(e, inTests)).orElse(false)) {
                return true;
            }
        }
        for (YieldStmt y : st.findAll(YieldStmt.class)) {
            if (distinctive(y.getExpression(), inTests)) {
                return true;
            }
        }
        return st instanceof ExpressionStmt e && distinctive(e.getExpression(), inTests);
    }

    /** A literal the tests use that is specific enough to be an input, not a constant like 0, 1 or "". */
    private static boolean distinctive(Expression e, Predicate<String> inTests) {
        if (!literal(e) || e instanceof BooleanLiteralExpr) {
            return false;
        }
        String text = e.toString();
        if (e.isStringLiteralExpr()) {
            return e.asStringLiteralExpr().getValue().length() >= 2 && inTests.test(text);
        }
        if (e.isCharLiteralExpr()) {
            return false;
        }
        try {
            double v = Double.parseDouble(text.replaceAll("[lLfFdD_]", ""));
            if (Math.abs(v) <= 10 || v == 100 || v == 1000) {
                return false;
            }
        } catch (NumberFormatException ignored) {
            // hex and the like: judged by the set alone
        }
        return inTests.test(text);
    }

    /** Literals worth matching, from a test file's syntax tree. */
    static void literals(Node cu, Set<String> into) {
        for (LiteralExpr l : cu.findAll(LiteralExpr.class)) {
            if (!(l instanceof BooleanLiteralExpr) && !(l instanceof NullLiteralExpr)) {
                into.add(l.toString());
                l.getParentNode().filter(p -> p instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS)
                        .ifPresent(p -> into.add(p.toString()));
            }
        }
        // Which input each assertion expects which answer for: assertEquals(expected, f(input)), assertTrue(p(input)).
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            Expression expected = null;
            Expression actual = null;
            int at = expectedIndex(call.getArguments());
            if (name.equals("assertEquals") && call.getArguments().size() >= at + 2 && literal(call.getArgument(at))) {
                expected = call.getArgument(at);
                actual = call.getArgument(at + 1);
            } else if ((name.equals("assertTrue") || name.equals("assertFalse")) && !call.getArguments().isEmpty()) {
                expected = new BooleanLiteralExpr(name.equals("assertTrue"));
                actual = call.getArgument(0);
            }
            if (expected != null) {
                for (LiteralExpr input : actual.findAll(LiteralExpr.class)) {
                    // -5 is a literal under a unary minus: the pair is recorded as the code compares it, with its sign.
                    Node signed = input.getParentNode().filter(p -> p instanceof UnaryExpr u
                            && u.getOperator() == UnaryExpr.Operator.MINUS).orElse(input);
                    into.add(pair(signed.toString(), expected.toString()));
                }
            }
        }
    }

    /** How {@link #literals} records that a test expects {@code answer} for {@code input}. */
    private static final String PAIR = "\u0000pair\u0000";

    private static String pair(String input, String answer) {
        return PAIR + input + "\u0000" + answer;
    }

    /**
     * Characters that every test text whose {@link #literals} hold {@code key} contains: the literal's characters as
     * written, without quotes or sign, and for a pair the input's and the answer's (a test file lacking either cannot
     * expect that answer for that input). The set keeps literals as printed, which for a string, character or number
     * is its text as written (escapes and all; the parser neither reads Unicode escapes nor attaches comments) and for
     * a negated one a minus before it, whatever the spacing. Nothing is said of a text block, which prints with its
     * lines' indent stripped and its own put in, nor of true or false (assertTrue's answer is not written as a word).
     */
    static List<String> characters(String key) {
        if (!key.startsWith(PAIR)) {
            return core(key).map(List::of).orElse(List.of());
        }
        int end = key.indexOf('\u0000', PAIR.length());
        if (end < 0) {
            return List.of();
        }
        return java.util.stream.Stream.of(key.substring(PAIR.length(), end), key.substring(end + 1))
                .map(JavaDetectors::core).flatMap(Optional::stream).toList();
    }

    /** A literal's characters as written, without quotes or sign, when they can be said ({@link #characters}). */
    private static Optional<String> core(String literal) {
        int from = 0;
        while (from < literal.length() && (literal.charAt(from) == '-' || Character.isWhitespace(literal.charAt(from)))) {
            from++;
        }
        literal = literal.substring(from);
        if (literal.startsWith("\"\"\"")) {
            return Optional.empty(); // a text block prints with its lines re-indented, not as written
        }
        for (String quote : new String[] {"\"", "'"}) {
            if (literal.length() >= 2 && literal.startsWith(quote) && literal.endsWith(quote)) {
                String inside = literal.substring(1, literal.length() - 1);
                return inside.isEmpty() ? Optional.empty() : Optional.of(inside);
            }
        }
        return !literal.isEmpty() && (Character.isDigit(literal.charAt(0)) || literal.charAt(0) == '.')
                ? Optional.of(literal) : Optional.empty();
    }

    /**
     * Whether {@code text} holds {@code token} not as part of a longer word or number: 12.5 is not in 12.55, nor 15
     * in 2015, nor "Bob" in "Bobby".
     */
    static boolean holdsToken(String text, String token) {
        if (text == null || token.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            int end = at + token.length();
            if ((at == 0 || !wordy(text.charAt(at - 1), token.charAt(0)))
                    && (end == text.length() || !wordy(text.charAt(end), token.charAt(token.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code next}, beside a token's end character {@code edge}, would continue it. */
    private static boolean wordy(char next, char edge) {
        return Character.isLetterOrDigit(edge) || edge == '.' || edge == '_'
                ? Character.isLetterOrDigit(next) || next == '.' || next == '_' : false;
    }

    private static boolean counted(CompilationUnit cu, String field) {
        for (UnaryExpr u : all(cu, UnaryExpr.class)) {
            if (u.getExpression().toString().endsWith(field) && (u.getOperator().name().contains("INCREMENT")
                    || u.getOperator().name().contains("DECREMENT"))) {
                return true;
            }
        }
        for (AssignExpr a : all(cu, AssignExpr.class)) {
            if (a.getTarget().toString().endsWith(field) && a.getOperator() != AssignExpr.Operator.ASSIGN) {
                return true;
            }
        }
        for (MethodCallExpr call : all(cu, MethodCallExpr.class)) {
            if (call.getScope().map(s -> s.toString().endsWith(field)).orElse(false)
                    && call.getNameAsString().matches("(increment|getAndIncrement|incrementAndGet|addAndGet|getAndAdd)")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String firstLine(Node n) {
        String text = n.toString().strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip() + " ...";
    }

    private static int begin(Node n) {
        return n.getBegin().map(p -> p.line).orElse(1);
    }

    private static int end(Node n) {
        return n.getEnd().map(p -> p.line).orElse(begin(n));
    }

    private static int lineCount(String text) {
        return text == null ? 1 : (int) Math.max(1, text.lines().count());
    }

    private static List<String> first(List<String> xs, int n) {
        return xs.size() <= n ? xs : List.of(String.join(", ", xs.subList(0, n)) + " and " + (xs.size() - n) + " more");
    }

    /** A file's name and a line of it, as a stack trace or a source location writes them: FooTest.java:53. */
    private static final java.util.regex.Pattern FILE_LINE = java.util.regex.Pattern.compile(
            "\\b([\\w$]+\\.java):(\\d+)\\b");

    /**
     * Whether the string literal {@code now} is a bare line number ({@code "73"}) that {@code was} ({@code "78"}) became
     * where the change moved that line of the file: a line of {@code test} at the base, at most three lines above the
     * number, that the change left alone. logback's ConverterTest expects the line of its own call ("the number below
     * should be the line number of the previous line"), and five imports folded into one move it up five lines. A
     * number farther from the line it would name, outside the test, or moved elsewhere than where the line went, is
     * another expectation.
     */
    static boolean sameLineOfTest(String was, String now, FileChange c, MethodDeclaration test) {
        if (!was.matches("\"[1-9][0-9]{0,5}\"") || !now.matches("\"[1-9][0-9]{0,5}\"") || c.oldText() == null
                || c.newText() == null) {
            return false;
        }
        int before = Integer.parseInt(was.substring(1, was.length() - 1));
        int after = Integer.parseInt(now.substring(1, now.length() - 1));
        if (before < begin(test) || before > end(test) || before > c.oldText().lines().count()) {
            return false;
        }
        // The number stands at most three lines below the line it names ("the number below should be the line number
        // of the previous line"): any number of the test's span is not a line of it.
        boolean near = all(test, StringLiteralExpr.class).stream().anyMatch(l -> ("\"" + l.getValue() + "\"").equals(was)
                && l.getBegin().map(p -> p.line >= before && p.line <= before + 3).orElse(false));
        return near && LineDiff.of(c.oldText(), c.newText()).lineAfter(before) == after;
    }

    /**
     * Whether the string literal {@code now} is {@code was} with each place in the changed file {@code c} that it names
     * (by the file's name and a line) moved to where the change put that line, which it left alone: the same line.
     */
    static boolean sameLineOfFile(String was, String now, FileChange c) {
        if (!was.startsWith("\"") || c.oldText() == null || c.newText() == null) {
            return false;
        }
        String file = c.path().substring(c.path().lastIndexOf('/') + 1);
        java.util.regex.Matcher m = FILE_LINE.matcher(was);
        StringBuilder moved = new StringBuilder();
        boolean any = false;
        LineDiff lines = null;
        while (m.find()) {
            if (!m.group(1).equals(file)) {
                continue;
            }
            lines = lines != null ? lines : LineDiff.of(c.oldText(), c.newText());
            int before = Integer.parseInt(m.group(2));
            int after = before <= c.oldText().lines().count() ? lines.lineAfter(before) : -1;
            if (after < 0) {
                return false; // a line the change edits or removes, or none the file had
            }
            m.appendReplacement(moved, java.util.regex.Matcher.quoteReplacement(m.group(1) + ":" + after));
            any = true;
        }
        m.appendTail(moved);
        return any && moved.toString().equals(now);
    }

    /**
     * Whether two literals are one number of one type written two ways: ints (16 and 0x10; 0xFFFFFFFF is the int -1),
     * longs (1L and 0x1L), doubles (1D and 1.0, 1e3 and 1000.0) or floats (1F and 1.0F). An int and a long, or a float
     * and a double, are different expectations (a boxed 1 is not a boxed 1L; 1.1F is not 1.1), and so are 0.0 and
     * -0.0, which assertEquals tells apart.
     */
    static boolean sameNumber(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        char kind = numberKind(a);
        java.math.BigDecimal x = numberValue(a, kind);
        java.math.BigDecimal y = numberValue(b, kind);
        return x != null && y != null && kind == numberKind(b) && x.compareTo(y) == 0
                && (x.signum() != 0 || kind == 'i' || kind == 'l' || negative(a) == negative(b));
    }

    private static boolean negative(String literal) {
        return literal.strip().startsWith("-");
    }

    /** 'i' for an int, 'l' for a long, 'f' for a float, 'd' for a double. */
    private static char numberKind(String literal) {
        String n = unsigned(literal);
        if (n.startsWith("0x") || n.startsWith("0b")) {
            return n.contains("p") ? (n.endsWith("f") ? 'f' : 'd') : n.endsWith("l") ? 'l' : 'i';
        }
        if (n.endsWith("f")) {
            return 'f';
        }
        if (n.endsWith("d") || n.contains(".") || n.contains("e")) {
            return 'd';
        }
        return n.endsWith("l") ? 'l' : 'i';
    }

    /**
     * A numeric literal's value as its type holds it (a hexadecimal, octal or binary int or long wraps to 32 or 64
     * bits, as Java reads it), or null when it is not one (or is a hexadecimal floating-point literal).
     */
    private static java.math.BigDecimal numberValue(String literal, char kind) {
        String n = unsigned(literal);
        try {
            java.math.BigInteger radix = null;
            if (n.startsWith("0x") && !n.contains("p")) {
                radix = new java.math.BigInteger(n.substring(2).replaceAll("l$", ""), 16);
            } else if (n.startsWith("0b")) {
                radix = new java.math.BigInteger(n.substring(2).replaceAll("l$", ""), 2);
            } else if (n.matches("0[0-7]+l?")) {
                radix = new java.math.BigInteger(n.substring(1).replaceAll("l$", ""), 8);
            }
            java.math.BigDecimal v;
            if (radix != null) {
                v = java.math.BigDecimal.valueOf(kind == 'l' ? radix.longValue() : radix.intValue());
            } else if (n.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[-+]?[0-9]+)?[lfd]?")) {
                v = new java.math.BigDecimal(n.replaceAll("[lfd]$", ""));
            } else {
                return null;
            }
            return negative(literal) ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A numeric literal without its minus, underscores or case: -0x1F_FFL as 0x1fffl. */
    private static String unsigned(String literal) {
        return literal.strip().replaceFirst("^-\\s*", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Set-up annotations run once for a class, not before each test. */
    private static final Set<String> SET_UP_ONCE = Set.of("BeforeAll", "BeforeClass");

    /**
     * Whether every assertion statement a test no longer makes (its helpers' among them) is one that the set-up of its
     * class, run before each of its tests (JUnit 3's setUp, @Before, @BeforeEach), makes now: checks factored out of
     * each test into the set-up are still made for it (maven-archetype db925cc), as is one the set-up made already.
     */
    private static boolean movedIntoSetUp(MethodDeclaration was, MethodDeclaration now) {
        List<String> lost = minus(assertionStatements(was), assertionStatements(now));
        return !lost.isEmpty() && minus(lost, setUpAssertionStatements(now)).isEmpty();
    }

    /** The assertion statements the set-ups run before each test of this test's class make (their helpers' too). */
    private static List<String> setUpAssertionStatements(MethodDeclaration test) {
        return test.findAncestor(ClassOrInterfaceDeclaration.class).map(type -> setUps(type).stream()
                .filter(s -> s.getAnnotations().stream().noneMatch(a -> SET_UP_ONCE.contains(a.getName()
                        .getIdentifier())))
                .flatMap(s -> assertionStatements(s).stream()).toList()).orElse(List.of());
    }

    /** Multiset difference, in order of {@code a}. */
    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> left = new HashMap<>();
        b.forEach(x -> left.merge(x, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String x : a) {
            if (left.getOrDefault(x, 0) > 0) {
                left.merge(x, -1, Integer::sum);
            } else {
                out.add(x);
            }
        }
        return out;
    }
}
