package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.customer.CustomerService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Holds a message the contact policy wants sent later (quiet hours) until that time in the customer's zone. */
@Service
class QuietHours {

    private final CustomerService customers;
    private final EngagementLog log;
    private final Clock clock;

    QuietHours(CustomerService customers, EngagementLog log, Clock clock) {
        this.customers = customers;
        this.log = log;
        this.clock = clock;
    }

    /** Records the wait in the customer's journey and answers when to check the message again. */
    @Transactional
    public Instant hold(String customerId, String journeyStep, String reason, LocalTime resumeAt, long jobKey) {
        Instant sendAt = next(resumeAt, customers.find(customerId).orElseThrow().getTimeZone(), clock.instant());
        log.record(customerId, null, journeyStep, EngagementStep.DEFERRED, reason, stepKey(jobKey));
        return sendAt;
    }

    /**
     * The first moment after {@code now} when the zone's clocks show {@code localTime}. On a day
     * when that time does not exist (the clocks jump over it) it moves on by the jump, as the clocks
     * do; on a day when it exists twice, the first.
     */
    static Instant next(LocalTime localTime, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant candidate = ZonedDateTime.of(today, localTime, zone).toInstant();
        return candidate.isAfter(now)
                ? candidate
                : ZonedDateTime.of(today.plusDays(1), localTime, zone).toInstant();
    }
}
