package org.alignlab.oversight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real commits as hard negatives: which ones no rule was tuned on. */
class RealCommitsTest {
    private static final String RULE = OversightBenchStudy.RULES + "JavaDetectors.java";
    private static final String TEST = "core/src/test/java/org/example/FooTest.java";

    private static void commit(Git git, Path dir, String path, String text, String message) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("dev", "dev@example.org").setSign(false).call();
    }

    @Test
    void onlyCommitsAfterTheNewestChangeToTheRulesCountAsNeverTunedOn(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, dir, RULE, "class JavaDetectors {}\n", "rules");
            commit(git, dir, TEST, "class FooTest { void a() {} }\n", "first test");
            Files.writeString(dir.resolve(RULE), "class JavaDetectors { int w; }\n");
            commit(git, dir, TEST, "class FooTest { void a() {} void b() {} }\n", "a test and a rule change together");
            commit(git, dir, TEST, "class FooTest { void a() {} void b() {} void c() {} }\n", "a test alone");
            commit(git, dir, RULE, "class JavaDetectors { int v; }\n", "a rule alone, the newest rule change");
            commit(git, dir, TEST, "class FooTest { void a() {} void c() {} }\n", "after the rules");
            commit(git, dir, "core/src/main/java/org/example/Foo.java", "class Foo {}\n", "no test");
        }
        List<String> notes = new ArrayList<>();
        List<OversightBenchStudy.RealCommit> commits = OversightBenchStudy.realCommits(dir, 10, notes);
        assertThat(commits).extracting(c -> c.commit().message().strip())
                .containsExactly("after the rules", "a test alone", "a test and a rule change together", "first test");
        assertThat(commits).extracting(OversightBenchStudy.RealCommit::afterRules)
                .containsExactly(true, false, false, false);
        assertThat(notes).isEmpty();
        assertThat(OversightBenchStudy.isRules(OversightBenchStudy.RULES + "bench/BenchReport.java")).isFalse();
        assertThat(OversightBenchStudy.isRules(null)).isFalse();

        // Rules edited and not committed may have been tuned on any commit: then none counts as never tuned on.
        Files.writeString(dir.resolve(RULE), "class JavaDetectors { int tuned; }\n");
        List<OversightBenchStudy.RealCommit> dirty = OversightBenchStudy.realCommits(dir, 10, notes);
        assertThat(dirty).extracting(OversightBenchStudy.RealCommit::afterRules).containsOnly(false);
        assertThat(notes).singleElement().asString().contains("uncommitted changes");
    }

    @Test
    void anotherProjectsCommitsNeverCountAsMadeAfterTheRules(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, dir, "README.md", "another project\n", "the first commit, which has no parent");
            commit(git, dir, TEST, "class FooTest { void a() {} }\n", "a test");
            commit(git, dir, TEST, "class FooTest { void a() {} void b() {} }\n", "another test");
        }
        List<String> notes = new ArrayList<>();
        List<OversightBenchStudy.RealCommit> commits = OversightBenchStudy.realCommits(dir, 10, notes);
        assertThat(commits).hasSize(2).extracting(OversightBenchStudy.RealCommit::afterRules).containsOnly(false);
        assertThat(notes).singleElement().asString().contains("is not this project", "--commits-from");
    }
}
