package dev.provenant.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The official openlineage-java client, with its own HTTP transport, api-key auth and gzip
 * compression, sends a run to the running server, as a JVM pipeline would.
 */
@QuarkusTest
class OpenLineageClientIT {

    private static final URI PRODUCER = URI.create("https://github.com/provenant/tests");

    @TestHTTPResource("/")
    URL server;

    @Inject
    Driver driver;

    @Test
    void clientHttpTransportWithApiKeyAndGzipIsAccepted() throws Exception {
        UUID runId = UUID.randomUUID();
        OpenLineage ol = new OpenLineage(PRODUCER);
        try (OpenLineageClient client = client(TestResources.ADMIN_TOKEN)) {
            client.emit(event(ol, runId, OpenLineage.RunEvent.EventType.START, ZonedDateTime.parse("2026-01-02T03:04:05Z")));
            client.emit(event(ol, runId, OpenLineage.RunEvent.EventType.COMPLETE, ZonedDateTime.parse("2026-01-02T03:09:05Z")));
        }

        given().auth().oauth2(TestResources.ADMIN_TOKEN).queryParam("runId", runId.toString()).get("/api/v1/runs")
                .then().statusCode(200)
                .body("state", equalTo("COMPLETE"))
                .body("startedAt", equalTo("2026-01-02T03:04:05Z"))
                .body("endedAt", equalTo("2026-01-02T03:09:05Z"))
                .body("job.namespace", equalTo("client-it"))
                .body("job.name", equalTo("hash_customers"));
        List<String> feeds = new Graph(driver).query("""
                MATCH (s:Field)-[f:FEEDS]->(t:Field {namespace: 'postgres://db:5432', dataset: 'mart.customers_hashed'})
                RETURN s.dataset + '.' + s.path + '->' + t.path + ' ' + f.type + '/' + f.subtype + ' ' + f.masking AS edge""",
                Map.of()).stream().map(r -> r.get("edge").asString()).toList();
        assertThat(feeds).containsExactly("crm.customers.email->email_hash DIRECT/TRANSFORMATION true");
    }

    @Test
    void clientWithWrongApiKeyIsRefused() throws Exception {
        OpenLineage ol = new OpenLineage(PRODUCER);
        try (OpenLineageClient client = client("not-the-token")) {
            assertThatThrownBy(() -> client.emit(event(ol, UUID.randomUUID(), OpenLineage.RunEvent.EventType.START,
                    ZonedDateTime.now()))).hasMessageContaining("401");
        }
    }

    private OpenLineageClient client(String apiKey) throws Exception {
        HttpConfig config = new HttpConfig();
        config.setUrl(URI.create("http://" + server.getHost() + ":" + server.getPort()));
        config.setEndpoint("/api/v1/lineage");
        config.setCompression(HttpConfig.Compression.GZIP);
        ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
        auth.setApiKey(apiKey);
        config.setAuth(auth);
        return OpenLineageClient.builder().transport(new HttpTransport(config)).build();
    }

    private static OpenLineage.RunEvent event(OpenLineage ol, UUID runId, OpenLineage.RunEvent.EventType type,
            ZonedDateTime time) {
        OpenLineage.SchemaDatasetFacet schema = ol.newSchemaDatasetFacetBuilder()
                .fields(List.of(ol.newSchemaDatasetFacetFieldsBuilder().name("email_hash").type("string").build()))
                .build();
        OpenLineage.ColumnLineageDatasetFacet lineage = ol.newColumnLineageDatasetFacetBuilder()
                .fields(ol.newColumnLineageDatasetFacetFieldsBuilder()
                        .put("email_hash", ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                                .inputFields(List.of(ol.newInputFieldBuilder()
                                        .namespace("postgres://db:5432").name("crm.customers").field("email")
                                        .transformations(List.of(ol.newInputFieldTransformationsBuilder()
                                                .type("DIRECT").subtype("TRANSFORMATION").description("sha2(email)")
                                                .masking(true).build()))
                                        .build()))
                                .build())
                        .build())
                .build();
        return ol.newRunEventBuilder()
                .eventType(type)
                .eventTime(time)
                .run(ol.newRunBuilder().runId(runId).build())
                .job(ol.newJobBuilder().namespace("client-it").name("hash_customers").build())
                .inputs(List.of(ol.newInputDatasetBuilder().namespace("postgres://db:5432").name("crm.customers").build()))
                .outputs(List.of(ol.newOutputDatasetBuilder().namespace("postgres://db:5432").name("mart.customers_hashed")
                        .facets(ol.newDatasetFacetsBuilder().schema(schema).columnLineage(lineage).build())
                        .build()))
                .build();
    }
}
