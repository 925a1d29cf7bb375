package io.nurture.payment;

/** A settlement for a refund that is not owed: paid back by the provider, or settled with another reference. */
public class RefundNotOwedException extends RuntimeException {

    public RefundNotOwedException(Payment refund) {
        super("Refund " + refund.getId() + " is " + refund.getStatus()
                + (refund.getSettledBy() == null
                        ? ""
                        : " (settled by " + refund.getSettledBy() + " with reference " + refund.getProviderReference()
                                + " at " + refund.getCompletedAt() + ")"));
    }
}
