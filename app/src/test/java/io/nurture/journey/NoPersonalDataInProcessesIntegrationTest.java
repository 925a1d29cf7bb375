package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Process variables hold ids, amounts, flags and reasons, never personal data: after a full
 * customer scenario, no variable of any instance holds an e-mail address, a name, an address or a
 * survey comment.
 */
class NoPersonalDataInProcessesIntegrationTest extends JourneyTest {

    private static final Pattern EMAIL = Pattern.compile("[^\\s\"@]+@[^\\s\"@]+\\.[a-z]{2,}");
    private static final String NAME = "Grace Hopper";
    private static final String STREET = "7 Compiler Lane";
    private static final String CITY = "Arlington";
    private static final String POSTAL_CODE = "22201";
    private static final String COMMENT = "The kettle whistles off-key";

    @Test
    void noVariableOfAnyInstanceHoldsPersonalData() {
        String email = newCustomerEmail();
        Map<String, Object> order = with(
                order(email, "GFT-BARISTA", 1, card("tok_visa")),
                "shippingAddress",
                Map.of("line1", STREET, "city", CITY, "postalCode", POSTAL_CODE, "country", "DE"));
        order = with(order, "customer", Map.of("email", email, "name", NAME, "marketingConsent", true));
        String orderId = place(order);
        String customerId = deliver(orderId);
        String token = surveyAfterDelivery(customerId, orderId);
        api.post("/api/surveys/" + token + "/responses", Map.of("score", 3, "comment", COMMENT));
        awaitStage(customerId, "AT_RISK");

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
        return StreamSupport.stream(snapshot().variableRecords().spliterator(), false)
                .map(record -> record.getValue().getValue())
                .toList();
    }
}
