package io.nurture.payment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.nurture.processes.GoodwillRefund;
import io.nurture.processes.OrderFulfillment.Error;
import io.nurture.processes.OrderFulfillment.JobType;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Payment steps in {@code order-fulfillment.bpmn} and {@code goodwill-refund.bpmn}. */
@Component
public class PaymentWorker {

    private final PaymentService payments;

    PaymentWorker(PaymentService payments) {
        this.payments = payments;
    }

    @JobWorker(type = JobType.CHARGE_CARD)
    public void chargeCard(@Variable String orderId) {
        if (!payments.chargeCard(orderId)) {
            throw CamundaError.bpmnError(Error.PAYMENT_DECLINED, "The card was declined");
        }
    }

    @JobWorker(type = JobType.ISSUE_INVOICE)
    public void sendInvoice(@Variable String orderId) {
        payments.issueInvoice(orderId);
    }

    @JobWorker(type = JobType.SEND_PAYMENT_REMINDER)
    public void sendPaymentReminder(@Variable String orderId) {
        payments.remindOfPayment(orderId);
    }

    @JobWorker(type = JobType.RECORD_INVOICE_PAYMENT)
    public void recordInvoicePayment(
            @Variable String orderId, @Variable BigDecimal paymentAmount, @Variable String paymentReference) {
        payments.recordInvoicePayment(orderId, paymentAmount, paymentReference);
    }

    @JobWorker(type = JobType.REFUND_PAYMENT)
    public void refundPayment(@Variable String orderId) {
        payments.refund(orderId);
    }

    @JobWorker(type = GoodwillRefund.JobType.GIVE_GOODWILL_REFUND)
    public void giveMoneyBack(@Variable String refundId) {
        payments.giveGoodwillRefund(refundId);
    }
}
