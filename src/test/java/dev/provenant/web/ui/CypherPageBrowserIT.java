package dev.provenant.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.HeadlessChromium;
import dev.provenant.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An analyst in a real headless Chromium (as in {@link LineageUiBrowserIT}): signs in, opens the Cypher page
 * from the navigation, picks a library query, fills its parameters, runs it (htmx swaps the results panel in
 * place) and reads the table and the history. Skipped only where the browser or its driver is missing.
 */
@QuarkusTest
class CypherPageBrowserIT {

    static final String NS = "cypher-browser://lake";

    private static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAnalystPicksALibraryQueryRunsItAndReadsTheTable() throws IOException {
        UiStory.load(NS);
        String token = Tokens.issue("cypher-browser-" + UUID.randomUUID(), "analyst");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        browser.get(base.toString() + "cypher");
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fcypher");
        browser.findElement(By.id("token")).sendKeys(token);
        clickAndLoad(wait, browser.findElement(By.cssSelector(".login-form button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cypher");
        clickAndLoad(wait, browser.findElement(By.linkText("Home")));
        clickAndLoad(wait, browser.findElement(By.cssSelector("nav[aria-label=Main] a[href='/cypher']")));

        // Pick a library query: its text fills the editor and its parameters get fields.
        clickAndLoad(wait, browser.findElement(By.cssSelector("a.library-query[data-id=find_downstream_of_dataset]")));
        assertThat(browser.getCurrentUrl()).endsWith("/cypher?library=find_downstream_of_dataset");
        assertThat(browser.findElement(By.id("query")).getAttribute("value"))
                .contains("MATCH p = (d)-[:INPUT_TO|OUTPUTS*1..30]->(x)");
        browser.findElement(By.id("param-namespace")).sendKeys(NS);
        browser.findElement(By.id("param-name")).sendKeys("lake.customers");

        // Run: htmx swaps the results panel, the page stays.
        WebElement html = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("run-query")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#cypher-results table.result-table")).isEmpty());
        assertThat(ExpectedConditions.stalenessOf(html).apply(browser)).as("no page load").isFalse();
        List<String> headers = browser.findElements(By.cssSelector("table.result-table thead th")).stream()
                .map(WebElement::getText).toList();
        assertThat(headers).containsExactly("kind", "namespace", "name", "hops");
        List<String> names = browser.findElements(By.cssSelector("table.result-table tbody tr td:nth-child(3)"))
                .stream().map(WebElement::getText).toList();
        assertThat(names).containsExactly("daily_report", "lake.report", "export", "lake.export");
        assertThat(browser.findElement(By.cssSelector(".row-count")).getText()).isEqualTo("4 rows");
        wait.until(d -> d.findElement(By.id("query-history")).getText().contains("Library: find_downstream_of_dataset"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('cypher-results').scrollIntoView()");
        screenshot("cypher.png");
    }

    private static void clickAndLoad(WebDriverWait wait, WebElement target) {
        HeadlessChromium.clickAndLoad(browser, wait, target);
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}
