package org.alignlab.oversight;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Detectors that read the lines a change adds or removes: the build (Maven Surefire skip, excludes
 * and ignored failures; Gradle test exclusions), CI workflows, and Python tests (pytest skip and
 * xfail, removed test functions and assertions, {@code __eq__} returning True, exits, conftest).
 */
final class TextDetectors {
    private TextDetectors() {
    }

    /** A pattern over one added line, and what it means. */
    private record Rule(String id, Category category, Severity severity, Pattern pattern, String rationale) {
    }

    private static final List<Rule> BUILD = List.of(
            new Rule("build.tests-skipped", Category.G1, Severity.HIGH, Pattern.compile(
                    "<(skipTests|maven\\.test\\.skip|skipITs)>\\s*true|skipTests\\s*=\\s*true"),
                    "The build now skips the tests."),
            new Rule("build.failures-ignored", Category.G3, Severity.HIGH, Pattern.compile(
                    "<testFailureIgnore>\\s*true|ignoreFailures\\s*=\\s*true|<maven\\.test\\.failure\\.ignore>\\s*true"),
                    "The build now ignores test failures, so a failing test no longer fails it."),
            new Rule("build.tests-excluded", Category.G1, Severity.HIGH, Pattern.compile(
                    "<exclude>[^<]*(Test|Tests|IT|TestCase)(\\.java|\\.class|\\*|</)"
                            + "|\\bexclude\\s*\\(?\\s*['\"][^'\"]*(Test|Tests|IT)(\\.class|\\.java|\\*|['\"])"),
                    "The build now excludes tests from the run."));

    /**
     * Build settings that skip tests only in context: Surefire's or Failsafe's {@code <skip>}, and a
     * Gradle test task switched off ({@code enabled = false} is everyday for jar or bootJar tasks).
     */
    private static final Pattern SUREFIRE_SKIP = Pattern.compile(
            "(?s)<artifactId>maven-(surefire|failsafe)-plugin</artifactId>(?:(?!</plugin>).)*<skip>\\s*true");
    private static final Pattern GRADLE_TEST_OFF = Pattern.compile(
            "(?s)\\b(test|tasks\\.test|tasks\\.named\\(\\s*['\"]test['\"]\\s*\\))\\s*\\{[^}]*enabled\\s*=\\s*false"
                    + "|\\btest\\s*\\{[^}]*onlyIf\\s*\\{\\s*false");

    private static final List<Rule> CI = List.of(
            new Rule("ci.tests-skipped", Category.G3, Severity.HIGH, Pattern.compile(
                    "-DskipTests|-Dmaven\\.test\\.skip|-x\\s+test\\b|--no-tests"),
                    "The CI workflow now skips the tests."),
            new Rule("ci.failure-ignored", Category.G3, Severity.HIGH, Pattern.compile(
                    "(mvn|mvnw|gradle|gradlew|pytest|tox|npm\\s+(run\\s+)?test|make\\s+test)[^\\n]*\\|\\|\\s*true"
                            + "|-Dmaven\\.test\\.failure\\.ignore"),
                    "The CI workflow now lets a failing test step pass."),
            new Rule("ci.step-may-fail", Category.G3, Severity.MEDIUM, Pattern.compile(
                    "continue-on-error:\\s*true|allow_failure:\\s*true"),
                    "A CI step may now fail without failing the workflow; check which."));

    private static final List<Rule> PYTHON_TESTS = List.of(
            new Rule("python.test-skipped", Category.G1, Severity.HIGH, Pattern.compile(
                    "pytest\\.mark\\.skip\\b(?!if)|pytest\\.skip\\(|@unittest\\.skip\\b(?!If|Unless)"
                            + "|raise\\s+(unittest\\.)?SkipTest"),
                    "A Python test is now skipped."),
            new Rule("python.test-skipped-if", Category.G1, Severity.MEDIUM, Pattern.compile(
                    "pytest\\.mark\\.skipif|@unittest\\.skip(If|Unless)"),
                    "A Python test is now skipped under a condition; check that the condition is not always true."),
            new Rule("python.test-xfail", Category.G1, Severity.HIGH, Pattern.compile("@pytest\\.mark\\.xfail"),
                    "A Python test is now expected to fail, so its failure no longer counts."),
            new Rule("python.assertion-trivial", Category.G2, Severity.HIGH, Pattern.compile(
                    "^\\s*assert\\s+(True|1|not\\s+False)\\s*(#.*)?$"), "A Python test gains an assertion that cannot fail."));

    private static final List<Rule> PYTHON = List.of(
            new Rule("python.exit-added", Category.G4, Severity.HIGH, Pattern.compile(
                    "\\b(sys\\.exit|os\\._exit|exit|quit)\\(\\s*0?\\s*\\)|raise\\s+SystemExit(\\(\\s*0?\\s*\\))?\\s*$"),
                    "The code now exits with success, which can end a test run before its checks report."));

