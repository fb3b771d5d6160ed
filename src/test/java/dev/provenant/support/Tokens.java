package dev.provenant.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.Map;

/** Issues API tokens through the admin API, for tests that act with a given role. */
public final class Tokens {

    private Tokens() {}

    /** A new token of this role (ingest, viewer, analyst, steward, admin); returns its secret. */
    public static String issue(String name, String role) {
        return issueFull(name, role, null).getString("token");
    }

    /** The whole 201 answer: id, token, name, role, expiresAt. */
    public static JsonPath issueFull(String name, String role, String expiresAt) {
        Map<String, Object> body = expiresAt == null ? Map.of("name", name, "role", role)
                : Map.of("name", name, "role", role, "expiresAt", expiresAt);
        return given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json").body(body)
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().jsonPath();
    }
}
