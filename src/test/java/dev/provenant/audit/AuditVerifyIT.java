package dev.provenant.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * GET /api/v1/audit/verify recomputes both hash chains. Changing a stored event's payload or hash, or an
 * access-log entry, directly in Neo4j makes it fail at exactly that link; restoring it makes it pass.
 */
@QuarkusTest
class AuditVerifyIT {

    private static final String EVENT = """
            {"eventType":"COMPLETE","eventTime":"2026-04-01T10:00:00Z","producer":"https://example.com/p",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run":{"runId":"%s"},"job":{"namespace":"audit-verify-it","name":"job-%d"},"inputs":[],"outputs":[]}""";

    @Inject
    Driver driver;

    @Inject
    AccessLogWriter writer;

    private static JsonPath verify() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/audit/verify").then().statusCode(200)
                .extract().jsonPath();
    }

    private List<Long> postEvents() {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seqs.add(given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json")
                    .body(EVENT.formatted(UUID.randomUUID(), i)).post("/api/v1/lineage").then().statusCode(201)
                    .extract().jsonPath().getLong("seq"));
        }
        return seqs;
    }

    @Test
    void anIntactLogVerifies() throws InterruptedException {
        List<Long> seqs = postEvents();
        writer.flush(30_000);
        JsonPath report = verify();
        assertThat(report.getBoolean("ok")).isTrue();
        assertThat(report.getString("firstBroken")).isNull();
        assertThat(report.getLong("events.checked")).isGreaterThanOrEqualTo(seqs.get(2));
        assertThat(report.getLong("events.headSeq")).isEqualTo(report.getLong("events.checked"));
        assertThat(report.getLong("accessLog.checked")).isPositive();
        assertThat(report.getLong("checked")).isEqualTo(report.getLong("events.checked")
                + report.getLong("accessLog.checked"));
    }

    @Test
    void aChangedEventPayloadBreaksTheChainAtThatEvent() throws Exception {
        long seq = postEvents().get(1);
        Map<String, Object> original = eventProperties(seq);
        String tampered = EVENT.formatted(UUID.randomUUID(), 99).replaceAll("\\s+", "");
        try {
            setEvent(seq, "payload", gzip(tampered));
            JsonPath report = verify();
            assertThat(report.getBoolean("ok")).isFalse();
            assertThat(report.getString("firstBroken.chain")).isEqualTo("events");
            assertThat(report.getLong("firstBroken.seq")).isEqualTo(seq);
            assertThat(report.getString("firstBroken.hash")).isEqualTo(original.get("hash"));
            assertThat(report.getString("firstBroken.expected")).isEqualTo(original.get("hash"));
            assertThat(report.getString("firstBroken.actual")).isEqualTo(sha256(tampered));
            assertThat(report.getLong("events.checked")).isEqualTo(seq - 1);
        } finally {
            setEvent(seq, "payload", original.get("payload"));
        }
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @Test
    void aChangedEventHashBreaksTheChainAtThatEvent() throws Exception {
        long seq = postEvents().get(0);
        Map<String, Object> original = eventProperties(seq);
        String forged = sha256("forged " + UUID.randomUUID());
        try {
            setEvent(seq, "hash", forged);
            JsonPath report = verify();
            assertThat(report.getBoolean("ok")).isFalse();
            assertThat(report.getString("firstBroken.chain")).isEqualTo("events");
            assertThat(report.getLong("firstBroken.seq")).isEqualTo(seq);
            assertThat(report.getString("firstBroken.hash")).isEqualTo(forged);
        } finally {
            setEvent(seq, "hash", original.get("hash"));
        }
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @Test
    void aChangedAccessLogEntryBreaksItsChainAtThatEntry() throws Exception {
        given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/stats").then().statusCode(200);
        writer.flush(30_000);
        long seq;
        long status;
        try (Session session = driver.session()) {
            var row = session.run("""
                    MATCH (a:AccessLogEntry {path: '/api/v1/stats'}) RETURN a.seq AS seq, a.status AS status
                    ORDER BY a.seq DESC LIMIT 1""").single();
            seq = row.get("seq").asLong();
            status = row.get("status").asLong();
        }
        try {
            setAccessStatus(seq, 500);
            JsonPath report = verify();
            assertThat(report.getBoolean("ok")).isFalse();
            assertThat(report.getBoolean("events.ok")).isTrue();
            assertThat(report.getString("firstBroken.chain")).isEqualTo("access-log");
            assertThat(report.getLong("firstBroken.seq")).isEqualTo(seq);
            assertThat(report.getString("firstBroken.reason")).isEqualTo("entry does not hash to the stored hash");
        } finally {
            setAccessStatus(seq, status);
        }
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    private Map<String, Object> eventProperties(long seq) {
        try (Session session = driver.session()) {
            Value e = session.run("MATCH (e:Event {seq: $seq}) RETURN e", Map.of("seq", seq)).single().get("e");
            return e.asMap();
        }
    }

    private void setEvent(long seq, String property, Object value) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (e:Event {seq: $seq}) SET e[$property] = $value",
                    Map.of("seq", seq, "property", property, "value", value)).consume());
        }
    }

    private void setAccessStatus(long seq, long status) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (a:AccessLogEntry {seq: $seq}) SET a.status = $status",
                    Map.of("seq", seq, "status", status)).consume());
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
