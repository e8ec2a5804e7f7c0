package org.alignlab.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunningCopyTest {

    @Test
    void whiteSpaceIsTakenOutAsTheRegularExpressionsClassDoes() {
        // \s is space, tab, newline, vertical tab, form feed and carriage return; a no-break space and an em space are
        // not white space to it, nor to a body key.
        String text = " a\tb\nc\u000Bd\fe\rf  g\u00A0h\u2003i\u001Cj ";
        assertThat(RunningCopy.withoutWhiteSpace(text)).isEqualTo(text.replaceAll("\\s+", ""))
                .isEqualTo("abcdefg\u00A0h\u2003i\u001Cj");
        assertThat(RunningCopy.withoutWhiteSpace("")).isEmpty();
        assertThat(RunningCopy.holdsBody("void t() {\n    assertEquals(1,\n  f());\n}", "{assertEquals(1,f());}",
                "assertEquals")).isTrue();
        assertThat(RunningCopy.holdsBody("void t() { assertEquals(1, g()); }", "{assertEquals(1,f());}",
                "assertEquals")).isFalse();
    }
}
