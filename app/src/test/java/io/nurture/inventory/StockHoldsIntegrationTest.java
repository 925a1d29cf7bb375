package io.nurture.inventory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nurture.testing.NurtureIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * Stock is locked for a transaction: outside one, the locks would outlive the step that took them
 * and the stock would be changed under none, so those calls are refused rather than run.
 */
@NurtureIntegrationTest
class StockHoldsIntegrationTest {

    @Autowired
    StockHolds holds;

    @Test
    void productsAreNotLockedOutsideATransaction() {
        assertThatThrownBy(() -> holds.lockProducts(List.of("TEA-SENCHA-100")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void heldStockIsNotShippedOrReleasedOutsideATransaction() {
        assertThatThrownBy(() -> holds.ship("no-such-order", Instant.now()))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> holds.release("no-such-order", Instant.now()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
