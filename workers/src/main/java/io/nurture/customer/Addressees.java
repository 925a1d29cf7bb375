package io.nurture.customer;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whom a mail about an order goes to, read in plain SQL: a mail step needs two columns, not the
 * customer as an entity, which the step's commit would then check for changes (issue 27).
 */
@Component
public class Addressees {

    private final JdbcClient db;
    private final CustomerRepository entities;

    Addressees(JdbcClient db, CustomerRepository entities) {
        this.db = db;
        this.entities = entities;
    }

    /** The customer's address, and the name a mail greets them with. */
    public record Addressee(String email, String name) {}

    /**
     * The customer as the caller's transaction has them: its own changes are flushed first (through
     * the repository, which translates what the flush may raise), so a customer it erased is not
     * addressed at their old address.
     */
    public Optional<Addressee> of(String customerId) {
        entities.flush();
        return db.sql("SELECT email, name FROM customers WHERE id = ?")
                .param(customerId)
                .query(Addressee.class)
                .optional();
    }
}
