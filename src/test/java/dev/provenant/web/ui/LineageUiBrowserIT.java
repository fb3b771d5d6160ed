package dev.provenant.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.HeadlessChromium;
import dev.provenant.support.Conformance;
import dev.provenant.support.TestResources;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A user in a real headless Chromium (Debian's chromium and chromedriver, never a downloaded browser), on
 * real Spark column-lineage events: signs in, searches, opens a dataset and its lineage graph, narrows it
 * with the controls, expands a node in place (htmx), switches to the column view and the PII view, and
 * follows the evidence path of a hashed e-mail column (a small story of our own) back to its source.
 * Skipped only where the browser or its driver is not installed. Screenshots go to target/screenshots, and
 * also to the directory named by -Dui.screenshots (docs/img for the README).
 */
@QuarkusTest
class LineageUiBrowserIT {

    static final String NS = "file:/tmp/cll_test";
    static final String STORY = "ui-browser://lake";

    private static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    /** Real Spark events with column lineage: default.tbl1 made by CTAS from two source tables. */
    private static void loadEvents() {
        for (String file : List.of("spark/compat-cll-03-create-src1-complete.json",
                "spark/compat-cll-04-create-src2-complete.json", "spark/compat-cll-08-ctas-complete.json")) {
            int status = UiStory.patient().contentType("application/json")
                    .body(Conformance.bytes(Conformance.openLineage(file))).post("/api/v1/lineage").statusCode();
            assertThat(status).as(file).isIn(200, 201);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aUserFollowsLineageFromSearchToColumnsAndPii() throws IOException {
        loadEvents();
        // htmx swaps the graph in place: elements read while it swaps go stale and are read again.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        // Sign in: any page sends an anonymous browser to the sign-in form first.
        browser.get(base.toString());
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        browser.findElement(By.id("token")).sendKeys("wrong-token");
        clickAndLoad(wait, browser.findElement(By.cssSelector(".login-form button[type=submit]")));
        assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("That token is not valid.");
        browser.findElement(By.id("token")).sendKeys(TestResources.ADMIN_TOKEN);
        clickAndLoad(wait, browser.findElement(By.cssSelector(".login-form button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lineage and personal data");
        assertThat(browser.findElement(By.cssSelector(".signout button")).getText()).isEqualTo("Sign out");

        // Search, then open the dataset.
        browser.findElement(By.id("home-q")).sendKeys("tbl1");
        clickAndLoad(wait, browser.findElement(By.cssSelector(".big-search button")));
        WebElement hit = browser.findElement(By.xpath("//ol[@class='results']//a[normalize-space()='default.tbl1']"));
        clickAndLoad(wait, hit);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("default.tbl1");
        assertThat(browser.findElements(By.cssSelector("table.fields th[scope=row]")))
                .extracting(WebElement::getText).contains("ident");
        assertThat(browser.findElement(By.cssSelector("footer .api-link")).getAttribute("href"))
                .contains("/api/v1/datasets?namespace=file%3A%2Ftmp%2Fcll_test&name=default.tbl1");

        // Its lineage graph, narrowed with the GET form to one step upstream of the job.
        clickAndLoad(wait, browser.findElement(By.linkText("Lineage graph")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lineage of default.tbl1");
        new Select(browser.findElement(By.id("direction"))).selectByValue("upstream");
        WebElement depth = browser.findElement(By.id("depth"));
        depth.clear();
        depth.sendKeys("2");
        clickAndLoad(wait, browser.findElement(By.cssSelector("form.controls button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("direction=upstream").contains("depth=2");
        assertThat(nodeIds()).containsExactlyInAnyOrder(dataset("default.tbl1"), dataset("default.cll_source1"),
                dataset("default.cll_source2"),
                "job:testColumnLevelLineage:open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1");
        assertThat(browser.findElement(By.id("partial-notice")).getText()).startsWith("Partial graph.");
        assertThat(browser.findElement(By.cssSelector("#lineage-svg g.node.selected")).getAttribute("data-id"))
                .isEqualTo(dataset("default.tbl1"));
        assertThat(browser.findElements(By.cssSelector("#lineage-svg g.edge path"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector(".zoom-controls")).isDisplayed()).as("zoom needs JS, which is on")
                .isTrue();

        // Expand the first source upstream, in place: no page load, the URL follows.
        ((JavascriptExecutor) browser).executeScript("window.samePage = 'yes';");
        browser.findElement(By.cssSelector("#lineage-svg g.node[data-id='" + dataset("default.cll_source1")
                + "'] a.node-action")).click();
        wait.until(d -> nodeIds().size() == 5);
        assertThat(nodeIds()).contains(
                "job:testColumnLevelLineage:open_lineage_integration_create_table.execute_create_table_command.cll_test_cll_source1");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.samePage;")).isEqualTo("yes");
        assertThat(browser.getCurrentUrl()).contains("expand=up%3Adataset%3Afile");
        WebElement expandedJob = browser.findElement(By.cssSelector("#lineage-svg g.node.kind-job[data-id$='cll_source1'] title"));
        assertThat(expandedJob.getAttribute("textContent")).startsWith("job testColumnLevelLineage / ");
        screenshot("lineage.png");

        // Column view: fields inside their datasets, FEEDS edges labelled with their subtype.
        clickAndLoad(wait, browser.findElement(By.linkText("Columns")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lineage-svg g.group")));
        assertThat(browser.findElements(By.cssSelector("#lineage-svg .group-title"))).extracting(WebElement::getText)
                .contains("default.tbl1", "default.cll_source1", "default.cll_source2");
        // Parallel FEEDS edges between two fields share one arrow labelled with every subtype.
        String labels = String.join(" | ", browser.findElements(By.cssSelector("#lineage-svg .edge-label")).stream()
                .map(e -> e.getAttribute("textContent")).toList());
        assertThat(labels).contains("IDENTITY", "JOIN", "FILTER", "GROUP_BY", "TRANSFORMATION", "AGGREGATION");
        screenshot("columns.png");

        // The PII view: states as text and pattern (these Spark tables hold no personal data: CLEAR).
        clickAndLoad(wait, browser.findElement(By.linkText("PII")));
        assertThat(browser.findElement(By.cssSelector("a[aria-current=page]")).getText()).isEqualTo("PII");
        assertThat(browser.findElements(By.cssSelector(".legend .pii-badge"))).extracting(WebElement::getText)
                .containsExactly("RAW", "PSEUDONYMISED", "AGGREGATED", "INDIRECT", "POSSIBLE", "CLEAR");
        assertThat(browser.findElements(By.cssSelector("#lineage-svg .node-badge")))
                .extracting(e -> e.getAttribute("textContent")).contains("CLEAR");

        // Follow an evidence path: a hashed e-mail column, back to the e-mail it was made from.
        UiStory.load(STORY);
        browser.get(base + "lineage?type=field&namespace=" + STORY.replace(":", "%3A").replace("/", "%2F")
                + "&name=lake.customers&field=email_hash&direction=upstream&view=pii");
        for (int i = 0; i < 120 && browser.findElements(By.cssSelector(".evidence-link")).isEmpty(); i++) {
            sleep();
            browser.navigate().refresh();
        }
        assertThat(browser.findElement(By.cssSelector("#lineage-svg g.node.selected .node-badge"))
                .getAttribute("textContent")).isEqualTo("PSEUDONYMISED");
        assertThat(browser.findElements(By.cssSelector("#lineage-svg g.edge.highlighted"))).hasSize(1);
        screenshot("pii.png");
        WebElement evidence = browser.findElement(By.cssSelector(".evidence-link"));
        assertThat(evidence.getText()).isEqualTo("crm.customers.email");
        clickAndLoad(wait, evidence);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lineage of crm.customers.email");
        assertThat(browser.findElement(By.cssSelector("#lineage-svg g.node.selected .node-badge"))
                .getAttribute("textContent")).isEqualTo("RAW");

        // Sign out ends the session.
        clickAndLoad(wait, browser.findElement(By.cssSelector(".signout button")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        browser.get(base + "pii");
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fpii");
    }

    /**
     * Clicks a link or submit button that loads a new page and waits until the old page is gone and the
     * new one has loaded, so that what follows reads the new page, not the one being left.
     */
    private static void clickAndLoad(WebDriverWait wait, WebElement target) {
        HeadlessChromium.clickAndLoad(browser, wait, target);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> nodeIds() {
        return browser.findElements(By.cssSelector("#lineage-svg g.node")).stream()
                .map(e -> e.getAttribute("data-id")).toList();
    }

    private static String dataset(String name) {
        return "dataset:file%3A%2Ftmp%2Fcll_test:" + name;
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}
