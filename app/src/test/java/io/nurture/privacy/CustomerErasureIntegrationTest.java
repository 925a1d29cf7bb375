package io.nurture.privacy;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.EventFeed;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.OrderRequests;
import io.nurture.testing.Shop;
import io.nurture.testing.StockKept;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasure and export of a customer's personal data (GDPR articles 15, 17, 20) through the staff
 * API: after an erasure no table holds the person's e-mail address or name, their running journeys
 * (retention, the delivered order's post-purchase, a cart's abandoned checkout) have ended, and
 * their order is still there for the books.
 */
@NurtureIntegrationTest
class CustomerErasureIntegrationTest {

    private static final String TEA = "TEA-SENCHA-100";
    private static final String ERASURE_END = "JourneyEndedByErasureEndEvent";
    private static final Instant RETENTION_CUTOFF = Instant.parse("2023-06-01T00:00:00Z");

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engine;

    @Autowired
    EventFeed feed;

    @Autowired
    Tables tables;

    @Autowired
    JdbcClient db;

    @Autowired
    Erasures erasures;

    @RegisterExtension
    final StockKept tea = new StockKept(TEA, 20);

    @Test
    void anErasedCustomerLeavesNoTraceOfTheirAddressOrNameAndTheirJourneysEnd() {
        Person person = new Person();
        String orderId = shop.place(person.order(card("tok_visa")));
        String customerId = shop.deliver(orderId);
        String cartId = person.leftACheckout(feed);
        engine.awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");
        engine.awaitWaitingAt(orderId, "FollowUpDueEvent");
        engine.awaitWaitingAt(cartId, "FirstReminderDueEvent");
        assertThat(tablesHolding(person)).isNotEmpty();

        NurtureClient.Answer erased = api.post("/api/customers/" + customerId + "/erasure", Map.of());

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.body().path("changed").path("orders.shipping_address").asInt())
                .isEqualTo(1);
        assertThat(tablesHolding(person)).isEmpty();
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(engine.processesThrough(customerId, ERASURE_END))
                        .containsExactlyInAnyOrder("customer-retention", "post-purchase", "abandoned-checkout"));
        JsonNode order = api.get("/api/orders/" + orderId).body();
        assertThat(order.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(order.path("total").decimalValue()).isPositive();
    }

    @Test
    void aMessageToAnErasedCustomerIsNotSentAgain() {
        Person person = new Person();
        String orderId = shop.place(person.order(card("tok_visa")));
        String customerId = shop.deliver(orderId);
        long confirmation = StreamSupport.stream(
                        api.get("/api/customers/" + customerId + "/messages")
                                .body()
                                .spliterator(),
                        false)
                .filter(message -> message.path("template").asText().equals("order-confirmed"))
                .map(message -> message.path("messageId").asLong())
                .findFirst()
                .orElseThrow();
        api.post("/api/customers/" + customerId + "/erasure", Map.of());
        long messagesBefore = messagesOf(customerId);

        NurtureClient.Answer resent = api.post(
                "/api/orders/" + orderId + "/messages/" + confirmation + "/resend",
                "",
                Map.of("Idempotency-Key", "after-erasure"));

        assertThat(resent.status()).as(resent.body().toString()).isEqualTo(409);
        assertThat(messagesOf(customerId)).isEqualTo(messagesBefore);
    }

    @Test
    void askingAgainAnswersTheFirstErasure() {
        Person person = new Person();
        String customerId = shop.deliver(shop.place(person.order(card("tok_visa"))));
        JsonNode first =
                api.post("/api/customers/" + customerId + "/erasure", Map.of()).body();

        JsonNode again =
                api.post("/api/customers/" + customerId + "/erasure", Map.of()).body();

        assertThat(again).isEqualTo(first);
        assertThat(db.sql("SELECT COUNT(*) FROM erasures WHERE customer_id = :id")
                        .param("id", customerId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCustomerWhoseOrderIsUnderWayIsNotErasedYetAndKeepsEverything() {
        Person person = new Person();
        String orderId = shop.place(person.order(invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");
        String customerId = tables.customerIdOf(person.email);

        NurtureClient.Answer refused = api.post("/api/customers/" + customerId + "/erasure", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asText()).contains(orderId, "AWAITING_PAYMENT");
        assertThat(tablesHolding(person)).contains("customers.email", "customers.name");
    }

    @Test
    void theExportHoldsWhatNurtureKnowsOfThePersonInOneAnswer() {
        Person person = new Person();
        String orderId = shop.place(person.order(card("tok_visa")));
        String customerId = shop.deliver(orderId);

        JsonNode export = api.get("/api/customers/" + customerId + "/export").body();

        assertThat(export.path("customer").path("email").asText()).isEqualTo(person.email);
        assertThat(export.path("customer").path("name").asText()).isEqualTo(person.name);
        assertThat(export.path("orders").get(0).path("orderId").asText()).isEqualTo(orderId);
        assertThat(export.path("orders")
                        .get(0)
                        .path("shippingAddress")
                        .path("line1")
                        .asText())
                .isEqualTo(person.street);
        assertThat(export.path("messages").findValuesAsText("body"))
                .anySatisfy(body -> assertThat(body).contains(person.name));
        assertThat(export.path("erasure").isNull()).isTrue();
    }

    @Test
    void aLaterOrderWithTheSameAddressMakesANewCustomer() {
        Person person = new Person();
        String customerId = shop.deliver(shop.place(person.order(card("tok_visa"))));
        api.post("/api/customers/" + customerId + "/erasure", Map.of());

        String again = shop.place(person.order(card("tok_visa")));

        assertThat(api.get("/api/orders/" + again).text("customerId")).isNotEqualTo(customerId);
        assertThat(api.get("/api/customers/" + customerId + "/export")
                        .body()
                        .path("customer")
                        .path("email")
                        .asText())
                .doesNotContain(person.email);
    }

    @Test
    void consentGivenAfterTheRetentionScheduleLookedKeepsTheCustomer() {
        String customerId = customerInactiveSince2021();
        api.put("/api/customers/" + customerId + "/preferences", Map.of("marketingConsent", true));

        Optional<Erasure> erased = erasures.eraseInactiveSince(customerId, RETENTION_CUTOFF);

        assertThat(erased).isEmpty();
        assertThat(emailOf(customerId)).doesNotStartWith("erased-");
    }

    @Test
    void consentConfirmedAgainSinceTheCutoffKeepsTheCustomerAndIsOnRecord() {
        String customerId = subscriberInactiveSince2021();
        Map<String, Object> confirmedThere = Map.of(
                "email", emailOf(customerId),
                "name", "Lapsed",
                "marketingConsent", true,
                "consentedAt", "2024-02-01T10:00:00Z",
                "wording", "Yes, send me offers and news");
        NurtureClient.Answer imported =
                api.post("/api/customers/imports", Map.of("customers", List.of(confirmedThere)));
        assertThat(imported.body().path("consentTaken").asInt())
                .as(imported.body().toString())
                .isEqualTo(1);

        Optional<Erasure> erased = erasures.eraseInactiveSince(customerId, RETENTION_CUTOFF);

        assertThat(erased).isEmpty();
        assertThat(api.get("/api/customers/" + customerId + "/consents")
                        .body()
                        .path("changes")
                        .findValuesAsText("source"))
                .containsExactly("IMPORT");
    }

    @Test
    void aSubscriberSavingTheirChoiceOnAFormAgainIsNotKeptByIt() {
        String customerId = subscriberInactiveSince2021();
        api.put("/api/customers/" + customerId + "/preferences", Map.of("marketingConsent", true));

        Optional<Erasure> erased = erasures.eraseInactiveSince(customerId, RETENTION_CUTOFF);

        assertThat(erased).map(Erasure::erasedBy).contains("retention");
    }

    @Test
    void theRetentionScheduleErasesACustomerWithNeitherOrderNorConsentSinceTheCutoff() {
        String customerId = customerInactiveSince2021();

        Optional<Erasure> erased = erasures.eraseInactiveSince(customerId, RETENTION_CUTOFF);

        assertThat(erased).map(Erasure::erasedBy).contains("retention");
        assertThat(emailOf(customerId)).startsWith("erased-");
    }

    @Test
    void aCustomerStaffErasedAfterTheRetentionScheduleLookedIsNotCountedAsItsErasure() {
        String customerId = customerInactiveSince2021();
        api.post("/api/customers/" + customerId + "/erasure", Map.of());

        Optional<Erasure> erased = erasures.eraseInactiveSince(customerId, RETENTION_CUTOFF);

        assertThat(erased).isEmpty();
    }

    /** Registered in 2020, one order delivered in 2021, no consent to marketing. */
    private String customerInactiveSince2021() {
        String customerId = tables.storedCustomer("Lapsed " + UUID.randomUUID(), "2020-01-01 00:00:00");
        tables.storedOrder(customerId, "DELIVERED", "2021-01-10", "0.00");
        return customerId;
    }

    /** As {@link #customerInactiveSince2021}, with consent to marketing given in 2021 and an address an import accepts. */
    private String subscriberInactiveSince2021() {
        String customerId = tables.storedCustomer(
                "Subscriber" + UUID.randomUUID().toString().substring(0, 8), "2020-01-01 00:00:00");
        tables.storedOrder(customerId, "DELIVERED", "2021-01-10", "0.00");
        db.sql("UPDATE customers SET marketing_consent = TRUE, marketing_consent_changed_at = '2021-01-10 00:00:00'"
                        + " WHERE id = :id")
                .param("id", customerId)
                .update();
        return customerId;
    }

    private String emailOf(String customerId) {
        return db.sql("SELECT email FROM customers WHERE id = :id")
                .param("id", customerId)
                .query(String.class)
                .single();
    }

    /** Every text column of every table, as {@code table.column}, holding the person's address or name. */
    private long messagesOf(String customerId) {
        return db.sql("SELECT COUNT(*) FROM notifications WHERE customer_id = :id")
                .param("id", customerId)
                .query(Long.class)
                .single();
    }

    private List<String> tablesHolding(Person person) {
        List<String> found = new ArrayList<>();
        db.sql("""
                        SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS
                        WHERE TABLE_SCHEMA = DATABASE()
                          AND DATA_TYPE IN ('char', 'varchar', 'text', 'tinytext', 'mediumtext', 'longtext', 'json')
                        """)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(column -> {
                    long rows = db.sql("SELECT COUNT(*) FROM `" + column.get(0) + "` WHERE `" + column.get(1)
                                    + "` LIKE :email OR `" + column.get(1) + "` LIKE :name OR `" + column.get(1)
                                    + "` LIKE :street")
                            .param("email", "%" + person.email + "%")
                            .param("name", "%" + person.name + "%")
                            .param("street", "%" + person.street + "%")
                            .query(Long.class)
                            .single();
                    if (rows > 0) {
                        found.add(column.get(0) + "." + column.get(1));
                    }
                });
        return found;
    }

    /** A person no other test knows: their address, name and street appear nowhere else. */
    private final class Person {

        final String email = OrderRequests.newCustomerEmail();
        final String name = "Ada Erasable " + UUID.randomUUID().toString().substring(0, 8);
        final String street = UUID.randomUUID().toString().substring(0, 8) + " Privacy Lane";

        Map<String, Object> order(Map<String, Object> payment) {
            Map<String, Object> order = OrderRequests.with(
                    shop.order(email, TEA, 1, payment),
                    "customer",
                    Map.of("email", email, "name", name, "marketingConsent", true));
            return OrderRequests.with(
                    order,
                    "shippingAddress",
                    Map.of("line1", street, "city", "Berlin", "postalCode", "10115", "country", "DE"));
        }

        /** The person starts a checkout with a cart and leaves it; its id. */
        String leftACheckout(EventFeed feed) {
            String cartId = "cart-" + UUID.randomUUID();
            assertThat(feed.post(feed.event(
                                    "CHECKOUT_STARTED",
                                    Map.of("email", email),
                                    Map.of(
                                            "cart",
                                            Map.of(
                                                    "cartId",
                                                    cartId,
                                                    "lines",
                                                    List.of(Map.of("sku", TEA, "quantity", 1))))))
                            .status())
                    .isEqualTo(202);
            return cartId;
        }
    }
}
