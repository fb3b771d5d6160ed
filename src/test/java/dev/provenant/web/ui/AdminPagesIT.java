package dev.provenant.web.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.provenant.audit.AccessLogWriter;
import dev.provenant.support.TestResources;
import dev.provenant.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin pages over real HTTP with a signed-in session: issuing a token shows its secret once and the
 * secret works on the API, revoking it makes it 401, forms need the session's CSRF token, viewers are
 * refused, and the access log page shows entries newest first, pages, filters, exports and verifies.
 */
@QuarkusTest
class AdminPagesIT {

    @Inject
    AccessLogWriter accessLog;

    /** A signed-in admin browser: its session cookie and the CSRF token of its forms. */
    record Browser(String session, String csrf) {}

    @Test
    void anIssuedTokenIsShownOnceWorksOnTheApiAndStopsWhenRevoked() {
        Browser admin = signIn(TestResources.ADMIN_TOKEN);
        String tokens = get(admin, "/admin/tokens");
        assertThat(tokens).contains("<h1>Tokens</h1>", "<form class=\"controls\" action=\"/admin/tokens\" method=\"post\">",
                "<input type=\"hidden\" name=\"csrf\" value=\"" + admin.csrf() + "\">",
                "<label for=\"token-role\">Role</label>", "<option value=\"viewer\" selected>viewer</option>");

        Response issued = given().cookie("pvn_session", admin.session()).formParam("csrf", admin.csrf())
                .formParam("name", "admin-pages-it-reader").formParam("role", "viewer")
                .formParam("expiresAt", "2099-01-01T00:00").post("/admin/tokens");
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        Matcher secret = Pattern.compile("id=\"issued-secret\" class=\"mono secret\" readonly size=\"60\" value=\"(pvn_[A-Za-z0-9_-]+)\"")
                .matcher(issued.asString());
        assertThat(secret.find()).isTrue();
        String token = secret.group(1);
        assertThat(issued.asString()).contains("<dd id=\"issued-name\">admin-pages-it-reader</dd>",
                "<dd id=\"issued-role\">viewer</dd>", "2099-01-01 00:00:00 +00:00");

        given().auth().oauth2(token).get("/api/v1/stats").then().statusCode(200);
        String listed = get(admin, "/admin/tokens");
        assertThat(listed).contains("<th scope=\"row\">admin-pages-it-reader</th><td>viewer</td><td><span class=\"token-state token-active\">active</span>")
                .doesNotContain(token);
        String id = tokenId(listed, "admin-pages-it-reader");

        // A form without the session's CSRF token, or with a bearer token alone, changes nothing.
        given().cookie("pvn_session", admin.session()).formParam("csrf", "forged").post("/admin/tokens/" + id + "/revoke")
                .then().statusCode(403).contentType(containsString("text/html"));
        given().auth().oauth2(TestResources.ADMIN_TOKEN).formParam("name", "x").formParam("role", "viewer")
                .post("/admin/tokens").then().statusCode(403);
        given().auth().oauth2(token).get("/api/v1/stats").then().statusCode(200);

        given().redirects().follow(false).cookie("pvn_session", admin.session()).formParam("csrf", admin.csrf())
                .post("/admin/tokens/" + id + "/revoke").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/tokens"));
        given().auth().oauth2(token).get("/api/v1/stats").then().statusCode(401);
        assertThat(get(admin, "/admin/tokens")).contains("<th scope=\"row\">admin-pages-it-reader</th><td>viewer</td><td><span class=\"token-state token-revoked\">revoked</span>");
    }

    @Test
    void aBadTokenFormIsShownAgainWithTheProblem() {
        Browser admin = signIn(TestResources.ADMIN_TOKEN);
        String page = given().cookie("pvn_session", admin.session()).formParam("csrf", admin.csrf())
                .formParam("name", "admin-pages-it-bad").formParam("role", "overlord").post("/admin/tokens").then()
                .statusCode(400).extract().asString();
        assertThat(page).contains("<p class=\"error\" role=\"alert\" id=\"token-error\">role must be one of ingest, viewer, analyst, steward, admin</p>",
                "value=\"admin-pages-it-bad\"");
        given().cookie("pvn_session", admin.session()).formParam("csrf", admin.csrf())
                .formParam("name", "admin-pages-it-past").formParam("role", "viewer").formParam("expiresAt", "2001-01-01T00:00")
                .post("/admin/tokens").then().statusCode(400).body(containsString("expiresAt must lie in the future"));
    }

