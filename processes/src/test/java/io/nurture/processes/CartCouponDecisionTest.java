package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.processes.AbandonedCheckout.Variable;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row of {@code cart-coupon.dmn}, and its edges, evaluated directly: a coupon for new customers only. */
class CartCouponDecisionTest {

    @ParameterizedTest(name = "{0} orders placed, cart worth {1} -> {2}% off")
    @CsvSource({
        "0, 50, 10",
        "0, 249.90, 10",
        "0, 49.99, 5",
        "0, 0, 5",
        "1, 49.99, 0",
        "1, 50, 0",
        "7, 900, 0",
    })
    void onlyNewCustomersGetACouponALargerOneForALargerCart(int ordersPlaced, double cartValue, int couponPercent) {
        String output = DecisionTables.evaluate(
                AbandonedCheckout.COUPON_DECISION_ID,
                Map.of(Variable.ORDERS_PLACED, ordersPlaced, Variable.CART_VALUE, cartValue));

        assertThat(output).isEqualTo(String.valueOf(couponPercent));
    }
}
