package dev.provenant.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * A story of runs of one job whose inputs change: edges nothing reported since a completing run started
 * become stale; edges that an overlapping run still reads stay current.
 */
@QuarkusTest
class StaleEdgesIT {

    @Inject
    Driver driver;

    @Test
    void overlappingRunsKeepWhatEitherReadAndALaterRunDropsTheRest() {
        String job = "stale-story";
        post(job, "A", "START", "2026-04-01T10:00:00Z", "src");
        post(job, "B", "START", "2026-04-01T10:01:00Z", "src");
        post(job, "A", "COMPLETE", "2026-04-01T10:02:00Z", "src");
        post(job, "B", "COMPLETE", "2026-04-01T10:03:00Z");
        assertThat(inputs(job)).containsExactlyInAnyOrderEntriesOf(Map.of("src", true));

        post(job, "C", "START", "2026-04-01T11:00:00Z", "other");
        post(job, "C", "COMPLETE", "2026-04-01T11:05:00Z", "other");
        assertThat(inputs(job)).containsExactlyInAnyOrderEntriesOf(Map.of("src", false, "other", true));

        // A late START of an older run does not bring the dropped input back.
        post(job, "Z", "START", "2026-04-01T09:00:00Z", "src");
        assertThat(inputs(job)).containsExactlyInAnyOrderEntriesOf(Map.of("src", false, "other", true));
    }

    private Map<String, Boolean> inputs(String job) {
        Map<String, Boolean> current = new LinkedHashMap<>();
        new Graph(driver).query("""
                MATCH (d:Dataset)-[e:INPUT_TO]->(:Job {namespace: 'stale', name: $job})
                RETURN d.name AS name, e.current AS current""", Map.of("job", job))
                .forEach(r -> current.put(r.get("name").asString(), r.get("current").asBoolean()));
        return current;
    }

    private static void post(String job, String run, String type, String time, String... inputs) {
        StringBuilder datasets = new StringBuilder();
        for (String input : inputs) {
            datasets.append(datasets.isEmpty() ? "" : ",").append("{\"namespace\":\"s3://stale\",\"name\":\"")
                    .append(input).append("\"}");
        }
        String event = """
                {"eventType":"%s","eventTime":"%s","producer":"https://example.com/p",
                 "run":{"runId":"%s-%s"},"job":{"namespace":"stale","name":"%s"},"inputs":[%s],"outputs":[]}"""
                .formatted(type, time, job, run, job, datasets);
        given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json").body(event)
                .post("/api/v1/lineage").then().statusCode(201);
    }
}
