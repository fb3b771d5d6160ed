package dev.provenant.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.TestResources;
import dev.provenant.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who read or changed what ends up in the hash-chained access log, viewable and exportable by admins:
 * caller, role, route, query, status; failed authentications too; health probes never.
 */
@QuarkusTest
class AccessLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AccessLogWriter writer;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }

    @Test
    void readsRefusalsAndWritesAreLoggedWithCallerRoleAndOutcome() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String name = "reader-" + UUID.randomUUID();
        String token = Tokens.issue(name, "viewer");
        String runId = UUID.randomUUID().toString();
        String probe = UUID.randomUUID().toString();

        given().auth().oauth2(token).queryParam("runId", runId).get("/api/v1/runs").then().statusCode(404);
        given().auth().oauth2(token).get("/api/v1/admin/tokens").then().statusCode(403);
        given().queryParam("probe", probe).get("/api/v1/stats").then().statusCode(401);
        for (int i = 0; i < 3; i++) {
            given().get("/q/health/live").then().statusCode(200);
        }
        writer.flush(30_000);

        List<Map<String, Object>> entries = admin().queryParam("from", from.toString()).queryParam("limit", 10_000)
                .get("/api/v1/audit/access-log").then().statusCode(200).extract().jsonPath().getList("entries");
        List<Map<String, Object>> mine = entries.stream().filter(e -> name.equals(e.get("callerName"))).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0)).containsEntry("method", "GET").containsEntry("path", "/api/v1/runs")
                .containsEntry("query", "runId=" + runId).containsEntry("status", 404).containsEntry("role", "viewer")
                .containsEntry("route", "/api/v1/**").containsEntry("client", "127.0.0.1");
        assertThat((String) mine.get(0).get("callerId")).isNotBlank();
        assertThat(mine.get(1)).containsEntry("path", "/api/v1/admin/tokens").containsEntry("status", 403)
                .containsEntry("route", "/api/v1/admin/**");

        List<Map<String, Object>> refused = entries.stream()
                .filter(e -> ("probe=" + probe).equals(e.get("query"))).toList();
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0)).containsEntry("status", 401).containsEntry("callerId", null)
                .containsEntry("path", "/api/v1/stats");

        assertThat(entries).noneMatch(e -> ((String) e.get("path")).startsWith("/q/health"));
        for (int i = 1; i < entries.size(); i++) {
            if (((Number) entries.get(i).get("seq")).longValue() == ((Number) entries.get(i - 1).get("seq")).longValue() + 1) {
                assertThat(entries.get(i).get("prevHash")).isEqualTo(entries.get(i - 1).get("hash"));
            }
        }
    }

    @Test
    void adminsExportTheLogAsNdjsonAndCsv() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String runId = UUID.randomUUID().toString();
        admin().queryParam("runId", runId).get("/api/v1/runs").then().statusCode(404);
        writer.flush(30_000);
        Instant to = Instant.now().plus(1, ChronoUnit.MINUTES);

        String ndjson = admin().queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("format", "ndjson").get("/api/v1/audit/access-log").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("query").asText()).isEqualTo("runId=" + runId);
            assertThat(l.get("callerId").asText()).isEqualTo("bootstrap-admin");
            assertThat(l.get("role").asText()).isEqualTo("admin");
            assertThat(l.get("status").asInt()).isEqualTo(404);
            assertThat(l.get("chainHash").asText()).hasSize(64);
        });

        String csv = admin().queryParam("from", from.toString()).queryParam("format", "csv")
                .get("/api/v1/audit/access-log").then().statusCode(200).contentType("text/csv").extract().asString();
        String[] rows = csv.split("\r\n");
        assertThat(rows[0]).isEqualTo("seq,at,method,path,route,query,status,callerId,callerName,role,client,"
                + "durationMs,hash,prevHash,chainHash");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(",GET,/api/v1/runs,/api/v1/**,runId=" + runId + ",404,"
                + "bootstrap-admin,"));
    }

    @Test
    void theLogCanBeNeitherChangedNorDeletedThroughTheApi() {
        admin().delete("/api/v1/audit/access-log").then().statusCode(405);
        admin().contentType("application/json").body("{}").put("/api/v1/audit/access-log").then().statusCode(405);
        admin().contentType("application/json").body("{}").post("/api/v1/audit/access-log").then().statusCode(405);
    }

    @Test
    void onlyAdminsReadIt() {
        String steward = Tokens.issue("steward-" + UUID.randomUUID(), "steward");
        given().auth().oauth2(steward).get("/api/v1/audit/access-log").then().statusCode(403);
        admin().queryParam("format", "xml").get("/api/v1/audit/access-log").then().statusCode(400);
        admin().queryParam("from", "yesterday").get("/api/v1/audit/access-log").then().statusCode(400);
    }
}
