package dev.provenant.web.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The Cypher page over real HTTP as a browser with JavaScript off sees it (and as htmx asks for its results
 * panel): the editor and library, a library query run with parameters from its form on the UI story, the
 * refusal of a write, a syntax error with its position, the CSV download, the drawing of returned nodes, and
 * each analyst's own history.
 */
@QuarkusTest
class CypherPageIT {

    static final String NS = "cypher-page://lake";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String DOWNSTREAM = "find_downstream_of_dataset";
    private static boolean loaded;
    private static String analyst;
    private static String otherAnalyst;
    private static String viewer;

    @Inject
    Driver driver;

    @BeforeEach
    void load() {
        if (!loaded) {
            UiStory.load(NS);
            analyst = Tokens.issue("cypher-page-alice-" + RUN, "analyst");
            otherAnalyst = Tokens.issue("cypher-page-bob-" + RUN, "analyst");
            viewer = Tokens.issue("cypher-page-viewer-" + RUN, "viewer");
            loaded = true;
        }
    }

    @Test
    void analystsGetThePageAndTheNavLinkViewersGet403AndNoLink() {
        String page = as(analyst).get("/cypher").then().statusCode(200).extract().asString();
        assertThat(page).contains("<h1>Cypher</h1>", "<label for=\"query\">Cypher query</label>",
                "<textarea id=\"query\" name=\"query\"", "<li><a href=\"/cypher\">Cypher</a></li>",
                "Everything downstream of a table", "href=\"/cypher?library=find_downstream_of_dataset\"",
                "<button type=\"submit\" id=\"run-query\">Run</button>");
        as(viewer).get("/cypher").then().statusCode(403);
        as(viewer).formParam("query", "RETURN 1").post("/cypher").then().statusCode(403);
        as(viewer).formParam("query", "RETURN 1").post("/cypher/csv").then().statusCode(403);
        assertThat(as(viewer).get("/").then().statusCode(200).extract().asString())
                .doesNotContain("href=\"/cypher\"");
    }

    @Test
    void stableUrlsPreselectALibraryQueryWithItsParameterFormOrPrefillTheText() {
        String page = as(analyst).get("/cypher?library=" + DOWNSTREAM).then().statusCode(200).extract().asString();
        assertThat(page).contains("<input type=\"hidden\" name=\"library\" value=\"find_downstream_of_dataset\">",
                "<label for=\"param-namespace\">namespace <span class=\"muted\">(string, required)</span></label>",
                "name=\"param.name\" type=\"text\" value=\"\" required",
                "<label for=\"param-includeStale\">includeStale <span class=\"muted\">(boolean, default false)",
                "<option value=\"false\" selected>false</option>", "Returns: kind (dataset or job), namespace, name, hops");
        assertThat(textarea(page)).contains("// title: Everything downstream of a table",
                "MATCH p = (d)-[:INPUT_TO|OUTPUTS*1..30]->(x)");

        String prefilled = as(analyst).get("/cypher?query=MATCH (n:Job) RETURN n.name LIMIT 3").then().statusCode(200)
                .extract().asString();
        assertThat(textarea(prefilled)).isEqualTo("MATCH (n:Job) RETURN n.name LIMIT 3");
        as(analyst).get("/cypher?library=no_such_query").then().statusCode(404);
    }

