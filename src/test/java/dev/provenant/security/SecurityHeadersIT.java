package dev.provenant.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Every response carries the security headers: successes, refusals, errors and the health probes. */
@QuarkusTest
class SecurityHeadersIT {

    private static void assertHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy")).isEqualTo(
                "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void onSuccess() {
        Response response = given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/stats");
        assertThat(response.statusCode()).isEqualTo(200);
        assertHeaders(response);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void onRefusalsAndErrors() {
        Response unauthorized = given().get("/api/v1/stats");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertHeaders(unauthorized);
        Response notFound = given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/nothing-here");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertHeaders(notFound);
    }

    @Test
    void onHealthAndMetrics() {
        Response health = given().get("/q/health/live");
        assertThat(health.statusCode()).isEqualTo(200);
        assertHeaders(health);
        Response metrics = given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/q/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertHeaders(metrics);
    }
}
