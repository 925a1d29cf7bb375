package io.nurture.engagement;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.order.web.HostileOrders;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Where a customer's time zone comes from: the order, staff, or else the shipping country. */
@NurtureIntegrationTest
class CustomerTimeZoneIntegrationTest {

    private static final String SKU = "TEA-SENCHA-100";

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Test
    void aZoneGivenOnTheOrderIsTheCustomers() {
        String customerId =
                customerOf(shop.place(inZone(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")), "Asia/Tokyo")));

        assertThat(zoneOf(customerId)).isEqualTo("Asia/Tokyo");
    }

    @Test
    void withoutOneTheShippingCountrysZoneIsAssumedUntilTheCustomerGivesOne() {
        String email = newCustomerEmail();
        String customerId =
                customerOf(shop.place(shippedTo(withoutZone(shop.order(email, SKU, 1, card("tok_visa"))), "US")));
        assertThat(zoneOf(customerId)).isEqualTo("America/New_York");

        shop.place(inZone(
                shippedTo(withoutZone(shop.order(email, SKU, 1, card("tok_visa"))), "US"), "America/Los_Angeles"));
        shop.place(withoutZone(shop.order(email, SKU, 1, card("tok_visa"))));

        assertThat(zoneOf(customerId)).isEqualTo("America/Los_Angeles");
    }

    @Test
    void staffSetTheZoneWithThePreferences() {
        String customerId = customerOf(shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa"))));

        NurtureClient.Answer set = api.put(
                "/api/customers/" + customerId + "/preferences",
                Map.of("marketingConsent", true, "timeZone", "Pacific/Auckland"));
        NurtureClient.Answer refused = api.put(
                "/api/customers/" + customerId + "/preferences",
                Map.of("marketingConsent", true, "timeZone", "Middle/Earth"));

        assertThat(set.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("timeZone");
        assertThat(zoneOf(customerId)).isEqualTo("Pacific/Auckland");
    }

    private String customerOf(String orderId) {
        return api.get("/api/orders/" + orderId).text("customerId");
    }

    private String zoneOf(String customerId) {
        return api.get("/api/customers/" + customerId).text("timeZone");
    }

    private static Map<String, Object> inZone(Map<String, Object> order, String zone) {
        return HostileOrders.set(order, "customer.timeZone", zone);
    }

    private static Map<String, Object> withoutZone(Map<String, Object> order) {
        return HostileOrders.set(order, "customer.timeZone", null);
    }

    private static Map<String, Object> shippedTo(Map<String, Object> order, String country) {
        return HostileOrders.set(order, "shippingAddress.country", country);
    }
}
