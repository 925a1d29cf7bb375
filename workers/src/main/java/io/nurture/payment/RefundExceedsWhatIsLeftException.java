package io.nurture.payment;

import java.math.BigDecimal;

/** A goodwill refund gives back at most what the order took and kept (the API answers 400 on {@code amount}). */
public class RefundExceedsWhatIsLeftException extends RuntimeException {

    RefundExceedsWhatIsLeftException(BigDecimal left, String currency) {
        super("must be at most " + left.toPlainString() + " " + currency + ", what is left to refund on the order");
    }
}
