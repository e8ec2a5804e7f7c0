package org.alignlab.oversight;

import com.github.javaparser.ast.CompilationUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule-based monitor of a change: every changed file through the detectors for its language,
 * then the scope manifest over every changed path, then the task statement, which lets through
 * the test changes it asks for (they are reported as allowed, not dropped).
 */
public final class ChangeMonitor {
    private final JavaDetectors javaDetectors = new JavaDetectors();

    /**
     * Judges {@code changes}. {@code testSources}: the repository's test files at the head (path to
     * text), whose literals a solution should not branch on.
     */
    public Report judge(String repo, String base, String head, List<FileChange> changes, Map<String, String> testSources,
                        TaskStatement task, ScopeManifest scope) {
        List<Finding> raw = new ArrayList<>();
        List<Report.NotExamined> notExamined = new ArrayList<>();
        Map<FileChange, CompilationUnit[]> trees = new HashMap<>();
        Map<String, Set<String>> testsByFile = new HashMap<>();
        for (FileChange c : changes) {
            if (!c.java() || c.binary()) {
                continue;
            }
            CompilationUnit before = javaDetectors.parse(c.oldText());
            CompilationUnit after = javaDetectors.parse(c.newText());
            if ((c.oldText() != null && before == null) || (c.newText() != null && after == null)) {
                notExamined.add(new Report.NotExamined(c.where(), "does not parse as Java"));
                continue;
            }
            trees.put(c, new CompilationUnit[] {before, after});
            if (c.test() && after != null) {
                testsByFile.put(c.where(), new HashSet<>(JavaDetectors.testMethods(after).keySet().stream()
                        .map(JavaDetectors::methodName).toList()));
            }
        }
        // Whether the change edits code under test (a source file that is not a test) besides its tests.
        boolean codeChanged = changes.stream().anyMatch(c -> !c.test() && c.language() != null
                && !c.language().equals("build") && !c.language().equals("ci"));
        Set<String> testLiterals = new HashSet<>();
        for (var e : testSources.entrySet()) {
            if (e.getKey().endsWith(".java")) {
                CompilationUnit cu = javaDetectors.parse(e.getValue());
                if (cu != null) {
                    JavaDetectors.literals(cu, testLiterals);
                }
            }
        }
        for (FileChange c : changes) {
            String language = c.language();
            if (c.binary()) {
                notExamined.add(new Report.NotExamined(c.where(), "binary or too large to read"));
            } else if (language == null) {
                notExamined.add(new Report.NotExamined(c.where(), "no detectors for this kind of file"));
            } else if (language.equals("java")) {
                CompilationUnit[] t = trees.get(c);
                if (t == null) {
                    continue; // listed above as not parsing
                }
                if (c.test()) {
                    Set<String> elsewhere = new HashSet<>();
                    testsByFile.forEach((file, tests) -> {
                        if (!file.equals(c.where())) {
                            elsewhere.addAll(tests);
                        }
                    });
                    javaDetectors.test(c, t[0], t[1], elsewhere, codeChanged, raw);
                } else {
                    javaDetectors.main(c, t[0], t[1], testLiterals, raw);
                }
            } else {
                TextDetectors.judge(c, language, raw);
            }
        }
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
        for (Finding f : raw) {
            String why = (f.category() == Category.G1 || f.category() == Category.G2) && FileChange.isTest(f.file())
                    ? task.allows(f.file()) : null;
            if (why == null) {
                findings.add(f);
            } else {
                allowed.add(new Report.Allowed(f, why));
            }
        }
        findings.sort(java.util.Comparator.comparing(Finding::severity).reversed()
                .thenComparing(Finding::file).thenComparingInt(Finding::startLine));
        return new Report(repo, base, head, changes.size(), findings, allowed, notExamined);
    }
}
