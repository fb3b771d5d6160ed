package dev.provenant.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.provenant.support.Conformance;
import dev.provenant.support.PiiPropagation;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PII propagation on a real Spark 1.26 session (../shared/conformance): CSV files loaded into tables,
 * joined and aggregated, with a masking count-distinct. Customer names are found by a name rule; a
 * steward declares the customer and order numbers personal.
 */
@QuarkusTest
class PiiSparkIT {

    static final String CSV = "wasbs://public@rakirahman.blob.core.windows.net";
    static final String WAREHOUSE = "file:/workspaces/spark-sandbox/projects/spark-scala/warehouse";
    static final String JOB = "default/local_session.atomic_create_table_as_select.demo_etl_";
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        byte[] session = String.join("\n", Conformance.lines(
                Conformance.openLineage("spark/sandbox-spark-1.26-local-session.ndjson"))).getBytes(StandardCharsets.UTF_8);
        PiiStoryIT.authorized().contentType("application/x-ndjson").body(session).post("/api/v1/lineage/batch")
                .then().statusCode(org.hamcrest.Matchers.oneOf(201, 207));
        PiiPropagation.awaitIdle();
        declare("datasets/orders.csv", "CustomerID", "customer number");
        declare("datasets/sales.csv", "OrderID", "order number, one customer per order");
        loaded = true;
    }

    @Test
    void customerNamesAreGuessedAtTheSourceAndJudgedByLineageDownstream() {
        JsonPath csv = dataset(CSV, "datasets/customers.csv");
        assertThat(fields(csv)).containsExactly("Contact CLEAR []", "CustomerID CLEAR []", "CustomerName RAW [NAME]",
                "value CLEAR []");
        assertThat(csv.getString("fields.find { it.name == 'CustomerName' }.source")).isEqualTo("NAME_RULE");

        JsonPath cleaned = dataset(WAREHOUSE, "demo_etl.customers_cleaned");
        assertThat(cleaned.getString("state")).isEqualTo("RAW");
        assertThat(fields(cleaned)).containsExactly("contact CLEAR []", "customerID CLEAR []", "customerName RAW [NAME]",
                "has_orders CLEAR []");
        assertThat(cleaned.getString("fields.find { it.name == 'customerName' }.source")).as("judged by lineage").isNull();
        assertThat(hops(cleaned, "customerName")).containsExactly(
                "csv datasets/customers.csv.CustomerName > wh demo_etl.customers.CustomerName [customers DIRECT/IDENTITY]",
                "wh demo_etl.customers.CustomerName > wh demo_etl.customers_cleaned.customerName [customers_cleaned DIRECT/IDENTITY]");
    }

    @Test
    void theMaskingCountDistinctIsAggregatedTheGroupKeyRawTheSumIndirect() {
        JsonPath clv = dataset(WAREHOUSE, "demo_etl.customer_lifetime_value");
        assertThat(clv.getString("state")).isEqualTo("RAW");
        assertThat(fields(clv)).containsExactly("customerID RAW [IDENTIFIER]", "total_orders AGGREGATED [IDENTIFIER]",
                "total_spent INDIRECT [IDENTIFIER]");
        assertThat(hops(clv, "total_orders")).containsExactly(
                "csv datasets/sales.csv.OrderID > wh demo_etl.sales.OrderID [sales DIRECT/IDENTITY]",
                "wh demo_etl.sales.OrderID > wh demo_etl.sales_enriched.orderID [sales_enriched DIRECT/IDENTITY]",
                "wh demo_etl.sales_enriched.orderID > wh demo_etl.customer_lifetime_value.total_orders"
                        + " [customer_lifetime_value DIRECT/AGGREGATION masking]");
        assertThat(hops(clv, "customerID")).containsExactly(
                "csv datasets/orders.csv.CustomerID > wh demo_etl.orders.CustomerID [orders DIRECT/IDENTITY]",
                "wh demo_etl.orders.CustomerID > wh demo_etl.sales_enriched.customerID [sales_enriched DIRECT/IDENTITY]",
                "wh demo_etl.sales_enriched.customerID > wh demo_etl.customer_lifetime_value.customerID"
                        + " [customer_lifetime_value DIRECT/IDENTITY]");
        assertThat(hops(clv, "total_spent")).containsExactly(
                "csv datasets/orders.csv.CustomerID > wh demo_etl.orders.CustomerID [orders DIRECT/IDENTITY]",
                "wh demo_etl.orders.CustomerID > wh demo_etl.sales_enriched.customerID [sales_enriched DIRECT/IDENTITY]",
                "wh demo_etl.sales_enriched.customerID > wh demo_etl.customer_lifetime_value.total_spent"
                        + " [customer_lifetime_value INDIRECT/GROUP_BY]");
        assertThat(dataset(WAREHOUSE, "demo_etl.products_enriched").getString("state")).isEqualTo("CLEAR");
    }

    @Test
    void erasingACustomerNumberReachesEveryRawCopy() {
        JsonPath erasure = PiiStoryIT.authorized().queryParams(Map.of("namespace", CSV, "name", "datasets/orders.csv",
                "field", "CustomerID")).get("/api/v1/pii/erasure-impact").then().statusCode(200).extract().jsonPath();
        assertThat(erasure.getList("datasets", Map.class).stream().flatMap(d -> ((List<Map<String, Object>>) d.get("fields"))
                .stream().map(f -> d.get("name") + "." + f.get("name") + " " + f.get("state"))).toList())
                .containsExactly("demo_etl.customer_lifetime_value.customerID RAW", "demo_etl.orders.CustomerID RAW",
                        "demo_etl.sales_enriched.customerID RAW");
    }

    private static void declare(String name, String field, String reason) {
        PiiStoryIT.authorized().contentType("application/json").body(Map.of("namespace", CSV, "name", name, "field",
                field, "categories", List.of("IDENTIFIER"), "reason", reason)).post("/api/v1/pii/declarations").then()
                .statusCode(201);
    }

    private static JsonPath dataset(String namespace, String name) {
        return PiiStoryIT.authorized().queryParams(Map.of("namespace", namespace, "name", name))
                .get("/api/v1/pii/dataset").then().statusCode(200).body("name", equalTo(name)).extract().jsonPath();
    }

    private static List<String> fields(JsonPath dataset) {
        return dataset.getList("fields", Map.class).stream()
                .map(f -> f.get("name") + " " + f.get("state") + " " + f.get("categories")).toList();
    }

    private static List<String> hops(JsonPath dataset, String field) {
        List<Map<String, Map<String, Object>>> evidence = dataset.getList("fields.find { it.name == '" + field + "' }.evidence");
        return evidence.stream().map(h -> {
            Map<String, Object> hop = (Map<String, Object>) (Map<?, ?>) h;
            String job = h.get("job").get("namespace") + "/" + h.get("job").get("name");
            assertThat(job).startsWith(JOB);
            return ref(h.get("from")) + " > " + ref(h.get("to")) + " [" + job.substring(JOB.length()) + " " + hop.get("type")
                    + "/" + hop.get("subtype") + (Boolean.TRUE.equals(hop.get("masking")) ? " masking" : "") + "]";
        }).toList();
    }

    private static String ref(Map<String, Object> ref) {
        String namespace = ref.get("namespace").equals(CSV) ? "csv" : ref.get("namespace").equals(WAREHOUSE) ? "wh"
                : String.valueOf(ref.get("namespace"));
        return namespace + " " + ref.get("name") + "." + ref.get("field");
    }
}
