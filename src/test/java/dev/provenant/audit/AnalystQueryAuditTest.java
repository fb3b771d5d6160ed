package dev.provenant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.analyst.AnalystQueryExecuted;
import dev.provenant.security.Caller;
import dev.provenant.security.Role;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an analyst ran, as the access-log detail: query or library id, parameters, outcome; long text cut. */
class AnalystQueryAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller ANALYST = new Caller("t1", "ann", Role.ANALYST);
    private final AnalystQueryAudit audit = new AnalystQueryAudit(null, JSON);

    @Test
    void anAdHocQueryIsRecordedWithItsParametersAndOutcome() throws Exception {
        JsonNode detail = JSON.readTree(audit.detail(new AnalystQueryExecuted(Instant.EPOCH, ANALYST,
                "RETURN $x AS x", null, Map.of("x", 1), "ok", 1, false, 12)));
        assertThat(detail.toString()).isEqualTo("{\"kind\":\"analyst_query\",\"query\":\"RETURN $x AS x\","
                + "\"parameters\":{\"x\":1},\"outcome\":\"ok\",\"rows\":1,\"truncated\":false,\"elapsedMs\":12}");
    }

    @Test
    void aLibraryQueryIsRecordedByItsId() throws Exception {
        JsonNode detail = JSON.readTree(audit.detail(new AnalystQueryExecuted(Instant.EPOCH, ANALYST, null,
                "find_failed_runs", Map.of("days", 7L), "invalid_parameter", 0, false, 3)));
        assertThat(detail.get("libraryQuery").asText()).isEqualTo("find_failed_runs");
        assertThat(detail.has("query")).isFalse();
        assertThat(detail.get("outcome").asText()).isEqualTo("invalid_parameter");
    }

    @Test
    void longQueriesAreCutAndLargeParametersLeftOut() throws Exception {
        String query = "RETURN '" + "x".repeat(AnalystQueryAudit.MAX_QUERY_TEXT) + "'";
        JsonNode detail = JSON.readTree(audit.detail(new AnalystQueryExecuted(Instant.EPOCH, ANALYST, query, null,
                Map.of("big", "y".repeat(AnalystQueryAudit.MAX_PARAMETERS_JSON)), "ok", 1, false, 1)));
        assertThat(detail.get("query").asText()).hasSize(AnalystQueryAudit.MAX_QUERY_TEXT);
        assertThat(detail.get("queryChars").asInt()).isEqualTo(query.length());
        assertThat(detail.has("parameters")).isFalse();
        assertThat(detail.get("parametersCut").asBoolean()).isTrue();
    }
}
