package no.govgraph.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromedriver}, nothing downloaded) for
 * the end-to-end journeys, with the waits and shadow-DOM helpers Vaadin pages need.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(String base, int width, int height) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("govgraph-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        resize(width, height);
    }

    /** Sets the page's viewport (not the window, whose frame headless Chromium counts in). */
    void resize(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
        awaitVaadin();
    }

    /** Waits until Flow has no request in flight and the page holds a view. */
    void awaitVaadin() {
        waitUntil(
                d -> (Boolean)
                        ((JavascriptExecutor) d)
                                .executeScript(
                                        """
                                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                                if (!clients) return false;
                                return Object.values(clients).every(c => !c.isActive || !c.isActive());
                                """),
                Duration.ofSeconds(60));
    }

    <T> T waitUntil(ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition);
    }

    WebElement await(By by) {
        return waitUntil(
                d -> {
                    List<WebElement> found = d.findElements(by);
                    return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
                },
                Duration.ofSeconds(60));
    }

    /** Scrolls {@code element} to the middle of the view first, so no fixed bar covers it, then clicks it. */
    void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The page's visible text (Vaadin components show their text in the light DOM). */
    String text() {
        return (String) js("return document.body.innerText;");
    }

    /** Whether any element anywhere (shadow roots included) matches {@code selector}. */
    boolean anywhere(String selector) {
        return (Boolean) js(
                """
                const sel = arguments[0];
                const search = (root) => {
                  if (root.querySelector(sel)) return true;
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot && search(el.shadowRoot)) return true;
                  }
                  return false;
                };
                return search(document);
                """,
                selector);
    }

    /** True when a JavaScript dialog (alert, confirm) is open. */
    boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    Path screenshot(String name) {
        try {
            // Not mid-request: Vaadin's loading bar would be in the picture.
            awaitVaadin();
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A left-over profile in /tmp is harmless.
        }
    }
}