    @Test
    void aLibraryQueryRunsWithTheParametersOfItsFormAndShowsTheRows() {
        String editor = as(analyst).get("/cypher?library=" + DOWNSTREAM).then().statusCode(200).extract().asString();
        // The text exactly as a browser sends it back (CRLF line ends): still the library query.
        String text = textarea(editor).replace("\n", "\r\n");
        String page = as(analyst).formParam("library", DOWNSTREAM).formParam("query", text)
                .formParam("param.namespace", NS).formParam("param.name", "crm.customers")
                .formParam("param.includeStale", "").post("/cypher").then().statusCode(200).extract().asString();
        assertThat(page).contains("<th scope=\"col\">kind</th><th scope=\"col\">namespace</th>"
                + "<th scope=\"col\">name</th><th scope=\"col\">hops</th>", "<span class=\"row-count\">6 rows</span>");
        assertThat(rows(page)).containsExactly(
                "job|cypher-page://lake|ingest_customers|1",
                "dataset|cypher-page://lake|lake.customers|2",
                "job|cypher-page://lake|daily_report|3",
                "dataset|cypher-page://lake|lake.report|4",
                "job|cypher-page://lake|export|5",
                "dataset|cypher-page://lake|lake.export|6");
        // The form keeps what was sent, and the run is in the history as the library query.
        assertThat(page).contains("name=\"param.name\" type=\"text\" value=\"crm.customers\"",
                "Library: find_downstream_of_dataset");

        String missing = as(analyst).formParam("library", DOWNSTREAM).formParam("param.namespace", NS)
                .post("/cypher").then().statusCode(400).extract().asString();
        assertThat(missing).contains("missing_parameter", "find_downstream_of_dataset needs the parameter name");
        String wrongType = as(analyst).formParam("library", "find_unwritten_datasets").formParam("param.days", "many")
                .post("/cypher").then().statusCode(400).extract().asString();
        assertThat(wrongType).contains("invalid_parameter", "parameter days must be an integer");
    }

    @Test
    void anEditedLibraryQueryRunsAsTheAnalystsOwnWithTheFormsParameters() {
        String page = as(analyst).formParam("library", DOWNSTREAM)
                .formParam("query", "MATCH (d:Dataset {namespace: $namespace, name: $name}) RETURN d.name AS n")
                .formParam("param.namespace", NS).formParam("param.name", "lake.report").post("/cypher").then()
                .statusCode(200).extract().asString();
        assertThat(rows(page)).containsExactly("lake.report");
    }

    @Test
    void aWriteIsRefusedOnThePageAndChangesNothing() {
        String label = "CypherPageProbe";
        String page = as(analyst).formParam("query", "CREATE (:" + label + " {run: '" + RUN + "'})").post("/cypher")
                .then().statusCode(403).extract().asString();
        assertThat(page).contains("<div class=\"query-error\" role=\"alert\">", "Refused",
                "<code class=\"error-code\">write_refused</code>", "Nothing was changed.")
                .doesNotContain("result-table");
        try (Session session = driver.session()) {
            assertThat(session.run("MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS c", Map.of("label", label))
                    .single().get("c").asLong()).isZero();
        }
        // With htmx the refusal is the results panel, answered 200 so that htmx swaps it in.
        String panel = as(analyst).header("HX-Request", "true").formParam("query", "MERGE (:" + label + " {run: '" + RUN + "'})")
                .post("/cypher").then().statusCode(200).extract().asString();
        assertThat(panel).startsWith("<section id=\"cypher-results\"").contains("write_refused")
                .doesNotContain("<html");
    }

    @Test
    void aSyntaxErrorShowsNeo4jsMessageAndWhereItIs() {
        String page = as(analyst).formParam("query", "MATCH (d:Dataset)\nRETURN d.name AS name ORDER BY")
                .post("/cypher").then().statusCode(400).extract().asString();
        assertThat(page).contains("<code class=\"error-code\">cypher_syntax_error</code>",
                "Neo.ClientError.Statement.SyntaxError", "At line 2, column",
                "<pre class=\"error-excerpt\">RETURN d.name AS name ORDER BY\n");
        assertThat(textarea(page)).isEqualTo("MATCH (d:Dataset)\nRETURN d.name AS name ORDER BY");
    }

