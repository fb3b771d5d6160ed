package dev.provenant.support;

import static io.restassured.RestAssured.given;

/**
 * PII propagation runs after ingest has answered; {@code GET /api/v1/pii/status} says when every
 * answered event is reflected. Tests wait for it before asserting verdicts.
 */
public final class PiiPropagation {

    private static final int ATTEMPTS = 1200;
    private static final long PAUSE_MS = 100;

    private PiiPropagation() {}

    /** Returns once propagation is idle; fails the test after two minutes. */
    public static void awaitIdle() {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/pii/status").then().statusCode(200)
                    .extract().jsonPath().getBoolean("idle")) {
                return;
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("PII propagation did not become idle within two minutes");
    }
}
