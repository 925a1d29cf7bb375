package io.nurture.persistence;

import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction of its own, and again, whole, when it lost a race the database
 * settled: another transaction committed the same new key first (a customer's address, say; the
 * next try finds the row), or InnoDB made it a deadlock's victim, which asks for exactly that.
 * Three tries in all; the last one's failure is the caller's.
 */
public final class RaceRetries {

    private static final int ATTEMPTS = 3;

    private final TransactionTemplate transaction;

    public RaceRetries(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(tx -> work.get());
            } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
