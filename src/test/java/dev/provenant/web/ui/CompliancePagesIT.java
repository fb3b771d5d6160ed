package dev.provenant.web.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.provenant.support.TestResources;
import dev.provenant.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The printable compliance reports over real HTTP on a story of our own (ComplianceStory): model
 * documentation, the record of processing of a category, the erasure impact of a source, the links to them,
 * what each role sees of them, and the print stylesheet.
 */
@QuarkusTest
class CompliancePagesIT {

    private static ComplianceStory story;
    private static String viewer;

    @BeforeEach
    void load() {
        if (story == null) {
            story = new ComplianceStory("compliance-pages").load();
            viewer = Tokens.issue("compliance-pages-viewer", "viewer");
        }
    }

    @Test
    void modelDocumentationShowsEverySectionWithTheEvidenceAndWhoGeneratedIt() {
        String page = page(admin(), "/compliance/model-documentation?namespace=" + story.lake + "&name=models.churn");
        String lake = enc(story.lake);
        assertThat(page).contains("<h1 id=\"report-h\">Model documentation: models.churn</h1>",
                "by admin (provenant.auth.admin-token) (admin)",
                "As JSON: <a href=\"/api/v1/compliance/model-documentation?namespace=" + lake + "&amp;name=models.churn\">",
                // Training data and its lineage
                "<a href=\"/datasets?namespace=" + lake + "&amp;name=raw.customers\">" + story.lake + " / raw.customers</a>",
                "<a href=\"/datasets?namespace=" + enc(story.crm) + "&amp;name=crm.customers\">" + story.crm
                        + " / crm.customers</a>",
                ">" + story.jobs + " / train_churn</a>", ">" + story.jobs + " / load_customers</a>",
                // Personal data with its evidence path
                "Verdict: <span class=\"pii-badge pii-raw\">RAW</span> — categories: <strong>EMAIL</strong>",
                ">" + story.crm + " / crm.customers.email</a> → " + story.lake + " / raw.customers.email via <a href=\"/jobs?namespace="
                        + enc(story.jobs) + "&amp;name=load_customers\">" + story.jobs + " / load_customers</a> <span class=\"muted\">(DIRECT/IDENTITY)</span>",
                // Sources and owners
                "<td>team:crm</td>", "<td>team:data-platform</td>",
                // Code versions, parameters, metrics, runs, declarations
                "<td class=\"mono\">load.py</td><td class=\"mono\">abc123</td><td>main</td>",
                "<td class=\"mono\">train.py</td><td class=\"mono\">def456</td>",
                "<td class=\"mono\">trainingParameters</td>", "&quot;learning_rate&quot; : 0.05",
                "<td class=\"mono\">modelMetrics</td>", "&quot;auc&quot; : 0.87",
                ">" + story.trainRun + "</a></td><td><span class=\"state state-complete\">COMPLETE</span>",
                ">" + story.crm + " / crm.customers.email</a></td><td>yes</td><td>EMAIL</td><td>admin (provenant.auth.admin-token)</td>",
                "the customer&#39;s e-mail address",
                "id=\"audit-package-link\"");
        // A viewer reads the same report, without the admin-only audit package.
        String forViewer = page(given().auth().oauth2(viewer), "/compliance/model-documentation?namespace=" + story.lake
                + "&name=models.churn");
        assertThat(forViewer).contains("by compliance-pages-viewer (viewer)", "Model documentation: models.churn")
                .doesNotContain("audit-package-link");
        // The model page links the documentation; what is not a model has none.
        assertThat(page(admin(), "/models?namespace=" + story.lake + "&name=models.churn")).contains(
                "href=\"/compliance/model-documentation?namespace=" + lake + "&amp;name=models.churn\"");
        admin().get("/compliance/model-documentation?namespace=" + story.lake + "&name=raw.customers").then()
                .statusCode(404).contentType(containsString("text/html"));
        admin().get("/compliance/model-documentation?namespace=" + story.lake).then().statusCode(400)
                .contentType(containsString("text/html"));
    }

