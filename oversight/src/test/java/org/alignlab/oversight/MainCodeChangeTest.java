package org.alignlab.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known answers for what a change does to main code, read as tokens. */
class MainCodeChangeTest {
    private static final String PATH = "src/main/java/demo/Calc.java";
    private static final String CALC = """
            package demo;

            public class Calc {
                public int square(int a) {
                    return a * a;
                }

                public int add(int a, int b) {
                    return a + b;
                }

                Runnable task() {
                    return new Runnable() {
                        public void run() {
                        }
                    };
                }
            }
            """;
    private static final String TEST = """
            package demo;

            class CalcTest {
                private final Calc calc = new Calc();

                void squares() {
                    java.util.List<Integer> list = java.util.List.of(1);
                    assertEquals(49, calc.square(7));
                    assertEquals(5, new Calc().add(2, 3));
                    list.get(0);
                    run();
                }
            }
            """;

    private final JavaDetectors parser = new JavaDetectors();

    private MainCodeChange change(String before, String after) {
        return change(PATH, before, after);
    }

    private MainCodeChange change(String path, String before, String after) {
        FileChange c = new FileChange(FileChange.Kind.MODIFIED, path, path, before, after);
        return MainCodeChange.of(List.of(c), Map.of(c, new CompilationUnit[] {parser.parse(before), parser.parse(after)}));
    }

    private MethodDeclaration test() {
        return parser.parse(TEST).findFirst(MethodDeclaration.class).orElseThrow();
    }

    @Test
    void layoutCommentsAndLineEndingsAreNoChange() {
        String reformatted = CALC.replace("return a * a;", "return a*a; // squared").replace("\n", "\r\n")
                .replace("    public int add", "    /* adds */\n    public int add");
        MainCodeChange c = change(CALC, reformatted);
        assertThat(c.any()).isFalse();
        assertThat(c.changedCalledBy(test())).isEmpty();
        assertThat(c.changedTypesNamedBy(test(), "Calc")).isEmpty();
    }

    @Test
    void aChangedBodyIsFoundThroughTheReceiverTheTestDeclares() {
        MainCodeChange c = change(CALC, CALC.replace("return a * a;", "return a * a + 1;"));
        assertThat(c.changedCalledBy(test())).containsExactly("Calc.square"); // through the field calc
        MainCodeChange add = change(CALC, CALC.replace("return a + b;", "return a - b;"));
        assertThat(add.changedCalledBy(test())).containsExactly("Calc.add"); // through new Calc()
    }

    @Test
    void anAddedOverloadAnAnnotationOrAnAnonymousClassChangesNoCalledMethod() {
        String overload = CALC.replace("    public int add(", "    public long square(long a) {\n        return a;\n    }\n\n"
                + "    public int add(");
        MainCodeChange c = change(CALC, overload);
        assertThat(c.changedCalledBy(test())).isEmpty();
        assertThat(c.changedTypesNamedBy(test(), "Calc")).containsExactly("Calc");
        MainCodeChange annotated = change(CALC, CALC.replace("    public int square", "    @Deprecated\n    public int square"));
        assertThat(annotated.changedCalledBy(test())).isEmpty();
        // The anonymous Runnable's run is no member of Calc, and a call with no receiver is tied to no type.
        MainCodeChange anonymous = change(CALC, CALC.replace("public void run() {\n", "public void run() {\n"
                + "                            System.gc();\n"));
        assertThat(anonymous.changedCalledBy(test())).isEmpty();
    }

    @Test
    void aMethodIsRemovedOnlyWhenItsNameIsGoneFromTheType() {
        String noSquare = CALC.replace("    public int square(int a) {\n        return a * a;\n    }\n\n", "");
        assertThat(change(CALC, noSquare).removedCalledBy(test())).containsExactly("Calc.square");
        String renamedParameter = CALC.replace("square(int a) {\n        return a * a;", "square(int x) {\n        return x * x;");
        assertThat(change(CALC, renamedParameter).removedCalledBy(test())).isEmpty();
    }

