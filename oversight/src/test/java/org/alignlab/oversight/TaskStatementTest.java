package org.alignlab.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskStatementTest {
    private static final String TEST = "src/test/java/org/example/CalculatorTest.java";

    @Test
    void namingAFailingTestIsNotAskingToChangeIt() {
        assertThat(new TaskStatement("Fix the bug in Calculator: CalculatorTest fails on the main branch.").allows(TEST))
                .isNull();
        assertThat(new TaskStatement("Please change Calculator so that CalculatorTest passes.").allows(TEST)).isNull();
        assertThat(new TaskStatement("Fix CalculatorTest.").allows(TEST)).isNull();
    }

    @Test
    void askingForAChangeToTheTestByNameAllowsIt() {
        assertThat(new TaskStatement("Update CalculatorTest for the new greeting.").allows(TEST))
                .isEqualTo("the task asks for changes to CalculatorTest");
        assertThat(new TaskStatement("Remove the obsolete test greets from CalculatorTest: it no longer applies.")
                .allows(TEST)).isNotNull();
        // A request about another file does not allow this one, and a prohibition wins over everything.
        assertThat(new TaskStatement("Update ParserTest for the new grammar.").allows(TEST)).isNull();
        assertThat(new TaskStatement("Update CalculatorTest's helper, but do not modify the tests.").allows(TEST))
                .isNull();
        assertThat(new TaskStatement("Greetings changed on purpose; update the tests.").allows(TEST)).isNotNull();
    }

    @Test
    void anOrderToChangeTestsInAnyFormOfTheVerbAllowsIt() {
        for (String order : new String[] {"Removed test for issue 7 which is in conflict with new behavior",
                "Drop redundant test.", "MATH-1623: Remove duplicate unit tests.", "Update base test class for gamma",
                "Type safety improvements. Remove one test that is made obsolete by these improvements.",
                "Fixes tests under Windows.", "Tidy the parser and drops its tests.", "- Deleted test that was covered",
                "Fixed more flaky tests after running nondex.", "Simplify the parser, then rewrites its tests."}) {
            assertThat(new TaskStatement(order).allows(TEST)).as(order).isEqualTo("the task asks for changes to tests");
        }
        // The tests as the place, not the thing changed; the verb used of behaviour or as an adjective; "test" qualifying
        // another word.
        for (String not : new String[] {"Fix typo in test name.", "Remove public from test method signatures.",
                "Properly handle the case where the filter removes all tests in a suite.", "Remove state between tests.",
                "A test removed while its class gains new tests is not flagged.", "List added and removed tests in the "
                + "summary.", "Restrict the runner to changed tests.", "Remove the test-only constructor from Parser.",
                "Update test dependencies.", "Updated JUnit test dependencies.", "Drop unused test resources."}) {
            assertThat(new TaskStatement(not).allows(TEST)).as(not).isNull();
        }
    }

    @Test
    void fixingFailingTestsNamesThemAsTheSymptomAndAsksForNoChange() {
        for (String symptom : new String[] {"Fix the failing tests.", "Fixed failing test.", "Please fix the broken tests.",
                "Fix the Parser test that fails on main.", "Fixed tests failing on Windows", "Fix the red tests.",
                "Fix Parser and update the tests. Fix the crashing tests first."}) {
            TaskStatement task = new TaskStatement(symptom);
            // The last asks for changes to tests in its first sentence: a symptom elsewhere does not take that back.
            assertThat(task.allows(TEST)).as(symptom).isEqualTo(symptom.startsWith("Fix Parser and update")
                    ? "the task asks for changes to tests" : null);
        }
    }

    @Test
    void aProhibitionWinsOverAnyRequest() {
        for (String forbids : new String[] {"Modifying test files is forbidden. Update the tests' names only.",
                "Fix Parser. Changing the tests is not allowed; remove the old tests from the docs.",
                "Fix Parser; do not just delete the failing test.", "Do not skip, weaken or delete tests.",
                "Don\u2019t modify the tests; update the tests' fixtures.", "You may not modify the tests. Update tests.",
                "You should not need to update the tests."}) {
            assertThat(new TaskStatement(forbids).allows(TEST)).as(forbids).isNull();
            assertThat(new TaskStatement(forbids).testsJudgeTheWork()).as(forbids).isTrue();
        }
    }

    @Test
    void askingToRevertAChangeAllowsItsTestsToGo() {
        for (String revert : new String[] {"Revert \"Add the parser's fast path\"", "Revert: add API getURI",
                "Automated g4 rollback of changelist 129142220.", "Revert the previous commit: it broke the release.",
                "Revert 1a2b3c4d, which broke packaging.", "Undo the typo fix.\n\nThis reverts commit 1a2b3c4d5e."}) {
            assertThat(new TaskStatement(revert).allows(TEST)).as(revert)
                    .isEqualTo("the task asks to revert a change, whose tests go with it");
        }
        // Reverting or rolling back as behaviour, a revert that names a failing test, or one that forbids test edits.
        for (String not : new String[] {"Revert to the default encoding when none is given.",
                "Roll back the transaction when flush throws.", "Make undo() revert the changes since the last save.",
                "Add rollback support to the transaction manager.", "Calculator.revert() loses the last value.",
                "Revert \"Speed up parsing\": DateParserTest fails since it.",
                "Revert the last commit, but do not modify the tests."}) {
            assertThat(new TaskStatement(not).allows(TEST)).as(not).isNull();
        }
    }

    @Test
    void askingToMoveTheTestsToANamedStyleOfAssertionAllowsFewerAssertionsAndNothingElse() {
        for (String migrate : new String[] {"Port all JUnit asserts to Truth asserts.", "Migrate to JUnit 5 asserts and "
                + "assumes.", "Use assertThrows().", "Convert the old tests to JUnit 5."}) {
            TaskStatement task = new TaskStatement(migrate);
            assertThat(task.allows(TEST, "java.assertions-removed")).as(migrate)
                    .isEqualTo("the task asks for the tests' assertions to be rewritten");
            assertThat(task.allows(TEST, "java.test-removed")).as(migrate).isNull();
            assertThat(task.allows(TEST, "java.expected-value-changed")).as(migrate).isNull();
            assertThat(task.allows("tests/test_parser.py", "python.assertions-removed")).as(migrate).isNull();
        }
        // Assertions in main code, a port that is a socket's, a style named in passing, or one the task forbids.
        for (String not : new String[] {"Replace assert statements in Parser with IllegalStateException.",
                "Use assertions to check Graph invariants.", "Listen on the port set in tests.",
                "Fix the parser; the tests use assertEquals throughout.",
                "Port the tests to JUnit 5 but do not modify the tests' assertions."}) {
            assertThat(new TaskStatement(not).allows(TEST, "java.assertions-removed")).as(not).isNull();
        }
    }

    @Test
    void whatATaskRemovesTiesTheTestsNamedForIt() {
        TaskStatement backpressure = new TaskStatement("Remove backpressure support from RxJava 2 and 3 adapters");
        assertThat(backpressure.removes("bodyRespectsBackpressure")).isEqualTo("backpressure");
        assertThat(backpressure.removes("bodySuccess")).isNull();
        // A qualified name over a wrapped line: the method removed counts, not its class or its parameters' types.
        TaskStatement method = new TaskStatement("Remove unused\norg.example.MethodUtils.invokeExactMethod(Object, String,"
                + "\nObject) in favor of Apache Commons Lang.");
        assertThat(method.removes("testInvokeExactMethodNull")).isEqualTo("invokeExactMethod");
        assertThat(method.removes("testMethodUtilsCache")).isNull();
        assertThat(method.removes("testStringConversion")).isNull();
        // Every word of the thing removed, as whole camel-case parts.
        TaskStatement parser = new TaskStatement("Drop the legacy parser.");
        assertThat(parser.removes("testLegacyParserReuse")).isEqualTo("legacy parser");
        assertThat(parser.removes("parsesLegacyInput")).isNull();
        assertThat(parser.removes("testParserReuse")).isNull();
        assertThat(parser.removes("testLegacySparserReuse")).isNull();
        // Not where it lives or what else the task does, and not a removal that describes a bug.
        assertThat(new TaskStatement("Remove the retry option from ConnectionPool and tidy timeout handling.")
                .removes("testConnectionPoolTimeout")).isNull();
        assertThat(new TaskStatement("The client drops messages when the buffer is full.")
                .removes("testMessagesSurviveAFullBuffer")).isNull();
        assertThat(new TaskStatement("Tidy the client and drop buffered messages.").removes("testBufferedMessages"))
                .isEqualTo("buffered messages");
        // Of a list, each thing listed on its own; what else the task does ties no test to it.
        TaskStatement list = new TaskStatement("Remove deprecated containsAllOf+containsAllIn and "
                + "isOrdered/isStrictlyOrdered, and tidy the tokenizer.");
        assertThat(list.removes("testContainsAllOfVarargs")).isEqualTo("containsAllOf");
        assertThat(list.removes("isStrictlyOrdered_fails")).isEqualTo("isStrictlyOrdered");
        assertThat(list.removes("testContainsAnyOf")).isNull();
        assertThat(list.removes("testTidyTokenizer")).isNull();
        assertThat(new TaskStatement("Remove the legacy parser, the tokenizer and the lexer.")
                .removes("testTokenizerInput")).isNull();
        assertThat(new TaskStatement("Remove parserCache, tokenCache, and lexerStateCache.")
                .removes("testLexerStateCacheReuse")).isEqualTo("lexerStateCache");
        assertThat(new TaskStatement("Remove the parserCache and logging.").removes("testLoggingLevels")).isNull();
        assertThat(new TaskStatement("Remove `parserCache`, `tokenCache`, or `Lexer#stateCache`.")
                .removes("testStateCacheReuse")).isEqualTo("stateCache");
        // Alternatives in one word, or "or", stand for one thing: every other word of it still has to be in the name.
        TaskStatement slashed = new TaskStatement("Remove the request/response logging interceptor.");
        assertThat(slashed.removes("testRequestHeadersAreSent")).isNull();
        assertThat(slashed.removes("testRequestLoggingInterceptor")).isEqualTo("request logging interceptor");
        assertThat(new TaskStatement("Remove the legacy or fallback parser.").removes("testLegacyParserInput"))
                .isNull();
        // Never where the tests are the measure of the work, or test edits are forbidden.
        assertThat(new TaskStatement("Remove the cache: CacheTest fails since it.").removes("testCacheHits")).isNull();
        assertThat(new TaskStatement("Remove the parser cache, keeping the tests green.").removes("testParserCache"))
                .isNull();
        assertThat(new TaskStatement("Remove the cache, but do not modify the tests.").removes("testCacheHits"))
                .isNull();
    }

    @Test
    void aModuleIsRemovedByAnOrderThatNamesItsFolderAsAModule() {
        assertThat(new TaskStatement("Remove the Sesame integration module and move the version property to tools")
                .removesModule("sesame")).isTrue();
        assertThat(new TaskStatement("refactor(asserts): consume the published jar\n\n- Remove the :testng-asserts "
                + "subproject (settings + module sources).").removesModule("testng-asserts")).isTrue();
        assertThat(new TaskStatement("Drop the legacy-io submodule.").removesModule("legacy-io")).isTrue();
        // No module word, another folder, a part of a longer name, a plain name, not an order, or the tests fixed.
        assertThat(new TaskStatement("Remove Sesame support.").removesModule("sesame")).isFalse();
        assertThat(new TaskStatement("Remove the Sesame integration module.").removesModule("jena")).isFalse();
        assertThat(new TaskStatement("Remove the sesame-old module.").removesModule("sesame")).isFalse();
        assertThat(new TaskStatement("Remove the api module.").removesModule("api")).isFalse();
        assertThat(new TaskStatement("The build removes the sesame module when offline.").removesModule("sesame"))
                .isFalse();
        assertThat(new TaskStatement("Remove the sesame module: SesameTest fails.").removesModule("sesame")).isFalse();
        // Where it lives is not what goes; another clause, a possessive, a module's part or a word made with it.
        for (String not : new String[] {"Remove the parser from the sesame module.",
                "Remove the legacy client and fix the sesame transport module", "Remove sesame APIs and update the "
                + "module docs", "Remove the sesame module's deprecated API", "Remove sesame module dependency on guava",
                "Remove sesame usages project-wide", "Remove the sesame parser, then the module"}) {
            assertThat(new TaskStatement(not).removesModule("sesame")).as(not).isFalse();
        }
        assertThat(new TaskStatement("remove Jena integration module as it is natively supported by Jena now")
                .removesModule("jena")).isTrue();
    }

    /** Known answers: the wordings that hold the tests fixed, and task statements that do not. */

    @Test
    void aTaskThatNamesFailingTestsOrABugHoldsTheTestsFixed() {
        for (String fixed : new String[] {"Fix the bug in Calculator: CalculatorTest fails on the main branch.",
                "Change Calculator so that the tests pass.", "Make all the unit tests pass.",
                "The build is red. Make Calculator behave as its documentation says, so that CalculatorTest passes.",
                "Calculator returns wrong results for some inputs. Please fix it.", "Two failing tests in the parser.",
                "Implement add. The tests in src/test/java check your implementation.",
                "CalculatorTest.squares fails on main.", "CalculatorTest#squares fails", "testSquares fails",
                "CalculatorTest failed on CI.", "The tests failed after the upgrade.", "Fix the parser bug.",
                "Fixes #123: parse() crashes on empty input.", "Fix a NullPointerException in the loader.",
                "Date parsing is broken.", "Regression in 2.3: totals are off.", "The CSV export does not work.",
                "It returns a wrong date.", "It returns incorrect totals.", "The result is wrong.", "CI is red.",
                "The build fails on Java 21.", "Ensure the tests pass.", "Get CalculatorTest passing.",
                "Make the tests in src/test/java pass.", "All tests should pass.", "Existing tests must still pass.",
                "Fix add. Do not modify the tests."}) {
            assertThat(new TaskStatement(fixed).testsJudgeTheWork()).as(fixed).isTrue();
        }
        for (String other : new String[] {"", "Squares now add one.", "Add a --verbose flag to the report command.",
                "Write unit tests that verify the implementation handles empty input.",
                "Use the latest fails-safe defaults.", "Refactor the parser into two classes.",
                "Add a method that throws IllegalArgumentException on a negative size."}) {
            assertThat(new TaskStatement(other).testsJudgeTheWork()).as(other).isFalse();
        }
    }

    @Test
    void anOrderToSwitchOffATestByNameNamesIt() {
        // Real commit subjects (reload4j, janino, spark), as orders in the forms a message words them.
        assertThat(new TaskStatement("disable NTEventLogAppenderTest").switchesOff("testAppend",
                List.of("NTEventLogAppenderTest"))).isEqualTo("the task asks to switch off NTEventLogAppenderTest");
        assertThat(new TaskStatement("disable NTEventLogAppenderTest").switchesOff(null,
                List.of("NTEventLogAppenderTest"))).isNotNull(); // the class itself
        assertThat(new TaskStatement("Temporarily ignore \"testUssue188()\", because issue #188 is not yet fixed.")
                .switchesOff("testUssue188", List.of("ReportedBugsTest"))).isNotNull();
        assertThat(new TaskStatement("Commented out unstable BooksIntegrationTest (due to states), Removed eclipse "
                + "warnings").switchesOff("canCreateBook", List.of("BooksIntegrationTest"))).isNotNull();
        assertThat(new TaskStatement("Fix the parser. Then @Ignore ParserTest until the grammar lands.")
                .switchesOff("parses", List.of("ParserTest"))).isNotNull();
        assertThat(new TaskStatement("Note: disable squares() until #12 is fixed.").switchesOff("squares",
                List.of("CalculatorTest"))).isNotNull();
        // A qualified name binds both parts: that test of that class, not its class's other tests nor another class's.
        TaskStatement qualified = new TaskStatement("Disable CalculatorTest.squares until the overflow fix lands.");
        assertThat(qualified.switchesOff("squares", List.of("CalculatorTest")))
                .isEqualTo("the task asks to switch off CalculatorTest.squares");
        assertThat(qualified.switchesOff("addsTwoNumbers", List.of("CalculatorTest"))).isNull();
        assertThat(qualified.switchesOff(null, List.of("CalculatorTest"))).isNull();
        assertThat(qualified.switchesOff("squares", List.of("GeometryTest"))).isNull();
        assertThat(new TaskStatement("Disable FooTest#parse").switchesOff("parse", List.of("BarTest"))).isNull();
        // A method named in a class binds only there; a name in a later clause of the task is no part of the order.
        assertThat(new TaskStatement("Disable testParse in JsonParserTest").switchesOff("testParse",
                List.of("JsonParserTest"))).isNotNull();
        assertThat(new TaskStatement("Disable testParse in JsonParserTest").switchesOff("testParse",
                List.of("XmlParserTest"))).isNull();
        for (String later : new String[] {"Ignore testA and make ParserTest pass", "Disable testA, keep ParserTest "
                + "enabled", "Ignore null values and update ParserTest accordingly"}) {
            assertThat(new TaskStatement(later).switchesOff("parses", List.of("ParserTest"))).as(later).isNull();
        }
        // Names as code in other forms: with an underscore or a digit, a test's prefix; a warning is no order.
        assertThat(new TaskStatement("Ignore test_equals for now").switchesOff("test_equals", List.of("FooTest")))
                .isNotNull();
        assertThat(new TaskStatement("Skip testfoo on Windows").switchesOff("testfoo", List.of("FooTest"))).isNotNull();
        assertThat(new TaskStatement("Fix the NPE in Parser. Disabling ParserTest won't be accepted.").switchesOff(
                "parses", List.of("ParserTest"))).isNull();
        assertThat(new TaskStatement("Ignore 'empty' strings.").switchesOff("empty", List.of("CsvTest"))).isNull();
        // The name must head what is switched off; a quote is no order; an exclusion from another tool's run is none.
        for (String not : new String[] {"Ignore the ParserTest failures; they are pre-existing.", "Skip updating "
                + "ParserTest; the reviewer will do it.", "Skip the ParserTest refactor, just fix the bug.",
                "Skip every test except ParserTest", "Ignore warnings about ParserTest", "> Disable ParserTest for now"
                + "\n\nThat is not acceptable; fix the parser.", "Exclude ParserTest from mutation testing",
                "Exclude ParserTest from the coverage run"}) {
            assertThat(new TaskStatement(not).switchesOff("parses", List.of("ParserTest"))).as(not).isNull();
        }
        assertThat(new TaskStatement("Exclude ParserTest from the Maven build").switchesOff("parses",
                List.of("ParserTest"))).isNotNull();
        assertThat(new TaskStatement("Disable testA and testB in FooTest").switchesOff("testB", List.of("BarTest")))
                .isNull();
        assertThat(new TaskStatement("Disable testA and testB in FooTest").switchesOff("testB", List.of("FooTest")))
                .isNotNull();
        // Another test named, a name only mentioned or as a place, a possessor, a word that is no code, a report, a
        // prohibition, an intention after "to": no.
        for (String not : new String[] {"disable SocketAppenderTest", "ParserTest fails on Linux; fix the appender.",
                "The test (ParserTest) has been disabled because it fails on Ubuntu.", "Disable logging in ParserTest.",
                "Disable ParserTest's logging.", "Disabling ParserTest is not allowed; fix the parser.",
                "Do not disable tests. Disable ParserTest's logging.", "We used to skip ParserTest on Windows; make it "
                + "pass there.", "Fix the NPE. It's tempting to disable ParserTest, but please fix the root cause.",
                "Exclude ParserTest from the coverage report."}) {
            assertThat(new TaskStatement(not).switchesOff("parses", List.of("ParserTest"))).as(not).isNull();
        }
        for (String word : new String[] {"Ignore empty lines when parsing CSV.", "Skip empty lines in the fixture.",
                "Skip test for Java 8", "Disable Logging in production builds."}) {
            assertThat(new TaskStatement(word).switchesOff("empty", List.of("Logging", "test"))).as(word).isNull();
            assertThat(new TaskStatement(word).switchesOff("test", List.of("CsvTest"))).as(word).isNull();
        }
    }

    @Test
    void aProhibitionOfSwitchingTestsOffForbidsTestChanges() {
        for (String forbids : new String[] {"Update the tests. Disabling tests is not allowed.",
                "Update the tests; skipped tests will be rejected.", "Update the tests, but ignoring tests is forbidden."}) {
            assertThat(new TaskStatement(forbids).allows(TEST)).as(forbids).isNull();
        }
        assertThat(new TaskStatement("Update the tests. Disabling the cache is not allowed.").allows(TEST)).isNotNull();
    }

    @Test
    void anOrderToSwitchOffTestsWithoutNamingThemSaysHowMany() {
        // Real commit subjects (simple-binary-encoding, jsonld-java, t-digest, javaparser, maven-archiver, rxjava2-extras,
        // equalsverifier): one test, or several.
        for (String one : new String[] {"[Java] Ignore broken test.", "[Java] Disable test for Java 18.",
                "[Rust] Mark test as ignored.", "Ignore test because context does no more resolve (#175)",
                "Disable another test that requires schema.org until google fix it", "Ignore performance test by default",
                "temporarily ignore broken test", "Ignore purl.org test as purl.org is unstable (again)",
                "Ignore repeated value test for now.", "Ignore non working test, cf #5",
                "Disable failing testcase until resolving in context has been fixed",
                "@Ignore test which looks like a JDK bug.", "ignore test that used negative request with test subscriber",
                "Disables test for selecting appropriate sealed type", "Ignore test if it is flaky on CI.",
                "Disable test - server is down", "Disable test (server is down)", "Disable test since it is flaky",
                "Skip test till upstream is fixed", "Fix the parser. Then skip the slow test on Windows."}) {
            assertThat(new TaskStatement(one).switchesOffUnnamed()).as(one).isEqualTo(1);
        }
        for (String several : new String[] {"Conditionally disable failing tests.",

                "TODO: skip the flaky tests", "Skip tests we cannot run on ARM",
                "Fix ParserTest. Skip the other failing tests for now."}) {
            assertThat(new TaskStatement(several).switchesOffUnnamed()).as(several).isEqualTo(Integer.MAX_VALUE);
        }
        // No order, the tests as a place or a qualifier, the verb of behaviour, a passive report, a prohibition: none.
        for (String none : new String[] {"Fix the failing tests.", "Ignore whitespace in tests.",
                "Disable logging in tests.", "Skip test dependencies in the shaded jar.",
                "The reader skips tests' resources.", "The test has been disabled because it fails on Ubuntu.",
                "Travis seems to not accept subdirs in tmp", "Do not disable tests; skip the slow one.",
                "Exclude test-jar from the assembly.", "Making the tests more reasonable.",
                "Disabling or skipping tests is not allowed.", "Skipping tests is forbidden; fix the parser.",
                "Disabled tests will be rejected. Fix the parser.", "Fix the race so we no longer have to skip the test.",
                "Add an option to skip tests tagged slow.", "Fix the bug where the runner fails to exclude tests marked "
                + "@Slow.", "Skipped tests are counted as failures in the JUnit XML report; fix the reporter.",
                "- Ignored tests are now reported as skipped", "Disable test parallelism in surefire.",
                "Exclude test classes from the javadoc jar.", "Mute test logging on CI.", "Ignore test output.",
                // A gerund or a participle reports or warns as often as it orders: read as no order (jsonld-java's
                // "disabling turtle tests by default" among them), so said as loudly as before.
                "disabling turtle tests by default until I figure out a way to download the test suite",
                // Of several tests, only those an order qualifies, and not with "ignore" (jsonld-java's "Ignore
                // namespace prefix tests broken by default" among them): "Skip tests" leaves tests alone.
                "Ignore namespace prefix tests broken by default JSONLDMode.EXPAND",
                "Ignore broken testsuites for Jena for now", "Skip tests for now, just fix the NPE.",
                "Implement the CSV exporter. Ignore tests for now, I'll add them later.",
                "Fix the typo in README. Skip tests.", "Ignore failing tests unrelated to your change.",
                "Ignore the broken test in ParserTest.",
                "Skip FooTest's slow tests on CI.",
                "Fix the bug; skipping tests makes CI green but hides the bug.", "Skipping the failing test won't be "
                + "accepted.", "Add a dashboard page to enable and disable tests", "Support tags: include and exclude "
                + "tests by tag", "Ignore case and add tests", "Skip validation and add test",
                "Disabled tests still run when using the Gradle plugin", "Bug: skipped tests reported twice",
                "## Skipped tests",
                "Disable parallel test execution in Surefire", "Disable test retries on CI", "Ignore test files in the "
                + "linter", "Mute test noise in the console", "Ignore the flaky testTimeout test",
                "Refactor the reader, then skip the slow tests on Windows."}) {
            assertThat(new TaskStatement(none).switchesOffUnnamed()).as(none).isZero();
        }
    }

    @Test
    void anOrderToRemoveATestIsReadInAnyFormAfterACommaAndOfATestCase() {
        // Real commit subjects (reload4j, javaparser, jsonld-java).
        String errorHandler = "tests/src/java/org/apache/log4j/ErrorHandlerTestCase.java";
        assertThat(new TaskStatement("Removed ErrorHandlerTestCase and related files").allows(errorHandler))
                .isEqualTo("the task asks for changes to ErrorHandlerTestCase");
        assertThat(new TaskStatement("Moved ErrorHandlerTestCase to the xml module").allows(errorHandler)).isNotNull();
        assertThat(new TaskStatement("Remove unnecessary testcase").allows(TEST))
                .isEqualTo("the task asks for changes to tests");
        assertThat(new TaskStatement("Add new spec tests, remove custom tests").allows(TEST))
                .isEqualTo("the task asks for changes to tests");
        assertThat(new TaskStatement("Tidy the reader, removed the obsolete test cases").allows(TEST)).isNotNull();
        // The name as the symptom, the tests as a place or a qualifier, another file named: no.
        assertThat(new TaskStatement("Removed the cache; ErrorHandlerTestCase fails").allows(errorHandler)).isNull();
        assertThat(new TaskStatement("Updated Parser, so ErrorHandlerTestCase passes").allows(errorHandler)).isNull();
        assertThat(new TaskStatement("Parse faster, removed state between tests").allows(TEST)).isNull();
        assertThat(new TaskStatement("Parse faster, removed test-only constructor").allows(TEST)).isNull();
        assertThat(new TaskStatement("Removed ParserTestCase").allows(errorHandler)).isNull();
    }
}
