package io.nurture.order;

import java.math.BigDecimal;

/**
 * What happens to the money of an order that ends without shipping, as its cancellation mail
 * tells the customer. The payment capability answers it from its ledger.
 */
public record MoneyBack(Way way, BigDecimal amount) {

    public enum Way {
        /** No money was taken. */
        NOTHING_TAKEN,
        /** The provider returned the charge to the card. */
        REFUNDED_TO_CARD,
        /** Money paid by bank transfer, owed back: staff transfer it. */
        TRANSFER_OWED
    }

    public static MoneyBack nothingTaken() {
        return new MoneyBack(Way.NOTHING_TAKEN, BigDecimal.ZERO);
    }

    /** Asked by the cancellation step; answered by the payment capability. */
    public interface Ledger {

        MoneyBack moneyBack(String orderId);
    }
}
