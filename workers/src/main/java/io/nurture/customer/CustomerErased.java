package io.nurture.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff erased a customer's personal data: heard in the erasing transaction by every capability
 * that holds some, each removing its own and counting what it changed into {@link #changed}, which
 * the erasure records (numbers only, no data).
 *
 * @param orderIds every order the customer placed: what they hold of the person goes too, the orders stay
 */
public record CustomerErased(String customerId, List<String> orderIds, Instant at, Map<String, Integer> changed) {

    public CustomerErased(String customerId, List<String> orderIds, Instant at) {
        this(customerId, List.copyOf(orderIds), at, new TreeMap<>());
    }

    /** @param what a table and what of it changed, e.g. {@code orders.address} */
    public void counted(String what, int rows) {
        changed.merge(what, rows, Integer::sum);
    }

    /** Runs {@code sql}, which names {@code :customerId}, and counts the rows it changed as {@code what}. */
    public void customerRows(JdbcClient db, String what, String sql) {
        counted(what, db.sql(sql).param("customerId", customerId).update());
    }

    /** Runs {@code sql}, which names {@code :orderIds}, when the customer placed orders, and counts as {@link #customerRows}. */
    public void orderRows(JdbcClient db, String what, String sql) {
        if (!orderIds.isEmpty()) {
            counted(what, db.sql(sql).param("orderIds", orderIds).update());
        }
    }
}
