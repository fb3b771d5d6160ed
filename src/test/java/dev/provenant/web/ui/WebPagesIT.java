package dev.provenant.web.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page over plain HTTP, as a browser with JavaScript off sees it: sign-in and sessions, redirects,
 * the pages' content and links, the lineage controls as GET parameters, expansion as a plain link, and
 * the security headers.
 */
@QuarkusTest
class WebPagesIT {

    static final String NS = "ui-pages://lake";
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (!loaded) {
            UiStory.load(NS);
            loaded = true;
        }
    }

    @Test
    void pagesWithoutASessionRedirectToSignInWhileTheApiStays401() {
        given().redirects().follow(false).get("/datasets?namespace=a&name=b").then().statusCode(303)
                .header("Location", endsWithPath("/login?next=%2Fdatasets%3Fnamespace%3Da%26name%3Db"));
        given().get("/api/v1/stats").then().statusCode(401).body("error", equalTo("unauthorized"));
        given().get("/login").then().statusCode(200).body(containsString("<label for=\"token\">Token</label>"));
        given().get("/static/app.css").then().statusCode(200);
        given().get("/static/vendor/htmx/htmx-2.0.11.min.js").then().statusCode(200);
    }

    @Test
    void signInSetsAStrictHttpOnlySessionThatPagesAndApiReadsAcceptAndSignOutEnds() {
        Response form = given().get("/login?next=/search?q=customers");
        String loginCsrf = form.getCookie(dev.provenant.security.WebSessions.LOGIN_CSRF_COOKIE);
        assertThat(hidden(form.asString(), "csrf")).isEqualTo(loginCsrf);
        assertThat(hidden(form.asString(), "next")).isEqualTo("/search?q=customers");

        given().redirects().follow(false).cookie("pvn_login_csrf", loginCsrf).formParam("csrf", loginCsrf)
                .formParam("token", "wrong").formParam("next", "/").post("/login").then().statusCode(401)
                .body(containsString("That token is not valid."));
        given().redirects().follow(false).cookie("pvn_login_csrf", loginCsrf).formParam("csrf", "forged")
                .formParam("token", TestResources.ADMIN_TOKEN).post("/login").then().statusCode(403);

        Response signedIn = given().redirects().follow(false).cookie("pvn_login_csrf", loginCsrf)
                .formParam("csrf", loginCsrf).formParam("token", TestResources.ADMIN_TOKEN)
                .formParam("next", "/search?q=customers").post("/login");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/search?q=customers");
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("pvn_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HTTPOnly", "SameSite=Strict", "Path=/");
        String session = signedIn.getCookie("pvn_session");

        String page = given().cookie("pvn_session", session).get("/search?q=customers").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("lake.customers");
        given().cookie("pvn_session", session).get("/api/v1/stats").then().statusCode(200);
        given().cookie("pvn_session", session).contentType("application/json").body("{}").post("/api/v1/lineage")
                .then().statusCode(401);

        String csrf = hidden(page, "csrf");
        given().redirects().follow(false).cookie("pvn_session", session).formParam("csrf", "forged").post("/logout")
                .then().statusCode(403);
        given().redirects().follow(false).cookie("pvn_session", session).formParam("csrf", csrf).post("/logout")
                .then().statusCode(303).header("Location", endsWithPath("/login"));
        given().redirects().follow(false).cookie("pvn_session", session).get("/").then().statusCode(303);
    }

    @Test
    void signInNeverRedirectsOffSite() {
        assertThat(SignInResource.safeNext("//evil.example/x")).isEqualTo("/");
        assertThat(SignInResource.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(SignInResource.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(SignInResource.safeNext("/lineage?type=dataset")).isEqualTo("/lineage?type=dataset");
    }

    @Test
    void homeShowsCountsRecentRunsAndLinksTheApi() {
        String home = page("/");
        assertThat(home).contains("<h1>Lineage and personal data</h1>", "<dt>Datasets</dt>", "Recent runs",
                "href=\"/api/v1/stats\"", "<a class=\"skip-link\" href=\"#main\">", "<main id=\"main\"");
    }

    @Test
    void searchFindsDatasetsJobsAndFieldsAndFiltersByType() {
        String all = page("/search?q=lake.customers");
        assertThat(all).contains("href=\"/datasets?namespace=ui-pages%3A%2F%2Flake&amp;name=lake.customers\"");
        String jobs = page("/search?q=daily_report&type=job");
        assertThat(jobs).contains("href=\"/jobs?namespace=ui-pages%3A%2F%2Flake&amp;name=daily_report\"")
                .doesNotContain("kind-dataset\">dataset");
        String fields = page("/search?q=email_hash&type=field");
        assertThat(fields).contains("email_hash", "type=field");
        given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/search?q=x&type=table").then().statusCode(400)
                .contentType(containsString("text/html"));
    }

    @Test
    void datasetPageListsFieldsProducersConsumersRunsAndLinks() {
        String page = page("/datasets?namespace=" + NS + "&name=lake.customers");
        assertThat(page).contains("<h1>lake.customers</h1>", ">email_hash</th>", ">id</th>",
                ">ui-pages://lake / ingest_customers</a>", ">ui-pages://lake / daily_report</a>",
                "href=\"/api/v1/datasets?namespace=ui-pages%3A%2F%2Flake&amp;name=lake.customers\"",
                "href=\"/lineage?type=dataset&amp;namespace=ui-pages%3A%2F%2Flake&amp;name=lake.customers&amp;view=columns\"",
                "state-complete");
        given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/datasets?namespace=" + NS + "&name=nope").then()
                .statusCode(404).contentType(containsString("text/html")).body(containsString("Dataset not found"));
    }

    @Test
    void jobAndRunPagesShowRunsSqlAndVersions() {
        String job = page("/jobs?namespace=" + NS + "&name=daily_report");
        assertThat(job).contains("<h1>daily_report</h1>", "SELECT * FROM lake.customers", "COMPLETE");
        Matcher run = Pattern.compile("href=\"(/runs\\?runId=[^\"]+)\"").matcher(job);
        assertThat(run.find()).isTrue();
        String runPage = page(run.group(1).replace("&amp;", "&"));
        assertThat(runPage).contains("Versions read and written", ">READ</td>", ">WROTE</td>", "lake.report",
                "ended (COMPLETE)");
    }

    @Test
    void lineagePageDrawsTheGraphWithControlsThatAreAPlainGetForm() {
        String page = page("/lineage?type=dataset&namespace=" + NS + "&name=lake.customers&direction=both&depth=2");
        assertThat(page).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"lineage-svg\"",
                "<form class=\"controls\" action=\"/lineage\" method=\"get\"", "<label for=\"depth\">Depth</label>",
                "value=\"2\"", "href=\"/api/v1/lineage?type=dataset&amp;namespace=ui-pages%3A%2F%2Flake");
        assertThat(count(page, "<g class=\"node ")).isEqualTo(5);
        assertThat(page).contains("Partial graph.", "class=\"go-deeper\"");
        assertThat(page).doesNotContain(" style=").doesNotContainPattern("<script(?![^>]*src=)");

        String deeper = page("/lineage?type=dataset&namespace=" + NS + "&name=lake.customers&direction=both&depth=4");
        assertThat(count(deeper, "<g class=\"node ")).isEqualTo(7);
        assertThat(deeper).doesNotContain("Partial graph.");
    }

    @Test
    void expandingANodeIsALinkToTheDeeperPageAndAnHtmxFragment() {
        String page = page("/lineage?type=dataset&namespace=" + NS + "&name=lake.customers&direction=downstream&depth=2");
        Matcher expand = Pattern.compile("<a class=\"node-action\" href=\"([^\"]+)\" hx-get=\"([^\"]+)\"").matcher(page);
        assertThat(expand.find()).isTrue();
        String full = expand.group(1).replace("&amp;", "&");
        String fragment = expand.group(2).replace("&amp;", "&");
        assertThat(full).startsWith("/lineage?").contains("expand=down%3Adataset%3Aui-pages");
        assertThat(fragment).startsWith("/lineage/graph?");
        String expanded = page(full);
        assertThat(expanded).contains(">export</text>").contains(">lake.export</text>");
        String swapped = page(fragment);
        assertThat(swapped).startsWith("<div id=\"lineage-graph\"").contains(">lake.export</text>")
                .doesNotContain("<html");
    }

    @Test
    void columnViewGroupsFieldsInTheirDatasetsAndLabelsFeedsWithTheirSubtype() {
        String page = page("/lineage?type=dataset&namespace=" + NS + "&name=lake.customers&view=columns&depth=4");
        assertThat(page).contains("class=\"group-title\"", ">email_hash</text>", ">email</text>",
                ">TRANSFORMATION (masked)</text>", ">IDENTITY</text>", ">AGGREGATION (masked)</text>",
                "aria-current=\"page\">Columns</a>");
        String field = page("/lineage?type=field&namespace=" + NS + "&name=lake.customers&field=email_hash&direction=upstream");
        assertThat(count(field, "<g class=\"node ")).isEqualTo(2);
        assertThat(field).contains("DIRECT TRANSFORMATION, masking by job ui-pages://lake / ingest_customers");
    }

    @Test
    void jobsCanBeDrawnAsEdgesBetweenDatasets() {
        String page = page("/lineage?type=dataset&namespace=" + NS + "&name=lake.customers&depth=4&collapseJobs=true");
        assertThat(count(page, "<g class=\"node ")).isEqualTo(4);
        assertThat(page).contains(">daily_report</text>", "through job ui-pages://lake / daily_report", "checked>")
                .doesNotContain("kind-job");
    }

    @Test
    void staleEdgesAreHiddenUnlessAsked() {
        String ns = NS + "/stale";
        UiStory.load(ns);
        // The export job's next completed run no longer reads lake.report: that edge becomes stale.
        String event = """
                {"eventType":"COMPLETE","eventTime":"2026-06-02T00:00:00Z","producer":"https://example.com/ui-story",
                 "run":{"runId":"%s"},"job":{"namespace":"%s","name":"export"},"inputs":[],
                 "outputs":[{"namespace":"%s","name":"lake.export"}]}""".formatted(java.util.UUID.randomUUID(), ns, ns);
        UiStory.patient().contentType("application/json").body(event).post("/api/v1/lineage").then().statusCode(201);
        String current = page("/lineage?type=dataset&namespace=" + ns + "&name=lake.report&direction=downstream&depth=2");
        assertThat(current).doesNotContain(">lake.export</text>");
        String stale = page("/lineage?type=dataset&namespace=" + ns + "&name=lake.report&direction=downstream&depth=2"
                + "&includeStale=true");
        assertThat(stale).contains(">lake.export</text>", "class=\"edge stale\"");
    }

    @Test
    void piiViewLabelsStatesWithTextAndPatternAndHighlightsTheEvidencePath() {
        String url = "/lineage?type=field&namespace=" + NS + "&name=lake.customers&field=email_hash&direction=upstream"
                + "&view=pii";
        // PII propagation runs after the ingest commit: wait for it to reach the field.
        String page = page(url);
        for (int i = 0; i < 120 && !page.contains("<tspan class=\"node-badge\">PSEUDONYMISED</tspan>"); i++) {
            sleep();
            page = page(url);
        }
        assertThat(page).contains("<tspan class=\"node-badge\">PSEUDONYMISED</tspan>",
                "<tspan class=\"node-badge\">RAW</tspan>", "fill=\"url(#pat-raw)\"", "fill=\"url(#pat-pseudonymised)\"",
                "class=\"edge highlighted\"", "<h2 id=\"evidence-h\">Evidence path</h2>",
                "href=\"/lineage?type=field&amp;namespace=ui-pages%3A%2F%2Flake&amp;name=crm.customers&amp;field=email&amp;view=pii\"",
                "class=\"node kind-field pii-pseudonymised selected highlighted\"");
        String dataset = page("/datasets?namespace=" + NS + "&name=lake.customers");
        assertThat(dataset).contains("<span class=\"pii-badge pii-pseudonymised\">PSEUDONYMISED</span>");
        String pii = page("/pii");
        assertThat(pii).contains("<h1>Personal data</h1>", "<th scope=\"row\">EMAIL</th>",
                "<label for=\"er-ns\">Namespace</label>");
        String erasure = page("/pii?namespace=" + NS + "&name=crm.customers&field=email");
        assertThat(erasure).contains(">ui-pages://lake / lake.customers.email_hash</a>");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void modelsListAndModelPage() {
        assertThat(page("/models")).contains("<h1>Models</h1>");
        given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/models?namespace=" + NS + "&name=nope").then()
                .statusCode(404);
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        authorized().get("/").then().statusCode(200)
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff");
    }

    private static String page(String path) {
        // Links taken from a page are already encoded; paths written here are not.
        return authorized().urlEncodingEnabled(!path.contains("%")).get(path).then().statusCode(200).contentType(containsString("text/html")).extract()
                .asString();
    }

    private static RequestSpecification authorized() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden input " + name).isTrue();
        return m.group(1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.endsWith(path);
    }
}
