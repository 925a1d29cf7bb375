package io.nurture.payment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The sandbox provider's own books, by idempotency key. Kept apart from Nurture's ledger and
 * written in their own transaction, as a real provider's are: a charge stays taken when the
 * transaction of the Nurture step that asked for it fails.
 */
interface SandboxBooks {

    Optional<Entry> find(String idempotencyKey);

    /** Keeps the entry unless one was kept under its key before; answers the one kept. */
    Entry keepFirst(Entry entry);

    record Entry(
            String idempotencyKey,
            String operation,
            boolean approved,
            BigDecimal amount,
            String currency,
            String providerReference,
            String declineReason) {}
}
