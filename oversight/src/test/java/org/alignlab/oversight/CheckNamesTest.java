package org.alignlab.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Known answers for which calls are checks, and the name each goes by ({@link JavaDetectors#checkName}). */
class CheckNamesTest {
    private static final String TEST = """
            package demo;

            import static org.assertj.core.api.BDDAssertions.then;
            import static org.assertj.core.api.BDDAssertions.thenThrownBy;
            import static org.mockito.Mockito.when;

            class GreeterTest {
                void checks(Greeter greeter, java.util.concurrent.CompletableFuture<String> future) {
                    then(greeter.greet("A")).isEqualTo("Hi");
                    thenThrownBy(() -> greeter.greet(null)).isInstanceOf(NullPointerException.class);
                    org.mockito.BDDMockito.then(greeter).should().greet("A");
                    then(greeter.greet("B")).as("described only");
                    then(greeter.greet("C")).usingDefaultComparator();
                    when(greeter.greet("D")).thenReturn("Hey").thenReturn("Ho").getMock();
                    thenThrownBy(() -> greeter.greet(null));
                    future.thenApply(String::trim).join();
                }
            }
            """;

    @Test
    void bddChecksGoByTheNamesOfTheirAssertThatAndVerifyFormsAndNothingElseIsACheck() {
        CompilationUnit cu = new JavaDetectors().parse(TEST);
        Map<String, String> names = new TreeMap<>();
        for (MethodCallExpr c : cu.findAll(MethodCallExpr.class)) {
            if (c.getNameAsString().startsWith("then")) {
                names.put(c.toString().substring(0, Math.min(60, c.toString().length())),
                        JavaDetectors.isAssertion(c) + " " + JavaDetectors.checkName(c));
            }
        }
        assertThat(names).containsEntry("then(greeter.greet(\"A\"))", "true assertThat")
                .containsEntry("thenThrownBy(() -> greeter.greet(null))", "true assertThatThrownBy")
                .containsEntry("org.mockito.BDDMockito.then(greeter)", "true verify")
                .containsEntry("then(greeter.greet(\"B\"))", "false then")
                .containsEntry("then(greeter.greet(\"C\"))", "false then")
                .containsEntry("when(greeter.greet(\"D\")).thenReturn(\"Hey\")", "false thenReturn")
                .containsEntry("when(greeter.greet(\"D\")).thenReturn(\"Hey\").thenReturn(\"Ho\")",
                        "false thenReturn")
                .containsEntry("thenThrownBy(() -> greeter.greet(null))", "true assertThatThrownBy")
                .containsEntry("future.thenApply(String::trim)", "false thenApply");
        // Mockito's then imported by name; a BDD class imported whole names no call but a then...; an import of the
        // name itself comes first.
        String mockito = """
                package demo;

                import static org.mockito.BDDMockito.*;
                import static demo.Steps.thenDone;

                class GreeterTest {
                    void checks(Greeter greeter) {
                        then(greeter).should().greet("A");
                        thenDone(greeter).isTrue();
                        makeGreeter().greet("B");
                    }
                }
                """;
        Map<String, String> mocked = new TreeMap<>();
        for (MethodCallExpr c : new JavaDetectors().parse(mockito).findAll(MethodCallExpr.class)) {
            mocked.put(c.getNameAsString(), JavaDetectors.isAssertion(c) + " " + JavaDetectors.checkName(c) + " "
                    + JavaDetectors.bddClass(c));
        }
        assertThat(mocked).containsEntry("then", "true verify BDDMockito")
                .containsEntry("thenDone", "false thenDone null").containsEntry("makeGreeter", "false makeGreeter null");
        // A then of the file's own is no BDD class's, whatever the imports say.
        CompilationUnit own = new JavaDetectors().parse(TEST.replace("    void checks(", """
                    static <T> org.assertj.core.api.ObjectAssert<T> then(T value) {
                        return null;
                    }

                    void checks("""));
        assertThat(own.findAll(MethodCallExpr.class, c -> c.toString().equals("then(greeter.greet(\"A\"))"))
                .stream().map(JavaDetectors::isAssertion)).containsExactly(false);
    }
}
