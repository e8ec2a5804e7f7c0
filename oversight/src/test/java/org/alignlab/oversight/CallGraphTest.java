package org.alignlab.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The code base's call graph (calls by their receivers' declared types, through supertypes and overrides) and the
 * rule it serves: an expected value edited beside a change to code the test reaches only through files the change
 * does not touch is that code's new behaviour (low), where the changed files alone show no tie (high).
 */
class CallGraphTest {
    private static final Map<String, String> SOURCES = Map.of(
            "src/main/java/demo/Api.java", """
                    package demo;

                    public class Api {
                        public static String parse(String in) {
                            Parser p = new Parser();
                            return p.parse(in);
                        }
                    }
                    """,
            "src/main/java/demo/Parser.java", """
                    package demo;

                    class Parser {
                        private final Step step = new Lower();

                        String parse(String in) {
                            return step.run(in);
                        }
                    }
                    """,
            "src/main/java/demo/Step.java", """
                    package demo;

                    interface Step {
                        String run(String in);
                    }
                    """,
            "src/main/java/demo/Lower.java", """
                    package demo;

                    class Lower implements Step {
                        public String run(String in) {
                            return in.toLowerCase();
                        }
                    }
                    """,
            "src/main/java/demo/Upper.java", """
                    package demo;

                    class Upper implements Step {
                        public String run(String in) {
                            return shout(in);
                        }

                        private String shout(String in) {
                            return in.toUpperCase() + "!";
                        }
                    }
                    """,
            "src/main/java/demo/Base.java", """
                    package demo;

                    abstract class Base {
                        String name() {
                            return "base";
                        }
                    }
                    """,
            "src/main/java/demo/Child.java", """
                    package demo;

                    class Child extends Base {
                        String label() {
                            return name() + ":child";
                        }
                    }
                    """,
            "src/main/java/demo/Unrelated.java", """
                    package demo;

                    public class Unrelated {
                        public static String other() {
                            return "other";
                        }
                    }
                    """);

    private static CallGraph graph(Map<String, String> sources) {
        var parser = JavaDetectors.newParser();
        return CallGraph.of(sources.values().stream().map(text -> CallGraph.Part.of(parser.parse(text).getResult()
                .orElseThrow())).toList());
    }

    @Test
    void aCallReachesItsReceiversMethodTheOverridesOfItsSubtypesAndAllTheyCallButNothingElse() {
        CallGraph g = graph(SOURCES);
        // Api.parse -> Parser.parse (a local of that type) -> Step.run (a field declared as the interface) -> both
        // implementations, and the private helper one of them calls.
        assertThat(g.reach(List.of("Api.parse"))).containsExactlyInAnyOrder("Api.parse", "Parser.parse", "Step.run",
                "Lower.run", "Upper.run", "Upper.shout");
        // An unqualified call a type does not declare runs its supertype's declaration.
        assertThat(g.reach(List.of("Child.label"))).containsExactlyInAnyOrder("Child.label", "Base.name");
        // A call to a type the code base does not hold (a library's) reaches nothing.
        assertThat(g.reach(List.of("String.toLowerCase"))).isEmpty();
        assertThat(CallGraph.NONE.reach(List.of("Api.parse"))).isEmpty();
    }

