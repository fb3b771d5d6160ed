package dev.provenant.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * Runs that repeat a dataset's known schema skip the field writes; any change of the schema, or a
 * report that names fewer or other fields, still reaches the graph.
 */
@QuarkusTest
class RepeatedSchemaIT {

    @Inject
    Driver driver;

    @Inject
    MeterRegistry registry;

    @Test
    void repeatedSchemasAreSkippedAndChangedOnesWritten() {
        post("r1", "2026-05-01T10:00:00Z", "{\"name\":\"id\",\"type\":\"BIGINT\"},{\"name\":\"email\",\"type\":\"VARCHAR\"}");
        assertThat(fields()).containsExactly("email:VARCHAR", "id:BIGINT");
        String hash = fieldsHash();
        assertThat(hash).isNotNull();

        // The same schema from a later run: the dataset is seen again, no field statement runs.
        long fieldWrites = fieldWrites();
        post("r2", "2026-05-02T10:00:00Z", "{\"name\":\"id\",\"type\":\"BIGINT\"},{\"name\":\"email\",\"type\":\"VARCHAR\"}");
        assertThat(fieldWrites()).isEqualTo(fieldWrites);
        assertThat(fieldsHash()).isEqualTo(hash);
        assertThat(datasetLastSeen()).startsWith("2026-05-02T10:00");

        // A changed type and a new field are written.
        post("r3", "2026-05-03T10:00:00Z", "{\"name\":\"id\",\"type\":\"STRING\"},{\"name\":\"email\",\"type\":\"VARCHAR\"},"
                + "{\"name\":\"phone\",\"type\":\"VARCHAR\"}");
        assertThat(fields()).containsExactly("email:VARCHAR", "id:STRING", "phone:VARCHAR");
        assertThat(fieldsHash()).isNotEqualTo(hash);
        assertThat(fieldWrites()).isEqualTo(fieldWrites + 1);

        // Going back to the first schema is a change too: the type it names is written again.
        post("r4", "2026-05-04T10:00:00Z", "{\"name\":\"id\",\"type\":\"BIGINT\"},{\"name\":\"email\",\"type\":\"VARCHAR\"}");
        assertThat(fields()).containsExactly("email:VARCHAR", "id:BIGINT", "phone:VARCHAR");
        assertThat(fieldsHash()).isEqualTo(hash);
    }

    private List<String> fields() {
        return new Graph(driver).query("""
                MATCH (:Dataset {namespace: 'pg://schema-story', name: 'public.customers'})-[:HAS_FIELD]->(f:Field)
                RETURN f.path + ':' + f.type AS field ORDER BY field""", Map.of())
                .stream().map(r -> r.get("field").asString()).toList();
    }

    private String fieldsHash() {
        return single("MATCH (d:Dataset {namespace: 'pg://schema-story', name: 'public.customers'}) RETURN d.fieldsHash AS v");
    }

    private String datasetLastSeen() {
        return single("MATCH (d:Dataset {namespace: 'pg://schema-story', name: 'public.customers'}) RETURN toString(d.lastSeen) AS v");
    }

    /** How many group commits ran merge_fields (the statement is left out when it has no rows). */
    private long fieldWrites() {
        return registry.find("provenant.ingest.statement").tag("statement", "merge_fields").timer().count();
    }

    private String single(String cypher) {
        var value = new Graph(driver).query(cypher, Map.of()).get(0).get("v");
        return value.isNull() ? null : value.asString();
    }

    private static void post(String run, String time, String fields) {
        String event = """
                {"eventType":"COMPLETE","eventTime":"%s","producer":"https://example.com/p",
                 "run":{"runId":"schema-story-%s"},"job":{"namespace":"schema-story","name":"load_customers"},
                 "inputs":[],"outputs":[{"namespace":"pg://schema-story","name":"public.customers",
                   "facets":{"schema":{"fields":[%s]}}}]}""".formatted(time, run, fields);
        given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json").body(event)
                .post("/api/v1/lineage").then().statusCode(201);
    }
}
