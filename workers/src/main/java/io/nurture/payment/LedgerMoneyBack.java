package io.nurture.payment;

import io.nurture.order.MoneyBack;
import org.springframework.stereotype.Component;

/** Tells the cancellation step what happened to the order's money, from its refund in the ledger. */
@Component
class LedgerMoneyBack implements MoneyBack.Ledger {

    private final PaymentRepository payments;

    LedgerMoneyBack(PaymentRepository payments) {
        this.payments = payments;
    }

    @Override
    public MoneyBack moneyBack(String orderId) {
        return payments.findByOrderIdAndKind(orderId, PaymentKind.REFUND)
                .map(refund -> new MoneyBack(
                        owedOrSettledByStaff(refund) ? MoneyBack.Way.TRANSFER_OWED : MoneyBack.Way.REFUNDED_TO_CARD,
                        refund.getAmount()))
                .orElseGet(MoneyBack::nothingTaken);
    }

    private static boolean owedOrSettledByStaff(Payment refund) {
        return refund.getStatus() == PaymentStatus.OWED || refund.getSettledBy() != null;
    }
}
