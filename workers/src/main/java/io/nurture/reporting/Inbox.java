package io.nurture.reporting;

import io.nurture.persistence.UtcColumns;
import io.nurture.processes.StaffWait;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything waiting for a person at the shop (the {@link StaffWait}s of the models and the
 * ledger), most urgent first: by deadline, then by how long it has waited. A deadline is when the
 * process stops waiting on its own, read from the model's timer. An item staff decided leaves at
 * once, before its process has acted on the decision.
 */
@Component
public class Inbox {

    static final int MOST_PER_WAIT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param kind         which of the models' waits (or the ledger's) this is
     * @param subjectId    what the decision is about: the order (a review), the return, the care case or the refund
     * @param waitingSince when the wait began
     * @param deadline     when the process stops waiting on its own; null when it waits for good
     * @param amount       the order's total (a review) or the money owed back (a refund)
     * @param detail       a care case's score and the customer's survey comment; a refund's kind
     * @param claimedBy    the colleague on it, while the claim holds
     */
    public record Item(
            StaffWait kind,
            String subjectId,
            String orderId,
            String customerId,
            Instant waitingSince,
            Instant deadline,
            BigDecimal amount,
            String currency,
            String detail,
            String claimedBy,
            Instant claimLapsesAt) {}

    /** What is waiting, of one kind or of all, most urgent first. */
    @Transactional(readOnly = true)
    public List<Item> waiting(Optional<StaffWait> only) {
        return jdbc
                .sql("""
                        SELECT w.*, c.claimed_by, c.lapses_at FROM (
                          (SELECT 'ORDER_REVIEW' AS wait, o.id AS subject_id, o.id AS order_id, o.customer_id,
                                  (SELECT MIN(t.at) FROM order_timeline t WHERE t.order_id = o.id AND t.status = 'IN_REVIEW')
                                    AS since,
                                  o.total AS amount, o.currency, NULL AS detail
                           FROM orders o WHERE o.status = 'IN_REVIEW' ORDER BY o.updated_at LIMIT :most)
                          UNION ALL
                          (SELECT 'RETURN_REVIEW', r.id, r.order_id, o.customer_id,
                                  (SELECT MIN(t.at) FROM return_timeline t WHERE t.return_id = r.id AND t.status = 'IN_REVIEW'),
                                  NULL, o.currency, NULL
                           FROM returns r JOIN orders o ON o.id = r.order_id
                           WHERE r.status = 'IN_REVIEW' AND r.review_note IS NULL ORDER BY r.created_at LIMIT :most)
                          UNION ALL
                          (SELECT 'RETURN_INSPECTION', r.id, r.order_id, o.customer_id,
                                  (SELECT MIN(t.at) FROM return_timeline t WHERE t.return_id = r.id AND t.status = 'RECEIVED'),
                                  NULL, o.currency, NULL
                           FROM returns r JOIN orders o ON o.id = r.order_id
                           WHERE r.status = 'RECEIVED' ORDER BY r.created_at LIMIT :most)
                          UNION ALL
                          (SELECT 'CARE_CASE', k.id, k.order_id, k.customer_id, k.opened_at, NULL, NULL,
                                  CONCAT('Score ', k.score, COALESCE(CONCAT(': ', s.comment), ''))
                           FROM care_cases k LEFT JOIN surveys s ON s.order_id = k.order_id
                           WHERE k.status = 'OPEN' ORDER BY k.opened_at LIMIT :most)
                          UNION ALL
                          (SELECT 'REFUND_OWED', p.id, p.order_id, o.customer_id, p.created_at, p.amount, p.currency, p.kind
                           FROM payments p JOIN orders o ON o.id = p.order_id
                           WHERE p.status = 'OWED' ORDER BY p.created_at LIMIT :most)
                        ) w LEFT JOIN inbox_claims c ON c.wait = w.wait AND c.subject_id = w.subject_id AND c.lapses_at > :now
                        WHERE NOT EXISTS (SELECT 1 FROM inbox_decisions d WHERE d.wait = w.wait AND d.subject_id = w.subject_id)
                        """)
                .param("most", MOST_PER_WAIT)
                .param("now", UtcColumns.utc(clock.instant()))
                .query((rs, row) -> item(rs))
                .list()
                .stream()
                .filter(item -> only.map(item.kind()::equals).orElse(true))
                .sorted(Comparator.comparing(Item::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Item::waitingSince, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Whether an item of this kind waits for staff under this id (beyond the listed ones too). */
    @Transactional(readOnly = true)
    public boolean waits(StaffWait kind, String subjectId) {
        String waiting = switch (kind) {
            case ORDER_REVIEW -> "SELECT COUNT(*) FROM orders WHERE id = :id AND status = 'IN_REVIEW'";
            case RETURN_REVIEW ->
                "SELECT COUNT(*) FROM returns WHERE id = :id AND status = 'IN_REVIEW' AND review_note IS NULL";
            case RETURN_INSPECTION -> "SELECT COUNT(*) FROM returns WHERE id = :id AND status = 'RECEIVED'";
            case CARE_CASE -> "SELECT COUNT(*) FROM care_cases WHERE id = :id AND status = 'OPEN'";
            case REFUND_OWED -> "SELECT COUNT(*) FROM payments WHERE id = :id AND status = 'OWED'";
        };
        return jdbc.sql(waiting).param("id", subjectId).query(Long.class).single() > 0;
    }

    private static Item item(ResultSet rs) throws SQLException {
        StaffWait wait = StaffWait.valueOf(rs.getString("wait"));
        Instant since = instant(rs, "since");
        return new Item(
                wait,
                rs.getString("subject_id"),
                rs.getString("order_id"),
                rs.getString("customer_id"),
                since,
                since == null ? null : wait.timeLimit().map(since::plus).orElse(null),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("detail"),
                rs.getString("claimed_by"),
                instant(rs, "lapses_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcColumns.instant(rs.getObject(column, LocalDateTime.class));
    }
}
