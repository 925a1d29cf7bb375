package io.nurture.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.customer.CustomerService;
import io.nurture.testing.EventFeed;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.OrderRequests;
import io.nurture.testing.Shop;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A journey step whose mail was not written, because the customer unsubscribed after the contact
 * policy allowed it, is recorded as skipped: funnels and experiments count no mail that never went,
 * and the offer it would have carried is not made.
 */
@NurtureIntegrationTest
class ConsentWithdrawnStepIntegrationTest {

    @Autowired
    ReEngagement reEngagement;

    @Autowired
    WinBack winBack;

    @Autowired
    AdvocacyAsk advocacy;

    @Autowired
    Shop shop;

    @Autowired
    CustomerService customers;

    @Autowired
    EventFeed feed;

    @Autowired
    JdbcClient db;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Test
    void aReEngagementMailForACustomerWhoJustUnsubscribedIsRecordedAsSkipped() {
        String customerId = feed.prospectWithConsent(OrderRequests.newCustomerEmail());
        transaction.executeWithoutResult(
                status -> customers.lock(customerId).orElseThrow().unsubscribe(clock.instant()));
        long jobKey = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

        reEngagement.send(customerId, null, jobKey);

        assertThat(db.sql("SELECT CONCAT(outcome, ':', reason) FROM engagement_steps"
                                + " WHERE customer_id = :customerId AND step = 'RE_ENGAGEMENT'")
                        .param("customerId", customerId)
                        .query(String.class)
                        .list())
                .containsExactly("SKIPPED:" + EngagementLog.CONSENT_WITHDRAWN);
    }

    @Test
    void aWinBackOfferForACustomerWhoJustUnsubscribedIssuesNoCoupon() {
        String customerId = feed.prospectWithConsent(OrderRequests.newCustomerEmail());
        transaction.executeWithoutResult(
                status -> customers.lock(customerId).orElseThrow().unsubscribe(clock.instant()));
        long jobKey = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

        winBack.sendOffer(customerId, "VIP", new BigDecimal("25"), null, jobKey);

        assertThat(db.sql("SELECT COUNT(*) FROM coupons WHERE customer_id = :customerId")
                        .param("customerId", customerId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(db.sql("SELECT CONCAT(outcome, ':', reason) FROM engagement_steps"
                                + " WHERE customer_id = :customerId AND step = 'WIN_BACK'")
                        .param("customerId", customerId)
                        .query(String.class)
                        .list())
                .containsExactly("SKIPPED:" + EngagementLog.CONSENT_WITHDRAWN);
    }

    @Test
    void anAdvocacyAskForACustomerWhoJustUnsubscribedMakesNoReferralCode() {
        String orderId = shop.place(OrderRequests.withConsent(
                shop.order(OrderRequests.newCustomerEmail(), "TEA-SENCHA-100", 1, OrderRequests.card("tok_visa")),
                true));
        String customerId = shop.awaitStatus(orderId, "SHIPPED").text("customerId");
        transaction.executeWithoutResult(
                status -> customers.lock(customerId).orElseThrow().unsubscribe(clock.instant()));
        long jobKey = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

        advocacy.ask(orderId, customerId, null, jobKey);

        assertThat(db.sql("SELECT COUNT(*) FROM referral_codes WHERE customer_id = :customerId")
                        .param("customerId", customerId)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
