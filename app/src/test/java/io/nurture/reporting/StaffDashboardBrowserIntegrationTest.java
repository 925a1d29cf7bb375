package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.runtime.RuntimeDefaults;
import io.nurture.testing.HeadlessChromium;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff dashboard in a real browser (Debian's Chromium, headless, JavaScript on), as staff use
 * it: sign in with the staff key, choose a period, read the figures. A scripted retention journey
 * in March 2041 (a period no other test writes to) decides the funnel it must show, and a browse
 * reminder sent in two variants the experiments table. The screenshot
 * is kept as app/target/staff-dashboard.png.
 */
@NurtureIntegrationTest
class StaffDashboardBrowserIntegrationTest {

    private static final Path SCREENSHOT = Path.of("target", "staff-dashboard.png");

    private WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Tables tables;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open(true);
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

        // Says what the page showed instead if it never gets there (failed once under load, cause not found yet).
        await().atMost(Shop.PATIENCE)
                .untilAsserted(
                        () -> assertThat(browser.findElement(By.id("status")).getText())
                                .isEqualTo("Showing 2041-03-01 to 2041-04-01"));
        // The tables may still be re-rendered after the status changed (a row read meanwhile went stale under load).
        await().atMost(Shop.PATIENCE)
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    assertThat(row("funnel-customer-retention", "RE_ENGAGEMENT"))
                            .containsExactly("RE_ENGAGEMENT", "3", "2", "0", "NO_MARKETING_CONSENT: 1", "0");
                    assertThat(row("funnel-customer-retention", "WIN_BACK"))
                            .containsExactly("WIN_BACK", "1", "1", "0", "0", "0");
                    assertThat(rowWith("experiments", "Picked for you"))
                            .startsWith(
                                    "browse-abandonment",
                                    "BROWSE_REMINDER since 2041-03-01",
                                    "Picked for you",
                                    "template-1",
                                    "2",
                                    "1",
                                    "50.0 %",
                                    "0")
                            .endsWith("collecting: no call before 1000 customers per variant");
                    assertThat(rowWith("experiments", "Still thinking (control)"))
                            .startsWith(
                                    "browse-abandonment",
                                    "BROWSE_REMINDER since 2041-03-01",
                                    "Still thinking (control)")
                            .contains("–");
                });
        assertThat(browser.findElements(By.cssSelector("svg[role='img']"))).hasSizeGreaterThan(8);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(
                ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.id("sign-out")).click();
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(((JavascriptExecutor) browser).executeScript("return localStorage.getItem('nurture.staffKey')"))
                .isNull();
    }

    /** The date pickers, filled as the browser's own picker would, then "Show". */
    private void choosePeriod(String from, String to) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(
                "document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
                from,
                to);
        browser.findElement(By.cssSelector("#period button[type='submit']")).click();
    }

    /** A table row's cells as the page shows them; tables sit in closed details, so their text is read from the DOM. */
    private List<String> row(String table, String step) {
        WebElement row = browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .filter(candidate -> candidate
                        .findElement(By.tagName("th"))
                        .getAttribute("textContent")
                        .equals(step))
                .findFirst()
                .orElseThrow();
        return row.findElements(By.cssSelector("th, td")).stream()
                .map(cell -> cell.getAttribute("textContent"))
                .toList();
    }

    /** The row of a table one of whose cells reads so. */
    private List<String> rowWith(String table, String cell) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                        .map(candidate -> candidate.getAttribute("textContent"))
                        .toList())
                .filter(cells -> cells.contains(cell))
                .findFirst()
                .orElseThrow();
    }

    private void scriptedRetentionJourneyInMarch2041() {
        String sent = tables.storedCustomer("dashboard", "2041-01-01");
        String alsoSent = tables.storedCustomer("dashboard", "2041-01-01");
        String withoutConsent = tables.storedCustomer("dashboard", "2041-01-01");
        tables.storedStep(sent, "RE_ENGAGEMENT", "SENT", null, "2041-03-05");
        tables.storedStep(alsoSent, "RE_ENGAGEMENT", "SENT", null, "2041-03-06");
        tables.storedStep(withoutConsent, "RE_ENGAGEMENT", "SKIPPED", "NO_MARKETING_CONSENT", "2041-03-07");
        tables.storedStep(sent, "WIN_BACK", "SENT", null, "2041-03-20");
        String experiment = tables.newExperiment();
        String browsed = tables.storedCustomer("dashboard", "2041-01-01");
        tables.storedVariant(experiment, browsed, "BROWSE_REMINDER", "Still thinking", 0, "2041-03-01");
        tables.storedStep(browsed, "BROWSE_REMINDER", "SENT", null, "2041-03-01");
        String bought = tables.storedCustomer("dashboard", "2041-01-01");
        String didNotBuy = tables.storedCustomer("dashboard", "2041-01-01");
        for (String customerId : List.of(bought, didNotBuy)) {
            tables.storedVariant(experiment, customerId, "BROWSE_REMINDER", "Picked for you", 1, "2041-03-01");
            tables.storedStep(customerId, "BROWSE_REMINDER", "SENT", null, "2041-03-01");
        }
        tables.storedOrder(bought, "DELIVERED", "2041-03-08", "0.00");
    }
}