    @Test
    void processingRecordListsDatasetsJobsAndModelsOfTheCategoryWithAPicker() {
        String record = page(admin(), "/compliance/processing-record?category=email");
        assertThat(record).contains("<h1 id=\"report-h\">Record of processing: EMAIL</h1>",
                "As JSON: <a href=\"/api/v1/compliance/processing-record?category=EMAIL\">",
                story.crm + " / crm.customers</a></td><td><span class=\"pii-badge pii-raw\">RAW</span></td><td></td><td>team:crm</td><td><ul class=\"plain\"><li><span class=\"mono\">email</span> RAW, STEWARD</li></ul>",
                story.lake + " / raw.customers</a></td><td><span class=\"pii-badge pii-raw\">RAW</span></td><td></td><td>team:data-platform</td><td><ul class=\"plain\"><li><span class=\"mono\">email</span> RAW, propagated</li><li><span class=\"mono\">email_hash</span> PSEUDONYMISED, propagated</li></ul>",
                story.jobs + " / load_customers</a></td><td><a href=\"/datasets?namespace=" + enc(story.crm)
                        + "&amp;name=crm.customers\">" + story.crm + " / crm.customers</a></td><td><a href=\"/datasets?namespace="
                        + enc(story.lake) + "&amp;name=raw.customers\">" + story.lake + " / raw.customers</a></td>",
                story.lake + " / models.churn</a></td><td>yes</td><td><a href=\"/jobs?namespace=" + enc(story.jobs)
                        + "&amp;name=train_churn\">" + story.jobs + " / train_churn</a></td>");
        String picker = page(admin(), "/compliance/processing-record");
        assertThat(picker).contains("<h1 id=\"report-h\">Records of processing</h1>",
                "<a href=\"/compliance/processing-record?category=EMAIL\">EMAIL</a>", "<label for=\"category\">Category</label>");
        admin().get("/compliance/processing-record?category=e-mail!").then().statusCode(400)
                .contentType(containsString("text/html"));
        // The personal data overview links each category's record.
        assertThat(page(admin(), "/pii")).contains("<a href=\"/compliance/processing-record?category=EMAIL\">record of processing");
    }

    @Test
    void erasureImpactReportListsEveryCopyWithItsPath() {
        String report = page(admin(), "/compliance/erasure-impact?namespace=" + story.crm + "&name=crm.customers&field=email");
        String lake = enc(story.lake);
        assertThat(report).contains("<h1 id=\"report-h\">Erasure impact: crm.customers.email</h1>",
                "Copies: 2 fields in 1 datasets",
                "<td><span class=\"pii-badge pii-raw\">RAW</span></td><td><a href=\"/datasets?namespace=" + lake
                        + "&amp;name=raw.customers\">" + story.lake + " / raw.customers</a></td><td><a class=\"mono\" href=\"/lineage?type=field&amp;namespace="
                        + lake + "&amp;name=raw.customers&amp;field=email&amp;view=pii\">email</a></td><td>EMAIL</td>",
                "<td><span class=\"pii-badge pii-pseudonymised\">PSEUDONYMISED</span></td>",
                "→ " + story.lake + " / raw.customers.email_hash via",
                "(DIRECT/TRANSFORMATION (masked))",
                "As JSON: <a href=\"/api/v1/pii/erasure-impact?namespace=" + enc(story.crm) + "&amp;name=crm.customers&amp;field=email\">");
        // Linked from the dataset page and from the PII page's erasure form.
        assertThat(page(admin(), "/datasets?namespace=" + story.crm + "&name=crm.customers")).contains(
                "href=\"/compliance/erasure-impact?namespace=" + enc(story.crm) + "&amp;name=crm.customers\"");
        assertThat(page(admin(), "/pii?namespace=" + story.crm + "&name=crm.customers&field=email")).contains(
                "href=\"/compliance/erasure-impact?namespace=" + enc(story.crm) + "&amp;name=crm.customers&amp;field=email\"");
        admin().get("/compliance/erasure-impact?namespace=" + story.crm + "&name=crm.customers&field=nope").then()
                .statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void theNavShowsAdminOnlyToAdminsAndTheReportsPrintOnA4() {
        String asAdmin = page(admin(), "/");
        String asViewer = page(given().auth().oauth2(viewer), "/");
        assertThat(nav(asAdmin)).contains("<a href=\"/admin/tokens\" id=\"nav-admin\">Admin</a>",
                "<a href=\"/compliance/processing-record\">Compliance</a>");
        assertThat(nav(asViewer)).contains("<a href=\"/compliance/processing-record\">Compliance</a>")
                .doesNotContain("Admin");
        String css = given().get("/static/app.css").then().statusCode(200).extract().asString();
        assertThat(css).contains("@page { size: A4;", ".no-print, form");
    }

    private static String nav(String html) {
        Matcher m = Pattern.compile("<nav aria-label=\"Main\">(.*?)</nav>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String page(RequestSpecification request, String path) {
        return request.get(path).then().statusCode(200).contentType(containsString("text/html")).extract().asString();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }

    private static String enc(String text) {
        return Links.enc(text);
    }
}
