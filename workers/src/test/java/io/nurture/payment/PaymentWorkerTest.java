package io.nurture.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.exception.BpmnError;
import io.nurture.processes.OrderFulfillment;
import org.junit.jupiter.api.Test;

class PaymentWorkerTest {

    private final PaymentService payments = mock(PaymentService.class);
    private final PaymentWorker worker = new PaymentWorker(payments);

    @Test
    void declinedCardBecomesThePaymentDeclinedBpmnError() {
        when(payments.chargeCard("order-1")).thenReturn(false);

        assertThatThrownBy(() -> worker.chargeCard("order-1"))
                .isInstanceOfSatisfying(BpmnError.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(OrderFulfillment.Error.PAYMENT_DECLINED));
    }

    @Test
    void approvedCardCompletesTheJob() {
        when(payments.chargeCard("order-2")).thenReturn(true);

        assertThatCode(() -> worker.chargeCard("order-2")).doesNotThrowAnyException();
    }
}
