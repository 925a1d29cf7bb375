package io.nurture.customer;

import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.NurtureIntegrationTest;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers are written by several hands at once: a write made on a read taken before another
 * committed cannot put back what that other stored.
 */
@NurtureIntegrationTest
class CustomerWritesIntegrationTest {

    @Autowired
    CustomerService customers;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aStaleWriteCannotRestoreConsentTheCustomerWithdrewMeanwhile() {
        Customer registered = customers.findOrRegister(newCustomerEmail(), "Ada Lovelace");
        customers.setPreferences(registered.getId(), true, Map.of(), null, "test");
        String token = customers.unsubscribeToken(registered);

        try {
            new TransactionTemplate(transactions).executeWithoutResult(staleWrite -> {
                Customer stale = customers.find(registered.getId()).orElseThrow();
                CompletableFuture.runAsync(() ->
                                customers.setMarketingConsentByLink(token, false, ConsentSource.LINK, "test", Map.of()))
                        .join();
                stale.setTimeZone(ZoneId.of("Asia/Tokyo"));
            });
        } catch (OptimisticLockingFailureException refusedAsStale) {
            // The stale write may fail as a whole; what must never happen is consent coming back.
        }

        Customer now = customers.find(registered.getId()).orElseThrow();
        assertThat(now.hasMarketingConsent())
                .as("consent withdrawn through the link")
                .isFalse();
        assertThat(now.isUnsubscribed()).isTrue();
    }
}
