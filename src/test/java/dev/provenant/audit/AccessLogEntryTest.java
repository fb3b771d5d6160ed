package dev.provenant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The access-log entry hash covers every field and survives the round trip through storage. */
class AccessLogEntryTest {

    private static AccessLogEntry entry(int status, String callerId) {
        return new AccessLogEntry(Instant.parse("2026-05-01T12:00:00.123Z"), "GET", "/api/v1/runs", "/api/v1/**",
                "runId=r1", status, callerId, "reader", "viewer", "127.0.0.1", 7);
    }

    @Test
    void theHashChangesWithAnyField() {
        assertThat(entry(200, "t1").hash()).isEqualTo(entry(200, "t1").hash()).hasSize(64);
        assertThat(entry(200, "t1").hash()).isNotEqualTo(entry(404, "t1").hash());
        assertThat(entry(200, "t1").hash()).isNotEqualTo(entry(200, "t2").hash());
        assertThat(entry(200, null).hash()).isNotEqualTo(entry(200, "").hash());
    }

    @Test
    void longQueriesAreCutAndBrokenTextIsMadeWellFormed() {
        AccessLogEntry cut = new AccessLogEntry(Instant.EPOCH, "GET", "/p\ud800", null, "q".repeat(5000), 200, null,
                null, null, null, 0);
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
