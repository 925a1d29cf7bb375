package io.nurture.runtime;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.EngineRecords;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.WritesOutsideTransactions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every write of Nurture's own runs in a transaction, whose failed commit reaches its caller: with
 * the pool's auto-commit off, a write outside one is committed only when its connection goes back,
 * where a failed commit is lost unseen (a job step completed without its effect, an outbox row sent
 * twice). Seen over a card order from placement to delivery and its mails, and over every test that
 * ran before in the same app.
 */
@NurtureIntegrationTest
class WritesInTransactionsIntegrationTest {

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    Mailbox mailbox;

    @Autowired
    WritesOutsideTransactions writesOutsideTransactions;

    @Test
    void aCardOrderFromPlacementToDeliveryWritesNothingOutsideATransaction() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, "CUP-CERAMIC-2", 1, card("tok_visa")));

        shop.deliver(orderId);
        engineRecords.awaitWaitingAt(orderId, "FollowUpDueEvent");
        mailbox.awaitDelivered();

        assertThat(mailbox.subjectsFor(email)).contains("Your order has arrived");
        assertThat(writesOutsideTransactions.seen()).isEmpty();
    }
}
