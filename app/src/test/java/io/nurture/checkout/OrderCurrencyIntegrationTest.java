package io.nurture.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nurture.order.PaymentMethod;
import io.nurture.testing.NurtureIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order is charged in one currency, so its lines must all be priced in it. The catalogue the
 * tests share has only euro prices, and another test lists it while this one runs: the pound
 * product exists only in this test's transaction, which the placement joins and which is rolled
 * back at the end.
 */
@NurtureIntegrationTest
class OrderCurrencyIntegrationTest {

    @Autowired
    OrderPlacement placement;

    @Autowired
    JdbcClient db;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void linesPricedInTwoCurrenciesAreRefusedNamingTheLines() {
        String poundSku = "GBP-" + UUID.randomUUID().toString().substring(0, 8);

        InvalidOrderException refused = new TransactionTemplate(transactions).execute(tx -> {
            tx.setRollbackOnly();
            db.sql("INSERT INTO products (sku, name, price, currency, available, reserved)"
                            + " VALUES (?, 'Shortbread tin', 8.00, 'GBP', 10, 0)")
                    .param(poundSku)
                    .update();
            return catchThrowableOfType(
                    InvalidOrderException.class,
                    () -> placement.place(
                            orderOf(List.of(
                                    new PlaceOrder.Line("TEA-SENCHA-100", 1), new PlaceOrder.Line(poundSku, 1))),
                            null,
                            null));
        });

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("lines");
        assertThat(refused.reason()).isEqualTo("must all be priced in one currency");
    }

    private static PlaceOrder orderOf(List<PlaceOrder.Line> lines) {
        return new PlaceOrder(
                new PlaceOrder.Customer(
                        "customer-" + UUID.randomUUID() + "@example.com", "Ada Lovelace", null, null, null),
                lines,
                new PlaceOrder.Payment(PaymentMethod.CARD, "tok_visa"),
                new PlaceOrder.Address("1 Main St", "Berlin", "10115", "DE"),
                "DE",
                null,
                null);
    }
}
