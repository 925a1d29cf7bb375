package io.nurture.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.customer.ConsentRequests;
import io.nurture.customer.CustomerService;
import io.nurture.testing.EventFeed;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.OrderRequests;
import io.nurture.testkit.NurtureClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact policy allows a marketing mail some time before it goes: an unsubscribe or an erasure
 * that commits in between still holds, whether the mail is about to be written or already waits in
 * the outbox. And an erased person's sign-up link no longer gives consent.
 */
@NurtureIntegrationTest
class ConsentWithdrawnBeforeSendingIntegrationTest {

    private static final String TEMPLATE = "re-engagement";
    private static final Map<String, Object> DETAILS = Map.of("recommendations", List.of());

    @Autowired
    NotificationService notifications;

    @Autowired
    CustomerService customers;

    @Autowired
    ConsentRequests consentRequests;

    @Autowired
    EventFeed feed;

    @Autowired
    Mailbox mailbox;

    @Autowired
    NurtureClient api;

    @Autowired
    JdbcClient db;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Test
    void aMarketingMailWaitingInTheOutboxIsNotSentOnceTheCustomerUnsubscribed() {
        String email = OrderRequests.newCustomerEmail();
        String customerId = feed.prospectWithConsent(email);
        String key = "test:" + UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            notifications.messageCustomer(customerId, null, TEMPLATE, Category.MARKETING, key, DETAILS);
            customers.lock(customerId).orElseThrow().unsubscribe(clock.instant());
        });

        await().until(() -> "SUPPRESSED".equals(deliveryOf(customerId, key)));
        assertThat(mailbox.templatesFor(email)).doesNotContain(TEMPLATE);
    }

    @Test
    void noMarketingMailIsWrittenForACustomerWhoUnsubscribedAfterThePolicyAllowedIt() {
        String customerId = feed.prospectWithConsent(OrderRequests.newCustomerEmail());
        String key = "test:" + UUID.randomUUID();
        transaction.executeWithoutResult(
                status -> customers.lock(customerId).orElseThrow().unsubscribe(clock.instant()));

        notifications.messageCustomer(customerId, null, TEMPLATE, Category.MARKETING, key, DETAILS);

        assertThat(deliveryOf(customerId, key)).isNull();
    }

    @Test
    void anErasedCustomerIsWrittenNoMessageAndGivenNoNewLink() {
        String customerId = feed.prospectWithConsent(OrderRequests.newCustomerEmail());
        assertThat(api.post("/api/customers/" + customerId + "/erasure", Map.of())
                        .status())
                .isEqualTo(200);
        String key = "test:" + UUID.randomUUID();

        notifications.messageCustomer(
                customerId, null, "sign-up-confirmation", Category.TRANSACTIONAL, key, Map.of("confirmUrl", "-"));
        notifications.messageCustomer(customerId, null, TEMPLATE, Category.MARKETING, key + "-2", DETAILS);

        assertThat(deliveryOf(customerId, key)).isNull();
        assertThat(deliveryOf(customerId, key + "-2")).isNull();
        assertThat(unsubscribeTokenOf(customerId)).isEmpty();
    }

    @Test
    void anErasedPersonsSignUpLinkNoLongerGivesConsent() {
        String customerId = feed.prospectWithConsent(OrderRequests.newCustomerEmail());
        transaction.executeWithoutResult(
                status -> customers.lock(customerId).orElseThrow().unsubscribe(clock.instant()));
        consentRequests.signedUp(customerId, "test");
        String token = consentRequests.pendingTokenOf(customerId).orElseThrow();
        assertThat(api.post("/api/customers/" + customerId + "/erasure", Map.of())
                        .status())
                .isEqualTo(200);

        boolean confirmed = consentRequests.confirm(token);

        assertThat(confirmed).isFalse();
        assertThat(customers.find(customerId).orElseThrow().hasMarketingConsent())
                .isFalse();
    }

    private String deliveryOf(String customerId, String dedupeKey) {
        return db.sql("SELECT delivery FROM notifications WHERE customer_id = :customerId AND dedupe_key = :key")
                .param("customerId", customerId)
                .param("key", dedupeKey)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private Optional<String> unsubscribeTokenOf(String customerId) {
        return db.sql("SELECT unsubscribe_token FROM customers WHERE id = :id")
                .param("id", customerId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .single();
    }
}
