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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The abandoned-checkout journey end to end: the shop's events start it, the engine's timers
 * bring the reminders, and an order, an emptied cart or an unsubscribe ends it.
 */
@NurtureIntegrationTest
class AbandonedCheckoutIntegrationTest {

    private static final String TEA = "TEA-SENCHA-100";
    private static final String FIRST_REMINDER_DUE = "FirstReminderDueEvent";
    private static final String SECOND_REMINDER_DUE = "SecondReminderDueEvent";
    private static final String LAST_REMINDER_DUE = "LastReminderDueEvent";

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

    @RegisterExtension
    final StockKept tea = new StockKept(TEA, 20);

    @Test
    void aCheckoutLeftWithoutAnOrderBringsThreeRemindersTheLastWithACouponForANewCustomer() {
        String email = OrderRequests.newCustomerEmail();
        String customerId = prospectWithConsent(email);
        String cart = id("cart");

        checkoutStarted(Map.of("email", email), cart, 4);
        remindedAfter(cart, FIRST_REMINDER_DUE, "PT1H");
        remindedAfter(cart, SECOND_REMINDER_DUE, "PT23H");
        remindedAfter(cart, LAST_REMINDER_DUE, "PT48H");

        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(mailbox.subjectsFor(email))
                        .containsExactly(
                                "You left something in your cart",
                                "Still thinking it over?",
                                "Your cart, one last time"));
        assertThat(mailbox.bodiesFor(email).get(2)).contains("4 × ").contains("for your first order");
        assertThat(api.get("/api/customers/" + customerId + "/coupons").body().findValuesAsText("kind"))
                .containsExactly("CART_RECOVERY");
    }

    @Test
    void anOrderAfterTheFirstReminderEndsTheJourneyAsARecovery() {
        String email = OrderRequests.newCustomerEmail();
        String customerId = prospectWithConsent(email);
        String cart = id("cart");
        checkoutStarted(Map.of("email", email), cart, 1);
        remindedAfter(cart, FIRST_REMINDER_DUE, "PT1H");
        engine.awaitWaitingAt(cart, SECOND_REMINDER_DUE);

        shop.place(shop.order(email, TEA, 1, card("tok_visa")));

        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(journeyEnded(cart)).isTrue());
        assertThat(shop.stepsOf(customerId)).containsExactly("CART_REMINDER_1:SENT", "CHECKOUT_RECOVERED:DONE");
        assertThat(cartStatus(cart)).isEqualTo("ORDERED");
        assertThat(mailbox.subjectsFor(email)).doesNotContain("Still thinking it over?");
    }

    @Test
    void anEmptiedCartBringsNoReminder() {
        String email = OrderRequests.newCustomerEmail();
        prospectWithConsent(email);
        String cart = id("cart");
        checkoutStarted(Map.of("email", email), cart, 1);
        engine.awaitWaitingAt(cart, FIRST_REMINDER_DUE);

        post(event("CART_UPDATED", Map.of("email", email), cart, 0));

        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(journeyEnded(cart)).isTrue());
        assertThat(mailbox.subjectsFor(email)).doesNotContain("You left something in your cart");
    }

    @Test
    void anUnsubscribeEndsTheJourneyAtOnce() {
        String email = OrderRequests.newCustomerEmail();
        String customerId = prospectWithConsent(email);
        String cart = id("cart");
        checkoutStarted(Map.of("email", email), cart, 1);
        engine.awaitWaitingAt(cart, FIRST_REMINDER_DUE);

        api.put("/api/customers/" + customerId + "/preferences", Map.of("marketingConsent", false));

        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(journeyEnded(cart)).isTrue());
    }

    @Test
    void aCheckoutByAnAnonymousVisitorStartsItsJourneyOnceTheShopKnowsWhoItIs() {
        String visitor = id("anon");
        String cart = id("cart");
        checkoutStarted(Map.of("anonymousId", visitor), cart, 1);
        assertThat(journeyStarted(cart)).isFalse();

        post(event("SIGNED_UP", Map.of("email", OrderRequests.newCustomerEmail(), "anonymousId", visitor), null, 0));

        engine.awaitWaitingAt(cart, FIRST_REMINDER_DUE);
        assertThat(journeyStarted(cart)).isTrue();
    }

    private void remindedAfter(String cart, String timer, String wait) {
        engine.awaitWaitingAt(cart, timer);
        shop.advanceClock(wait);
    }

    private String prospectWithConsent(String email) {
        return feed.prospectWithConsent(email);
    }

    private void checkoutStarted(Map<String, Object> person, String cart, int quantity) {
        assertThat(post(event("CHECKOUT_STARTED", person, cart, quantity)).status())
                .isEqualTo(202);
    }

    private NurtureClient.Answer post(Map<String, Object> event) {
        return feed.post(event);
    }

    /** An event about the person with the cart, holding the tea in the quantity (none for 0). */
    private Map<String, Object> event(String type, Map<String, Object> person, String cart, int quantity) {
        return feed.event(
                type,
                person,
                cart == null
                        ? Map.of()
                        : Map.of(
                                "cart",
                                Map.of(
                                        "cartId",
                                        cart,
                                        "lines",
                                        quantity == 0
                                                ? List.of()
                                                : List.of(Map.of("sku", TEA, "quantity", quantity)))));
    }

    private boolean journeyStarted(String cart) {
        return db.sql("SELECT journey_started_at IS NOT NULL FROM carts WHERE id = :id")
                .param("id", cart)
                .query(Boolean.class)
                .single();
    }

    private boolean journeyEnded(String cart) {
        return engine.processEnded(cart, "abandoned-checkout");
    }

    private String cartStatus(String cart) {
        return db.sql("SELECT status FROM carts WHERE id = :id")
                .param("id", cart)
                .query(String.class)
                .single();
    }

    private static String id(String kind) {
        return kind + "-" + UUID.randomUUID();
    }
}
