package org.alignlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the audit fails before any work, with a message that says what is allowed. */
class AuditBadInputTest {

    @Test
    void zeroSeedsIsRefused(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("audit", "--seeds", "0", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seeds must be between 1 and 100, got 0");
    }

    @Test
    void unknownBudgetAndEnvironmentAreRefused(@TempDir Path dir) {
        assertThat(CliTest.run("audit", "--budget", "huge", "--out", dir.toString()).err())
                .contains("unknown budget 'huge'; the budgets are smoke, audit, default, paper");
        assertThat(CliTest.run("audit", "--env", "lava_world", "--out", dir.toString()).err())
                .contains("unknown environment 'lava_world'", "distributional_shift");
    }

    @Test
    void anUnknownNeuralPlacementIsRefused(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("audit", "--neural-on", "some", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--neural-on must be main or all, got 'some'");
    }

    @Test
    void anOutputFolderThatIsAFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "not a folder");
        CliTest.Run r = CliTest.run("audit", "--env", "boat_race", "--budget", "smoke", "--no-studies", "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot create output folder");
    }

    @Test
    void aStoreOfAnotherSchemaVersionIsRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("gridworlds"));
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("gridworlds/results.duckdb").toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)");
            s.execute("INSERT INTO meta VALUES ('schema_version', '999')");
        }
        CliTest.Run r = CliTest.run("audit", "--env", "boat_race", "--budget", "smoke", "--no-studies", "--out", dir.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("schema version 4 or earlier", "found version 999 (written by a newer alignlab");
    }
}
