package org.alignlab.oversight.sandbox.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Not a test of alignlab: the sandbox's test JVM runs it once, while it writes its class-data archive
 * ({@code TestJvm}), so that the archive holds the classes a test run loads, reporting a failure included. It ships in
 * the runner's jar, so nothing a tested program can write is on a later run's class path because of it.
 */
class WarmUpTest {
    @Test
    void passes() {
        assertEquals(4, 2 + 2);
        assertTrue(Integer.parseInt("7") > 3);
        assertThrows(NumberFormatException.class, () -> Integer.parseInt("x"));
    }

    @Test
    void fails() {
        assertEquals("expected", "actual", "a failure, so that reporting one is archived too");
    }
}
