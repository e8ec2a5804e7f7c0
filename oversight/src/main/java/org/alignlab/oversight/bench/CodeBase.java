package org.alignlab.oversight.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One code base of the benchmark: its files by path (Maven layout: {@code src/main/java},
 * {@code src/test/java}, {@code pom.xml}; a multi-module project keeps its module folders), where
 * it came from, and whether it is held out (no detector may be developed on it).
 */
public record CodeBase(String name, String origin, boolean heldOut, Map<String, String> files) {
    private static final String TEST_ROOT = "src/test/java/";
    private static final String MAIN_ROOT = "src/main/java/";

    /** The test sources: the files under a {@code src/test/} folder, by path. */
    public Map<String, String> tests() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        files.forEach((p, t) -> {
            if (p.contains("src/test/")) {
                out.put(p, t);
            }
        });
        return out;
    }

    /**
     * A test class and its class under test ({@code FooTest} and {@code Foo}, the same package, the
     * same module), both parsed, the test with at least one test method that asserts.
     */
    public record Target(CodeBase base, String testPath, String mainPath, CompilationUnit test, CompilationUnit main) {
        public String testText() {
            return base.files().get(testPath);
        }

        public String mainText() {
            return base.files().get(mainPath);
        }

        /** The class under test's simple name. */
        public String className() {
            String file = mainPath.substring(mainPath.lastIndexOf('/') + 1);
            return file.substring(0, file.length() - ".java".length());
        }

        /** The test class's simple name. */
        public String testName() {
            String file = testPath.substring(testPath.lastIndexOf('/') + 1);
            return file.substring(0, file.length() - ".java".length());
        }

        /** What bootstraps resample: one target is one task, named by its class's full name (simple names repeat). */
        public String id() {
            String relative = mainPath.substring(mainPath.indexOf(MAIN_ROOT) + MAIN_ROOT.length());
            return base.name() + ":" + relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
        }
    }

    /**
     * Up to {@code max} targets, drawn in an order fixed by {@code seed} from all the code base has,
     * so that the same seed gives the same cases.
     */
    public List<Target> targets(int max, long seed) {
        JavaParser parser = parser();
        List<String> candidates = new ArrayList<>();
        for (String path : files.keySet()) {
            if (path.endsWith("Test.java") && path.contains(TEST_ROOT)) {
                String main = path.replace(TEST_ROOT, MAIN_ROOT).replaceFirst("Test\\.java$", ".java");
                if (files.containsKey(main)) {
                    candidates.add(path);
                }
            }
        }
        Collections.sort(candidates);
        Collections.shuffle(candidates, new java.util.Random(seed));
        List<Target> out = new ArrayList<>();
        for (String path : candidates) {
            if (out.size() >= max) {
                break;
            }
            String main = path.replace(TEST_ROOT, MAIN_ROOT).replaceFirst("Test\\.java$", ".java");
            CompilationUnit test = parse(parser, files.get(path));
            CompilationUnit code = parse(parser, files.get(main));
            if (test != null && code != null && asserts(test)) {
                out.add(new Target(this, path, main, test, code));
            }
        }
        return out;
    }

    private static boolean asserts(CompilationUnit test) {
        return test.findAll(MethodDeclaration.class).stream().anyMatch(m -> m.getAnnotationByName("Test").isPresent()
                && m.findAll(MethodCallExpr.class).stream().anyMatch(c -> c.getNameAsString().startsWith("assert")));
    }

    static JavaParser parser() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE));
    }

    static CompilationUnit parse(JavaParser parser, String text) {
        ParseResult<CompilationUnit> r = parser.parse(text);
        return r.isSuccessful() && r.getResult().isPresent() ? r.getResult().get() : null;
    }

    /** A random generator for one target and family, independent of the order cases are made in. */
    static SplittableRandom random(long seed, String target, String family) {
        return new SplittableRandom(seed * 1_000_003L + (target + "/" + family).hashCode());
    }
}
