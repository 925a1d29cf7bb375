package io.nurture.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows a test reads or writes straight in the database, where the API shows nothing or too much. */
public final class Tables {

    private final JdbcClient db;

    Tables(JdbcClient db) {
        this.db = db;
    }

    /** The kinds of money movement stored for the order (CHARGE, INVOICE, REFUND), sorted. */
    public List<String> paymentKinds(String orderId) {
        return db.sql("SELECT kind FROM payments WHERE order_id = ? ORDER BY kind")
                .param(orderId)
                .query(String.class)
                .list();
    }

    public List<String> shipmentTrackingNumbers(String orderId) {
        return db.sql("SELECT tracking_number FROM shipments WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .list();
    }

    /** How many messages of this template the order's customer and ops were written, sent or kept back. */
    public int messageCount(String orderId, String template) {
        return db.sql("SELECT COUNT(*) FROM notifications WHERE order_id = ? AND template = ?")
                .param(orderId)
                .param(template)
                .query(Integer.class)
                .single();
    }

    /** Fixes the customer's place in a journey's holdout split: a step whose share is above it holds them out. */
    public void placeInJourney(String customerId, String journey, double place) {
        db.sql("INSERT INTO journey_holdouts (customer_id, journey, bucket, assigned_at) VALUES (?, ?, ?, NOW(6))")
                .params(customerId, journey, place)
                .update();
    }

    /** The customer the shop's events or orders registered with this e-mail address (the API finds customers by id). */
    public String customerIdOf(String email) {
        return db.sql("SELECT id FROM customers WHERE email = :email")
                .param("email", email)
                .query(String.class)
                .single();
    }

    /** A customer written straight into the database, for reports over a scripted population. */
    public String storedCustomer(String name, String registeredOn) {
        String id = UUID.randomUUID().toString();
        db.sql("INSERT INTO customers (id, email, name, created_at) VALUES (?, ?, ?, ?)")
                .params(id, name + "-" + id + "@example.com", name, registeredOn)
                .update();
        return id;
    }

    /** An engagement step written straight into the database, at noon of the day. */
    public void storedStep(String customerId, String step, String outcome, String reason, String day) {
        db.sql(
                        "INSERT INTO engagement_steps (customer_id, step, outcome, reason, at, step_key) VALUES (?, ?, ?, ?, ?, ?)")
                .params(customerId, step, outcome, reason, day + " 12:00:00", "scripted-" + UUID.randomUUID())
                .update();
    }

    /** The template of the variant the customer was given for the step (the record of its one experiment). */
    public String variantTemplateOf(String customerId, String step) {
        return db.sql("SELECT template FROM message_variants WHERE customer_id = ? AND journey_step = ?")
                .params(customerId, step)
                .query(String.class)
                .single();
    }

    /** A new experiment's id, for variants written straight into the database. */
    public String newExperiment() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * A customer's variant of a step in an experiment of two variants, written straight into the
     * database as placed at midnight of the day, for reports over a scripted population.
     */
    public void storedVariant(
            String experiment, String customerId, String step, String variant, int position, String day) {
        db.sql("INSERT INTO message_variants (customer_id, journey_step, experiment, journey, variant, position,"
                        + " variant_count, template, assigned_at) VALUES (?, ?, ?, 'scripted', ?, ?, 2, ?, ?)")
                .params(customerId, step, experiment, variant, position, "template-" + position, day + " 00:00:00")
                .update();
    }

    /** An order written straight into the database at 09:00 of the day, for reports over a scripted population. */
    public void storedOrder(String customerId, String status, String day, String discount) {
        db.sql("""
                INSERT INTO orders (id, customer_id, status, total, currency, payment_method, ship_line1, ship_city,
                    ship_postal_code, ship_country, billing_country, created_at, updated_at, discount)
                VALUES (?, ?, ?, 20.00, 'EUR', 'CARD', '1 Main St', 'Berlin', '10115', 'DE', 'DE', ?, ?, ?)""")
                .params(
                        UUID.randomUUID().toString(),
                        customerId,
                        status,
                        day + " 09:00:00",
                        day + " 09:00:00",
                        new BigDecimal(discount))
                .update();
    }
}
