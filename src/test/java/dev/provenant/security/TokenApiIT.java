package dev.provenant.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.provenant.support.TestResources;
import dev.provenant.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issuing, listing, using and revoking tokens with roles, over real HTTP. */
@QuarkusTest
class TokenApiIT {

    private static final String EVENT = """
            {"eventType":"START","eventTime":"2026-03-01T10:00:00Z","producer":"https://example.com/p",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run":{"runId":"%s"},"job":{"namespace":"token-api-it","name":"job"},"inputs":[],"outputs":[]}""";

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }

    @Test
    void aTokenIsShownOnceListedWithoutItsSecretAndWorksForItsRole() {
        String name = "viewer-" + UUID.randomUUID();
        JsonPath issued = Tokens.issueFull(name, "viewer", null);
        String id = issued.getString("id");
        String token = issued.getString("token");
        assertThat(token).startsWith("pvn_").hasSizeGreaterThan(40);
        assertThat(issued.getString("name")).isEqualTo(name);
        assertThat(issued.getString("role")).isEqualTo("viewer");
        assertThat(issued.getString("expiresAt")).isNull();

        List<Map<String, Object>> listed = admin().get("/api/v1/admin/tokens").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.id == '" + id + "' }");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).containsEntry("name", name).containsEntry("role", "viewer")
                .containsEntry("state", "active").containsEntry("createdBy", Caller.BOOTSTRAP_ADMIN_ID)
                .doesNotContainKeys("token", "hash");
        assertThat(admin().get("/api/v1/admin/tokens").asString()).doesNotContain(token)
                .doesNotContain(TokenAuthenticator.hash(token));

        given().auth().oauth2(token).get("/api/v1/stats").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("query", "RETURN 1"))
                .post("/api/v1/cypher").then().statusCode(403).body("error", equalTo("forbidden"));
        given().auth().oauth2(token).get("/api/v1/admin/tokens").then().statusCode(403)
                .body("error", equalTo("forbidden")).body("message", equalTo(
                        "this route needs the role admin or higher; the token has the role viewer"));
    }

    @Test
    void anIngestTokenMayPostLineageAndNothingElse() {
        String token = Tokens.issue("ingest-" + UUID.randomUUID(), "ingest");
        given().auth().oauth2(token).contentType("application/json")
                .body(EVENT.formatted(UUID.randomUUID())).post("/api/v1/lineage").then().statusCode(201);
        given().auth().oauth2(token).get("/api/v1/stats").then().statusCode(403).body("error", equalTo("forbidden"));
        given().auth().oauth2(token).get("/q/metrics").then().statusCode(403);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        JsonPath issued = Tokens.issueFull("revoked-" + UUID.randomUUID(), "analyst", null);
        String token = issued.getString("token");
        given().auth().oauth2(token).get("/api/v1/stats").then().statusCode(200);

        admin().delete("/api/v1/admin/tokens/" + issued.getString("id")).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/stats").then().statusCode(401)
                .body("error", equalTo("unauthorized")).body("path", equalTo("Authorization"));
        List<String> states = admin().get("/api/v1/admin/tokens").jsonPath()
                .getList("findAll { it.id == '" + issued.getString("id") + "' }.state");
        assertThat(states).containsExactly("revoked");
        admin().delete("/api/v1/admin/tokens/" + issued.getString("id")).then().statusCode(204);
        admin().delete("/api/v1/admin/tokens/" + UUID.randomUUID()).then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        Instant expiry = Instant.now().plus(2, ChronoUnit.SECONDS);
        JsonPath issued = Tokens.issueFull("expiring-" + UUID.randomUUID(), "viewer", expiry.toString());
        assertThat(Instant.parse(issued.getString("expiresAt"))).isEqualTo(expiry);
        while (!Instant.now().isAfter(expiry.plusMillis(100))) {
            Thread.sleep(100);
        }
        given().auth().oauth2(issued.getString("token")).get("/api/v1/stats").then().statusCode(401)
                .body("error", equalTo("unauthorized"));
        List<String> states = admin().get("/api/v1/admin/tokens").jsonPath()
                .getList("findAll { it.id == '" + issued.getString("id") + "' }.state");
        assertThat(states).containsExactly("expired");
    }

    @Test
    void badRequestsNameTheField() {
        admin().contentType("application/json").body(Map.of("name", "x", "role", "root")).post("/api/v1/admin/tokens")
                .then().statusCode(400).body("error", equalTo("invalid_value")).body("path", equalTo("role"));
        admin().contentType("application/json").body(Map.of("role", "viewer")).post("/api/v1/admin/tokens")
                .then().statusCode(400).body("error", equalTo("missing_field")).body("path", equalTo("name"));
        admin().contentType("application/json").body(Map.of("name", "x", "role", "viewer", "expiresAt",
                "2001-01-01T00:00:00Z")).post("/api/v1/admin/tokens").then().statusCode(400)
                .body("path", equalTo("expiresAt"));
        admin().contentType("application/json").body(Map.of("name", "x", "role", "viewer", "expiresAt", "tomorrow"))
                .post("/api/v1/admin/tokens").then().statusCode(400).body("error", equalTo("invalid_value"));
    }

    @Test
    void onlyAdminsManageTokens() {
        String steward = Tokens.issue("steward-" + UUID.randomUUID(), "steward");
        given().auth().oauth2(steward).contentType("application/json").body(Map.of("name", "x", "role", "admin"))
                .post("/api/v1/admin/tokens").then().statusCode(403);
        given().auth().oauth2(steward).delete("/api/v1/admin/tokens/" + UUID.randomUUID()).then().statusCode(403);
        String second = Tokens.issue("admin-" + UUID.randomUUID(), "admin");
        given().auth().oauth2(second).get("/api/v1/admin/tokens").then().statusCode(200);
    }
}
