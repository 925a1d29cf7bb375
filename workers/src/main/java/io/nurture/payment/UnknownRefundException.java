package io.nurture.payment;

/** No refund has this id. */
public class UnknownRefundException extends RuntimeException {

    public UnknownRefundException(String refundId) {
        super("No refund " + refundId);
    }
}
