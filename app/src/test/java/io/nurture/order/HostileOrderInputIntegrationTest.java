package io.nurture.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.order.web.HostileOrders;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testkit.NurtureClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Order bodies valid but for one field that only stored data can refuse: a SKU not in the
 * catalogue, a coupon or referral code nobody holds, a card payment without its token. Each is
 * refused with a problem naming that field, and leaves no order and no customer behind. The base
 * body is placed, so every refusal is the hostile field's doing. The cases the request's own rules
 * refuse run on the web slice ({@code OrderRequestValidationTest}).
 */
@NurtureIntegrationTest
class HostileOrderInputIntegrationTest {

    @Autowired
    JdbcClient db;

    @Autowired
    NurtureClient api;

    @Test
    void theBodyEveryCaseStartsFromIsPlaced() {
        assertThat(api.post("/api/orders", HostileOrders.validOrder()).status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("io.nurture.order.web.HostileOrders#refusedByWhatIsStored")
    void orderWithOneFieldUnknownToTheShopIsRefusedNamingThatFieldAndStoresNothing(String field, Object value) {
        Map<String, Object> body = HostileOrders.set(HostileOrders.validOrder(), field, value);
        long ordersBefore = count("orders");
        long customersBefore = count("customers");

        NurtureClient.Answer answer = api.post("/api/orders", body);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsText("field"))
                .as(answer.body().toString())
                .isNotEmpty()
                .containsOnly(field);
        assertThat(count("orders")).isEqualTo(ordersBefore);
        assertThat(count("customers")).isEqualTo(customersBefore);
    }

    private long count(String table) {
        return db.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
