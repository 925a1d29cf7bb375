package io.nurture.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.processes.BrowseAbandonment;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.EventFeed;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.OrderRequests;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Browse abandonment end to end: the shop's page views start it once a known customer looked at one
 * product three times within a day without a cart; two hours later, still without one, a marketing
 * mail names the product and recommends others. A cart filled meanwhile ends it without a mail.
 */
@NurtureIntegrationTest
class BrowseAbandonmentIntegrationTest {

    private static final String TEA = "TEA-SENCHA-100";
    private static final String CUPS = "CUP-CERAMIC-2";
    private static final String CUPS_NAME = "Ceramic cups, set of 2";
    private static final String AWAITING_A_CART = "AwaitCartGateway";

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Autowired
    EngineRecords engine;

    @Autowired
    Tables tables;

    @Autowired
    EventFeed feed;

    @Test
    void threeViewsOfAProductWithoutACartBringOneMailAboutItTwoHoursLater() {
        String email = OrderRequests.newCustomerEmail();
        String customerId = prospectWithConsent(email);

        viewed(email, CUPS, 3);
        engine.awaitWaitingAt(customerId, AWAITING_A_CART);
        shop.advanceClock("PT2H");

        await().atMost(Shop.PATIENCE).until(() -> !mailbox.subjectsFor(email).isEmpty());
        assertThat(mailbox.subjectsFor(email)).containsExactly(reminderAbout(customerId, CUPS_NAME));
        assertThat(mailbox.bodiesFor(email).get(0)).contains(CUPS_NAME).containsPattern("\\n- \\S");
        assertThat(shop.stepsOf(customerId)).containsExactly("BROWSE_REMINDER:SENT");
    }

    @Test
    void twoViewsStartNothingSoTheJourneyIsAboutTheProductViewedThreeTimes() {
        String email = OrderRequests.newCustomerEmail();
        String customerId = prospectWithConsent(email);

        viewed(email, TEA, 2);
        viewed(email, CUPS, 3);
        engine.awaitWaitingAt(customerId, AWAITING_A_CART);
        shop.advanceClock("PT2H");

        await().atMost(Shop.PATIENCE).until(() -> !mailbox.subjectsFor(email).isEmpty());
        assertThat(mailbox.subjectsFor(email)).containsExactly(reminderAbout(customerId, CUPS_NAME));
    }

    /**
     * The reminder is an A/B test (browse-abandonment.bpmn): each customer gets the variant their place
     * falls on, recorded (how the places spread over the shares: MessageVariantsTest).
     */
    @Test
    void eachCustomerGetsTheMailOfTheVariantTheyWereGiven() {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = OrderRequests.newCustomerEmail();
            String customerId = prospectWithConsent(email);
            viewed(email, CUPS, 3);
            customers.add(customerId);
        }
        customers.forEach(customerId -> engine.awaitWaitingAt(customerId, AWAITING_A_CART));
        shop.advanceClock("PT2H");

        await().atMost(Shop.PATIENCE)
                .until(() -> customers.stream()
                        .noneMatch(
                                customerId -> shop.templatesSentTo(customerId).isEmpty()));
        assertThat(customers)
                .allSatisfy(customerId -> assertThat(shop.templatesSentTo(customerId))
                        .containsExactly(tables.variantTemplateOf(customerId, "BROWSE_REMINDER")));
        assertThat(customers)
                .extracting(customerId -> tables.variantTemplateOf(customerId, "BROWSE_REMINDER"))
                .isSubsetOf("browse-reminder", "browse-reminder-picks");
    }

    @Test
    void aCartFilledWhileTheJourneyWaitsEndsItWithoutAMail() {
        String email = OrderRequests.newCustomerEmail();
        String customerId = prospectWithConsent(email);
        viewed(email, CUPS, 3);
        engine.awaitWaitingAt(customerId, AWAITING_A_CART);

        feed.post(feed.event(
                "CART_UPDATED",
                Map.of("email", email),
                Map.of(
                        "cart",
                        Map.of(
                                "cartId",
                                "cart-" + UUID.randomUUID(),
                                "lines",
                                List.of(Map.of("sku", CUPS, "quantity", 1))))));

        await().atMost(Shop.PATIENCE).until(() -> engine.processEnded(customerId, BrowseAbandonment.PROCESS_ID));
        shop.advanceClock("PT2H");

        assertThat(mailbox.subjectsFor(email)).isEmpty();
        assertThat(shop.stepsOf(customerId)).isEmpty();
    }

    /** The subject of the variant of the reminder the customer was given. */
    private String reminderAbout(String customerId, String productName) {
        return switch (tables.variantTemplateOf(customerId, "BROWSE_REMINDER")) {
            case "browse-reminder" -> "Still thinking about " + productName + "?";
            case "browse-reminder-picks" -> "Picked for you, with " + productName;
            default -> throw new AssertionError("a variant the model does not list");
        };
    }

    private String prospectWithConsent(String email) {
        return feed.prospectWithConsent(email);
    }

    private void viewed(String email, String sku, int times) {
        for (int view = 0; view < times; view++) {
            assertThat(feed.post(feed.event("PRODUCT_VIEWED", Map.of("email", email), Map.of("sku", sku)))
                            .status())
                    .isEqualTo(202);
        }
    }
}
