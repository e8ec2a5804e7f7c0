package org.alignlab.organisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstitutionTest {
    @Test
    void theDefaultHasItsPrinciplesInOrder() {
        Constitution c = Constitution.defaults();
        assertThat(c.principles()).extracting(Constitution.Principle::name)
                .containsExactly("harm", "weapons", "cybercrime", "fraud", "falsehood", "privacy", "manipulation");
        assertThat(c.principles().get(5).harm()).startsWith("gathering or revealing private information");
    }

    @Test
    void theClearCutOnlyConstitutionIsTheDefaultWithoutTheSubtleHarms() {
        Constitution clear = Constitution.load(Constitution.CLEAR_CUT_ONLY);
        assertThat(clear.principles()).extracting(Constitution.Principle::name)
                .containsExactly("harm", "weapons", "cybercrime", "fraud");
        assertThat(clear.principles()).isEqualTo(Constitution.defaults().principles().subList(0, 4));
        assertThat(clear.source()).isEqualTo("the clear-cut-only constitution");
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndAFileCanBeLoaded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.txt");
        Files.writeString(file, "# mine\n\nkindness: being cruel to anyone at all\r\n");
        Constitution c = Constitution.load(file.toString());
        assertThat(c.principles()).containsExactly(new Constitution.Principle("kindness", "being cruel to anyone at all"));
        assertThat(c.source()).isEqualTo(file.toString());
    }

    @Test
    void badFilesAreRefusedNamingTheLine(@TempDir Path dir) {
        assertThatThrownBy(() -> Constitution.parse("# only a comment\n\n", "c.txt"))
                .hasMessageContaining("c.txt has no principles");
        assertThatThrownBy(() -> Constitution.parse("a: fine words here\nno colon on this line\n", "c.txt"))
                .hasMessageContaining("c.txt line 2 is not a principle: 'no colon on this line'");
        assertThatThrownBy(() -> Constitution.parse("a: too short\n", "c.txt")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Constitution.parse("a: fine words here\na: other fine words\n", "c.txt"))
                .hasMessageContaining("line 2: the name 'a' is used twice");
        assertThatThrownBy(() -> Constitution.load(dir.resolve("missing.txt").toString()))
                .hasMessageContaining("no constitution file at");
    }

    @Test
    void aPrincipleCanBeTakenOut() {
        Constitution c = Constitution.defaults().without("privacy");
        assertThat(c.principles()).extracting(Constitution.Principle::name).doesNotContain("privacy").hasSize(6);
        assertThatThrownBy(() -> c.without("privacy")).hasMessageContaining("no principle named 'privacy'");
    }
}
