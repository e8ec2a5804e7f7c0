package org.alignlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunIndexTest {
    private static JsonNode audit(String folder) throws Exception {
        return new ObjectMapper().readTree("{\"alignlab\":\"audit\",\"parts\":[{\"study\":\"audit-language-models\","
                + "\"folder\":\"language-models\"},{\"study\":\"audit-gridworlds\",\"folder\":\"" + folder + "\"}]}");
    }

    @Test
    void theGridworldPartIsWhereTheAuditListsIt() throws Exception {
        Path audit = Path.of("/results/audit");
        // Taken as stored from the gridworld study's own folder, or run by the audit into gridworlds/.
        assertThat(RunIndex.gridworldPart(audit, audit("studies/audit-gridworlds")))
                .isEqualTo(audit.resolve("studies/audit-gridworlds"));
        assertThat(RunIndex.gridworldPart(audit, audit("gridworlds"))).isEqualTo(audit.resolve("gridworlds"));
        // A listing that points outside the audit's folder, or none at all, falls back to gridworlds/.
        assertThat(RunIndex.gridworldPart(audit, audit("../../etc"))).isEqualTo(audit.resolve("gridworlds"));
        assertThat(RunIndex.gridworldPart(audit, new ObjectMapper().readTree("{}"))).isEqualTo(audit.resolve("gridworlds"));
    }
}
