package dev.provenant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provenant.ingest.CanonicalJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The access-log entry hash covers every field and survives the round trip through storage. */
class AccessLogEntryTest {

    private static AccessLogEntry entry(int status, String callerId) {
        return entry(status, callerId, null);
    }

    private static AccessLogEntry entry(int status, String callerId, String detail) {
        return new AccessLogEntry(Instant.parse("2026-05-01T12:00:00.123Z"), "GET", "/api/v1/runs", "/api/v1/**",
                "runId=r1", status, callerId, "reader", "viewer", "127.0.0.1", 7, detail);
    }

    @Test
    void theHashChangesWithAnyField() {
        assertThat(entry(200, "t1").hash()).isEqualTo(entry(200, "t1").hash()).hasSize(64);
        assertThat(entry(200, "t1").hash()).isNotEqualTo(entry(404, "t1").hash());
        assertThat(entry(200, "t1").hash()).isNotEqualTo(entry(200, "t2").hash());
        assertThat(entry(200, null).hash()).isNotEqualTo(entry(200, "").hash());
        assertThat(entry(200, "t1", "{\"rows\":1}").hash()).isNotEqualTo(entry(200, "t1", "{\"rows\":2}").hash())
                .isNotEqualTo(entry(200, "t1").hash());
    }

    /** Entries stored before {@code detail} existed must still verify: without one, the hashed JSON is unchanged. */
    @Test
    void anEntryWithoutDetailHashesAsBeforeDetailExisted() {
        ObjectNode before = JsonNodeFactory.instance.objectNode();
        before.put("at", "2026-05-01T12:00:00.123Z");
        before.put("method", "GET");
        before.put("path", "/api/v1/runs");
        before.put("route", "/api/v1/**");
        before.put("query", "runId=r1");
        before.put("status", 200);
        before.put("callerId", "t1");
        before.put("callerName", "reader");
        before.put("role", "viewer");
        before.put("client", "127.0.0.1");
        before.put("durationMs", 7);
        assertThat(entry(200, "t1").hash()).isEqualTo(CanonicalJson.sha256(CanonicalJson.bytes(before)));
    }

    @Test
    void longQueriesAreCutAndBrokenTextIsMadeWellFormed() {
        AccessLogEntry cut = new AccessLogEntry(Instant.EPOCH, "GET", "/p\ud800", null, "q".repeat(5000), 200, null,
                null, null, null, 0, null);
        assertThat(cut.query()).hasSize(AccessLogEntry.MAX_QUERY);
        assertThat(cut.path()).isEqualTo("/p?");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(AuditResource.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditResource.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditResource.csv("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(AuditResource.csv(null)).isEmpty();
    }
}