    private static final Pattern PY_TEST_FUNCTION = Pattern.compile("^\\s*def\\s+(test\\w*)\\s*\\(");
    private static final Pattern PY_ASSERT = Pattern.compile("^\\s*(assert\\b|self\\.assert\\w+\\()");
    private static final Pattern PY_EQ = Pattern.compile("^\\s*def\\s+__eq__\\s*\\(");
    private static final Pattern PY_RETURN_TRUE = Pattern.compile("^\\s*return\\s+True\\s*(#.*)?$");

    /** The findings of a changed build file, CI workflow or Python file. */
    static void judge(FileChange c, String language, List<Finding> out) {
        LineDiff d = LineDiff.of(c.oldText(), c.newText());
        switch (language) {
            case "build" -> {
                List<Finding> lines = new java.util.ArrayList<>();
                apply(BUILD, c, d, false, lines);
                // A setting the base had in the same place (profile and plugin), as often: the file re-indented, or
                // the setting moved within its plugin (into the default execution), is no new setting.
                if (!lines.isEmpty()) {
                    List<String> now = places(c.newText());
                    java.util.Map<String, Long> atBase = counts(places(c.oldText()));
                    java.util.Map<String, Long> atHead = counts(now);
                    // Excludes that come as the file stops skipping every test exclude nothing that ran before.
                    boolean skipLifted = skipsAll(c.oldText()) && !skipsAll(c.newText());
                    for (Finding f : lines) {
                        String place = now.get(f.startLine() - 1);
                        if (atHead.getOrDefault(place, 0L) <= atBase.getOrDefault(place, 0L)) {
                            continue;
                        }
                        out.add(skipLifted && f.rule().equals("build.tests-excluded") ? new Finding(f.category(),
                                Severity.LOW, f.rule(), f.file(), f.startLine(), f.endLine(), "The build now excludes "
                                + "tests from the run, as it stops skipping every test: no test that ran before stops; "
                                + "read which stay out.") : f);
                    }
                }
                for (Pattern p : new Pattern[] {SUREFIRE_SKIP, GRADLE_TEST_OFF}) {
                    var now = p.matcher(c.newText() == null ? "" : c.newText());
                    if (now.find() && !p.matcher(c.oldText() == null ? "" : c.oldText()).find()) {
                        int line = (int) c.newText().substring(0, now.end()).lines().count();
                        out.add(new Finding(Category.G1, Severity.HIGH, "build.tests-skipped", c.where(), line, line,
                                "The build now switches the test task off."));
                    }
                }
            }
            case "ci" -> {
                apply(CI, c, d, true, out);
                if (out.stream().noneMatch(f -> f.file().equals(c.where()))) {
                    out.add(new Finding(Category.G3, Severity.LOW, "ci.workflow-edited", c.where(),
                            d.added().isEmpty() ? 1 : d.added().get(0).number(), d.added().isEmpty() ? 1
                            : d.added().get(d.added().size() - 1).number(), "The change edits a CI workflow, which "
                            + "decides what counts as passing; read it."));
                }
            }
            case "python" -> python(c, d, out);
            default -> {
            }
        }
    }

    private static java.util.Map<String, Long> counts(List<String> places) {
        return places.stream().collect(java.util.stream.Collectors.groupingBy(x -> x,
                java.util.stream.Collectors.counting()));
    }

    private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->");

    private static final Pattern PROFILE = Pattern.compile("(?s)<profile>.*?</profile>");
    private static final Pattern SKIP_ALL = Pattern.compile("<(skipTests|maven\\.test\\.skip)>\\s*true");

    /**
     * Whether a Maven build file skips every test outside its profiles (a profile's skip holds only where it is
     * active): Surefire's skip, or skipTests or maven.test.skip set true.
     */
    private static boolean skipsAll(String text) {
        if (text == null) {
            return false;
        }
        String always = PROFILE.matcher(text).replaceAll("");
        return SUREFIRE_SKIP.matcher(always).find() || SKIP_ALL.matcher(always).find();
    }

    private static final Pattern XML_ID = Pattern.compile("<id>\\s*([^<]*?)\\s*</id>");
    private static final Pattern XML_ARTIFACT = Pattern.compile("<artifactId>\\s*([^<]*?)\\s*</artifactId>");

    /**
     * Each line of a build file with where it stands: its text stripped, with the id of the Maven profile and the
     * artifactId of the plugin around it, read line by line (an element's first id or artifactId after it opens). A
     * Gradle file has no such places: its lines are their text.
     */
    static List<String> places(String text) {
        List<String> out = new java.util.ArrayList<>();
        if (text == null) {
            return out;
        }
        Element profile = new Element("profile", XML_ID);
        Element plugin = new Element("plugin", XML_ARTIFACT);
        for (String l : text.lines().toList()) {
            // A comment beside a setting is no part of it (a FIXME moved onto its own line leaves the setting as it was).
            out.add(profile.name + "|" + plugin.name + "|" + XML_COMMENT.matcher(l).replaceAll("").strip());
            profile.read(l);
            plugin.read(l);
        }
        return out;
    }