    @Test
    void anOverloadRemovedIsCalledByATestOfItsArityThoughAPrivateOneOfThatArityStays() {
        // add(int, int) removed while a private add(long, long) stays: the test's two-argument call was to the
        // removed one, as no other class can call the private one; a public one kept of that arity may be the callee.
        String withPrivate = CALC.replace("    Runnable task() {", """
                    private static long add(long a, long b) {
                        return a + b;
                    }

                    public int add(int a) {
                        return a;
                    }

                    Runnable task() {""");
        String removed = withPrivate.replace("    public int add(int a, int b) {\n        return a + b;\n    }\n\n", "");
        assertThat(removed).isNotEqualTo(withPrivate);
        assertThat(change(withPrivate, removed).removedCalledBy(test())).containsExactly("Calc.add");
        String keptPublic = withPrivate.replace("private static long add", "public static long add");
        String removedBeside = keptPublic.replace("    public int add(int a, int b) {\n        return a + b;\n    }\n\n",
                "");
        assertThat(change(keptPublic, removedBeside).removedCalledBy(test())).isEmpty();
        // One the change makes private may be the one the test called: not taken as out of its reach.
        assertThat(change(keptPublic, removed).removedCalledBy(test())).isEmpty();
    }

    private MethodDeclaration testNamed(String file, String name) {
        return parser.parse(file).findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals(name))
                .orElseThrow();
    }

    @Test
    void aRemovedMethodIsFoundOnAConstantOrAStaticFactorysResultAndThroughTheTestsHelpers() {
        String vector = """
                package demo;

                public class Vec {
                    public static final Vec ZERO = new Vec(0);
                    private final double x;

                    Vec(double x) {
                        this.x = x;
                    }

                    public static Vec of(double x) {
                        return new Vec(x);
                    }

                    public double norm1() {
                        return Math.abs(x);
                    }

                    public double norm() {
                        return Math.abs(x);
                    }
                }
                """;
        String test = """
                package demo;

                class VecTest {
                    void onAConstant() {
                        assertEquals(0.0, Vec.ZERO.norm1());
                    }

                    void onAFactorysResult() {
                        assertEquals(6.0, Vec.of(-6).norm1());
                    }

                    void throughAHelper() {
                        checkNorm1(6.0, 6.0);
                    }

                    private static void checkNorm1(double expected, double x) {
                        Vec v = Vec.of(x);
                        assertEquals(expected, v.norm1());
                    }

                    void ofAMethodThatStays() {
                        assertEquals(6.0, Vec.of(-6).norm());
                    }
                }
                """;
        String path = "src/main/java/demo/Vec.java";
        String noNorm1 = vector.replace("    public double norm1() {\n        return Math.abs(x);\n    }\n\n", "");
        assertThat(noNorm1).doesNotContain("norm1");
        MainCodeChange change = change(path, vector, noNorm1);
        assertThat(change.removedCalledBy(testNamed(test, "onAConstant"))).containsExactly("Vec.norm1");
        assertThat(change.removedCalledBy(testNamed(test, "onAFactorysResult"))).containsExactly("Vec.norm1");
        assertThat(change.removedCalledBy(testNamed(test, "throughAHelper"))).containsExactly("Vec.norm1");
        assertThat(change.removedCalledBy(testNamed(test, "ofAMethodThatStays"))).isEmpty();
        // A factory whose overloads return different types tells nothing of its result's type (whichever comes first).
        String twoFactories = vector.replace("    public static Vec of(double x)", "    public static String of(String s) {\n"
                + "        return s;\n    }\n\n    public static Vec of(double x)");
        assertThat(twoFactories.indexOf("String of(")).isLessThan(twoFactories.indexOf("Vec of("));
        MainCodeChange unsure = change(path, twoFactories, noNorm1);
        assertThat(unsure.removedCalledBy(testNamed(test, "onAFactorysResult"))).isEmpty();
        assertThat(unsure.removedCalledBy(testNamed(test, "onAConstant"))).containsExactly("Vec.norm1");
        // A type of the test's own file is not main code's, even where main code has a type of that name whose
        // constant is of a type that loses the method.
        String withVecs = vector.replace("    public double norm() {", "    public static class Vecs {\n"
                + "        public static final Vec UNIT = new Vec(1);\n    }\n\n    public double norm() {");
        String withVecsNoNorm1 = noNorm1.replace("    public double norm() {", "    public static class Vecs {\n"
                + "        public static final Vec UNIT = new Vec(1);\n    }\n\n    public double norm() {");
        assertThat(withVecsNoNorm1).contains("class Vecs").doesNotContain("norm1");
        MainCodeChange vecs = change(path, withVecs, withVecsNoNorm1);
        String onUnit = test.replace("        assertEquals(0.0, Vec.ZERO.norm1());", "        assertEquals(1.0, Vecs.UNIT.norm1());");
        assertThat(vecs.removedCalledBy(testNamed(onUnit, "onAConstant"))).containsExactly("Vec.norm1");
        String ownVecs = onUnit.replace("class VecTest {", "class VecTest {\n    static class Vecs {\n"
                + "        static final Object UNIT = null;\n    }\n");
        assertThat(vecs.removedCalledBy(testNamed(ownVecs, "onAConstant"))).isEmpty();
        // A helper that asserts nothing (a fixture every test shares) is not what the test checked.
        String fixture = test.replace("        checkNorm1(6.0, 6.0);", "        Vec v = make();\n        assertEquals(6.0, 6.0);")
                .replace("    private static void checkNorm1(", "    private static Vec make() {\n"
                        + "        return Vec.ZERO.norm1() > 0 ? Vec.ZERO : Vec.of(0);\n    }\n\n"
                        + "    private static void checkNorm1(");
        assertThat(fixture).contains("Vec v = make();");
        assertThat(change.removedCalledBy(testNamed(fixture, "throughAHelper"))).isEmpty();
    }

    @Test
    void aRemovedStaticMethodIsFoundThroughTheTestsStaticImport() {
        String util = """
                package demo;

                public final class Dates {
                    public static String parse(String s) {
                        return s.trim();
                    }

                    public static String format(String s) {
                        return s;
                    }
                }
                """;
        String path = "src/main/java/demo/Dates.java";
        String noParse = util.replace("    public static String parse(String s) {\n        return s.trim();\n    }\n\n", "");
        assertThat(noParse).doesNotContain("parse");
        MainCodeChange change = change(path, util, noParse);
        String byName = """
                package demo;

                import static demo.Dates.parse;

                class DatesTest {
                    void parses() {
                        assertEquals("a", parse(" a "));
                    }
                }
                """;
        assertThat(change.removedCalledBy(testNamed(byName, "parses"))).containsExactly("Dates.parse");
        // Imported as a whole type, the only one so imported: the same; beside another, it is not known whose.
        String whole = byName.replace("import static demo.Dates.parse;", "import static demo.Dates.*;");
        assertThat(change.removedCalledBy(testNamed(whole, "parses"))).containsExactly("Dates.parse");
        String two = whole.replace("import static demo.Dates.*;", "import static demo.Times.*;\n"
                + "import static demo.Dates.*;");
        assertThat(two.indexOf("Times.*")).isLessThan(two.indexOf("Dates.*"));
        assertThat(change.removedCalledBy(testNamed(two, "parses"))).isEmpty();
        // A method of that name in the test's own file is the one called.
        String own = byName.replace("    void parses() {", "    static String parse(String s) {\n        return s;\n"
                + "    }\n\n    void parses() {");
        assertThat(change.removedCalledBy(testNamed(own, "parses"))).isEmpty();
        // A method that stays is not removed code.
        String formats = byName.replace("import static demo.Dates.parse;", "import static demo.Dates.format;")
                .replace("parse(\" a \")", "format(\" a \")");
        assertThat(formats).contains("format(\" a \")").doesNotContain("parse(");
        assertThat(change.removedCalledBy(testNamed(formats, "parses"))).isEmpty();
        // A type of the same simple name in another package is not the one the change edits.
        String elsewhere = byName.replace("import static demo.Dates.parse;", "import static other.Dates.parse;");
        assertThat(change.removedCalledBy(testNamed(elsewhere, "parses"))).isEmpty();
        // Imported whole into a class that inherits from another file, whose methods would be called first: not known.
        String inherits = whole.replace("class DatesTest {", "class DatesTest extends BaseTest {");
        assertThat(change.removedCalledBy(testNamed(inherits, "parses"))).isEmpty();
        // Two imports of the name: not known whose.
        String twice = byName.replace("import static demo.Dates.parse;", "import static demo.Times.parse;\n"
                + "import static demo.Dates.parse;");
        assertThat(change.removedCalledBy(testNamed(twice, "parses"))).isEmpty();
        // Other uses of the change's code are read as before: a call without a receiver ties the test to no type.
        String stripped = util.replace("return s.trim();", "return s.strip();");
        MainCodeChange edited = change(path, util, stripped);
        assertThat(edited.changedCalledBy(testNamed(byName.replace("parse(\" a \")", "Dates.parse(\" a \")"),
                "parses"))).containsExactly("Dates.parse");
        assertThat(edited.changedCalledBy(testNamed(byName, "parses"))).isEmpty();
    }
}
