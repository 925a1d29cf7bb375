package io.nurture.survey;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static io.nurture.testing.OrderRequests.withConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.customer.CustomerService;
import io.nurture.testing.HeadlessChromium;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages customers reach from their mails (survey, unsubscribe, preferences) in a real browser,
 * as a customer uses them: Debian's Chromium, headless, with JavaScript switched off. Needs {@code chromium} and {@code chromium-driver} (CI installs them);
 * without them the test is skipped and says so.
 */
@NurtureIntegrationTest
class CustomerPagesBrowserIntegrationTest {

    private WebDriver browser;

    @Autowired
    CustomerService customers;

    @Autowired
    NurtureClient api;

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open(false);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void customerOpensTheSurveyLinkChoosesAScoreAndSeesTheThankYou() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "CUP-CERAMIC-2", 1, card("tok_visa")));
        String customerId = shop.deliver(orderId);
        String token = shop.surveyAfterDelivery(customerId, orderId);

        browser.get("http://localhost:" + port + "/surveys/" + token);
        assertThat(browser.findElement(By.tagName("legend")).getText()).contains("How likely are you to recommend us");
        browser.findElement(By.cssSelector("input[name='score'][value='9']")).click();
        browser.findElement(By.id("comment")).sendKeys("Lovely cups, fast delivery");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        await().atMost(Shop.PATIENCE).until(() -> browser.getTitle().equals("Thank you"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Thank you for your feedback!");
        await().atMost(Shop.PATIENCE)
                .until(() -> api.get("/api/customers/" + customerId + "/surveys")
                        .body()
                        .get(0)
                        .path("status")
                        .asText()
                        .equals("ANSWERED"));
        assertThat(api.get("/api/customers/" + customerId + "/surveys")
                        .body()
                        .get(0)
                        .path("score")
                        .asInt())
                .isEqualTo(9);
        shop.awaitStage(customerId, "ADVOCATE");
    }

    @Test
    void customerOpensTheUnsubscribeLinkPressesItsOneButtonAndOptsBackInFromThePreferences() {
        String orderId =
                shop.place(withConsent(shop.order(newCustomerEmail(), "CUP-CERAMIC-2", 1, card("tok_visa")), true));
        String customerId = api.get("/api/orders/" + orderId).text("customerId");
        String token = customers.unsubscribeToken(customers.find(customerId).orElseThrow());

        browser.get("http://localhost:" + port + "/unsubscribe/" + token);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Unsubscribe from marketing e-mails");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        await().atMost(Shop.PATIENCE).until(() -> browser.getTitle().equals("You are unsubscribed"));
        assertThat(api.get("/api/customers/" + customerId)
                        .body()
                        .path("marketingConsent")
                        .asBoolean())
                .isFalse();
        browser.findElement(By.linkText("Changed your mind?")).click();
        await().atMost(Shop.PATIENCE).until(() -> browser.getTitle().equals("Your e-mail preferences"));
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        await().atMost(Shop.PATIENCE).until(() -> browser.getTitle().equals("Your e-mail preferences are saved"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("You get our offers and news by e-mail.");
        assertThat(api.get("/api/customers/" + customerId)
                        .body()
                        .path("marketingConsent")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void unknownSurveyLinkSaysSo() {
        browser.get("http://localhost:" + port + "/surveys/no-such-token");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Survey not found");
    }
}
