package io.nurture.inbox;

import io.nurture.notification.NotificationService;
import io.nurture.persistence.UtcColumns;
import io.nurture.reporting.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Once a day, ops hear of the inbox items whose deadline is near, before the processes decide them on their own. */
@Component
public class InboxDigest {

    private final Inbox inbox;
    private final NotificationService notifications;
    private final JdbcTemplate jdbc;
    private final InboxProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InboxDigest(
            Inbox inbox,
            NotificationService notifications,
            JdbcTemplate jdbc,
            InboxProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.transaction = transaction;
        this.inbox = inbox;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${nurture.inbox.digest-cron:0 0 7 * * *}", zone = "${nurture.inbox.digest-zone:UTC}")
    void daily() {
        send();
    }

    /**
     * Mails today's digest unless it went out already (from this or another app instance); a day
     * with nothing near its deadline sends nothing. The day's row and the mail commit together.
     *
     * @return how many items the digest listed; empty when today's was sent before
     */
    public Optional<Integer> send() {
        return transaction.execute(status -> sendToday());
    }

    private Optional<Integer> sendToday() {
        Instant now = clock.instant();
        Instant horizon = now.plus(properties.digestHorizon());
        List<Inbox.Item> due = inbox.waiting(Optional.empty()).stream()
                .filter(item -> item.deadline() != null && item.deadline().isBefore(horizon))
                .toList();
        try {
            jdbc.update(
                    "INSERT INTO inbox_digests (day, sent_at, items) VALUES (?, ?, ?)",
                    LocalDate.ofInstant(now, properties.digestZone()),
                    UtcColumns.utc(now),
                    due.size());
        } catch (DuplicateKeyException sentToday) {
            return Optional.empty();
        }
        if (!due.isEmpty()) {
            notifications.mailOps(
                    "inbox-digest",
                    Map.of(
                            "count", due.size(),
                            "horizon", properties.digestHorizon().toHours() + " hours",
                            "items", due.stream().map(InboxDigest::line).toList()));
        }
        return Optional.of(due.size());
    }

    private static Map<String, Object> line(Inbox.Item item) {
        return Map.of(
                "kind", item.kind().name(),
                "subjectId", item.subjectId(),
                "orderId", item.orderId(),
                "deadline", item.deadline().toString(),
                "claimed", item.claimedBy() != null,
                "claimedBy", item.claimedBy() == null ? "" : item.claimedBy());
    }
}