    @Test
    void csvDownloadGivesTheSameAnswerAsTheTable() {
        Response csv = as(analyst).formParam("library", DOWNSTREAM).formParam("param.namespace", NS)
                .formParam("param.name", "lake.customers").post("/cypher/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"find_downstream_of_dataset.csv\"");
        assertThat(csv.header("X-Provenant-Truncated")).isEqualTo("false");
        assertThat(csv.asString()).isEqualTo("kind,namespace,name,hops\r\n"
                + "job,cypher-page://lake,daily_report,1\r\n"
                + "dataset,cypher-page://lake,lake.report,2\r\n"
                + "job,cypher-page://lake,export,3\r\n"
                + "dataset,cypher-page://lake,lake.export,4\r\n");

        // The results panel carries the form that downloads them.
        String page = as(analyst).formParam("query", "RETURN $x AS x").formParam("parameters", "{\"x\": \"a,b\"}")
                .post("/cypher").then().statusCode(200).extract().asString();
        assertThat(page).contains("<form class=\"csv-download\" action=\"/cypher/csv\" method=\"post\">",
                "<input type=\"hidden\" name=\"query\" value=\"RETURN $x AS x\">",
                "<input type=\"hidden\" name=\"parameters\" value=\"{&quot;x&quot;: &quot;a,b&quot;}\">");
        assertThat(as(analyst).formParam("query", "RETURN $x AS x").formParam("parameters", "{\"x\": \"a,b\"}")
                .post("/cypher/csv").then().statusCode(200).extract().asString()).isEqualTo("x\r\n\"a,b\"\r\n");
    }

    @Test
    void returnedNodesAndRelationshipsAreDrawnBelowTheTable() {
        String page = as(analyst).formParam("query",
                "MATCH (d:Dataset {namespace: $ns, name: 'crm.customers'})-[r:INPUT_TO]->(j:Job) RETURN d, r, j")
                .formParam("parameters", "{\"ns\": \"" + NS + "\"}").post("/cypher").then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("(:Dataset {namespace: &quot;cypher-page://lake&quot;, name: &quot;crm.customers&quot;",
                "[:INPUT_TO {", "(:Job {namespace: &quot;cypher-page://lake&quot;, name: &quot;ingest_customers&quot;");
        String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        assertThat(svg).contains("class=\"lineage-svg\"", "node kind-dataset", "node kind-job", "crm.customers</text>",
                "ingest_customers</text>", "class=\"edge-label\"", ">INPUT_TO</text>",
                "href=\"/datasets?namespace=cypher-page%3A%2F%2Flake&amp;name=crm.customers\"",
                "href=\"/jobs?namespace=cypher-page%3A%2F%2Flake&amp;name=ingest_customers\"");
        assertThat(page).contains("<p class=\"graph-summary\">2 nodes, 1 relationships.</p>");

        // Paths are drawn too; scalar answers draw nothing.
        String path = as(analyst).formParam("query",
                "MATCH p = (:Dataset {namespace: $ns, name: 'lake.customers'})-[:INPUT_TO]->(:Job)-[:OUTPUTS]->(:Dataset) RETURN p")
                .formParam("parameters", "{\"ns\": \"" + NS + "\"}").post("/cypher").then().statusCode(200).extract()
                .asString();
        assertThat(path).contains("(:Dataset lake.customers)-[:INPUT_TO]-&gt;(:Job daily_report)-[:OUTPUTS]-&gt;(:Dataset lake.report)",
                "<p class=\"graph-summary\">3 nodes, 2 relationships.</p>");
        assertThat(as(analyst).formParam("query", "RETURN 1 AS one").post("/cypher").then().statusCode(200).extract()
                .asString()).doesNotContain("<svg");
    }

    @Test
    void eachAnalystSeesOnlyTheirOwnHistoryAndCanReloadFromIt() {
        String alpha = "alpha-" + UUID.randomUUID();
        String beta = "beta-" + UUID.randomUUID();
        as(analyst).formParam("query", "RETURN '" + alpha + "' AS a").post("/cypher").then().statusCode(200);
        as(otherAnalyst).formParam("query", "RETURN '" + beta + "' AS b").post("/cypher").then().statusCode(200);
        // Queries sent to the API are in the same history.
        String api = "api-" + UUID.randomUUID();
        given().auth().oauth2(otherAnalyst).contentType("application/json")
                .body(Map.of("query", "RETURN '" + api + "' AS c")).post("/api/v1/cypher").then().statusCode(200);

        String mine = as(analyst).get("/cypher").then().statusCode(200).extract().asString();
        String theirs = as(otherAnalyst).get("/cypher").then().statusCode(200).extract().asString();
        assertThat(mine).contains(alpha).doesNotContain(beta).doesNotContain(api);
        assertThat(theirs).contains(beta, api).doesNotContain(alpha);
        assertThat(theirs.indexOf(api)).as("newest first").isLessThan(theirs.indexOf(beta));

        Matcher link = Pattern.compile("<a href=\"(/cypher\\?history=[^\"]+)\" class=\"history-entry\">RETURN &#39;"
                + Pattern.quote(alpha)).matcher(mine);
        assertThat(link.find()).as("history link of alpha").isTrue();
        String href = link.group(1);
        assertThat(textarea(as(analyst).get(href).then().statusCode(200).extract().asString()))
                .isEqualTo("RETURN '" + alpha + "' AS a");
        as(otherAnalyst).get(href).then().statusCode(404);
    }

