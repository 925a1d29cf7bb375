package io.nurture.payment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The payment provider. Every call carries an idempotency key: the provider answers a repeated
 * key with the first outcome instead of moving money twice, and tells what it did under a key.
 */
interface PaymentGateway {

    ChargeResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey);

    String refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey);

    /** What the provider did under this key; empty when the call never reached it. */
    Optional<Movement> lookUp(String idempotencyKey);

    record ChargeResult(boolean approved, String providerReference, String declineReason) {

        static ChargeResult approved(String providerReference) {
            return new ChargeResult(true, providerReference, null);
        }

        static ChargeResult declined(String providerReference, String reason) {
            return new ChargeResult(false, providerReference, reason);
        }
    }

    /** @param approved false for a declined charge: no money moved */
    record Movement(boolean approved, BigDecimal amount, String providerReference, String declineReason) {}
}
