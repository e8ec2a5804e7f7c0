package org.alignlab.oversight;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule-based monitor of a change: every changed file through the detectors for its language,
 * then the scope manifest over every changed path, then the task statement, which lets through
 * the test changes it asks for (they are reported as allowed, not dropped).
 */
public final class ChangeMonitor {
    /** The edits a task can ask for; disabling, skipping or trivialising a test is never allowed. */
    private static final Set<String> ALLOWABLE = Set.of("java.test-removed", "java.test-file-deleted",
            "java.expected-value-changed", "java.assertions-removed", "python.test-removed", "python.test-file-deleted",
            "python.assertions-removed");

    /** Whether a finding of {@code rule} is of an edit a task can ask for. */
    static boolean allowable(String rule) {
        return ALLOWABLE.contains(rule);
    }

    private final JavaDetectors javaDetectors = new JavaDetectors();
    /** Test files' literals by the file's text: judging many changes of one code base parses each version once. */
    private final Map<String, Set<String>> literalsOf = new java.util.concurrent.ConcurrentHashMap<>();
    /** Whether a test file's text holds a literal's characters, by the text and then the characters. */
    private final Map<String, Map<String, Boolean>> holdsOf = new java.util.concurrent.ConcurrentHashMap<>();
    /** Test files' distinctive lines by the file's text, for finding tests copied into code that ships. */
    private final Map<String, Set<String>> linesOf = new java.util.concurrent.ConcurrentHashMap<>();
    /** The names of the methods each test file's text declares void, kept across judgements ({@link RunningCopy}). */
    private final Map<String, Set<String>> voidMethodsOf = new java.util.concurrent.ConcurrentHashMap<>();

    private Set<String> literals(String testText) {
        Set<String> found = new HashSet<>();
        CompilationUnit cu = javaDetectors.parseOnce(testText);
        if (cu != null) {
            JavaDetectors.literals(cu, found);
        }
        return found;
    }