    @Test
    void historyKeepsTheNewest50() {
        String pruned = Tokens.issue("cypher-page-carol-" + RUN, "analyst");
        for (int i = 0; i < 52; i++) {
            given().auth().oauth2(pruned).contentType("application/json")
                    .body(Map.of("query", "RETURN " + i + " AS q" + i)).post("/api/v1/cypher").then().statusCode(200);
        }
        String page = as(pruned).get("/cypher").then().statusCode(200).extract().asString();
        assertThat(Pattern.compile("class=\"history-entry\"").matcher(page).results().count()).isEqualTo(50);
        assertThat(page).contains(">RETURN 51 AS q51</a>", ">RETURN 2 AS q2</a>")
                .doesNotContain(">RETURN 1 AS q1</a>", ">RETURN 0 AS q0</a>");
    }

    @Test
    void aSessionFormNeedsItsCsrfTokenWhileHtmxGetsThePanelAndTheHistory() {
        Response form = given().get("/login");
        String loginCsrf = form.getCookie("pvn_login_csrf");
        String session = given().redirects().follow(false).cookie("pvn_login_csrf", loginCsrf)
                .formParam("csrf", loginCsrf).formParam("token", analyst).formParam("next", "/cypher").post("/login")
                .getCookie("pvn_session");
        String page = given().cookie("pvn_session", session).get("/cypher").then().statusCode(200).extract().asString();
        Matcher csrf = Pattern.compile("<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\">").matcher(page);
        assertThat(csrf.find()).isTrue();

        given().cookie("pvn_session", session).formParam("query", "RETURN 1 AS one").post("/cypher").then()
                .statusCode(403);
        given().cookie("pvn_session", session).formParam("csrf", "forged").formParam("query", "RETURN 1 AS one")
                .post("/cypher/csv").then().statusCode(403);
        String panel = given().cookie("pvn_session", session).header("HX-Request", "true")
                .formParam("csrf", csrf.group(1)).formParam("query", "RETURN 1 AS one").post("/cypher").then()
                .statusCode(200).extract().asString();
        assertThat(panel).startsWith("<section id=\"cypher-results\"")
                .contains("<span class=\"row-count\">1 rows</span>",
                        "<section id=\"query-history\" class=\"cypher-history\" aria-labelledby=\"history-h\" hx-swap-oob=\"true\">",
                        "<input type=\"hidden\" name=\"csrf\" value=\"" + csrf.group(1) + "\">");
    }

    /** Forms as a browser sends them from a UTF-8 page (the library headers hold em dashes). */
    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    /** The editor's text, unescaped. */
    private static String textarea(String page) {
        Matcher m = Pattern.compile("<textarea id=\"query\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("query textarea").isTrue();
        return unescape(m.group(1));
    }

    /** The result table's rows, cells joined with |. */
    private static java.util.List<String> rows(String page) {
        String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        java.util.List<String> rows = new java.util.ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (row.find()) {
            Matcher cell = Pattern.compile("<span class=\"mono\">(.*?)</span>", Pattern.DOTALL).matcher(row.group(1));
            java.util.List<String> cells = new java.util.ArrayList<>();
            while (cell.find()) {
                cells.add(unescape(cell.group(1)));
            }
            rows.add(String.join("|", cells));
        }
        return rows;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
