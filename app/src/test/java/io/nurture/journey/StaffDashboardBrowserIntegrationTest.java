package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.runtime.RuntimeDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The staff dashboard in a real browser (Debian's Chromium, headless, JavaScript on), as staff use
 * it: sign in with the staff key, choose a period, read the figures. A scripted retention journey
 * in March 2041 (a period no other test writes to) decides the funnel it must show. The screenshot
 * is kept as app/target/staff-dashboard.png.
 */
class StaffDashboardBrowserIntegrationTest extends JourneyTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_PATH", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOT = Path.of("target", "staff-dashboard.png");

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: no Chromium at " + CHROMIUM + " or ChromeDriver at " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
        browser.manage().window().setSize(new Dimension(1400, 2200));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void staffSignInChooseAPeriodAndReadTheJourneyFunnel() throws IOException {
        scriptedRetentionJourneyInMarch2041();

        browser.get("http://localhost:" + port + "/staff/index.html");
        browser.findElement(By.id("key")).sendKeys(RuntimeDefaults.DEV_STAFF_KEY);
        browser.findElement(By.cssSelector("#sign-in button[type='submit']")).click();
        choosePeriod("2041-03-01", "2041-04-01");

        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("status")).getText().equals("Showing 2041-03-01 to 2041-04-01"));
        assertThat(row("funnel-customer-retention", "RE_ENGAGEMENT")).containsExactly("RE_ENGAGEMENT", "3", "2", "0",
                "NO_MARKETING_CONSENT: 1", "0");
        assertThat(row("funnel-customer-retention", "WIN_BACK")).containsExactly("WIN_BACK", "1", "1", "0", "0", "0");
        assertThat(browser.findElements(By.cssSelector("svg[role='img']"))).hasSizeGreaterThan(8);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.id("sign-out")).click();
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(((JavascriptExecutor) browser).executeScript("return localStorage.getItem('nurture.staffKey')")).isNull();
    }

    /** The date pickers, filled as the browser's own picker would, then "Show". */
    private void choosePeriod(String from, String to) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
                from, to);
        browser.findElement(By.cssSelector("#period button[type='submit']")).click();
    }

    /** A table row's cells as the page shows them; tables sit in closed details, so their text is read from the DOM. */
    private List<String> row(String table, String step) {
        WebElement row = browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .filter(candidate -> candidate.findElement(By.tagName("th")).getAttribute("textContent").equals(step))
                .findFirst().orElseThrow();
        return row.findElements(By.cssSelector("th, td")).stream().map(cell -> cell.getAttribute("textContent")).toList();
    }

    private void scriptedRetentionJourneyInMarch2041() {
        String sent = customer();
        String alsoSent = customer();
        String withoutConsent = customer();
        step(sent, "RE_ENGAGEMENT", "SENT", null, "2041-03-05");
        step(alsoSent, "RE_ENGAGEMENT", "SENT", null, "2041-03-06");
        step(withoutConsent, "RE_ENGAGEMENT", "SKIPPED", "NO_MARKETING_CONSENT", "2041-03-07");
        step(sent, "WIN_BACK", "SENT", null, "2041-03-20");
    }

    private String customer() {
        String id = UUID.randomUUID().toString();
        db.sql("INSERT INTO customers (id, email, name, created_at) VALUES (?, ?, 'Dashboard Customer', '2041-01-01')")
                .params(id, "dashboard-" + id + "@example.com").update();
        return id;
    }

    private void step(String customerId, String step, String outcome, String reason, String day) {
        db.sql("INSERT INTO engagement_steps (customer_id, step, outcome, reason, at, step_key) VALUES (?, ?, ?, ?, ?, ?)")
                .params(customerId, step, outcome, reason, day + " 12:00:00", "dashboard-" + UUID.randomUUID()).update();
    }
}
