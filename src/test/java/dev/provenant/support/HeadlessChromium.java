package dev.provenant.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' browser: Debian's Chromium, headless, driven through Debian's chromedriver (`.ci/run`
 * installs both; nothing is downloaded). A test class without them is skipped, not failed.
 */
public final class HeadlessChromium {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A fresh headless browser, 1400 x 1000, English; skips the calling tests when Chromium is missing. */
    public static WebDriver start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=en");
        return new ChromeDriver(service, options);
    }

    /**
     * Saves what the browser shows to {@code target/screenshots/<name>} and, when {@code -Dui.screenshots=<dir>}
     * is given (how docs/img is refreshed), to that directory too.
     */
    public static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(shot, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        String docs = System.getProperty("ui.screenshots");
        if (docs != null && !docs.isBlank()) {
            Files.createDirectories(Path.of(docs));
            Files.copy(shot, Path.of(docs).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Clicks what loads a new page (a link, a form's button) and waits until that page has loaded. */
    public static void clickAndLoad(WebDriver browser, WebDriverWait wait, WebElement target) {
        WebElement page = browser.findElement(By.tagName("html"));
        target.click();
        wait.until(d -> isGone(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the element's document has been replaced. Mid-navigation Chromium sometimes answers with
     * "Node with given id does not belong to the document" instead of a stale-element error: the same fact.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }
}
