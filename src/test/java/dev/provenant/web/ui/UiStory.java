package dev.provenant.web.ui;

import static io.restassured.RestAssured.given;

import dev.provenant.support.TestResources;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * A small pipeline of our own for the UI tests, in a namespace of the caller's choosing:
 * crm.customers -> ingest_customers -> lake.customers -> daily_report -> lake.report -> export -> lake.export,
 * with column lineage (IDENTITY, a masking TRANSFORMATION, an AGGREGATION).
 */
final class UiStory {

    private UiStory() {}

    static void load(String ns) {
        post(ns, "ingest_customers", "crm.customers", "id,email", "lake.customers", "id,email_hash", """
                "id":{"inputFields":[{"namespace":"%1$s","name":"crm.customers","field":"id",
                  "transformations":[{"type":"DIRECT","subtype":"IDENTITY"}]}]},
                "email_hash":{"inputFields":[{"namespace":"%1$s","name":"crm.customers","field":"email",
                  "transformations":[{"type":"DIRECT","subtype":"TRANSFORMATION","masking":true}]}]}""");
        post(ns, "daily_report", "lake.customers", "id,email_hash", "lake.report", "customers", """
                "customers":{"inputFields":[{"namespace":"%1$s","name":"lake.customers","field":"id",
                  "transformations":[{"type":"DIRECT","subtype":"AGGREGATION","masking":true}]}]}""");
        post(ns, "export", "lake.report", "customers", "lake.export", "customers", """
                "customers":{"inputFields":[{"namespace":"%1$s","name":"lake.report","field":"customers",
                  "transformations":[{"type":"DIRECT","subtype":"IDENTITY"}]}]}""");
    }

    private static void post(String ns, String job, String input, String inputFields, String output,
            String outputFields, String columnLineage) {
        String event = """
                {"eventType":"COMPLETE","eventTime":"2026-06-01T00:00:00Z","producer":"https://example.com/ui-story",
                 "run":{"runId":"%s"},"job":{"namespace":"%s","name":"%s",
                   "facets":{"sql":{"_producer":"https://example.com/ui-story","_schemaURL":"https://openlineage.io/spec/facets/1-1-0/SQLJobFacet.json","query":"SELECT * FROM %s"}}},
                 "inputs":[{"namespace":"%s","name":"%s","facets":{"schema":%s}}],
                 "outputs":[{"namespace":"%s","name":"%s","facets":{"schema":%s,
                   "columnLineage":{"_producer":"https://example.com/ui-story","_schemaURL":"https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                     "fields":{%s}}}}]}"""
                .formatted(UUID.randomUUID(), ns, job, input, ns, input, schema(inputFields), ns, output,
                        schema(outputFields), columnLineage.formatted(ns));
        patient().contentType("application/json").body(event)
                .post("/api/v1/lineage").then().statusCode(201);
    }

    /** Authorized, with a generous read timeout: on a busy machine the first writes of a fresh database can be slow. */
    static RequestSpecification patient() {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 180_000))).auth().oauth2(TestResources.ADMIN_TOKEN);
    }

    private static String schema(String fields) {
        StringBuilder json = new StringBuilder("{\"_producer\":\"https://example.com/ui-story\",\"_schemaURL\":"
                + "\"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json\",\"fields\":[");
        String[] names = fields.split(",");
        for (int i = 0; i < names.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i]).append("\",\"type\":\"string\"}");
        }
        return json.append("]}").toString();
    }
}
