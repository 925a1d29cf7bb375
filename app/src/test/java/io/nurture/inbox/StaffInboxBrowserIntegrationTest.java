package io.nurture.inbox;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.runtime.RuntimeDefaults;
import io.nurture.testing.HeadlessChromium;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.StockKept;
import io.nurture.testkit.NurtureClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff inbox in a real browser (Debian's Chromium, headless), as two colleagues at the shop
 * use it at once: one decides a review, the other, still looking at it, is told who decided; then a
 * refund owed is settled and an order found by its tracking number. The screenshot of the inbox
 * with these items is kept as app/target/staff-inbox.png (docs/staff-inbox.png is one).
 */
@NurtureIntegrationTest
class StaffInboxBrowserIntegrationTest {

    private static final Path SCREENSHOT = Path.of("target", "staff-inbox.png");
    private static final String COLLEAGUE_KEY = "colleague-key-for-tests-only";
    private static final String TEA = "TEA-SENCHA-100";

    private WebDriver me;
    private WebDriver colleague;

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    @Autowired
    NurtureClient api;

    @RegisterExtension
    final StockKept tea = new StockKept(TEA, 50);

    @AfterEach
    void closeBrowsers() {
        for (WebDriver browser : new WebDriver[] {me, colleague}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void staffDecideAReviewSettleARefundOwedAndFindAnOrderInTheBrowser() throws IOException {
        String review = orderInReview();
        String shipped = shippedInvoiceOrder();
        String refundId = refundOwedOn(shipped);
        me = signedIn(RuntimeDefaults.DEV_STAFF_KEY);
        colleague = signedIn(COLLEAGUE_KEY);

        String deadline = text(me, "tr[data-item='ORDER_REVIEW/" + review + "'] td:nth-child(4)");
        assertThat(deadline)
                .isEqualTo(
                        shown(inboxItem("ORDER_REVIEW", review).path("deadline").asText()));
        open(colleague, "ORDER_REVIEW", review);
        open(me, "ORDER_REVIEW", review);
        screenshot(me);

        me.findElement(By.id("note")).sendKeys("Called the customer");
        me.findElement(By.xpath("//form[@id='decision']/button[text()='Approve']"))
                .click();

        awaitText(me, "#status", "Review approved: the order goes on.");
        awaitGone(me, "ORDER_REVIEW/" + review);
        shop.awaitStatus(review, "SHIPPED");
        me.get(inbox() + "#order/" + review);
        awaitText(me, "#order-status", "SHIPPED");
        assertThat(text(me, "#timeline")).contains("Review approved: Called the customer dev-staff");

        colleague
                .findElement(By.xpath("//form[@id='decision']/button[text()='Approve']"))
                .click();

        awaitText(colleague, "#status", "Already decided by dev-staff at ");
        awaitGone(colleague, "ORDER_REVIEW/" + review);

        open(me, "REFUND_OWED", refundId);
        me.findElement(By.id("bank-reference")).sendKeys("TRANSFER-INBOX-1");
        me.findElement(By.xpath("//form[@id='decision']/button[text()='Settle']"))
                .click();

        awaitText(me, "#status", "Refund settled.");
        assertThat(api.get("/api/refunds/" + refundId).text("status")).isEqualTo("REFUNDED");

        String trackingNumber = api.get("/api/orders/" + shipped).text("trackingNumber");
        me.findElement(By.id("search")).sendKeys(trackingNumber);
        me.findElement(By.cssSelector("#find button")).click();
        await().atMost(Shop.PATIENCE)
                .ignoreExceptionsInstanceOf(WebDriverException.class)
                .untilAsserted(() -> assertThat(text(me, "#found-orders")).contains(shipped + " SHIPPED"));
        me.findElement(By.linkText(shipped)).click();
        await().atMost(Shop.PATIENCE)
                .ignoreExceptionsInstanceOf(WebDriverException.class)
                .untilAsserted(() -> assertThat(text(me, "#timeline"))
                        .contains("paid out by transfer (TRANSFER-INBOX-1) dev-staff"));
    }

    private WebDriver signedIn(String key) {
        WebDriver browser = HeadlessChromium.open(true);
        browser.manage().window().setSize(new Dimension(1400, 1600));
        browser.get(inbox());
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in button[type='submit']")).click();
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#items tbody tr")))
                        .isNotEmpty());
        return browser;
    }

    private String inbox() {
        return "http://localhost:" + port + "/staff/inbox.html";
    }

    /** Opens an item from the list, as a person clicks "Open" on its row, and waits for its decision form. */
    private void open(WebDriver browser, String kind, String subjectId) {
        await().atMost(Shop.PATIENCE)
                .ignoreExceptionsInstanceOf(WebDriverException.class)
                .untilAsserted(() -> {
                    browser.findElement(
                                    By.cssSelector("tr[data-item='" + kind + "/" + subjectId + "'] a[href^='#item']"))
                            .click();
                    assertThat(browser.findElements(By.cssSelector("#decision button")))
                            .isNotEmpty();
                });
    }

    private static void awaitText(WebDriver browser, String selector, String start) {
        await().atMost(Shop.PATIENCE)
                .ignoreExceptionsInstanceOf(WebDriverException.class)
                .untilAsserted(() -> assertThat(text(browser, selector)).startsWith(start));
    }

    private static void awaitGone(WebDriver browser, String item) {
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("tr[data-item='" + item + "']")))
                        .isEmpty());
    }

    /** The text of what the selector finds; when nothing, says what the page says instead. */
    private static String text(WebDriver browser, String selector) {
        List<WebElement> found = browser.findElements(By.cssSelector(selector));
        if (found.isEmpty()) {
            throw new AssertionError("No " + selector + " on the page; it says: "
                    + browser.findElement(By.tagName("main")).getText());
        }
        return found.get(0).getText();
    }

    /** How the page writes a time: to the minute, in UTC. */
    private static String shown(String instant) {
        return Instant.parse(instant).toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    private void screenshot(WebDriver browser) throws IOException {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(
                ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private String orderInReview() {
        String orderId = shop.place(shop.order(
                newCustomerEmail(), List.of(Map.of("sku", TEA, "quantity", 1)), card("tok_visa"), "AT", "10115"));
        shop.awaitStatus(orderId, "IN_REVIEW");
        return orderId;
    }

    private String shippedInvoiceOrder() {
        String orderId = shop.place(shop.order(newCustomerEmail(), TEA, 1, invoice()));
        String total = shop.awaitStatus(orderId, "AWAITING_PAYMENT").text("total");
        api.post("/api/orders/" + orderId + "/payments", Map.of("amount", total, "reference", "BANK-INBOX-" + orderId));
        shop.awaitStatus(orderId, "SHIPPED");
        return orderId;
    }

    private String refundOwedOn(String orderId) {
        String refundId = api.post(
                        "/api/orders/" + orderId + "/refunds",
                        Map.of("amount", "2.00", "reason", "Box dented"),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .text("refundId");
        await().atMost(Shop.PATIENCE)
                .until(() -> api.get("/api/refunds/" + refundId).text("status"), "OWED"::equals);
        return refundId;
    }

    private JsonNode inboxItem(String kind, String subjectId) {
        return StreamSupport.stream(api.get("/api/inbox?kind=" + kind).body().spliterator(), false)
                .filter(item -> item.path("subjectId").asText().equals(subjectId))
                .findFirst()
                .orElseThrow();
    }
}
