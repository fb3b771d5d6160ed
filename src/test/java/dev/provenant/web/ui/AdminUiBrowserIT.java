package dev.provenant.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.HeadlessChromium;
import dev.provenant.support.TestResources;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin in a real headless Chromium (Debian's chromium and chromedriver, as in LineageUiBrowserIT): signs
 * in, follows the Admin entry of the navigation, issues a token with the form, sees its secret once and then
 * the token listed, and opens a model's documentation from the model page. Skipped only where the browser or
 * its driver is not installed.
 */
@QuarkusTest
class AdminUiBrowserIT {

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
    void anAdminIssuesATokenAndReadsAModelsDocumentation() throws IOException {
        ComplianceStory story = new ComplianceStory("admin-browser").load();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(base + "admin/tokens");
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fadmin%2Ftokens");
        browser.findElement(By.id("token")).sendKeys(TestResources.ADMIN_TOKEN);
        clickAndLoad(wait, browser.findElement(By.cssSelector(".login-form button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tokens");
        clickAndLoad(wait, browser.findElement(By.linkText("Home")));
        clickAndLoad(wait, browser.findElement(By.id("nav-admin")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tokens");

        browser.findElement(By.id("token-name")).sendKeys("browser-airflow");
        new Select(browser.findElement(By.id("token-role"))).selectByValue("ingest");
        clickAndLoad(wait, browser.findElement(By.cssSelector("form[action='/admin/tokens'] button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Token issued");
        String secret = browser.findElement(By.id("issued-secret")).getAttribute("value");
        assertThat(secret).startsWith("pvn_");
        assertThat(browser.findElement(By.id("issued-role")).getText()).isEqualTo("ingest");

        screenshot("admin-token-issued.png");
        clickAndLoad(wait, browser.findElement(By.linkText("Back to the tokens")));
        WebElement row = browser.findElement(By.xpath("//table[@class='tokens']//tr[th[normalize-space()='browser-airflow']]"));
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText).startsWith("ingest", "active");
        assertThat(browser.getPageSource()).doesNotContain(secret);

        browser.get(base + "models?namespace=" + Links.enc(story.lake) + "&name=models.churn");
        clickAndLoad(wait, browser.findElement(By.linkText("Model documentation (printable)")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Model documentation: models.churn");
        assertThat(browser.findElement(By.cssSelector(".generated")).getText())
                .contains("by admin (provenant.auth.admin-token) (admin)");
        assertThat(browser.findElements(By.cssSelector(".report h2"))).extracting(WebElement::getText).containsExactly(
                "1. The model", "2. Training data and its lineage", "3. Personal data reaching the model",
                "4. Data sources and owners", "5. Transformations and code versions", "6. Parameters and metrics",
                "7. Training runs", "8. Who declared what");
        assertThat(browser.findElement(By.cssSelector(".evidence-path li")).getText())
                .contains("crm.customers.email", "raw.customers.email", "load_customers", "DIRECT/IDENTITY");
        assertThat(browser.findElement(By.id("audit-package-link")).getAttribute("href"))
                .contains("/api/v1/compliance/audit-package?namespace=");
        screenshot("model-documentation.png");

        // Printed on A4 (the print stylesheet): a PDF of a few pages, kept next to the screenshots.
        PrintOptions print = new PrintOptions();
        print.setPageSize(PageSize.ISO_A4);
        Pdf pdf = ((PrintsPage) browser).print(print);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve("model-documentation.pdf"), bytes);
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }

    private static void clickAndLoad(WebDriverWait wait, WebElement target) {
        HeadlessChromium.clickAndLoad(browser, wait, target);
    }
}
