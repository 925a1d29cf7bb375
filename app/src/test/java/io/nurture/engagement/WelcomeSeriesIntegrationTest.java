package io.nurture.engagement;

import static io.nurture.testing.OrderRequests.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testing.EngineRecords;
import io.nurture.testing.EventFeed;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.OrderRequests;
import io.nurture.testing.Shop;
import io.nurture.testing.StockKept;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The welcome series with double opt-in, from the shop's sign-up event to the first order. */
@NurtureIntegrationTest
class WelcomeSeriesIntegrationTest {

    private static final String TEA = "TEA-SENCHA-100";
    private static final String BEST_SELLERS_DUE = "BestSellersDueEvent";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/consent/(\\S+)");

    private final HttpClient browser = HttpClient.newHttpClient();

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Autowired
    EngineRecords engine;

    @Autowired
    JdbcClient db;

    @Autowired
    Tables tables;

    @Autowired
    EventFeed feed;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    @RegisterExtension
    final StockKept tea = new StockKept(TEA, 20);

    @Test
    void aSignUpWithConsentIsAskedToConfirmAndHoldsNoConsentUntilItDoes() throws Exception {
        String email = OrderRequests.newCustomerEmail();

        String customerId = signedUp(email);

        String token = confirmationToken(email);
        assertThat(api.get("/api/customers/" + customerId)
                        .body()
                        .path("marketingConsent")
                        .asBoolean())
                .isFalse();
        assertThat(page("GET", token).statusCode()).isEqualTo(200);
        assertThat(page("GET", token).body()).contains("send me offers and news");
        assertThat(mailbox.subjectsFor(email)).containsExactly("Please confirm your sign-up");
    }

    @Test
    void aConfirmedSignUpIsWelcomedAndThreeDaysLaterShownTheBestSellers() throws Exception {
        String email = OrderRequests.newCustomerEmail();
        String customerId = signedUp(email);

        HttpResponse<String> confirmed = page("POST", confirmationToken(email));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/customers/" + customerId)
                        .body()
                        .path("marketingConsent")
                        .asBoolean())
                .isTrue();
        assertThat(db.sql("SELECT source FROM consent_requests WHERE customer_id = :id AND confirmed_at IS NOT NULL")
                        .param("id", customerId)
                        .query(String.class)
                        .list())
                .containsExactly("SIGN_UP");
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(mailbox.subjectsFor(email)).contains("Welcome!"));
        engine.awaitWaitingAt(customerId, BEST_SELLERS_DUE);
        shop.advanceClock("P3DT1M");
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(mailbox.subjectsFor(email))
                        .containsExactly("Please confirm your sign-up", "Welcome!", "What our customers like best"));
    }

    @Test
    void aFirstOrderEndsTheSeries() throws Exception {
        String email = OrderRequests.newCustomerEmail();
        String customerId = signedUp(email);
        page("POST", confirmationToken(email));
        engine.awaitWaitingAt(customerId, BEST_SELLERS_DUE);

        shop.place(shop.order(email, TEA, 1, card("tok_visa")));

        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(engine.processEnded(customerId, "welcome-series"))
                        .isTrue());
        assertThat(shop.stepsOf(customerId)).containsExactly("WELCOME:SENT");
    }

    @Test
    void aLinkNurtureNeverSentIsNotFound() throws Exception {
        assertThat(page("GET", "no-such-token").statusCode()).isEqualTo(404);
        assertThat(page("POST", "no-such-token").statusCode()).isEqualTo(404);
    }

    /** A sign-up with consent, by a person in a zone where it is midday now (quiet hours stay out of the way). */
    private String signedUp(String email) {
        assertThat(feed.post(feed.event("SIGNED_UP", Map.of("email", email, "marketingConsent", true), Map.of()))
                        .status())
                .isEqualTo(202);
        String customerId = tables.customerIdOf(email);
        api.put(
                "/api/customers/" + customerId + "/preferences",
                Map.of("marketingConsent", false, "timeZone", OrderRequests.middayZone(clock)));
        return customerId;
    }

    private String confirmationToken(String email) {
        return await().atMost(Shop.PATIENCE)
                .until(
                        () -> mailbox.bodiesFor(email).stream()
                                .map(LINK::matcher)
                                .filter(Matcher::find)
                                .map(found -> found.group(1))
                                .findFirst()
                                .orElse(null),
                        token -> token != null);
    }

    private HttpResponse<String> page(String method, String token) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/consent/" + token));
        request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.ofString("")) : request.GET();
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
