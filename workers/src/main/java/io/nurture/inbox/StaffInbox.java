package io.nurture.inbox;

import io.nurture.persistence.UtcColumns;
import io.nurture.processes.StaffWait;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps two people from deciding the same item unknowingly: claims that lapse, and a record of
 * every decision made on an item, so the second person is told who decided it and when.
 */
@Service
public class StaffInbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final InboxProperties properties;
    private final Clock clock;

    StaffInbox(JdbcTemplate jdbc, TransactionTemplate transaction, InboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Claims an undecided item for the staff client, or renews its own claim; refused while a
     * colleague's holds.
     *
     * @param waiting whether the item waits for staff (the inbox lists it): a claim on nothing is refused
     */
    @Transactional
    public Claim claim(StaffWait wait, String subjectId, String staffClient, BooleanSupplier waiting) {
        refuseIfDecided(wait, subjectId);
        if (!waiting.getAsBoolean()) {
            throw new UnknownItemException(wait, subjectId);
        }
        Instant now = clock.instant();
        Claim mine = new Claim(staffClient, now, now.plus(properties.claimLapse()));
        int renewed = jdbc.update(
                "UPDATE inbox_claims SET claimed_by = ?, claimed_at = ?, lapses_at = ?"
                        + " WHERE wait = ? AND subject_id = ? AND (claimed_by = ? OR lapses_at <= ?)",
                staffClient,
                UtcColumns.utc(now),
                UtcColumns.utc(mine.lapsesAt()),
                wait.name(),
                subjectId,
                staffClient,
                UtcColumns.utc(now));
        if (renewed == 1) {
            return mine;
        }
        try {
            jdbc.update(
                    "INSERT INTO inbox_claims (wait, subject_id, claimed_by, claimed_at, lapses_at) VALUES (?, ?, ?, ?, ?)",
                    wait.name(),
                    subjectId,
                    staffClient,
                    UtcColumns.utc(now),
                    UtcColumns.utc(mine.lapsesAt()));
            return mine;
        } catch (DuplicateKeyException colleagueFirst) {
            // Their claim may have lapsed, been released or closed by a decision meanwhile: look again.
            Optional<Claim> theirs = claimOf(wait, subjectId);
            if (theirs.isPresent()) {
                throw new ClaimedByAnotherException(wait, subjectId, theirs.get());
            }
            return claim(wait, subjectId, staffClient, waiting);
        }
    }

    /** Gives up the staff client's own claim; a colleague's stays. */
    @Transactional
    public void release(StaffWait wait, String subjectId, String staffClient) {
        jdbc.update(
                "DELETE FROM inbox_claims WHERE wait = ? AND subject_id = ? AND claimed_by = ?",
                wait.name(),
                subjectId,
                staffClient);
    }

    /** The claim on an item that has not lapsed yet. */
    private Optional<Claim> claimOf(StaffWait wait, String subjectId) {
        return jdbc
                .query(
                        "SELECT claimed_by, claimed_at, lapses_at FROM inbox_claims"
                                + " WHERE wait = ? AND subject_id = ? AND lapses_at > ?",
                        (row, i) -> new Claim(
                                row.getString(1),
                                UtcColumns.instant(row.getObject(2, LocalDateTime.class)),
                                UtcColumns.instant(row.getObject(3, LocalDateTime.class))),
                        wait.name(),
                        subjectId,
                        UtcColumns.utc(clock.instant()))
                .stream()
                .findFirst();
    }

    private Optional<Decision> decisionOf(StaffWait wait, String subjectId) {
        return jdbc
                .query(
                        "SELECT decided_by, decided_at, outcome FROM inbox_decisions WHERE wait = ? AND subject_id = ?",
                        (row, i) -> new Decision(
                                row.getString(1),
                                UtcColumns.instant(row.getObject(2, LocalDateTime.class)),
                                row.getString(3)),
                        wait.name(),
                        subjectId)
                .stream()
                .findFirst();
    }

    /**
     * Makes a staff decision on an item and records who made it, in one transaction. Refused while
     * a colleague's claim holds, and once anyone decided the item: the processes take a moment to
     * act on a decision, and until then the owning capability would accept a second one. The
     * decision's row is the guard: of two at once, the second meets the first's key and rolls back.
     *
     * @param outcome  what was decided, in a few words (approved, settled with TRANSFER-1, ...)
     * @param orderOf  the order the decision belongs to, from the decision's result
     * @param decision the owning capability's call, which checks the item's state under its lock
     */
    public <T> T decide(
            StaffWait wait,
            String subjectId,
            String staffClient,
            String outcome,
            Function<T, String> orderOf,
            Supplier<T> decision) {
        try {
            return transaction.execute(status -> {
                refuseIfDecided(wait, subjectId);
                Optional<Claim> claim = claimOf(wait, subjectId);
                if (claim.isPresent() && !claim.get().claimedBy().equals(staffClient)) {
                    throw new ClaimedByAnotherException(wait, subjectId, claim.get());
                }
                T result = decision.get();
                record(wait, subjectId, orderOf.apply(result), staffClient, outcome);
                return result;
            });
        } catch (AlreadyDecidedException | ClaimedByAnotherException refused) {
            throw refused;
        } catch (RuntimeException refused) {
            Optional<Decision> earlier = decisionOf(wait, subjectId);
            if (earlier.isPresent()) {
                throw new AlreadyDecidedException(wait, subjectId, earlier.get(), refused);
            }
            throw refused;
        }
    }

    private void refuseIfDecided(StaffWait wait, String subjectId) {
        decisionOf(wait, subjectId).ifPresent(decided -> {
            throw new AlreadyDecidedException(wait, subjectId, decided, null);
        });
    }

    private void record(StaffWait wait, String subjectId, String orderId, String staffClient, String outcome) {
        jdbc.update(
                "INSERT INTO inbox_decisions (wait, subject_id, order_id, decided_by, decided_at, outcome)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                wait.name(),
                subjectId,
                orderId,
                staffClient,
                UtcColumns.utc(clock.instant()),
                outcome.length() > 200 ? outcome.substring(0, 200) : outcome);
        jdbc.update("DELETE FROM inbox_claims WHERE wait = ? AND subject_id = ?", wait.name(), subjectId);
    }
}
