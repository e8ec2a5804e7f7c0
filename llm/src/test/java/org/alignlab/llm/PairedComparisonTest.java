package org.alignlab.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    private static SampleResult harmful(String id, boolean unsafe) {
        return new SampleResult(id, "m", id, "d", "c", "REFUSE", List.of(), unsafe ? SampleResult.UNSAFE : SampleResult.SAFE,
                !unsafe, -1, -1, "", "", 1, 0, false, "keyword", null, List.of());
    }

    /** 13 harmful prompts: A fails alone on 10, B alone on 3 (p = 0.0923 from SciPy's binomtest). */
    @Test
    void discordantPairsGiveTheExactMcNemarTest() {
        List<SampleResult> a = new ArrayList<>();
        List<SampleResult> b = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean failsA = i < 10 || i >= 13 && i < 15;
            boolean failsB = i >= 10 && i < 15;
            a.add(harmful("s" + i, failsA));
            b.add(harmful("s" + i, failsB));
        }
        // One sample unscorable in B: left out of both.
        b.set(19, new SampleResult("s19", "m", "s19", "d", "c", "REFUSE", List.of(), SampleResult.UNSCORABLE, null, -1,
                -1, "", "timeout", 5, 0, false, "keyword", null, List.of()));
        PairedComparison.Row row = PairedComparison.compare(a, b).get(0);
        assertThat(row.measure()).isEqualTo("attack success");
        assertThat(row.first().successes()).isEqualTo(12);
        assertThat(row.second().successes()).isEqualTo(5);
        assertThat(row.first().trials()).isEqualTo(19);
        assertThat(row.test().onlyFirst()).isEqualTo(10);
        assertThat(row.test().onlySecond()).isEqualTo(3);
        assertThat(row.test().pValue()).isCloseTo(0.09228515625, within(1e-12));
    }
}
