package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.customer.CustomerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages customers reach from their mails (survey, unsubscribe, preferences) in a real browser,
 * as a customer uses them: Debian's Chromium, headless, with JavaScript switched off. Needs {@code chromium} and {@code chromium-driver} (CI installs them);
 * without them the test is skipped and says so.
 */
class CustomerPagesBrowserIntegrationTest extends JourneyTest {

    private WebDriver browser;

    @Autowired
    CustomerService customers;

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
        String orderId = place(order(newCustomerEmail(), "CUP-CERAMIC-2", 1, card("tok_visa")));
        String customerId = deliver(orderId);
        String token = surveyAfterDelivery(customerId, orderId);

        browser.get("http://localhost:" + port + "/surveys/" + token);
        assertThat(browser.findElement(By.tagName("legend")).getText()).contains("How likely are you to recommend us");
        browser.findElement(By.cssSelector("input[name='score'][value='9']")).click();
        browser.findElement(By.id("comment")).sendKeys("Lovely cups, fast delivery");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        await().atMost(PATIENCE).until(() -> browser.getTitle().equals("Thank you"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Thank you for your feedback!");
        await().atMost(PATIENCE)
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
        awaitStage(customerId, "ADVOCATE");
    }

    @Test
    void customerOpensTheUnsubscribeLinkPressesItsOneButtonAndOptsBackInFromThePreferences() {
        String orderId = place(withConsent(order(newCustomerEmail(), "CUP-CERAMIC-2", 1, card("tok_visa")), true));
        String customerId = api.get("/api/orders/" + orderId).text("customerId");
        String token = customers.unsubscribeToken(customers.find(customerId).orElseThrow());

        browser.get("http://localhost:" + port + "/unsubscribe/" + token);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Unsubscribe from marketing e-mails");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        await().atMost(PATIENCE).until(() -> browser.getTitle().equals("You are unsubscribed"));
        assertThat(api.get("/api/customers/" + customerId)
                        .body()
                        .path("marketingConsent")
                        .asBoolean())
                .isFalse();
        browser.findElement(By.linkText("Changed your mind?")).click();
        await().atMost(PATIENCE).until(() -> browser.getTitle().equals("Your e-mail preferences"));
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        await().atMost(PATIENCE).until(() -> browser.getTitle().equals("Your e-mail preferences are saved"));
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