    @Test
    void viewersAndStewardsAreRefusedTheAdminPages() {
        String viewer = Tokens.issue("admin-pages-it-viewer", "viewer");
        String steward = Tokens.issue("admin-pages-it-steward", "steward");
        given().auth().oauth2(viewer).get("/admin/tokens").then().statusCode(403);
        given().auth().oauth2(steward).get("/admin/access-log").then().statusCode(403);
        Browser asViewer = signIn(viewer);
        given().cookie("pvn_session", asViewer.session()).get("/admin/tokens").then().statusCode(403);
        given().cookie("pvn_session", asViewer.session()).formParam("csrf", asViewer.csrf())
                .formParam("name", "sneaky").formParam("role", "admin").post("/admin/tokens").then().statusCode(403);
    }

    @Test
    void theAccessLogIsNewestFirstPagedFilteredExportedAndVerified() throws InterruptedException {
        Browser admin = signIn(TestResources.ADMIN_TOKEN);
        given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/search?q=admin-pages-it-first").then().statusCode(200);
        given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/search?q=admin-pages-it-second").then().statusCode(200);
        accessLog.flush(30_000);

        String first = get(admin, "/admin/access-log?path=/api/v1/search&caller=admin&limit=1");
        assertThat(first).contains("GET /api/v1/search?q=admin-pages-it-second").doesNotContain("admin-pages-it-first");
        Matcher older = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(older.find()).isTrue();
        String second = given().cookie("pvn_session", admin.session()).urlEncodingEnabled(false)
                .get(older.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
        assertThat(second).contains("GET /api/v1/search?q=admin-pages-it-first").doesNotContain("admin-pages-it-second");

        assertThat(first).contains("<a href=\"/api/v1/audit/access-log?format=csv\" id=\"export-csv\">CSV</a>",
                "<form class=\"controls\" action=\"/api/v1/compliance/audit-package\" method=\"get\">");
        given().cookie("pvn_session", admin.session()).get("/api/v1/audit/access-log?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv"));

        boolean ok = given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/audit/verify").then().statusCode(200)
                .extract().jsonPath().getBoolean("ok");
        String verified = get(admin, "/admin/access-log?limit=5&verify=true");
        assertThat(verified).contains(ok ? "Verified: both chains are intact" : "Broken: ", "<th scope=\"row\">events</th>",
                "<th scope=\"row\">access log</th>");
        assertThat(get(admin, "/admin/access-log?limit=5")).contains("Verify the chains now")
                .doesNotContain("id=\"verify-result\"");
        given().cookie("pvn_session", admin.session()).get("/admin/access-log?status=abc").then().statusCode(400);
    }

    private static String tokenId(String page, String name) {
        Matcher m = Pattern.compile("<tr data-token-id=\"([^\"]+)\"><th scope=\"row\">" + Pattern.quote(name) + "</th>")
                .matcher(page);
        assertThat(m.find()).as("row of " + name).isTrue();
        return m.group(1);
    }

    private static String get(Browser browser, String path) {
        return given().cookie("pvn_session", browser.session()).get(path).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
    }

    /** Signs in through the sign-in form as a browser does, and reads the CSRF token of the session's forms. */
    static Browser signIn(String token) {
        Response form = given().get("/login");
        String loginCsrf = form.getCookie("pvn_login_csrf");
        Response signedIn = given().redirects().follow(false).cookie("pvn_login_csrf", loginCsrf)
                .formParam("csrf", loginCsrf).formParam("token", token).formParam("next", "/pii").post("/login");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String session = signedIn.getCookie("pvn_session");
        String page = given().cookie("pvn_session", session).get("/pii").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return new Browser(session, m.group(1));
    }
}
