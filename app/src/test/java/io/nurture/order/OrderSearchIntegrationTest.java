package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff find the order a customer calls about by whatever the customer has at hand. */
@NurtureIntegrationTest
class OrderSearchIntegrationTest {

    private static final String SKU = "FLT-PAPER-100";

    @Autowired
    Shop shop;

    @Autowired
    NurtureClient api;

    @Test
    void anOrderIsFoundByItsIdTheCustomersEmailItsTrackingNumberAndItsPaymentReference() {
        String email = newCustomerEmail();
        String cardOrder = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        String tracking = shop.awaitStatus(cardOrder, "SHIPPED").text("trackingNumber");
        String invoiceOrder = shop.place(shop.order(email, SKU, 2, invoice()));
        String total = shop.awaitStatus(invoiceOrder, "AWAITING_PAYMENT").text("total");
        api.post(
                "/api/orders/" + invoiceOrder + "/payments",
                Map.of("amount", total, "reference", "BANK-SEARCH-" + invoiceOrder));

        JsonNode byId = search(cardOrder);
        JsonNode byEmail = search(email.toUpperCase());
        JsonNode byTracking = search(tracking);
        JsonNode byReference = search("BANK-SEARCH-" + invoiceOrder);

        assertThat(byId.findValuesAsText("orderId")).containsExactly(cardOrder);
        assertThat(byId.get(0).path("matchedBy").asText()).isEqualTo("ORDER_ID");
        assertThat(byEmail.findValuesAsText("orderId")).as("newest first").containsExactly(invoiceOrder, cardOrder);
        assertThat(byTracking.findValuesAsText("orderId")).containsExactly(cardOrder);
        assertThat(byTracking.get(0).path("matchedBy").asText()).isEqualTo("TRACKING_NUMBER");
        assertThat(byReference.findValuesAsText("orderId")).containsExactly(invoiceOrder);
        assertThat(byReference.get(0).path("matchedBy").asText()).isEqualTo("PAYMENT_REFERENCE");
    }

    @Test
    void aSearchForNothingKnownFindsNothingAndABlankOneIsRefusedNamingIt() {
        NurtureClient.Answer blank = api.get("/api/orders?search=");

        assertThat(search("no-such-order-anywhere")).isEmpty();
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().findValuesAsText("field")).containsExactly("search");
    }

    private JsonNode search(String text) {
        NurtureClient.Answer found = api.get("/api/orders?search=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        return found.body();
    }
}