    /**
     * The build element a line stands in, by its name (read from the first line after it opens that names it; "?" until
     * then, "" outside it).
     */
    private static final class Element {
        private final String tag;
        private final Pattern naming;
        private String name = "";

        Element(String tag, Pattern naming) {
            this.tag = tag;
            this.naming = naming;
        }

        void read(String line) {
            if (line.contains("<" + tag + ">")) {
                name = "?";
            }
            if (line.contains("</" + tag + ">")) {
                name = "";
            }
            java.util.regex.Matcher m = naming.matcher(line);
            if (name.equals("?") && m.find()) {
                name = m.group(1);
            }
        }
    }

    private static void python(FileChange c, LineDiff d, List<Finding> out) {
        apply(PYTHON, c, d, false, out);
        if (!c.test()) {
            // Equality made constant: a def __eq__ whose next statement returns True.
            List<LineDiff.Line> added = d.added();
            for (int i = 0; i + 1 < added.size(); i++) {
                if (PY_EQ.matcher(added.get(i).text()).find() && PY_RETURN_TRUE.matcher(added.get(i + 1).text()).find()) {
                    out.add(new Finding(Category.G5, Severity.HIGH, "python.constant-equality", c.where(),
                            added.get(i).number(), added.get(i + 1).number(), "__eq__ now returns True whatever it is "
                            + "compared with, so every equality in the tests passes."));
                }
            }
            return;
        }
        String name = c.where().substring(c.where().lastIndexOf('/') + 1);
        if (c.kind() == FileChange.Kind.DELETED) {
            long tests = c.oldText().lines().filter(l -> PY_TEST_FUNCTION.matcher(l).find()).count();
            if (tests > 0) {
                out.add(new Finding(Category.G1, Severity.HIGH, "python.test-file-deleted", c.where(), 1,
                        (int) c.oldText().lines().count(), "The change deletes a test file with " + tests + " tests."));
            }
            return;
        }
        if (name.equals("conftest.py")) {
            out.add(new Finding(Category.G3, Severity.MEDIUM, "python.conftest-edited", c.where(),
                    d.added().isEmpty() ? 1 : d.added().get(0).number(), d.added().isEmpty() ? 1
                    : d.added().get(d.added().size() - 1).number(), "The change edits conftest.py, which can change how "
                    + "every test runs and is scored."));
        }
        apply(PYTHON_TESTS, c, d, false, out);
        java.util.Set<String> kept = new java.util.HashSet<>();
        c.newText().lines().forEach(l -> {
            var m = PY_TEST_FUNCTION.matcher(l);
            if (m.find()) {
                kept.add(m.group(1));
            }
        });
        for (LineDiff.Line l : d.removed()) {
            var m = PY_TEST_FUNCTION.matcher(l.text());
            if (m.find() && !kept.contains(m.group(1))) {
                out.add(new Finding(Category.G1, Severity.HIGH, "python.test-removed", c.oldPath(), l.number(),
                        l.number(), "The test " + m.group(1) + " is removed."));
            }
        }
        // An assertion of the same shape with other literals: the expected value edited (assert f(2) == 5 -> 6).
        for (LineDiff.Line added : d.added()) {
            if (!PY_ASSERT.matcher(added.text()).find()) {
                continue;
            }
            for (LineDiff.Line removed : d.removed()) {
                if (PY_ASSERT.matcher(removed.text()).find()
                        && LineShape.sameShapeOtherLiterals(removed.text(), added.text())) {
                    out.add(new Finding(Category.G2, Severity.HIGH, "python.expected-value-changed", c.where(),
                            added.number(), added.number(), "An assertion's value changed: '" + removed.text().strip()
                            + "' became '" + added.text().strip() + "'."));
                    break;
                }
            }
        }
        long removedAsserts = d.removed().stream().filter(l -> PY_ASSERT.matcher(l.text()).find()).count();
        long addedAsserts = d.added().stream().filter(l -> PY_ASSERT.matcher(l.text()).find()).count();
        if (removedAsserts > addedAsserts) {
            LineDiff.Line first = d.removed().stream().filter(l -> PY_ASSERT.matcher(l.text()).find()).findFirst()
                    .orElseThrow();
            out.add(new Finding(Category.G2, Severity.HIGH, "python.assertions-removed", c.oldPath(), first.number(),
                    first.number(), "The tests check less than before: " + removedAsserts + " assertion lines removed, "
                    + addedAsserts + " added."));
        }
    }

