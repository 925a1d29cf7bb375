package io.nurture.engagement;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static io.nurture.testing.OrderRequests.withConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One-click unsubscribe (RFC 8058), read from the mails the SMTP server received: a marketing mail
 * carries the headers and a visible link, a transactional one does not; the mail provider's POST
 * (no key, no question) unsubscribes at once, also for the journey already running; the link's
 * preferences page lets the customer opt back in.
 */
@NurtureIntegrationTest
class OneClickUnsubscribeIntegrationTest {

    private static final String SKU = "TEA-SENCHA-100";
    private static final Pattern ONE_CLICK_LINK = Pattern.compile("<(https?://[^>]+/unsubscribe/([A-Za-z0-9_-]{32}))>");
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    GreenMail smtp;

    @Autowired
    NurtureClient api;

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Test
    void marketingMailCarriesOneClickUnsubscribeAndItsPostStopsTheRunningJourneysMarketing() {
        String email = newCustomerEmail();
        String customerId = lapsingCustomerWithConsent(email);

        Message reEngagement = mail(email, "We miss you");
        String listUnsubscribe = Mailbox.header(reEngagement, "List-Unsubscribe");
        Matcher link = ONE_CLICK_LINK.matcher(listUnsubscribe);
        assertThat(link.find()).as(listUnsubscribe).isTrue();
        assertThat(listUnsubscribe)
                .as("only what Nurture answers is advertised")
                .isEqualTo(link.group(0));
        assertThat(Mailbox.header(reEngagement, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(body(reEngagement)).contains(link.group(1));
        assertThat(Mailbox.header(mail(email, "Your order is confirmed"), "List-Unsubscribe"))
                .isNull();
        assertThat(Mailbox.header(reEngagement, "X-Nurture-Template")).isEqualTo("re-engagement");
        assertThat(Mailbox.header(mail(email, "Your order is confirmed"), "X-Nurture-Template"))
                .isEqualTo("order-confirmed");

        NurtureClient mailProvider = new NurtureClient(port, null);
        String path = "/unsubscribe/" + link.group(2);
        assertThat(mailProvider.post(path, "List-Unsubscribe=One-Click", FORM).status())
                .isEqualTo(200);
        assertThat(mailProvider.post(path, "List-Unsubscribe=One-Click", FORM).status())
                .as("again")
                .isEqualTo(200);

        NurtureClient.Answer customer = api.get("/api/customers/" + customerId);
        assertThat(customer.body().path("marketingConsent").asBoolean()).isFalse();
        assertThat(customer.text("marketingConsentChangedAt")).isNotBlank();
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseAfterReEngagementGateway");
        shop.advanceClock("P45D");
        await().atMost(Shop.PATIENCE).until(() -> shop.stepsOf(customerId).contains("WIN_BACK:SKIPPED:UNSUBSCRIBED"));
        assertThat(mailbox.subjectsFor(email)).doesNotContain("A gift to welcome you back");
    }

    @Test
    void theLinksPreferencesPageLetsTheCustomerOptBackIn() {
        String email = newCustomerEmail();
        String customerId = lapsingCustomerWithConsent(email);
        Matcher link = ONE_CLICK_LINK.matcher(Mailbox.header(mail(email, "We miss you"), "List-Unsubscribe"));
        assertThat(link.find()).isTrue();
        NurtureClient customerBrowser = new NurtureClient(port, null);
        customerBrowser.post("/unsubscribe/" + link.group(2), "", FORM);

        NurtureClient.Answer page = customerBrowser.get("/preferences/" + link.group(2));
        NurtureClient.Answer optedIn = customerBrowser.post("/preferences/" + link.group(2), "marketing=true", FORM);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(optedIn.status()).isEqualTo(200);
        assertThat(api.get("/api/customers/" + customerId)
                        .body()
                        .path("marketingConsent")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aLinkNobodyWasGivenUnsubscribesNobody() {
        NurtureClient.Answer answer = new NurtureClient(port, null).post("/unsubscribe/" + "A".repeat(32), "", FORM);

        assertThat(answer.status()).isEqualTo(404);
    }

    /** A delivered customer who consented, 45 days later: the re-engagement mail has gone out. */
    private String lapsingCustomerWithConsent(String email) {
        String customerId = shop.deliver(shop.place(withConsent(shop.order(email, SKU, 1, card("tok_visa")), true)));
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");
        shop.advanceClock("P45DT1H");
        await().atMost(Shop.PATIENCE).until(() -> mailbox.subjectsFor(email).contains("We miss you"));
        return customerId;
    }

    private Message mail(String address, String subject) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> Mailbox.isFor(message, address)
                        && Mailbox.subject(message).equals(subject))
                .findFirst()
                .orElseThrow();
    }

    private static String body(Message message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
