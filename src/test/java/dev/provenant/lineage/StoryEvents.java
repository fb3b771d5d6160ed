package dev.provenant.lineage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Conformance;
import dev.provenant.support.TestResources;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;

/** Small story events for the lineage read ITs, and posting of real conformance events. */
final class StoryEvents {

    private StoryEvents() {}

    /** Shared machines can be slow: writes and first reads get longer than the default 30 s socket timeout. */
    private static final RestAssuredConfig PATIENT = RestAssured.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 180_000));

    static RequestSpecification authorized() {
        return given().config(PATIENT).auth().oauth2(TestResources.ADMIN_TOKEN);
    }

    /** Posts conformance files (relative to openlineage/); a file already stored by another test is a duplicate. */
    static void postConformance(String... files) {
        for (String file : files) {
            byte[] body = Conformance.bytes(Conformance.openLineage(file));
            int status = file.endsWith(".ndjson")
                    ? authorized().contentType("application/x-ndjson").body(body).post("/api/v1/lineage/batch").statusCode()
                    : authorized().contentType("application/json").body(body).post("/api/v1/lineage").statusCode();
            assertThat(status).as(file).isIn(200, 201);
        }
    }

    static void post(String json) {
        authorized().contentType("application/json").body(json).post("/api/v1/lineage").then().statusCode(201);
    }

    /** A COMPLETE run event of {@code job} (namespace {@code namespace}) over datasets of namespace {@code datasets}. */
    static String complete(String namespace, String datasets, String job, String time, List<String> inputs,
            List<String> outputs) {
        // The same story event always gets the same runId, so posting it again is a duplicate.
        String runId = UUID.nameUUIDFromBytes((namespace + "|" + job + "|" + time + "|" + inputs + "|" + outputs)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return event("COMPLETE", runId, namespace, datasets, job, time, inputs, outputs);
    }

    static String event(String eventType, String runId, String namespace, String datasets, String job, String time,
            List<String> inputs, List<String> outputs) {
        return """
                {"eventType":"%s","eventTime":"%s","producer":"https://example.com/story",\
                "run":{"runId":"%s"},"job":{"namespace":"%s","name":"%s"},"inputs":[%s],"outputs":[%s]}"""
                .formatted(eventType, time, runId, namespace, job, list(datasets, inputs), list(datasets, outputs));
    }

    private static String list(String namespace, List<String> names) {
        return String.join(",", names.stream()
                .map(n -> "{\"namespace\":\"" + namespace + "\",\"name\":\"" + n + "\"}").toList());
    }
}
