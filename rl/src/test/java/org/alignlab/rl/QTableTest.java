package org.alignlab.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class QTableTest {
    /** Hashes that all start in the same slot, to exercise the probing too. */
    private static long hash(int i) {
        return ((long) i << 32) | (i * 0x10000L);
    }

    @Test
    void aRowHeldWhileTheTableGrowsStillNamesItsState() {
        QTable q = new QTable(3, 16);
        int first = q.row(hash(0));
        q.add(first, 2, 5f);
        // A learner holds `first` while it looks up thousands of new states, growing the table many times.
        for (int i = 1; i < 5_000; i++) {
            assertThat(q.row(hash(i))).isEqualTo(i);
            q.add(i, 0, i);
        }
        q.add(first, 1, 7f);
        assertThat(q.values(q.row(hash(0)))).containsExactly(0f, 7f, 5f);
        for (int i = 1; i < 5_000; i++) {
            assertThat(q.get(q.row(hash(i)), 0)).isEqualTo((float) i);
        }
        assertThat(q.size()).isEqualTo(5_000);
    }

    @Test
    void aWrittenTableReadsBackTheSame() throws IOException {
        QTable q = new QTable(2, 16);
        for (int i = 0; i < 100; i++) {
            q.add(q.row(hash(i) * 31), i % 2, i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            q.write(out);
        }
        QTable back = QTable.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(back.values(back.row(hash(i) * 31))).isEqualTo(q.values(q.row(hash(i) * 31)));
        }
        assertThat(back.size()).as("reading looked up no state that was not written").isEqualTo(100);
    }
}
