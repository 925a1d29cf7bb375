package io.nurture.payment;

import java.math.BigDecimal;

/**
 * The payment provider. Every call carries an idempotency key: the provider answers a repeated
 * key with the first outcome instead of moving money twice.
 */
interface PaymentGateway {

    ChargeResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey);

    String refund(String chargeReference, BigDecimal amount, String idempotencyKey);

    record ChargeResult(boolean approved, String providerReference, String declineReason) {

        static ChargeResult approved(String providerReference) {
            return new ChargeResult(true, providerReference, null);
        }

        static ChargeResult declined(String providerReference, String reason) {
            return new ChargeResult(false, providerReference, reason);
        }
    }
}
