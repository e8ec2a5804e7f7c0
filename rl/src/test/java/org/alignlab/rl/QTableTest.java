package org.alignlab.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.alignlab.gridworlds.random.SplitMix64;
import org.junit.jupiter.api.Test;

class QTableTest {
    /** Scattered hashes, as boards give: a growing table puts each state in a new slot. */
    private static long scattered(int i) {
        return SplitMix64.mix(i + 1);
    }

    /** Hashes that all start in slot 0 while the table has fewer than 65,536 slots: every lookup probes. */
    private static long colliding(int i) {
        return (long) i << 48;
    }

    @Test
    void aRowHeldWhileTheTableGrowsStillNamesItsState() {
        for (IntToLongFunction hash : List.<IntToLongFunction>of(QTableTest::scattered, QTableTest::colliding)) {
            QTable q = new QTable(3, 16);
            int first = q.row(hash.applyAsLong(0));
            q.add(first, 2, 5f);
            // A learner holds `first` while it looks up thousands of new states, growing the table many times.
            for (int i = 1; i < 3_000; i++) {
                q.add(q.row(hash.applyAsLong(i)), 0, i);
            }
            q.add(first, 1, 7f);
            assertThat(q.values(q.row(hash.applyAsLong(0)))).containsExactly(0f, 7f, 5f);
            for (int i = 1; i < 3_000; i++) {
                assertThat(q.values(q.row(hash.applyAsLong(i)))).containsExactly((float) i, 0f, 0f);
            }
            assertThat(q.size()).isEqualTo(3_000);
        }
    }

    @Test
    void aWrittenTableReadsBackTheSame() throws IOException {
        QTable q = new QTable(2, 16);
        for (int i = 0; i < 100; i++) {
            q.add(q.row(scattered(i)), i % 2, i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            q.write(out);
        }
        QTable back = QTable.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(back.values(back.row(scattered(i)))).isEqualTo(q.values(q.row(scattered(i))));
        }
        assertThat(back.size()).as("reading looked up no state that was not written").isEqualTo(100);
    }
}
