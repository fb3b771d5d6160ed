package dev.provenant.analyst;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * POST /api/v1/cypher on the real app: read queries answer with readable JSON or CSV, writes and
 * administrative commands are refused with 403 and change nothing, the row cap and the timeout say so,
 * Neo4j's errors come back as 400 with their position, and every query is reported for the access log.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class CypherConsoleIT {

    private static final String NS = "console-it";
    private static final String RUN_ID = "console-it-run-1";
    private static boolean loaded;

    @Inject
    Driver driver;

    @Inject
    RecordedAnalystQueries recorded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        StoryEvents.post("""
                {"eventType":"COMPLETE","eventTime":"2026-03-01T10:00:00Z","producer":"https://example.com/p",
                 "run":{"runId":"%s"},"job":{"namespace":"%s","name":"copy"},
                 "inputs":[{"namespace":"%s","name":"src"}],"outputs":[{"namespace":"%s","name":"dst"}]}"""
                .formatted(RUN_ID, NS, NS, NS));
        loaded = true;
    }

    @Test
    void nodesRelationshipsPathsAndValuesComeBackReadable() {
        JsonPath answer = ok(Map.of("query", """
                MATCH p = (d:Dataset {namespace: $ns, name: 'src'})-[r:INPUT_TO]->(j:Job)
                RETURN d, r, p, j.name AS job, d.firstSeen AS seen""", "parameters", Map.of("ns", NS)));
        assertThat(answer.getList("columns")).containsExactly("d", "r", "p", "job", "seen");
        assertThat(answer.getList("rows")).hasSize(1);
        assertThat(answer.getBoolean("truncated")).isFalse();
        assertThat(answer.getLong("elapsedMs")).isGreaterThanOrEqualTo(0);
        Map<String, Object> d = answer.getMap("rows[0][0]");
        assertThat(d.get("labels")).isEqualTo(List.of("Dataset"));
        assertThat((Map<String, Object>) d.get("properties")).containsEntry("namespace", NS).containsEntry("name", "src")
                .containsEntry("firstSeen", "2026-03-01T10:00:00Z");
        assertThat((String) d.get("id")).isNotBlank();
        Map<String, Object> r = answer.getMap("rows[0][1]");
        assertThat(r.get("type")).isEqualTo("INPUT_TO");
        assertThat(r.get("start")).isEqualTo(d.get("id"));
        assertThat((Map<String, Object>) r.get("properties")).containsEntry("current", true).containsEntry("lastRun", RUN_ID);
        assertThat(answer.getList("rows[0][2].nodes.properties.name")).containsExactly("src", "copy");
        assertThat(answer.getList("rows[0][2].relationships.type")).containsExactly("INPUT_TO");
        assertThat(answer.getString("rows[0][3]")).isEqualTo("copy");
        assertThat(answer.getString("rows[0][4]")).isEqualTo("2026-03-01T10:00:00Z");

        JsonPath values = ok(Map.of("query", """
                RETURN datetime('2026-01-01T12:00:00+02:00') AS dt, date('2026-01-02') AS day,
                       localdatetime('2026-01-03T04:05:06') AS local, duration('P1DT2H') AS span,
                       [1, 'two', null] AS list, {k: 1.5} AS map"""));
        assertThat(values.getList("rows[0]").subList(0, 5)).containsExactly("2026-01-01T12:00:00+02:00",
                "2026-01-02", "2026-01-03T04:05:06", "P0M1DT7200S", java.util.Arrays.asList(1, "two", null));
        assertThat(values.getDouble("rows[0][5].k")).isEqualTo(1.5);
    }

    @Test
    void eventPayloadsShowTheirSizeNotTheirBytes() {
        JsonPath answer = ok(Map.of("query", "MATCH (e:Event {runId: $run}) RETURN e.payload AS payload, e AS event",
                "parameters", Map.of("run", RUN_ID)));
        int size = answer.getInt("rows[0][0].bytes");
        assertThat(size).isPositive();
        assertThat(answer.getMap("rows[0][0]")).containsOnlyKeys("bytes");
        assertThat(answer.getInt("rows[0][1].properties.payload.bytes")).isEqualTo(size);
    }

    @Test
    void writesAreRefusedWith403AndChangeNothing() {
        Graph graph = new Graph(driver);
        long nodes = graph.count("MATCH (n) WHERE n.namespace = $ns RETURN count(n)", Map.of("ns", NS));
        for (String write : List.of(
                "CREATE (:Dataset {namespace: 'console-it', name: 'created'})",
                "MERGE (:Dataset {namespace: 'console-it', name: 'merged'})",
                "MATCH (d:Dataset {namespace: 'console-it'}) SET d.hacked = true",
                "MATCH (d:Dataset {namespace: 'console-it'}) DETACH DELETE d",
                "MATCH (d:Dataset {namespace: 'console-it'}) WITH d LIMIT 1 CREATE (d)-[:LIKES]->(d) RETURN d",
                "CALL db.createLabel('AnalystWasHere')")) {
            JsonPath error = query(Map.of("query", write)).then().statusCode(403).extract().jsonPath();
            assertThat(error.getString("error")).as(write).isEqualTo("write_refused");
            assertThat(error.getString("message")).as(write).contains("Only read queries run here")
                    .contains("Nothing was changed");
        }
        query(Map.of("query", "CREATE INDEX analyst_index FOR (n:Dataset) ON (n.hacked)")).then().statusCode(403)
                .body("error", equalTo("write_refused")).body("message", containsString("schema"));
        query(Map.of("query", "CALL dbms.components()")).then().statusCode(403).body("error", equalTo("write_refused"));
        assertThat(graph.count("MATCH (n) WHERE n.namespace = $ns RETURN count(n)", Map.of("ns", NS))).isEqualTo(nodes);
        assertThat(graph.count("MATCH (d:Dataset {namespace: $ns}) WHERE d.hacked IS NOT NULL RETURN count(d)",
                Map.of("ns", NS))).isZero();
        assertThat(graph.count("MATCH ()-[r:LIKES]->() RETURN count(r)")).isZero();
        assertThat(graph.query("CALL db.labels() YIELD label RETURN collect(label) AS labels").get(0).get("labels")
                .asList()).doesNotContain("AnalystWasHere");
        assertThat(graph.count("SHOW INDEXES YIELD name WHERE name = 'analyst_index' RETURN count(*)")).isZero();
    }

    @Test
    void commandsThatReachOutsideTheGraphAreRefused() {
        for (String command : List.of("SHOW TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
                "SHOW SETTINGS", "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line")) {
            query(Map.of("query", command)).then().statusCode(403).body("error", equalTo("command_refused"));
        }
        ok(Map.of("query", "SHOW INDEXES YIELD name RETURN name"));
        ok(Map.of("query", "CALL db.labels() YIELD label RETURN label"));
    }

    @Test
    void theRowCapCutsAndSaysSo() {
        JsonPath capped = ok(Map.of("query", "UNWIND range(1, 10001) AS i RETURN i"));
        assertThat(capped.getList("rows")).hasSize(10_000);
        assertThat(capped.getInt("rows[9999][0]")).isEqualTo(10_000);
        assertThat(capped.getBoolean("truncated")).isTrue();
        JsonPath exact = ok(Map.of("query", "UNWIND range(1, 10000) AS i RETURN i"));
        assertThat(exact.getList("rows")).hasSize(10_000);
        assertThat(exact.getBoolean("truncated")).isFalse();
    }

    @Test
    void aQueryPastTheTimeoutIsStoppedWithQueryTimeout() {
        query(Map.of("query", "UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b RETURN count(*)"))
                .then().statusCode(400).body("error", equalTo("query_timeout"))
                .body("message", containsString("provenant.cypher.timeout"))
                .body("neo4jCode", equalTo("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"));
    }

    @Test
    void neo4jErrorsComeBackAs400WithTheirPosition() {
        JsonPath syntax = query(Map.of("query", "MATCH (n)\nRETRUN n")).then().statusCode(400).extract().jsonPath();
        assertThat(syntax.getString("error")).isEqualTo("cypher_syntax_error");
        assertThat(syntax.getString("neo4jCode")).isEqualTo("Neo.ClientError.Statement.SyntaxError");
        assertThat(syntax.getMap("position")).isEqualTo(Map.of("line", 2, "column", 1, "offset", 10));
        assertThat(syntax.getString("message")).contains("Invalid input 'RETRUN'").contains("(line 2, column 1 (offset: 10))");
        assertThat(syntax.getString("path")).isEqualTo("query");

        JsonPath unknown = query(Map.of("query", "MATCH (n:NoSuchLabelEver) RETURN n")).then().statusCode(400)
                .extract().jsonPath();
        assertThat(unknown.getString("error")).isEqualTo("unknown_label");
        assertThat(unknown.getString("message")).contains("NoSuchLabelEver");
        assertThat(unknown.getMap("position")).isEqualTo(Map.of("line", 1, "column", 10, "offset", 9));
        query(Map.of("query", "MATCH (:Dataset)-[:NO_SUCH_TYPE_EVER]->() RETURN 1")).then().statusCode(400)
                .body("error", equalTo("unknown_relationship_type"));

        query(Map.of("query", "RETURN 1 / 0")).then().statusCode(400).body("error", equalTo("cypher_error"))
                .body("neo4jCode", equalTo("Neo.ClientError.Statement.ArithmeticError"));
        query(Map.of("query", "RETURN $missing")).then().statusCode(400).body("error", equalTo("cypher_error"))
                .body("neo4jCode", equalTo("Neo.ClientError.Statement.ParameterMissing"));

        JsonPath warned = ok(Map.of("query", "MATCH (d:Dataset {namespace: $ns}) RETURN d.noSuchPropertyEver AS x",
                "parameters", Map.of("ns", NS)));
        assertThat(warned.getList("notifications.code"))
                .containsExactly("Neo.ClientNotification.Statement.UnknownPropertyKeyWarning");
        assertThat(warned.getInt("notifications[0].position.line")).isEqualTo(1);
    }

    @Test
    void badRequestsGetTheErrorShape() {
        query(Map.of()).then().statusCode(400).body("error", equalTo("missing_field")).body("path", equalTo("query"));
        query(Map.of("query", "RETURN 1", "libraryQuery", "find_failed_runs")).then().statusCode(400)
                .body("error", equalTo("invalid_value")).body("path", equalTo("libraryQuery"));
        query(Map.of("libraryQuery", "no_such_query")).then().statusCode(400)
                .body("error", equalTo("unknown_library_query"));
        query(Map.of("libraryQuery", "find_failed_runs", "parameters", Map.of("days", "seven"))).then()
                .statusCode(400).body("error", equalTo("invalid_parameter")).body("path", equalTo("parameters.days"))
                .body("message", equalTo("parameter days must be an integer"));
        query(Map.of("libraryQuery", "find_failed_runs", "parameters", Map.of("weeks", 1))).then().statusCode(400)
                .body("error", equalTo("invalid_parameter")).body("path", equalTo("parameters.weeks"));
        query(Map.of("libraryQuery", "find_downstream_of_dataset", "parameters", Map.of("namespace", NS)))
                .then().statusCode(400).body("error", equalTo("missing_parameter")).body("path", equalTo("parameters.name"));
        given().auth().oauth2("wrong-token").contentType("application/json").body(Map.of("query", "RETURN 1"))
                .post("/api/v1/cypher").then().statusCode(401);
    }

    @Test
    void csvIsRfc4180WithTruncationInAHeader() {
        Response csv = authorized().contentType("application/json").accept("text/csv")
                .body(Map.of("query", "RETURN 'a,b' AS x, 1 AS n, null AS z, ['q'] AS l, 'say \"hi\"' AS s"))
                .post("/api/v1/cypher");
        csv.then().statusCode(200).header("Content-Type", containsString("text/csv"))
                .header("X-Provenant-Truncated", "false")
                .header("Content-Disposition", "attachment; filename=\"query.csv\"");
        assertThat(csv.asString()).isEqualTo("x,n,z,l,s\r\n\"a,b\",1,,\"[\"\"q\"\"]\",\"say \"\"hi\"\"\"\r\n");
        authorized().contentType("application/json").accept("text/csv")
                .body(Map.of("query", "UNWIND range(1, 10001) AS i RETURN i")).post("/api/v1/cypher").then()
                .statusCode(200).header("X-Provenant-Truncated", "true");
        authorized().contentType("application/json").accept("text/csv").body(Map.of("query", "CREATE ()"))
                .post("/api/v1/cypher").then().statusCode(403).contentType("application/json");
    }

    @Test
    void everyQueryIsReportedForTheAccessLog() {
        ok(Map.of("query", "MATCH (d:Dataset {namespace: $ns}) RETURN d.name ORDER BY d.name", "parameters",
                Map.of("ns", NS)));
        AnalystQueryExecuted done = recorded.last();
        assertThat(done.caller()).isEqualTo("admin");
        assertThat(done.query()).isEqualTo("MATCH (d:Dataset {namespace: $ns}) RETURN d.name ORDER BY d.name");
        assertThat(done.libraryQuery()).isNull();
        assertThat(done.parameters()).isEqualTo(Map.of("ns", NS));
        assertThat(done.outcome()).isEqualTo("ok");
        assertThat(done.rows()).isEqualTo(2);

        query(Map.of("query", "CREATE ()")).then().statusCode(403);
        assertThat(recorded.last().outcome()).isEqualTo("write_refused");
        assertThat(recorded.last().rows()).isZero();

        ok(Map.of("libraryQuery", "find_failed_runs", "parameters", Map.of("namespace", NS)));
        AnalystQueryExecuted library = recorded.last();
        assertThat(library.query()).isNull();
        assertThat(library.libraryQuery()).isEqualTo("find_failed_runs");
        assertThat(library.parameters()).isEqualTo(Map.of("days", 7L, "namespace", NS));
    }

    @Test
    void theLibraryIsListedWithParameters() {
        JsonPath library = authorized().get("/api/v1/cypher/library").then().statusCode(200).extract().jsonPath();
        assertThat(library.getList("id")).containsExactly("find_raw_email_datasets", "find_downstream_of_dataset",
                "find_models_trained_on_pii", "find_depseudonymising_jobs", "find_unwritten_datasets",
                "find_longest_lineage_chains", "find_fan_in_hotspots", "find_failed_runs",
                "find_changed_field_lineage");
        assertThat(library.getString("[0].title")).isEqualTo("Datasets holding raw e-mail addresses");
        Map<String, Object> category = new HashMap<>(library.getMap("[0].parameters[0]"));
        assertThat(category).isEqualTo(Map.of("name", "category", "type", "STRING", "required", false,
                "defaultValue", "EMAIL", "description", "PII category to look for, e.g. EMAIL, NAME, PHONE, HEALTH"));
        assertThat(library.getString("[0].cypher")).isNull();
    }

    private static JsonPath ok(Map<String, Object> body) {
        return query(body).then().statusCode(200).extract().jsonPath();
    }

    private static Response query(Map<String, Object> body) {
        return authorized().contentType("application/json").body(body).post("/api/v1/cypher");
    }

    private static RequestSpecification authorized() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }
}
