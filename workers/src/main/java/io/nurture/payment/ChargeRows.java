package io.nurture.payment;

import io.nurture.persistence.UtcColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order's card charge as the charge step writes it, in plain SQL, in {@link PaymentLedger}'s
 * transactions under the order's lock: every card order takes these two transactions around the
 * provider's call, and through JPA each loaded the row and each commit compared it again
 * (docs/performance.md, issue 27's twenty-second part). Everything else about an order's money
 * (refunds, reconciliation, the lost answers looked up later) stays on {@link Payment}.
 */
@Component
class ChargeRows {

    /** The order's one charge row (its unique key), as every statement here addresses it. */
    private static final String THE_CHARGE = "order_id = :orderId AND kind = :charge AND request_id = ''";

    private final JdbcClient db;

    ChargeRows(JdbcClient db) {
        this.db = db;
    }

    /** The charge row as the step needs it. */
    record Charge(String orderId, PaymentStatus status, BigDecimal amount, String currency, String idempotencyKey) {

        boolean isPending() {
            return status == PaymentStatus.PENDING;
        }

        boolean isCaptured() {
            return status == PaymentStatus.CAPTURED;
        }
    }

    Optional<Charge> find(String orderId) {
        return db.sql("SELECT status, amount, currency, idempotency_key FROM payments WHERE " + THE_CHARGE)
                .param("orderId", orderId)
                .param("charge", PaymentKind.CHARGE.name())
                .query((rs, row) -> new Charge(
                        orderId,
                        PaymentStatus.valueOf(rs.getString(1)),
                        rs.getBigDecimal(2),
                        rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    /** The intent to charge, written before the provider is called: {@link Payment#intent}'s row. */
    Charge writeIntent(String orderId, BigDecimal amount, String currency, String idempotencyKey, Instant at) {
        Charge intent = new Charge(orderId, PaymentStatus.PENDING, amount, currency, idempotencyKey);
        db.sql("INSERT INTO payments (id, order_id, kind, status, amount, currency, created_at, idempotency_key)"
                        + " VALUES (:id, :orderId, :charge, :pending, :amount, :currency, :at, :idempotencyKey)")
                .param("id", UUID.randomUUID().toString())
                .param("orderId", orderId)
                .param("charge", PaymentKind.CHARGE.name())
                .param("pending", PaymentStatus.PENDING.name())
                .param("amount", amount)
                .param("currency", currency)
                .param("at", UtcColumns.utc(at))
                .param("idempotencyKey", idempotencyKey)
                .update();
        return intent;
    }

    /**
     * The provider's answer ({@link Payment#complete}), with its reason for a decline, where it gave
     * one, as the charge's reference.
     *
     * @return the charge as answered
     */
    Charge answer(Charge charge, PaymentStatus outcome, String providerReference, String declineReason, Instant at) {
        db.sql("UPDATE payments SET status = :outcome, provider_reference = :providerReference, completed_at = :at,"
                        + " reference = COALESCE(:reason, reference) WHERE " + THE_CHARGE)
                .param("outcome", outcome.name())
                .param("providerReference", providerReference)
                .param("at", UtcColumns.utc(at))
                .param("reason", declineReason)
                .param("orderId", charge.orderId())
                .param("charge", PaymentKind.CHARGE.name())
                .update();
        return new Charge(charge.orderId(), outcome, charge.amount(), charge.currency(), charge.idempotencyKey());
    }
}
