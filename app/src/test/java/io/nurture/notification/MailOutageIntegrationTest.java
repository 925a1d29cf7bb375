package io.nurture.notification;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.nurture.reliability.InjectedFault;
import io.nurture.reliability.ReliabilityReport;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail server is down while a burst of orders goes through. Orders do not wait for it: their
 * mails wait in the outbox, retried with backoff (on the database's clock; the tests cap it at 2 s),
 * until each has been tried again at least once. When the server is back, every mail arrives, once.
 */
@InjectedFault(
        id = 15,
        fault = "the mail server is down during a burst",
        injected = "the SMTP server stopped while 8 card orders go through, until each of their mails was retried",
        holds = "orders ship meanwhile; each mail is retried and arrives once when the server is back")
@NurtureIntegrationTest
class MailOutageIntegrationTest {

    private static final int ORDERS = 8;

    @Autowired
    JdbcClient db;

    @Autowired
    GreenMail smtp;

    @Autowired
    Shop shop;

    @Test
    void ordersProceedWhileTheMailServerIsDownAndEveryMailArrivesOnceWhenItIsBack(TestReporter report) {
        List<String> emails =
                IntStream.range(0, ORDERS).mapToObj(i -> newCustomerEmail()).toList();
        List<String> orders = new ArrayList<>();

        smtp.stop();
        try {
            emails.forEach(email -> orders.add(shop.place(shop.order(email, "CUP-CERAMIC-2", 1, card("tok_visa")))));
            orders.forEach(orderId -> shop.awaitStatus(orderId, "SHIPPED"));
            await().atMost(Shop.PATIENCE).until(() -> undeliveredRetriedMails(orders) == queuedMails(orders));
        } finally {
            smtp.start();
        }

        await().atMost(Shop.PATIENCE).until(() -> deliveredMails(orders) == queuedMails(orders));
        assertThat(queuedMails(orders)).isGreaterThanOrEqualTo(2L * ORDERS);
        report.publishEntry(
                ReliabilityReport.MEASURED,
                "%d orders shipped while the server was down; %d mails, each retried, each delivered once"
                        .formatted(ORDERS, queuedMails(orders)));
        emails.forEach(email -> {
            List<String> messageIds = messageIdsFor(email);
            assertThat(messageIds).doesNotHaveDuplicates();
            assertThat((long) messageIds.size()).isEqualTo(queuedMailsTo(email));
        });
    }

    private long queuedMails(List<String> orders) {
        return db.sql("SELECT COUNT(*) FROM notifications WHERE audience = 'CUSTOMER' AND order_id IN (:orders)")
                .param("orders", orders)
                .query(Long.class)
                .single();
    }

    private long undeliveredRetriedMails(List<String> orders) {
        return db.sql("SELECT COUNT(*) FROM notifications WHERE audience = 'CUSTOMER' AND order_id IN (:orders)"
                        + " AND delivery = 'PENDING' AND attempts >= 2")
                .param("orders", orders)
                .query(Long.class)
                .single();
    }

    private long deliveredMails(List<String> orders) {
        return db.sql("SELECT COUNT(*) FROM notifications WHERE audience = 'CUSTOMER' AND order_id IN (:orders)"
                        + " AND delivery = 'DELIVERED'")
                .param("orders", orders)
                .query(Long.class)
                .single();
    }

    private long queuedMailsTo(String email) {
        return db.sql("SELECT COUNT(*) FROM notifications WHERE recipient = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private List<String> messageIdsFor(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> Mailbox.isFor(message, address))
                .map(message -> Mailbox.header(message, "Message-ID"))
                .toList();
    }
}
