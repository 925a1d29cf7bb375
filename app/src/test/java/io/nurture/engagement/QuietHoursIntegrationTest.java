package io.nurture.engagement;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static io.nurture.testing.OrderRequests.withConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.nurture.order.web.HostileOrders;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Quiet hours end to end: marketing that falls due in the customer's night waits for their morning. */
@NurtureIntegrationTest
class QuietHoursIntegrationTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    Clock clock;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    Mailbox mailbox;

    @Test
    void reEngagementDueInAFarCustomersNightGoesOutInTheirMorning() {
        shop.advanceClock(untilLocal(AUCKLAND, LocalTime.of(1, 0)));
        String email = newCustomerEmail();
        String customerId = shop.deliver(shop.place(HostileOrders.set(
                withConsent(shop.order(email, "TEA-SENCHA-100", 1, card("tok_visa")), true),
                "customer.timeZone",
                AUCKLAND.getId())));
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");

        shop.advanceClock("P45DT1H");

        await().atMost(Shop.PATIENCE)
                .until(() -> shop.stepsOf(customerId).contains("RE_ENGAGEMENT:DEFERRED:QUIET_HOURS"));
        assertThat(mailbox.subjectsFor(email)).doesNotContain("We miss you");

        shop.advanceClock(untilLocal(AUCKLAND, LocalTime.of(8, 1)));

        await().atMost(Shop.PATIENCE).until(() -> mailbox.subjectsFor(email).contains("We miss you"));
        assertThat(shop.stepsOf(customerId))
                .containsSubsequence("RE_ENGAGEMENT:DEFERRED:QUIET_HOURS", "RE_ENGAGEMENT:SENT");
        assertThat(localTimeOfStep(customerId, "SENT", AUCKLAND)).isBetween(LocalTime.of(8, 0), LocalTime.of(8, 30));
    }

    @Test
    void aMessageHeldOnTheNightTheClocksGoForwardGoesOutAtEightSummerTime() {
        LocalDate springForward = nextSpringForward(BERLIN, clock.instant().plus(Duration.ofDays(46)));
        Instant dueAt = ZonedDateTime.of(springForward.minusDays(1), LocalTime.of(23, 30), BERLIN)
                .toInstant();
        shop.advanceClock(Duration.between(clock.instant(), dueAt.minus(Duration.ofDays(45)))
                .toString());
        String email = newCustomerEmail();
        String customerId = shop.deliver(shop.place(HostileOrders.set(
                withConsent(shop.order(email, "TEA-SENCHA-100", 1, card("tok_visa")), true),
                "customer.timeZone",
                BERLIN.getId())));
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");

        shop.advanceClock(Duration.between(clock.instant(), dueAt.plus(Duration.ofMinutes(10)))
                .toString());
        await().atMost(Shop.PATIENCE)
                .until(() -> shop.stepsOf(customerId).contains("RE_ENGAGEMENT:DEFERRED:QUIET_HOURS"));

        Instant eightSummerTime =
                ZonedDateTime.of(springForward, LocalTime.of(8, 0), BERLIN).toInstant();
        shop.advanceClock(Duration.between(clock.instant(), eightSummerTime.plus(Duration.ofMinutes(2)))
                .toString());

        await().atMost(Shop.PATIENCE).until(() -> mailbox.subjectsFor(email).contains("We miss you"));
        assertThat(eightSummerTime.atZone(BERLIN).getOffset()).as("summer time").isEqualTo(ZoneOffset.ofHours(2));
        assertThat(timersDueFor(customerId)).as("the hold's timer").contains(eightSummerTime);
    }

    /** When the engine's timers of the customer's journeys were due. */
    private List<Instant> timersDueFor(String customerId) {
        RecordStream records = engineRecords.snapshot();
        Set<Long> instances = EngineRecords.instancesWith(records, customerId, "customerId");
        return StreamSupport.stream(records.timerRecords().spliterator(), false)
                .filter(r -> r.getIntent() == TimerIntent.CREATED)
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .map(r -> Instant.ofEpochMilli(r.getValue().getDueDate()))
                .toList();
    }

    /** The day, on or after the instant, when the zone's clocks jump forward. */
    private static LocalDate nextSpringForward(ZoneId zone, Instant from) {
        ZoneOffsetTransition transition = zone.getRules().nextTransition(from);
        while (!transition.isGap()) {
            transition = zone.getRules().nextTransition(transition.getInstant());
        }
        return transition.getDateTimeBefore().toLocalDate();
    }

    /** From the app's now to the next time the zone's clocks show the local time, as an ISO-8601 duration. */
    private String untilLocal(ZoneId zone, LocalTime local) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant next = ZonedDateTime.of(today, local, zone).toInstant();
        if (!next.isAfter(now)) {
            next = ZonedDateTime.of(today.plusDays(1), local, zone).toInstant();
        }
        return Duration.between(now, next).toString();
    }

    private LocalTime localTimeOfStep(String customerId, String outcome, ZoneId zone) {
        JsonNode steps =
                api.get("/api/customers/" + customerId + "/journey").body().path("steps");
        return StreamSupport.stream(steps.spliterator(), false)
                .filter(step -> step.path("step").asText().equals("RE_ENGAGEMENT")
                        && step.path("outcome").asText().equals(outcome))
                .map(step -> LocalTime.ofInstant(Instant.parse(step.path("at").asText()), zone))
                .findFirst()
                .orElseThrow();
    }
}
