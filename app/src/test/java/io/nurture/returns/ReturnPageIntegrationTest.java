package io.nurture.returns;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testing.HeadlessChromium;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page customers start a return on, from the link in their delivery mail: in a real browser
 * without JavaScript (Debian's Chromium, headless; skipped and saying so without it), and sent twice
 * as a double click or a reload would.
 */
@NurtureIntegrationTest
class ReturnPageIntegrationTest {

    private static final String CADDY = "CAD-BAMBOO";

    private static final Pattern RETURN_LINK =
            Pattern.compile("http://localhost:\\d+(/returns/start/[A-Za-z0-9_-]{43})");

    @Autowired
    Shop shop;

    @Autowired
    NurtureClient api;

    @Autowired
    Mailbox mailbox;

    @LocalServerPort
    int port;

    private int caddiesFound;

    /** Other tests in this context may sell caddies out; these put back what they found. */
    @BeforeEach
    void stockUp() {
        caddiesFound = shop.available(CADDY);
        shop.setStock(CADDY, 100);
    }

    @AfterEach
    void putBackTheStockFound() {
        shop.setStock(CADDY, caddiesFound);
    }

    @Test
    void customerFollowsTheLinkInTheDeliveryMailAndSendsADamagedItemBack() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, CADDY, 2, card("tok_visa")));
        shop.deliver(orderId);
        String link = returnLinkMailedTo(email);
        WebDriver browser = HeadlessChromium.open(false);
        try {
            browser.get("http://localhost:" + port + link);
            assertThat(browser.findElement(By.tagName("legend")).getText()).isEqualTo("Bamboo tea caddy");
            browser.findElement(By.cssSelector("#quantity-0 option[value='1']")).click();
            browser.findElement(By.xpath("//select[@id='reason-0']/option[text()='It arrived damaged']"))
                    .click();
            browser.findElement(By.id("comment-0")).sendKeys("Lid cracked");
            browser.findElement(By.cssSelector("button[type='submit']")).click();

            // The click starts the navigation; the next page is there once its title is.
            await().atMost(Shop.PATIENCE).until(() -> browser.getTitle().equals("We have your return request"));
        } finally {
            browser.quit();
        }

        String returnId = api.get("/api/orders/" + orderId)
                .body()
                .path("returns")
                .get(0)
                .path("returnId")
                .asText();
        NurtureClient.Answer asked = api.get("/api/returns/" + returnId);
        assertThat(asked.body().path("lines").get(0).path("comment").asText()).isEqualTo("Lid cracked");
        assertThat(asked.body().path("lines").get(0).path("reason").asText()).isEqualTo("DAMAGED");
    }

    @Test
    void theSameFormSentTwiceAsksForOneReturn() throws Exception {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, CADDY, 1, card("tok_visa")));
        shop.deliver(orderId);
        String link = returnLinkMailedTo(email);
        String form = "requestId=form-1&sku=" + CADDY + "&quantity=1&reason=CHANGED_MIND&comment=";

        HttpResponse<String> first = post(link, form);
        HttpResponse<String> again = post(link, form);
        HttpResponse<String> nothing =
                post(link, "requestId=form-2&sku=" + CADDY + "&quantity=0&reason=OTHER&comment=");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Please choose at least one item");
        assertThat(api.get("/api/orders/" + orderId).body().path("returns")).hasSize(1);
        assertThat(get(link).body()).contains("Nothing left to return");
    }

    @Test
    void aReplacementsReturnPageOffersTheItemsAgainNotMoneyBack() throws Exception {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, CADDY, 1, card("tok_visa")));
        shop.deliver(orderId);
        String replacementId = replaced(orderId);
        shop.deliver(replacementId);
        String link = returnLinkMailedTo(email, replacementId);

        HttpResponse<String> page = get(link);
        HttpResponse<String> sent = post(link, "requestId=form-1&sku=" + CADDY + "&quantity=1&reason=DAMAGED&comment=");

        assertThat(page.body()).contains("value=\"REPLACEMENT\" checked").doesNotContain("value=\"REFUND\"");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        List<String> asked =
                api.get("/api/orders/" + replacementId).body().path("returns").findValuesAsText("returnId");
        assertThat(asked).hasSize(1);
        assertThat(api.get("/api/returns/" + asked.get(0)).text("remedy")).isEqualTo("REPLACEMENT");
    }

    @Test
    void aLinkNoMailCarriedIsNotValid() throws Exception {
        HttpResponse<String> page = get("/returns/start/" + "x".repeat(43));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("This return link is not valid.");
    }

    /** The replacement order a damaged item of the order brought. */
    private String replaced(String orderId) {
        String returnId = api.post(
                        "/api/orders/" + orderId + "/returns",
                        Map.of(
                                "lines",
                                List.of(Map.of("sku", CADDY, "quantity", 1, "reason", "DAMAGED")),
                                "remedy",
                                "REPLACEMENT"))
                .text("returnId");
        return await().atMost(Shop.PATIENCE)
                .until(
                        () -> api.get("/api/returns/" + returnId).body(),
                        ret -> "REPLACED".equals(ret.path("status").asText()))
                .path("replacementOrderId")
                .asText();
    }

    private String returnLinkMailedTo(String email) {
        return returnLinkMailedTo(email, "");
    }

    private String returnLinkMailedTo(String email, String orderId) {
        return mailbox.bodiesFor(email).stream()
                .filter(body -> body.contains(orderId))
                .map(RETURN_LINK::matcher)
                .filter(Matcher::find)
                .map(found -> found.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No return link mailed to " + email));
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