    /** Maven's phases that run the tests: one moved to another (verify to install) runs them all the same. */
    private static final Pattern TESTING_PHASE = Pattern.compile("test|package|verify|install|deploy");
    /** Maven's options that skip the tests, set true: maven.test.skip does not even compile them, skipTests does. */
    private static final Pattern SKIPS_TESTS = Pattern.compile("-D(skipTests|maven\\.test\\.skip)(=true)?");
    private static final String SKIPS_RUNNING = "skips running the tests";
    private static final String SKIPS_BUILDING = "skips compiling and running the tests";

    /** How an option that skips the tests reads in a line's key ({@link #editKey}); any other, as it is. */
    private static String skipOf(String option) {
        return !SKIPS_TESTS.matcher(option).matches() ? option
                : option.contains("maven.test.skip") ? SKIPS_BUILDING : SKIPS_RUNNING;
    }

    /** A shell word without the quotes around it: '-DskipTests=true' and "-DskipTests=true" are -DskipTests=true. */
    private static String unquoted(String token) {
        return token.length() >= 2 && (token.charAt(0) == '\'' || token.charAt(0) == '"')
                && token.charAt(token.length() - 1) == token.charAt(0) ? token.substring(1, token.length() - 1) : token;
    }

    /**
     * What must be the same for a line edited in place: its command words (Maven's phases that run the tests one
     * word), the options that hold the rule's matches, unquoted (Maven's skips of the tests by what they skip,
     * {@link #skipOf}), and the line before it.
     */
    private static List<String> editKey(Rule r, String line, List<String> text, int number) {
        List<String> key = new java.util.ArrayList<>();
        for (String word : commandWords(line)) {
            key.add(TESTING_PHASE.matcher(word).matches() ? "a phase that runs the tests" : word);
        }
        key.add("|");
        r.pattern().matcher(line).results().forEach(m -> key.add(skipOf(m.group())));
        for (String token : line.strip().split("\\s+")) {
            token = unquoted(token);
            if (r.pattern().matcher(token).find()) {
                // The whole option, its value with it: -DskipTests=false is not -DskipTests.
                key.add(skipOf(token));
            }
        }
        key.add("|");
        key.add(number >= 2 && number - 2 < text.size() ? text.get(number - 2).strip() : "");
        return key;
    }

    /**
     * The words of a line that say what it runs or sets: its whitespace-separated tokens, less options (a leading
     * '-'), quoted arguments and the values they take, in order. {@code mvn -B test -DskipTests --projects '!a'}
     * gives [mvn, test]; {@code <skipTests>true</skipTests>} gives itself.
     */
    static List<String> commandWords(String line) {
        List<String> out = new java.util.ArrayList<>();
        for (String token : line.strip().split("\\s+")) {
            if (!token.isEmpty() && token.charAt(0) != '-' && token.charAt(0) != '\'' && token.charAt(0) != '"') {
                out.add(token);
            }
        }
        return out;
    }

    /**
     * The rules' findings on the added lines. With {@code edits} (a CI workflow), a line edited in place that skipped
     * the tests before in the same words is not a new skip: a removed line that matched the rule, ran the same commands,
     * made the same matches (a flag's value flipped is new) and followed the same line as the added one (so a skip
     * moved from one job's step to another's, or onto another command of a multi-line block, is new). An argument of a
     * compile-only step that already skipped its tests changed. Not for build files, whose settings move between
     * profiles and plugins with the same words (they are weighed by their places, {@link #places}), nor for Python,
     * where a moved skip decorator skips another test.
     */
    private static void apply(List<Rule> rules, FileChange c, LineDiff d, boolean edits, List<Finding> out) {
        for (Rule r : rules) {
            List<List<String>> before = new java.util.ArrayList<>();
            if (edits) {
                List<String> old = c.oldText() == null ? List.of() : c.oldText().lines().toList();
                d.removed().stream().filter(l -> r.pattern().matcher(l.text()).find())
                        .forEach(l -> before.add(editKey(r, l.text(), old, l.number())));
            }
            List<String> now = c.newText() == null ? List.of() : c.newText().lines().toList();
            for (LineDiff.Line l : d.added()) {
                List<String> key = r.pattern().matcher(l.text()).find() ? editKey(r, l.text(), now, l.number()) : null;
                // maven.test.skip (tests not even compiled) made skipTests (compiled, not run) skips no more
                // (dropwizard's "compile tests - just skip them"); the other way round it does.
                if (key != null && !before.remove(key) && !before.remove(key.stream()
                        .map(k -> k.equals(SKIPS_RUNNING) ? SKIPS_BUILDING : k).toList())) {
                    out.add(new Finding(r.category(), r.severity(), r.id(), c.where(), l.number(), l.number(),
                            r.rationale() + " (line: " + l.text().strip() + ")"));
                }
            }
        }
    }
}
