package dev.provenant.analyst;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.audit.AccessLogWriter;
import dev.provenant.support.TestResources;
import dev.provenant.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every analyst query is written to the access log with who ran what: the entry of the POST carries the
 * caller's name and role and, as its detail, the query text or library id, the parameters, the outcome,
 * rows, truncation and time; the chain still verifies. Only analysts (and above) may run Cypher.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class AnalystQueryAccessLogIT {

    private static final String NS = "analyst-access-log-it";

    @Inject
    AccessLogWriter writer;

    @Test
    void analystQueriesAreLoggedWithCallerRoleQueryAndOutcome() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String name = "analyst-" + UUID.randomUUID();
        String analyst = Tokens.issue(name, "analyst");
        String adHoc = "MATCH (d:Dataset {namespace: $ns}) RETURN count(d) AS datasets";

        given().auth().oauth2(analyst).contentType("application/json")
                .body(Map.of("query", adHoc, "parameters", Map.of("ns", NS))).post("/api/v1/cypher").then()
                .statusCode(200);
        given().auth().oauth2(analyst).contentType("application/json")
                .body(Map.of("libraryQuery", "find_failed_runs", "parameters", Map.of("namespace", NS)))
                .post("/api/v1/cypher").then().statusCode(200);
        given().auth().oauth2(analyst).contentType("application/json").body(Map.of("query", "CREATE (:Sneaky)"))
                .post("/api/v1/cypher").then().statusCode(403);
        writer.flush(30_000);

        List<Map<String, Object>> mine = given().auth().oauth2(TestResources.ADMIN_TOKEN)
                .queryParam("from", from.toString()).queryParam("limit", 10_000).get("/api/v1/audit/access-log").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("entries").stream()
                .filter(e -> name.equals(e.get("callerName"))).toList();
        assertThat(mine).hasSize(3);
        assertThat(mine).allSatisfy(e -> assertThat(e).containsEntry("method", "POST")
                .containsEntry("path", "/api/v1/cypher").containsEntry("route", "/api/v1/cypher")
                .containsEntry("role", "analyst"));

        assertThat(mine.get(0)).containsEntry("status", 200);
        Map<String, Object> first = (Map<String, Object>) mine.get(0).get("detail");
        assertThat(first).containsEntry("kind", "analyst_query").containsEntry("query", adHoc)
                .containsEntry("parameters", Map.of("ns", NS)).containsEntry("outcome", "ok")
                .containsEntry("rows", 1).containsEntry("truncated", false).doesNotContainKey("libraryQuery");
        assertThat(((Number) first.get("elapsedMs")).longValue()).isNotNegative();

        Map<String, Object> library = (Map<String, Object>) mine.get(1).get("detail");
        assertThat(library).containsEntry("libraryQuery", "find_failed_runs")
                .containsEntry("parameters", Map.of("days", 7, "namespace", NS)).containsEntry("outcome", "ok")
                .containsEntry("rows", 0).doesNotContainKey("query");

        assertThat(mine.get(2)).containsEntry("status", 403);
        assertThat((Map<String, Object>) mine.get(2).get("detail")).containsEntry("query", "CREATE (:Sneaky)")
                .containsEntry("outcome", "write_refused").containsEntry("rows", 0);

        JsonPath report = given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/audit/verify").then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("ok")).isTrue();
        assertThat(report.getBoolean("accessLog.ok")).isTrue();
        assertThat(report.getLong("accessLog.checked")).isPositive();
    }

    @Test
    void onlyAnalystsAndAboveRunCypher() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String viewerName = "viewer-" + UUID.randomUUID();
        String viewer = Tokens.issue(viewerName, "viewer");
        String analyst = Tokens.issue("analyst-" + UUID.randomUUID(), "analyst");
        Map<String, Object> body = Map.of("query", "RETURN 1 AS one");

        given().auth().oauth2(viewer).contentType("application/json").body(body).post("/api/v1/cypher").then()
                .statusCode(403);
        given().auth().oauth2(analyst).contentType("application/json").body(body).post("/api/v1/cypher").then()
                .statusCode(200);
        writer.flush(30_000);

        List<Map<String, Object>> refused = given().auth().oauth2(TestResources.ADMIN_TOKEN)
                .queryParam("from", from.toString()).queryParam("limit", 10_000).get("/api/v1/audit/access-log").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("entries").stream()
                .filter(e -> viewerName.equals(e.get("callerName"))).toList();
        assertThat(refused).hasSize(1);
        // Refused before the console ran: the entry says who tried, but there is no query detail.
        assertThat(refused.get(0)).containsEntry("status", 403).containsEntry("role", "viewer")
                .containsEntry("detail", null);
    }
}