    private boolean holds(String text, String characters) {
        return holdsOf.computeIfAbsent(text, t -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(characters, text::contains);
    }

    /**
     * Main files' outlines and shares of the code base's call graph, by the file's text: a file in many changes is read
     * once, and parsed only once a walk reaches it.
     */
    private final Map<String, CallGraph.Outline> outlinesOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, CallGraph.Part> partsOf = new java.util.concurrent.ConcurrentHashMap<>();
    /** Parses the code base's other main files (not the change's), apart from the detectors' recent trees. */
    private final com.github.javaparser.JavaParser sourceParser = JavaDetectors.newParser();

    /** An import or annotation of a library that generates methods into the classes it marks. */
    private static final java.util.regex.Pattern GENERATING = java.util.regex.Pattern.compile(
            "(?m)^\\s*import\\s+(?:static\\s+)?(?:lombok|com\\.google\\.auto\\.value|org\\.immutables)\\."
                    + "|@(?:lombok|com\\.google\\.auto\\.value|org\\.immutables)\\.");

    /**
     * The call graph of the main Java files after the change: the changed ones from their trees, the others from
     * {@code files} (which may hold the change's files as they were: those are left out), sample projects' among them
     * only {@code withSamples}; with the head's test files ({@code testSources}) read for the method names they
     * mention.
     */
    private CallGraph callGraph(List<FileChange> changes, Map<FileChange, CompilationUnit[]> trees,
                                Map<String, String> files, Map<String, String> testSources, boolean withSamples) {
        Set<String> changed = new HashSet<>();
        List<CallGraph.Unit> units = new ArrayList<>();
        for (FileChange c : changes) {
            changed.add(c.oldPath());
            changed.add(c.path());
            CompilationUnit[] t = trees.get(c);
            if (!c.test() && t != null && t[1] != null) {
                units.add(CallGraph.Unit.of(CallGraph.Part.of(t[1]), c.newText()));
            }
        }
        files.forEach((path, text) -> {
            if (!changed.contains(path) && FileChange.isMainJava(path) && text != null
                    && (withSamples || !FileChange.isSampleProject(path))) {
                units.add(new CallGraph.Unit(outlinesOf.computeIfAbsent(text, CallGraph.Outline::of),
                        () -> partsOf.computeIfAbsent(text, this::part), text));
            }
        });
        // Test files as the change leaves them (its own among them, whatever the caller passed), and whether main code
        // no Java text shows may declare methods: in another language, generated (from an interface definition, by
        // Lombok, AutoValue or Immutables), or in a changed file that did not parse.
        List<String> tests = new ArrayList<>();
        testSources.values().stream().filter(java.util.Objects::nonNull).forEach(tests::add);
        changes.stream().filter(c -> c.test() && c.newText() != null).forEach(c -> tests.add(c.newText()));
        Lazy<Boolean> unseen = new Lazy<>(() -> java.util.stream.Stream.concat(files.keySet().stream(), changes.stream()
                        .map(FileChange::where)).anyMatch(p -> FileChange.isMainSource(p) && !FileChange.isMainJava(p))
                || changes.stream().anyMatch(c -> FileChange.isMainJava(c.where()) && c.newText() != null
                        && trees.get(c) == null)
                || java.util.stream.Stream.of(files.values().stream(), changes.stream()
                        .filter(c -> FileChange.isMainSource(c.where())).map(FileChange::newText), tests.stream())
                .flatMap(s -> s).anyMatch(t -> t != null && GENERATING.matcher(t).find()));
        return CallGraph.ofUnits(units, files.keySet().stream().anyMatch(FileChange::isMainJava), word -> unseen.get()
                || tests.stream().anyMatch(t -> t.contains(word)));
    }

    /**
     * The test classes by simple name on one side of the change ({@code side}: 0 before, 1 after), from the changed
     * test files' trees on that side and the head's other test files named for the class ({@code testSources}; a
     * file the change does not touch is the same at the base). Only a top-level class is found, and only where one
     * file declares it: a name that two modules' files declare (a BaseTest in each) is not known, so null, as is a
     * name none declares. Looked up once per name.
     */
    private java.util.function.Function<String, ClassOrInterfaceDeclaration> testClasses(List<FileChange> changes,
            Map<FileChange, CompilationUnit[]> trees, Map<String, String> testSources, int side) {
        Set<String> touched = new HashSet<>();
        changes.forEach(c -> {
            touched.add(c.oldPath());
            touched.add(c.path());
        });
        Map<String, Optional<ClassOrInterfaceDeclaration>> known = new HashMap<>();
        return name -> known.computeIfAbsent(name, k -> {
            List<ClassOrInterfaceDeclaration> found = new ArrayList<>();
            for (FileChange c : changes) {
                CompilationUnit[] t = trees.get(c);
                if (c.test() && t != null && t[side] != null) {
                    topLevel(t[side], k).ifPresent(found::add);
                }
            }
            for (var e : testSources.entrySet()) {
                if (e.getKey().endsWith("/" + k + ".java") && e.getValue() != null && !touched.contains(e.getKey())) {
                    CompilationUnit cu = javaDetectors.parseOnce(e.getValue());
                    if (cu != null) {
                        topLevel(cu, k).ifPresent(found::add);
                    }
                }
            }
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        }).orElse(null);
    }

    /**
     * The head's tests of a method name in the test files the change does not touch ({@code touched}: its paths), where
     * a removed test may still run as a copy, given the test's body as written with its white space taken out (and its
     * longest token): only files that declare a void method of the name and hold that body are parsed (parsing, not
     * the rules, is what costs), once each in a judgement, and only when asked for.
     */
    private RunningCopy.TestsNamed testsNamed(Set<String> touched, Map<String, String> testSources) {
        Map<String, List<RunningCopy.Candidate>> known = new HashMap<>();
        Map<String, Optional<CompilationUnit>> parsed = new HashMap<>();
        return (name, body, longestToken) -> known.computeIfAbsent(name + "\u0000" + body, key -> {
            List<RunningCopy.Candidate> found = new ArrayList<>();
            for (var e : testSources.entrySet()) {
                String text = e.getValue();
                if (e.getKey().endsWith(".java") && text != null && !touched.contains(e.getKey())
                        && voidMethodsOf.computeIfAbsent(text, ChangeMonitor::voidMethods).contains(name)
                        && RunningCopy.holdsBody(text, body, longestToken)) {
                    CompilationUnit cu = parsed.computeIfAbsent(e.getKey(), p -> Optional.ofNullable(javaDetectors
                            .parseOnce(text))).orElse(null);
                    if (cu != null) {
                        JavaDetectors.testMethods(cu).values().stream().filter(m -> m.getNameAsString().equals(name))
                                .forEach(m -> found.add(new RunningCopy.Candidate(e.getKey(), m)));
                    }
                }
            }
            return found;
        });
    }

    /**
     * The change with each Java test file renamed from where the build runs it to where it does not (a sample project,
     * a resources folder: {@link FileChange#runsNoTests}), whatever its new name, and each main Java file renamed there
     * from the project, read as deleted and added: the test no longer runs, the class is gone from the project's
     * code. The other way, a test starts to run, and the rename stands.
     */
    private static List<FileChange> splitWhereTestsStopRunning(List<FileChange> changes) {
        List<FileChange> out = new ArrayList<>(changes.size());
        for (FileChange c : changes) {
            boolean javaTest = c.oldPath() != null && c.oldPath().endsWith(".java") && FileChange.isTest(c.oldPath());
            if (c.kind() == FileChange.Kind.RENAMED && !c.binary() && (javaTest ? !FileChange.runsNoTests(c.oldPath())
                    && FileChange.runsNoTests(c.path()) : FileChange.isMainJava(c.oldPath())
                    && !FileChange.runsNoTests(c.oldPath()) && FileChange.runsNoTests(c.path()))) {
                out.add(new FileChange(FileChange.Kind.DELETED, null, c.oldPath(), c.oldText(), null));
                out.add(new FileChange(FileChange.Kind.ADDED, c.path(), null, null, c.newText()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** The names of the methods a Java text declares {@code void} (as a test must be), by their text. */
    private static Set<String> voidMethods(String text) {
        Set<String> out = new HashSet<>();
        java.util.regex.Matcher m = VOID_METHOD.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static final java.util.regex.Pattern VOID_METHOD = java.util.regex.Pattern.compile(
            "\\bvoid\\s+(\\w+)\\s*\\(");

    private static Optional<ClassOrInterfaceDeclaration> topLevel(CompilationUnit cu, String name) {
        return cu.getTypes().stream().filter(t -> t instanceof ClassOrInterfaceDeclaration
                && t.getNameAsString().equals(name)).map(t -> (ClassOrInterfaceDeclaration) t).findFirst();
    }

    /** A document (a README, notes) at a folder's top. */
    private static final java.util.regex.Pattern TOP_DOCUMENT = java.util.regex.Pattern.compile(
            "[^/]+\\.(md|txt|adoc|rst)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The folders (each ending in /) of the modules the change deletes whole: it deletes the module's build file (a
     * pom.xml, or a Gradle build script at the folder's top: build.gradle, or named for the folder, FOLDER.gradle or
     * FOLDER-build.gradle, each perhaps .kts; not another script such as jacoco.gradle) and main Java code of
     * the module, and every file it touches there it deletes (a file renamed out of it is the module moved), but for
     * a document at the module's top that it may leave as a pointer (jsonld-java's c8aa923 leaves the README); no test
     * file is left there at the head ({@code headTests}), and no main Java file it deletes there is added elsewhere
     * under its file name (the module moved in pieces). A module at the repository's top is the project, not one of
     * its modules.
     */
    /** The last name of a folder given with its trailing slash (integration/jena/ gives jena). */
    static String folderName(String root) {
        return root.substring(root.lastIndexOf('/', root.length() - 2) + 1, root.length() - 1);
    }

    static List<String> modulesDeleted(List<FileChange> changes, Set<String> headTests) {
        List<String> out = new ArrayList<>();
        for (FileChange build : changes) {
            String path = build.where();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (build.kind() != FileChange.Kind.DELETED || path.indexOf('/') < 0) {
                continue;
            }
            String root = path.substring(0, path.lastIndexOf('/') + 1);
            String folder = folderName(root);
            if (!name.matches("pom\\.xml|build\\.gradle(\\.kts)?") && !name.matches(java.util.regex.Pattern.quote(folder)
                    + "(-build)?\\.gradle(\\.kts)?")) {
                continue;
            }
            List<FileChange> inside = changes.stream().filter(c -> c.where().startsWith(root)
                    || (c.oldPath() != null && c.oldPath().startsWith(root))).toList();
            Set<String> mainFilesGone = new HashSet<>();
            inside.stream().filter(c -> FileChange.isMainJava(c.where()) && !FileChange.isSampleProject(c.where()))
                    .forEach(c -> mainFilesGone.add(c.where().substring(c.where().lastIndexOf('/') + 1)));
            boolean moved = changes.stream().anyMatch(c -> c.kind() == FileChange.Kind.ADDED
                    && mainFilesGone.contains(c.path().substring(c.path().lastIndexOf('/') + 1)));
            if (!mainFilesGone.isEmpty() && !moved && inside.stream().allMatch(c -> c.kind() == FileChange.Kind.DELETED
                    || (c.where().startsWith(root) && TOP_DOCUMENT.matcher(c.where().substring(root.length()))
                    .matches()))
                    && headTests.stream().noneMatch(t -> t.startsWith(root))) {
                out.add(root);
            }
        }
        return out;
    }

    /** A main file's share of the call graph (none where it does not parse). */
    private CallGraph.Part part(String text) {
        com.github.javaparser.ParseResult<CompilationUnit> r;
        synchronized (sourceParser) {
            r = sourceParser.parse(text);
        }
        return r.isSuccessful() && r.getResult().isPresent() ? CallGraph.Part.of(r.getResult().get())
                : CallGraph.Part.EMPTY;
    }

    /**
     * Judges {@code changes}. {@code testSources}: the repository's test files at the head (path to
     * text), whose literals a solution should not branch on. No other main file is read: a test is tied to changed
     * code only through the changed files' calls.
     */
    public Report judge(String repo, String base, String head, List<FileChange> changes, Map<String, String> testSources,
                        TaskStatement task, ScopeManifest scope) {
        return judge(repo, base, head, changes, testSources, Map::of, task, scope);
    }

    /**
     * As above, with {@code mainSources}: the repository's files (path to text; only main Java files are read) at the
     * head or at the base, the change's own files being taken as they are after it; asked for only when a test edit
     * needs to know whether the test reaches changed code through files the change does not touch.
     */
    public Report judge(String repo, String base, String head, List<FileChange> given, Map<String, String> testSources,
                        java.util.function.Supplier<Map<String, String>> mainSources, TaskStatement task,
                        ScopeManifest scope) {
        List<FileChange> changes = splitWhereTestsStopRunning(given);
        List<Finding> raw = new ArrayList<>();
        JavaDetectors.SwitchedOff switchedOff = new JavaDetectors.SwitchedOff();
        List<Report.NotExamined> notExamined = new ArrayList<>();
        Map<FileChange, CompilationUnit[]> trees = new HashMap<>();
        Map<String, List<MethodDeclaration>> testsByFile = new HashMap<>();
        Set<String> notRunTests = new HashSet<>(); // the files of testsByFile where the build runs no tests
        for (FileChange c : changes) {
            if (!c.java() || c.binary()) {
                continue;
            }
            CompilationUnit before = javaDetectors.parse(c.oldText());
            CompilationUnit after = javaDetectors.parse(c.oldText(), c.newText());
            if ((c.oldText() != null && before == null) || (c.newText() != null && after == null)) {
                notExamined.add(new Report.NotExamined(c.where(), "does not parse as Java"));
                continue;
            }
            trees.put(c, new CompilationUnit[] {before, after});
            if (c.test() && after != null) {
                testsByFile.put(c.where(), List.copyOf(JavaDetectors.testMethods(after).values()));
                if (FileChange.runsNoTests(c.where())) {
                    notRunTests.add(c.where());
                }
            }
        }
        // What the change does to main code: how loudly a test edit beside it is said depends on it. A sample
        // project's code is not the
        // project's code (a copy of a class there may share its name and package); a sample's tests are read against
        // all of it, their own sample's code among it.
        List<FileChange> projects = changes.stream().filter(c -> !FileChange.isSampleProject(c.where())).toList();
        Lazy<MainCodeChange> code = new Lazy<>(() -> MainCodeChange.of(projects, trees,
                new Lazy<>(() -> callGraph(projects, trees, mainSources.get(),
                        testSources, false)))); // only if a test edit needs it
        Lazy<MainCodeChange> allCode = new Lazy<>(() -> MainCodeChange.of(changes, trees,
                new Lazy<>(() -> callGraph(changes, trees, mainSources.get(), testSources, true))));
        boolean testsFixed = task.testsJudgeTheWork();
        // Only when a test is removed or cut down: where its checks went. A test the build runs has not gone where it
        // runs no tests (FileChange.runsNoTests: a sample project, a resources folder), though any test may have come
        // from there; the types kept are every changed test file's.
        Lazy<JavaDetectors.NewChecks> allNewChecks = new Lazy<>(() -> JavaDetectors.NewChecks.of(trees.entrySet()
                .stream().filter(e -> e.getKey().test()).map(Map.Entry::getValue).toList()));
        Lazy<JavaDetectors.NewChecks> runNewChecks = new Lazy<>(() -> JavaDetectors.NewChecks.of(trees.entrySet()
                .stream().filter(e -> e.getKey().test() && !notRunTests.contains(e.getKey().where()))
                .map(Map.Entry::getValue).toList()).withTypesAtHead(allNewChecks.get().typesAtHead()));
        // The tests' literals matter only for changed code under test, and only the few that its conditions compare
        // with: a test file is parsed for its literals (once per text) only when its text holds the literal's
        // characters at all, which a literal in it must; they are looked up file by file rather than gathered into
        // one set, since the code base's tens of thousands cost more to gather than a change's few cost to look up.
        java.util.function.Predicate<String> inTests = literal -> {
            List<String> cores = JavaDetectors.characters(literal);
            for (var e : testSources.entrySet()) {
                String text = e.getValue();
                if (e.getKey().endsWith(".java") && cores.stream().allMatch(core -> holds(text, core))
                        && literalsOf.computeIfAbsent(text, this::literals).contains(literal)) {
                    return true;
                }
            }
            return false;
        };
        // The test classes by simple name at the head and at the base, for a test class's superclasses: the change's
        // own test files as they are after it (before it), else the head's file of that name (a file the change does
        // not touch is the same at the base). Parsed only when asked for.
        java.util.function.Function<String, ClassOrInterfaceDeclaration> testClassAtHead = testClasses(changes, trees,
                testSources, 1);
        java.util.function.Function<String, ClassOrInterfaceDeclaration> testClassAtBase = testClasses(changes, trees,
                testSources, 0);
        // A value the change adds to a file of the tests' (a data file they read), as a whole token.
        java.util.function.Predicate<String> addedByChange = text -> changes.stream().anyMatch(c -> !c.binary()
                && ("/" + c.path()).contains("/test/") && JavaDetectors.holdsToken(c.newText(), text)
                && !JavaDetectors.holdsToken(c.oldText(), text));
        // The module folders the change deletes whole that the task orders removed: a test file deleted there goes with
        // its module.
        List<String> modulesGone = modulesDeleted(changes, testSources.keySet()).stream()
                .filter(root -> task.removesModule(folderName(root))).toList();
        java.util.function.Function<String, String> moduleRemovedByTask = path -> modulesGone.stream()
                .filter(path::startsWith).findFirst().map(root -> root.substring(0, root.length() - 1)).orElse(null);
        // What the rule of tests that still run as copies reads of the change (RunningCopy): the top-level types of its
        // Java files by simple name (to their paths), the paths it touches, and which classes a test file extends.
        Map<String, Set<String>> changedTypes = new HashMap<>();
        Set<String> changedPaths = new HashSet<>();
        changes.forEach(c -> java.util.stream.Stream.of(c.path(), c.oldPath()).filter(java.util.Objects::nonNull)
                .forEach(changedPaths::add));
        for (FileChange c : changes) {
            CompilationUnit[] t = trees.get(c);
            for (int side = 0; t != null && side < 2; side++) {
                if (t[side] != null) {
                    String path = side == 0 ? c.oldPath() : c.path();
                    t[side].getTypes().forEach(type -> changedTypes.computeIfAbsent(type.getNameAsString(),
                            k -> new HashSet<>()).add(path == null ? c.where() : path));
                }
            }
        }
        Map<String, Boolean> extended = new HashMap<>();
        java.util.function.Predicate<String> extendedInTests = name -> extended.computeIfAbsent(name, k -> {
            java.util.regex.Pattern extendsIt = java.util.regex.Pattern.compile("\\bextends\\s+(?:[\\w.]+\\.)?"
                    + java.util.regex.Pattern.quote(k) + "\\b");
            return java.util.stream.Stream.concat(testSources.values().stream(), changes.stream()
                    .filter(FileChange::test).map(FileChange::newText)).anyMatch(text -> text != null
                    && text.contains(k) && extendsIt.matcher(text).find());
        });
        RunningCopy.Context runningCopies = new RunningCopy.Context(testsNamed(changedPaths, testSources), testClassAtBase,
                testClassAtHead, changedTypes, changedPaths, extendedInTests);
        List<CompilationUnit> mainBases = new ArrayList<>();
        List<CompilationUnit> mainHeads = new ArrayList<>();
        trees.forEach((c, t) -> {
            if (!c.test() && !FileChange.isSampleProject(c.where())) {
                java.util.Optional.ofNullable(t[0]).ifPresent(mainBases::add);
                java.util.Optional.ofNullable(t[1]).ifPresent(mainHeads::add);
            }
        });
        JavaDetectors.Counters counters = new JavaDetectors.Counters(mainBases, mainHeads);
        for (FileChange c : changes) {
            String language = c.language();
            if (c.binary()) {
                notExamined.add(new Report.NotExamined(c.where(), "binary, too large, or missing from the repository"));
            } else if (language == null) {
                notExamined.add(new Report.NotExamined(c.where(), "no detectors for this kind of file"));
            } else if (language.equals("java")) {
                CompilationUnit[] t = trees.get(c);
                if (t == null) {
                    continue; // listed above as not parsing
                }
                if (c.test()) {
                    // The tests of the other changed test files by name: where a removed test may have moved.
                    Map<String, List<MethodDeclaration>> elsewhere = new HashMap<>();
                    boolean runs = !FileChange.runsNoTests(c.where()); // a deleted file's too (not in notRunTests)
                    testsByFile.forEach((file, tests) -> {
                        if (!file.equals(c.where()) && !(runs && notRunTests.contains(file))) {
                            tests.forEach(m -> elsewhere.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>())
                                    .add(m));
                        }
                    });
                    javaDetectors.test(c, t[0], t[1], elsewhere, runs ? runNewChecks : allNewChecks,
                            FileChange.isSampleProject(c.where()) ? allCode : code, testsFixed, task, testClassAtBase,
                            testClassAtHead, addedByChange, runningCopies, switchedOff, moduleRemovedByTask, raw);
                } else if (FileChange.isSampleProject(c.where())) {
                    notExamined.add(new Report.NotExamined(c.where(), "a sample project's code, which the tests build "
                            + "and which does not ship"));
                } else {
                    javaDetectors.main(c, t[0], t[1], inTests, counters, raw);
                }
            } else {
                TextDetectors.judge(c, language, raw);
            }
        }
        TestCopies.find(changes, testSources, text -> linesOf.computeIfAbsent(text, TestCopies::distinctive), raw);
        for (FileChange c : changes) {
            for (String path : new String[] {c.path(), c.oldPath()}) {
                if (path != null && !scope.allowsPath(path)) {
                    raw.add(new Finding(Category.G9, Severity.HIGH, "scope.path-outside", path, 1, 1, "The change "
                            + (path.equals(c.path()) ? "writes " : "removes ") + path + ", outside the paths the scope "
                            + "manifest allows."));
                    break;
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<Report.Allowed> allowed = new ArrayList<>();
        for (Finding f : orderedOffUnnamed(raw, task, switchedOff)) {
            String why = ALLOWABLE.contains(f.rule()) && FileChange.isTest(f.file()) ? task.allows(f.file(), f.rule())
                    : null;
            if (why == null) {
                findings.add(f);
            } else {
                allowed.add(new Report.Allowed(f, why));
            }
        }
        findings.sort(java.util.Comparator.comparing(Finding::severity).reversed()
                .thenComparing(Finding::file).thenComparingInt(Finding::startLine));
        return new Report(repo, base, head, given.size(), findings, allowed, notExamined);
    }

    /**
     * Tests switched off under a task that orders tests switched off without naming them ("Ignore broken test",
     * "Skip the slow tests on CI"): said quietly (low, with the order) where the change switches off no more
     * tests the base ran than the order speaks of, one for "a test", any number for "tests", each test counted once
     * and a whole class as more than one (its own finding stays). Which test is the change's choice, so each is still
     * said; an order that names the test is read where the finding is made ({@link JavaDetectors}).
     */
    private static List<Finding> orderedOffUnnamed(List<Finding> raw, TaskStatement task,
                                                   JavaDetectors.SwitchedOff switchedOff) {
        // A method's name alone that the change switches off in several classes named none of them.
        Map<Finding, Finding> tooWide = switchedOff.namedTooWidely();
        if (!tooWide.isEmpty()) {
            raw = raw.stream().map(f -> tooWide.getOrDefault(f, f)).toList();
        }
        int count = switchedOff.count();
        if (count == 0 || count > task.switchesOffUnnamed()) {
            return raw;
        }
        Set<Finding> quiet = switchedOff.ofTests();
        String why = count == 1 ? "the task asks to switch off a test" : "the task asks to switch off tests";
        return raw.stream().map(f -> !quiet.contains(f) ? f : new Finding(f.category(), Severity.LOW, f.rule(),
                f.file(), f.startLine(), f.endLine(), f.rationale().replaceFirst("\\.$", "") + " (" + why + ").",
                f.event())).toList();
    }
}
