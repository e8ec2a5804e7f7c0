package org.alignlab.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {
    @TempDir
    Path dir;

    /** A policy file's bytes with the given header and an empty action-value table of four actions. */
    private static byte[] tabular(String magic, int version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF(magic);
            out.writeInt(version);
            out.writeUTF("tabular");
            out.writeInt(4);
            out.writeInt(0);
        }
        return bytes.toByteArray();
    }

    @Test
    void aTabularPolicyIsReadBack() throws IOException {
        Path file = dir.resolve("p.policy");
        PolicyFiles.write(file, "tabular", out -> {
            out.writeInt(4);
            out.writeInt(0);
        });
        try (PolicyFiles.Stored stored = PolicyFiles.read(file, 1)) {
            assertThat(stored.kind()).isEqualTo("tabular");
        }
    }

    @Test
    void aTabularPolicyKeyedTheOldWayIsRefusedSayingWhy() {
        assertThatThrownBy(() -> PolicyFiles.read(tabular("alignlab-policy", 1), "old.policy", 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("old.policy")
                .hasMessageContaining("policy version 1")
                .hasMessageContaining("train it again");
    }

    @Test
    void aLaterVersionOrAnotherFileIsRefused() {
        assertThatThrownBy(() -> PolicyFiles.read(tabular("alignlab-policy", 99), "new.policy", 1))
                .hasMessageContaining("version 99, written by a later alignlab");
        assertThatThrownBy(() -> PolicyFiles.read(tabular("something-else", 2), "other.policy", 1))
                .hasMessageContaining("no policy header");
        assertThatThrownBy(() -> PolicyFiles.read(new byte[] {1, 2, 3}, "junk.policy", 1))
                .hasMessageContaining("not gzip");
    }
}