    @Test
    void onlyTheFilesAWalkReachesAreParsedAndTheWalkIsTheSameAsOverEveryFileParsed() {
        var parser = JavaDetectors.newParser();
        Set<String> parsed = new java.util.TreeSet<>();
        CallGraph lazy = CallGraph.ofUnits(SOURCES.entrySet().stream().map(e -> new CallGraph.Unit(
                CallGraph.Outline.of(e.getValue()), () -> {
                    parsed.add(e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
                    return CallGraph.Part.of(parser.parse(e.getValue()).getResult().orElseThrow());
                }, e.getValue())).toList(), true, word -> word.equals("helpedBy"));
        assertThat(lazy.reach(List.of("Child.label"))).isEqualTo(graph(SOURCES).reach(List.of("Child.label")));
        assertThat(parsed).containsExactly("Base.java", "Child.java");
        assertThat(lazy.reach(List.of("Api.parse"))).isEqualTo(graph(SOURCES).reach(List.of("Api.parse")));
        assertThat(parsed).doesNotContain("Unrelated.java");
        // Which types the code base may declare, by the files' outlines, none parsed for it; a graph of the changed
        // files alone cannot say that a type is declared nowhere.
        assertThat(lazy.mayDeclare("Child")).isTrue();
        assertThat(lazy.mayDeclare("Nowhere")).isFalse();
        assertThat(lazy.seemsToDeclare("Child")).isTrue();
        assertThat(CallGraph.NONE.mayDeclare("Nowhere")).isTrue();
        assertThat(CallGraph.NONE.seemsToDeclare("Child")).isFalse();
        // Which method names the code base may declare, by the main files' and the test files' text; not known from
        // the changed files alone.
        assertThat(lazy.mayDeclareMethod("label")).isTrue();
        assertThat(lazy.mayDeclareMethod("helpedBy")).isTrue();
        assertThat(lazy.mayDeclareMethod("declaredNowhere")).isFalse();
        assertThat(CallGraph.NONE.mayDeclareMethod("declaredNowhere")).isTrue();
    }

    @Test
    void anOutlineFindsADeclarationAfterACommentThatReadsLikeOne() {
        CallGraph.Outline o = CallGraph.Outline.of("""
                package demo;

                /** Runs the class under test. */
                public class Runner extends Base implements Step {
                    // an enum of no kind; a record kept
                    record Entry(String key) implements Comparable<Entry> {
                    }
                }
                """);
        assertThat(o.declares()).contains("Runner", "Entry");
        assertThat(o.headerWords()).contains("Base", "Step", "Comparable");
    }

    @Test
    void enumConstantsNestedTypesStaticImportsAndLibraryInterfacesAreReadAsTheyRun() {
        CallGraph g = graph(Map.of(
                "src/main/java/demo/State.java", """
                        package demo;

                        enum State {
                            START {
                                String read(String in) {
                                    return Text.trim(in);
                                }
                            },
                            END {
                                String read(String in) {
                                    return in;
                                }
                            };

                            abstract String read(String in);
                        }
                        """,
                "src/main/java/demo/Text.java", """
                        package demo;

                        import static demo.Words.split;

                        class Text {
                            static String trim(String in) {
                                return split(in);
                            }

                            static class Inner {
                                String run(String in) {
                                    return trim(in);
                                }
                            }
                        }
                        """,
                "src/main/java/demo/Words.java", """
                        package demo;

                        class Words implements java.util.Iterator<String> {
                            static String split(String in) {
                                return in;
                            }

                            public boolean hasNext() {
                                return false;
                            }

                            public String next() {
                                return "";
                            }
                        }
                        """,
                "src/main/java/demo/Loop.java", """
                        package demo;

                        class Loop {
                            String first(java.util.Iterator<String> it) {
                                return it.next();
                            }
                        }
                        """));
        // A constant's body is the enum's method; a static import is its type's method.
        assertThat(g.reach(List.of("State.read"))).containsExactlyInAnyOrder("State.read", "Text.trim", "Words.split");
        // A nested type's unqualified call to a method of the type around it.
        assertThat(g.reach(List.of("Inner.run"))).contains("Text.trim", "Words.split");
        // A library's interface does not tie its every call to the code base's implementations.
        assertThat(g.reach(List.of("Loop.first"))).containsExactly("Loop.first");
    }

    @Test
    void constructorsAreMethodsThatNewThisAndSuperCallButNeitherInheritedByNameNorOverridden() {
        CallGraph g = graph(Map.of(
                "src/main/java/demo/Client.java", """
                        package demo;

                        class Client {
                            Reply get() {
                                return new Reply(this, 1);
                            }
                        }
                        """,
                "src/main/java/demo/Reply.java", """
                        package demo;

                        class Reply extends Message {
                            Reply(Client c, int n) {
                                this(n);
                                Cookies.store(c);
                            }

                            Reply(int n) {
                                super(n);
                            }
                        }
                        """,
                "src/main/java/demo/Message.java", """
                        package demo;

                        class Message {
                            Message(int n) {
                                Log.note(n);
                            }
                        }
                        """,
                "src/main/java/demo/Cookies.java", """
                        package demo;

                        class Cookies {
                            static void store(Client c) {
                            }
                        }
                        """,
                "src/main/java/demo/Log.java", """
                        package demo;

                        class Log {
                            static void note(int n) {
                            }
                        }
                        """,
                "src/main/java/demo/Quiet.java", """
                        package demo;

                        class Quiet extends Reply {
                            Quiet() {
                                super(0);
                                Cookies.store(null);
                            }
                        }
                        """));
        // new Reply(...) runs Reply's constructors, this(...) the other one, super(...) Message's, and what they call.
        assertThat(g.reach(List.of("Client.get"))).containsExactlyInAnyOrder("Client.get", "Reply.<init>",
                "Cookies.store", "Message.<init>", "Log.note");
        // A subtype's constructor does not run where its supertype is made, as an override would.
        assertThat(g.reach(List.of("Message.<init>"))).containsExactlyInAnyOrder("Message.<init>", "Log.note");
        // A type that declares none runs its superclass's (the implicit super()).
        assertThat(graph(Map.of("src/main/java/demo/Plain.java", """
                package demo;

                class Plain extends Base {
                }
                """, "src/main/java/demo/Base.java", """
                package demo;

                class Base {
                    Base() {
                        Log.note(1);
                    }
                }
                """, "src/main/java/demo/Log.java", """
                package demo;

                class Log {
                    static void note(int n) {
                    }
                }
                """)).reach(List.of("Plain.<init>"))).containsExactlyInAnyOrder("Base.<init>", "Log.note");
    }

    @Test
    void anEditToAConstructorIsAChangeToTheCodeOfATestThatMakesTheObject() {
        String before = """
                package demo;

                class Reply {
                    private final String body;

                    Reply(String raw) {
                        this.body = raw.trim();
                    }

                    String body() {
                        return body;
                    }
                }
                """;
        var parser = JavaDetectors.newParser();
        MainCodeChange code = mainEdited("src/main/java/demo/Reply.java", before,
                before.replace("raw.trim()", "raw.strip()"));
        var test = parser.parse("class T { void t() { Reply r = new Reply(\" x \"); r.body(); } }").getResult()
                .orElseThrow();
        assertThat(code.changedCalledBy(test)).containsExactly("Reply.<init>");
        // A test that does not make one is not tied to it.
        var other = parser.parse("class T { void t(Reply r) { r.body(); } }").getResult().orElseThrow();
        assertThat(code.changedCalledBy(other)).isEmpty();
    }

    @Test
    void anEditToAnyEnumConstantsBodyChangesTheMethod() {
        String before = """
                package demo;

                enum State {
                    START {
                        String read(String in) {
                            return in.trim();
                        }
                    },
                    END {
                        String read(String in) {
                            return in;
                        }
                    };

                    abstract String read(String in);
                }
                """;
        var parser = JavaDetectors.newParser();
        MainCodeChange code = mainEdited("src/main/java/demo/State.java", before,
                before.replace("return in.trim();", "return in.strip();"));
        var test = parser.parse("class T { void t() { State s = State.START; s.read(\"x\"); } }").getResult()
                .orElseThrow();
        // The first constant's body changed, not the last's: it is still a change to State.read.
        assertThat(code.changedCalledBy(test)).containsExactly("State.read");
    }

    /** What a change that edits one main file from {@code before} to {@code after} does to main code. */
    private static MainCodeChange mainEdited(String path, String before, String after) {
        var parser = JavaDetectors.newParser();
        FileChange c = new FileChange(FileChange.Kind.MODIFIED, path, path, before, after);
        return MainCodeChange.of(List.of(c), Map.of(c, new com.github.javaparser.ast.CompilationUnit[] {
                parser.parse(before).getResult().orElseThrow(), parser.parse(after).getResult().orElseThrow()}));
    }

    private static final String TEST = "src/test/java/demo/ApiTest.java";

    private static String apiTest(String expected) {
        return apiTest("", "Api.parse", expected);
    }

    /** The test, with an import added and the parse called as {@code call}. */
    private static String apiTest(String imports, String call, String expected) {
        return """
                package demo;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                %s
                import org.junit.jupiter.api.Test;

                class ApiTest {
                    @Test
                    void parses() {
                        assertEquals("%s", %s("HELLO"));
                    }
                }
                """.formatted(imports, expected, call);
    }

    private static Severity edited(String changedPath, String from, String to, TaskStatement task,
                                   Supplier<Map<String, String>> mainSources) {
        return edited(changedPath, from, to, task, mainSources, "", "Api.parse");
    }

    private static Severity edited(String changedPath, String from, String to, TaskStatement task,
                                   Supplier<Map<String, String>> mainSources, String imports, String call) {
        return edited(changedPath, from, to, task, mainSources, imports, call, t -> t);
    }

    /** As above, the test file's text passed through {@code test} on both sides. */
    private static Severity edited(String changedPath, String from, String to, TaskStatement task,
                                   Supplier<Map<String, String>> mainSources, String imports, String call,
                                   java.util.function.UnaryOperator<String> test) {
        String before = SOURCES.get(changedPath);
        List<FileChange> changes = List.of(
                new FileChange(FileChange.Kind.MODIFIED, changedPath, changedPath, before, before.replace(from, to)),
                new FileChange(FileChange.Kind.MODIFIED, TEST, TEST, test.apply(apiTest(imports, call, "hello")),
                        test.apply(apiTest(imports, call, "hello world"))));
        Report r = new ChangeMonitor().judge("repo", "base", "head", changes, Map.of(), mainSources, task,
                ScopeManifest.ANY);
        return r.findings().stream().filter(f -> f.rule().equals("java.expected-value-changed"))
                .map(Finding::severity).max(Enum::compareTo).orElse(null);
    }

    @Test
    void anExpectationEditedBesideChangedCodeTheTestReachesThroughUnchangedFilesIsSaidLow() {
        String lower = "src/main/java/demo/Lower.java";
        String change = "return in.toLowerCase() + \" world\";";
        // The test names only Api; the change edits Lower, which Api reaches through Parser and Step.
        assertThat(edited(lower, "return in.toLowerCase();", change, TaskStatement.NONE, () -> SOURCES))
                .isEqualTo(Severity.LOW);
        // Without the rest of the code base, nothing ties the test to Lower.
        assertThat(edited(lower, "return in.toLowerCase();", change, TaskStatement.NONE, Map::of))
                .isEqualTo(Severity.HIGH);
        // A change to code the test's calls do not reach leaves it high.
        assertThat(edited("src/main/java/demo/Unrelated.java", "return \"other\";", "return \"another\";",
                TaskStatement.NONE, () -> SOURCES)).isEqualTo(Severity.HIGH);
        // A task that holds the tests fixed keeps it high, reached or not.
        assertThat(edited(lower, "return in.toLowerCase();", change,
                new TaskStatement("Fix the bug: ApiTest fails on main."), () -> SOURCES)).isEqualTo(Severity.HIGH);
    }

    @Test
    void aCallThroughAStaticImportOfTheProjectsOwnCodeReachesWhatThatMethodRuns() {
        String lower = "src/main/java/demo/Lower.java";
        String change = "return in.toLowerCase() + \" world\";";
        // parse("HELLO") imported from demo.Api runs Api.parse, which reaches Lower through Parser and Step.
        assertThat(edited(lower, "return in.toLowerCase();", change, TaskStatement.NONE, () -> SOURCES,
                "import static demo.Api.parse;", "parse")).isEqualTo(Severity.LOW);
        assertThat(edited(lower, "return in.toLowerCase();", change, TaskStatement.NONE, () -> SOURCES,
                "import static demo.Api.*;", "parse")).isEqualTo(Severity.LOW);
        // Imported from a class of the same simple name in another project's package (a library's), it reaches
        // nothing of this code base.
        assertThat(edited(lower, "return in.toLowerCase();", change, TaskStatement.NONE, () -> SOURCES,
                "import static org.example.Api.parse;", "parse")).isEqualTo(Severity.HIGH);
        // Nor from a package of the same project's name that no file of the code base declares Api in (another
        // library of the same organisation): the code base's files tell where its Api is.
        assertThat(edited(lower, "return in.toLowerCase();", change, TaskStatement.NONE, () -> SOURCES,
                "import static demo.io.Api.parse;", "parse")).isEqualTo(Severity.HIGH);
        // A test class that inherits from a class of another file may inherit a parse of its own, which Java would
        // call before the imported one: nothing is assumed.
        assertThat(edited(lower, "return in.toLowerCase();", change, TaskStatement.NONE, () -> SOURCES,
                "import static demo.Api.parse;", "parse",
                t -> t.replace("class ApiTest {", "class ApiTest extends ParsingTestBase {"))).isEqualTo(Severity.HIGH);
        // So through a class of the same file that does.
        assertThat(edited(lower, "return in.toLowerCase();", change, TaskStatement.NONE, () -> SOURCES,
                "import static demo.Api.parse;", "parse", t -> t.replace("class ApiTest {",
                        "class ApiTest extends WithFixtures {\n    abstract static class WithFixtures extends "
                                + "ParsingTestBase {\n    }\n"))).isEqualTo(Severity.HIGH);
    }

    /** The test file with {@code body} as its one test method's lines. */
    private static String apiTestWith(String body) {
        return """
                package demo;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertNotNull;
                import org.junit.jupiter.api.Test;

                class ApiTest {
                %s
                }
                """.formatted(body);
    }

    /** The removed test: it parses, then trims (so a new test that only parses is not the same test renamed). */
    private static final String OLD_TEST = """
                @Test
                void parses() {
                    assertEquals("hello", Api.parse("HELLO").trim());
                }
            """;

    /**
     * The worst severity of java.test-removed when the change edits Lower.run and the test file goes from
     * {@code oldTests} to {@code newTests}.
     */
    private static Severity removed(String oldTests, String newTests, TaskStatement task,
                                    Supplier<Map<String, String>> mainSources) {
        String lower = "src/main/java/demo/Lower.java";
        String before = SOURCES.get(lower);
        List<FileChange> changes = List.of(
                new FileChange(FileChange.Kind.MODIFIED, lower, lower, before,
                        before.replace("return in.toLowerCase();", "return in.toLowerCase() + \"!\";")),
                new FileChange(FileChange.Kind.MODIFIED, TEST, TEST, apiTestWith(oldTests), apiTestWith(newTests)));
        Report r = new ChangeMonitor().judge("repo", "base", "head", changes, Map.of(), mainSources, task,
                ScopeManifest.ANY);
        return r.findings().stream().filter(f -> f.rule().equals("java.test-removed"))
                .map(Finding::severity).max(Enum::compareTo).orElse(null);
    }

    @Test
    void aTestRemovedForANewOneOfTheChangedCodeItReachesIsSaidLow() {
        String anew = """
                    @Test
                    void parsesLoudly() {
                        assertEquals("hi!", Api.parse("HI"));
                    }
                """;
        // The removed test and the new one share their entry point (Api.parse) and reach Lower.run, which the change
        // edits, only through files the change does not touch.
        assertThat(removed(OLD_TEST, anew, TaskStatement.NONE, () -> SOURCES)).isEqualTo(Severity.LOW);
        // Without the rest of the code base nothing ties either test to the change: said for review.
        assertThat(removed(OLD_TEST, anew, TaskStatement.NONE, Map::of)).isEqualTo(Severity.MEDIUM);
        // A new test that checks no value is no new test of the changed code.
        assertThat(removed(OLD_TEST, """
                    @Test
                    void parsesSomething() {
                        assertNotNull(Api.parse("HI"));
                    }
                """, TaskStatement.NONE, () -> SOURCES)).isEqualTo(Severity.MEDIUM);
        // A new test under a condition may never run.
        assertThat(removed(OLD_TEST, anew.replace("@Test", "@Test @org.junit.jupiter.api.condition.EnabledOnOs("
                + "org.junit.jupiter.api.condition.OS.AIX)"), TaskStatement.NONE, () -> SOURCES))
                .isEqualTo(Severity.MEDIUM);
        // One new test does not stand for two removed ones.
        String second = """
                    @Test
                    void parsesTwice() {
                        assertEquals("hello", Api.parse(Api.parse("HELLO")).trim());
                    }
                """;
        assertThat(removed(OLD_TEST + second, anew, TaskStatement.NONE, () -> SOURCES)).isNotEqualTo(Severity.LOW);
        // Another test renamed is no new test, even with as many tests added as removed: the removed one stays said.
        String kept = """
                    @Test
                    void parsesAgain() {
                        assertEquals("hi", Api.parse("HI"));
                    }
                """;
        String unrelated = """
                    @Test
                    void countsToOne() {
                        assertEquals(1, Integer.parseInt("1"));
                    }
                """;
        assertThat(removed(OLD_TEST + kept, kept.replace("parsesAgain", "parsesOnceMore") + unrelated,
                TaskStatement.NONE, () -> SOURCES)).isNotEqualTo(Severity.LOW);
        // A task that holds the tests fixed keeps it for review.
        assertThat(removed(OLD_TEST, anew, new TaskStatement("Fix the bug: ApiTest fails on main."), () -> SOURCES))
                .isEqualTo(Severity.MEDIUM);
        // Where the tests call the changed code itself, a new test of it stands for the old one, unless it runs only
        // under a condition.
        String oldDirect = """
                    @Test
                    void runs() {
                        assertEquals("hello", new Lower().run("HELLO").trim());
                    }
                """;
        String newDirect = """
                    @Test
                    void runsLoudly() {
                        assertEquals("hi!", new Lower().run("HI"));
                    }
                """;
        assertThat(removed(oldDirect, newDirect, TaskStatement.NONE, Map::of)).isEqualTo(Severity.LOW);
        assertThat(removed(oldDirect, newDirect.replace("@Test", "@Test @org.junit.jupiter.api.condition.EnabledOnOs("
                + "org.junit.jupiter.api.condition.OS.AIX)"), TaskStatement.NONE, Map::of)).isNotEqualTo(Severity.LOW);
    }

    @Test
    void theCodeBaseIsReadOnlyWhenATestEditNeedsIt() {
        Set<String> asked = new java.util.HashSet<>();
        String lower = "src/main/java/demo/Lower.java";
        String before = SOURCES.get(lower);
        List<FileChange> onlyMain = List.of(new FileChange(FileChange.Kind.MODIFIED, lower, lower, before,
                before.replace("toLowerCase()", "toLowerCase().trim()")));
        new ChangeMonitor().judge("repo", "base", "head", onlyMain, Map.of(), () -> {
            asked.add("main sources");
            return SOURCES;
        }, TaskStatement.NONE, ScopeManifest.ANY);
        assertThat(asked).isEmpty();
    }
}
