package io.nurture.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox provider's books in table {@code sandbox_provider_ledger}, each write committed at once. */
@Component
@ConditionalOnProperty(name = "nurture.payment.gateway", havingValue = "sandbox", matchIfMissing = true)
class JdbcSandboxBooks implements SandboxBooks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    JdbcSandboxBooks(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public Optional<Entry> find(String idempotencyKey) {
        return ownTransaction.execute(status -> jdbc
                .query(
                        "SELECT idempotency_key, operation, approved, amount, currency,"
                                + " provider_reference, decline_reason FROM sandbox_provider_ledger WHERE idempotency_key = ?",
                        (row, n) -> new Entry(
                                row.getString(1),
                                row.getString(2),
                                row.getBoolean(3),
                                row.getBigDecimal(4),
                                row.getString(5),
                                row.getString(6),
                                row.getString(7)),
                        idempotencyKey)
                .stream()
                .findFirst());
    }

    @Override
    public Entry keepFirst(Entry entry) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO sandbox_provider_ledger (idempotency_key,"
                            + " operation, approved, amount, currency, provider_reference, decline_reason, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    entry.idempotencyKey(),
                    entry.operation(),
                    entry.approved(),
                    entry.amount(),
                    entry.currency(),
                    entry.providerReference(),
                    entry.declineReason(),
                    Timestamp.from(clock.instant())));
            return entry;
        } catch (DuplicateKeyException concurrentCallWithTheSameKey) {
            return find(entry.idempotencyKey()).orElseThrow();
        }
    }
}
