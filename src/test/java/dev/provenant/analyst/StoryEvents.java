package dev.provenant.analyst;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.TestResources;

/** Posts story events through the real ingest endpoint. */
final class StoryEvents {

    private StoryEvents() {}

    /**
     * Posts one event; on a busy machine the client may give up before the answer, so a read timeout is
     * retried (ingest is idempotent, the retry is then answered 200 instead of 201).
     */
    static void post(String event) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                int status = given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json")
                        .body(event).post("/api/v1/lineage").statusCode();
                assertThat(status).as(event).isIn(200, 201);
                return;
            } catch (RuntimeException e) {
                last = e;
            } catch (Exception e) {
                last = new IllegalStateException(e);
            }
        }
        throw last;
    }
}
