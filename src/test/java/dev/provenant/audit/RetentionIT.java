package dev.provenant.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Retention (20 years in the test profile) drops old raw payloads but keeps their hashes, so the chain
 * still verifies, and deletes old runs; recent data stays. The test backdates its own events' receipt.
 */
@QuarkusTest
class RetentionIT {

    private static final String EVENT = """
            {"eventType":"%s","eventTime":"%s","producer":"https://example.com/p",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run":{"runId":"%s"},"job":{"namespace":"retention-it","name":"nightly"},
             "inputs":[{"namespace":"retention-it","name":"source"}],"outputs":[]}""";

    @Inject
    Driver driver;

    private static void post(String type, String time, String runId) {
        given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json")
                .body(EVENT.formatted(type, time, runId)).post("/api/v1/lineage").then().statusCode(201);
    }

    @Test
    void oldPayloadsLoseTheirBytesButKeepTheirHashesAndOldRunsGo() {
        String oldRun = UUID.randomUUID().toString();
        String newRun = UUID.randomUUID().toString();
        post("START", "1999-01-01T10:00:00Z", oldRun);
        post("COMPLETE", "1999-01-01T11:00:00Z", oldRun);
        post("COMPLETE", "2026-01-01T11:00:00Z", newRun);
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (e:Event {runId: $runId}) SET e.receivedAt = datetime('1999-01-02T00:00:00Z')""",
                    Map.of("runId", oldRun)).consume());
        }
        Graph graph = new Graph(driver);
        List<String> hashesBefore = graph.query("MATCH (e:Event {runId: $r}) RETURN e.hash AS h ORDER BY e.seq",
                Map.of("r", oldRun)).stream().map(r -> r.get("h").asString()).toList();

        JsonPath pruned = given().auth().oauth2(TestResources.ADMIN_TOKEN).post("/api/v1/admin/retention/prune").then()
                .statusCode(200).extract().jsonPath();
        assertThat(pruned.getLong("payloadsPruned")).isEqualTo(2);
        assertThat(pruned.getLong("runsDeleted")).isEqualTo(1);

        List<Record> old = graph.query("""
                MATCH (e:Event {runId: $r})
                RETURN e.hash AS h, e.payload IS NULL AS gone, e.payloadPrunedAt IS NOT NULL AS marked ORDER BY e.seq""",
                Map.of("r", oldRun));
        assertThat(old).extracting(r -> r.get("h").asString()).isEqualTo(hashesBefore);
        assertThat(old).allMatch(r -> r.get("gone").asBoolean() && r.get("marked").asBoolean());
        assertThat(graph.count("MATCH (e:Event {runId: $r}) WHERE e.payload IS NOT NULL RETURN count(e)",
                Map.of("r", newRun))).isEqualTo(1);

        given().auth().oauth2(TestResources.ADMIN_TOKEN).queryParam("runId", oldRun).get("/api/v1/runs").then()
                .statusCode(404);
        given().auth().oauth2(TestResources.ADMIN_TOKEN).queryParam("runId", newRun).get("/api/v1/runs").then()
                .statusCode(200);
        assertThat(graph.count("MATCH (j:Job {namespace: 'retention-it', name: 'nightly'}) RETURN count(j)")).isOne();

        JsonPath report = given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/audit/verify").then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("ok")).isTrue();
        assertThat(report.getLong("events.prunedPayloads")).isGreaterThanOrEqualTo(2);

        JsonPath again = given().auth().oauth2(TestResources.ADMIN_TOKEN).post("/api/v1/admin/retention/prune").then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getLong("payloadsPruned")).isZero();
        assertThat(again.getLong("runsDeleted")).isZero();
    }
}
