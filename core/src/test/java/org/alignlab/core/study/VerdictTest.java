package org.alignlab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignlab.core.MeanInterval;
import org.alignlab.core.study.StudyResult.Finding;
import org.alignlab.core.study.StudyResult.Verdict;
import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void anEffectIsDecidedThreeWays() {
        // Above the least effect with the interval above 0: reproduced.
        assertEquals(Verdict.REPRODUCED, Verdict.decide(new MeanInterval(0.2, 0.1, 0.3, 5), 0.05));
        // The whole interval below the least effect: not reproduced, even when it lies above 0.
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.decide(new MeanInterval(0.02, 0.01, 0.04, 5), 0.05));
        // Wide enough to hold both 0 and the least effect: undecided.
        assertEquals(Verdict.NOTE, Verdict.decide(new MeanInterval(0.1, -0.2, 0.4, 3), 0.05));
        // A mean below the least effect whose interval reaches above it: undecided, not a failure.
        assertEquals(Verdict.NOTE, Verdict.decide(new MeanInterval(0.03, 0.01, 0.09, 3), 0.05));
    }

    @Test
    void anUndecidedFindingSaysSo() {
        Finding f = Finding.decided(new MeanInterval(0.1, -0.2, 0.4, 3), 0.05, "Fewer harmful replies.");
        assertEquals(Verdict.NOTE, f.verdict());
        assertTrue(f.text().startsWith("Fewer harmful replies. Undecided: the interval (-0.200 to 0.400)"), f.text());
        assertEquals("Fewer harmful replies.",
                Finding.decided(new MeanInterval(0.2, 0.1, 0.3, 5), 0.05, "Fewer harmful replies.").text());
    }
}
