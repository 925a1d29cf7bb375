package io.nurture.reliability;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static io.nurture.testing.OrderRequests.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process variables hold ids, amounts, flags and reasons, never personal data: after a full
 * customer scenario, no variable of any instance holds an e-mail address, a name, an address or a
 * survey comment.
 */
@NurtureIntegrationTest
class NoPersonalDataInProcessesIntegrationTest {

    private static final Pattern EMAIL = Pattern.compile("[^\\s\"@]+@[^\\s\"@]+\\.[a-z]{2,}");
    private static final String NAME = "Grace Hopper";
    private static final String STREET = "7 Compiler Lane";
    private static final String CITY = "Arlington";
    private static final String POSTAL_CODE = "22201";
    private static final String COMMENT = "The kettle whistles off-key";

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Test
    void noVariableOfAnyInstanceHoldsPersonalData() {
        String email = newCustomerEmail();
        Map<String, Object> order = with(
                shop.order(email, "GFT-BARISTA", 1, card("tok_visa")),
                "shippingAddress",
                Map.of("line1", STREET, "city", CITY, "postalCode", POSTAL_CODE, "country", "DE"));
        order = with(order, "customer", Map.of("email", email, "name", NAME, "marketingConsent", true));
        String orderId = shop.place(order);
        String customerId = shop.deliver(orderId);
        String token = shop.surveyAfterDelivery(customerId, orderId);
        api.post("/api/surveys/" + token + "/responses", Map.of("score", 3, "comment", COMMENT));
        shop.awaitStage(customerId, "AT_RISK");

        List<String> values = allVariableValues();

        assertThat(values)
                .noneMatch(value -> EMAIL.matcher(value).find())
                .noneMatch(value -> value.contains(NAME)
                        || value.contains(STREET)
                        || value.contains(CITY)
                        || value.contains(COMMENT));
        assertThat(values).contains("\"" + orderId + "\"", "\"" + customerId + "\"");
    }

    private List<String> allVariableValues() {
        return StreamSupport.stream(engineRecords.snapshot().variableRecords().spliterator(), false)
                .map(record -> record.getValue().getValue())
                .toList();
    }
}
