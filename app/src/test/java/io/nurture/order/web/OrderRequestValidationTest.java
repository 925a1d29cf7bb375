package io.nurture.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.nurture.api.IdempotencyKeys;
import io.nurture.checkout.OrderPlacement;
import io.nurture.order.Order;
import io.nurture.security.SliceClient;
import io.nurture.security.WebSliceTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Order bodies valid but for one hostile field, on the web slice: each is refused with a problem
 * naming that field and no other, before anything is looked up or stored. Cases that only stored
 * data can refuse, and the check that the base body is placed, are
 * {@code HostileOrderInputIntegrationTest}.
 */
@WebSliceTest(controllers = OrderController.class)
class OrderRequestValidationTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderPlacement placement;

    @Test
    void theBodyEveryCaseStartsFromReachesThePlacement() {
        when(placement.place(any(), any(), any())).thenReturn(mock(Order.class));

        SliceClient.Answer answer =
                new SliceClient(mvc, SliceClient.HARNESS_KEY).post("/api/orders", HostileOrders.validOrder());

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        verify(placement).place(any(), any(), any());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("io.nurture.order.web.HostileOrders#refusedByTheRequest")
    void orderWithOneHostileFieldIsRefusedNamingThatFieldBeforeAnythingIsStored(String field, Object value) {
        Map<String, Object> body = HostileOrders.set(HostileOrders.validOrder(), field, value);

        SliceClient.Answer answer = new SliceClient(mvc, SliceClient.HARNESS_KEY).post("/api/orders", body);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.fieldsInError())
                .as(answer.body().toString())
                .isNotEmpty()
                .containsOnly(field);
        verify(placement, never()).place(any(), any(), any());
    }

    @ParameterizedTest(name = "Idempotency-Key = {0}")
    @MethodSource("keysThatCannotBeComparedExactly")
    void anIdempotencyKeyThatCannotBeComparedExactlyIsRefusedNamingTheHeader(String key) {
        SliceClient.Answer answer = new SliceClient(mvc, SliceClient.HARNESS_KEY)
                .post("/api/orders", HostileOrders.validOrder(), Map.of("Idempotency-Key", key));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.fieldsInError()).containsOnly("Idempotency-Key");
        verify(placement, never()).place(any(), any(), any());
    }

    static Stream<String> keysThatCannotBeComparedExactly() {
        return Stream.of("k".repeat(IdempotencyKeys.MAX_LENGTH + 1), "k".repeat(400), "two words", "é-key", "tab\tkey");
    }
}
