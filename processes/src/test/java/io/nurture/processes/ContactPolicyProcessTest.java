package io.nurture.processes;

import static io.nurture.processes.ContactPolicy.JobType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Contact policy", the step every journey calls before a message: send now, wait for the morning, or skip. */
class ContactPolicyProcessTest {

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(ContactPolicy.PROCESS_ID);

    @Test
    void aMessageTheCustomerMayGetGoesNow() {
        long check = messageDue("MARKETING");

        engine.completeJob(LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContacted());

        engine.assertCompletedInOrder(
                check, "LookUpContactFactsTask", "ApplyContactPolicyTask", "MessageMayGoEndEvent");
        assertThat(engine.variable(check, ContactPolicy.Variable.CONTACT)).contains("\"action\":\"SEND\"");
    }

    @Test
    void aSkippedMessageIsRecordedWithTheReason() {
        long check = messageDue("MARKETING");

        engine.completeJob(LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContactedBut("marketingSentInCapPeriod", 1));
        ActivatedJob record = engine.completeJob(RECORD_SKIPPED_MESSAGE, Map.of());

        assertThat(record.getVariablesAsMap().get(ContactPolicy.Variable.CONTACT))
                .asString()
                .contains("reason=FREQUENCY_CAP");
        assertThat(record.getVariablesAsMap()).containsEntry(ContactPolicy.Variable.JOURNEY_STEP, "WIN_BACK");
        engine.assertCompletedInOrder(check, "RecordSkippedMessageTask", "MessageSkippedEndEvent");
    }

    @Test
    void marketingDueAtNightWaitsUntilTheMorningThenGoes() {
        long check = messageDue("MARKETING");

        engine.completeJob(LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContactedBut("localTime", "23:00:00"));
        ActivatedJob hold = engine.completeJob(HOLD_MESSAGE, sendAt(Duration.ofHours(9)));
        assertThat(hold.getVariablesAsMap().get(ContactPolicy.Variable.CONTACT))
                .asString()
                .contains("resumeAt=08:00");

        engine.increaseTime(Duration.ofHours(8).plusMinutes(59));
        assertThat(engine.activeElements(check)).contains("MorningEvent");
        engine.increaseTime(Duration.ofMinutes(2));
        engine.completeJob(LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContactedBut("localTime", "08:00:30"));

        engine.assertCompletedInOrder(
                check, "HoldMessageUntilMorningTask", "MorningEvent", "LookUpContactFactsTask", "MessageMayGoEndEvent");
    }

    @Test
    void aHeldMessageIsSkippedInTheMorningWhenTheCustomerUnsubscribedOvernight() {
        long check = messageDue("MARKETING");
        engine.completeJob(LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContactedBut("localTime", "22:30:00"));
        engine.completeJob(HOLD_MESSAGE, sendAt(Duration.ofHours(10)));

        engine.increaseTime(Duration.ofHours(10).plusMinutes(1));
        engine.completeJob(LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContactedBut("unsubscribed", true));
        engine.completeJob(RECORD_SKIPPED_MESSAGE, Map.of());

        engine.assertCompletedInOrder(check, "MorningEvent", "RecordSkippedMessageTask", "MessageSkippedEndEvent");
    }

    @Test
    void aTransactionalMessageIsNeverHeldAtNight() {
        long check = messageDue("TRANSACTIONAL");

        engine.completeJob(LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContactedBut("localTime", "03:00:00"));

        engine.assertCompletedInOrder(check, "ApplyContactPolicyTask", "MessageMayGoEndEvent");
    }

    private long messageDue(String category) {
        return engine.client()
                .newCreateInstanceCommand()
                .bpmnProcessId(ContactPolicy.PROCESS_ID)
                .latestVersion()
                .variables(Map.of(
                        "customerId",
                        "customer-3",
                        ContactPolicy.Variable.MESSAGE_CATEGORY,
                        category,
                        ContactPolicy.Variable.JOURNEY,
                        CustomerRetention.PROCESS_ID,
                        ContactPolicy.Variable.JOURNEY_STEP,
                        "WIN_BACK",
                        ContactPolicy.Variable.HOLDOUT_SHARE,
                        0.1))
                .send()
                .join()
                .getProcessInstanceKey();
    }

    private Map<String, Object> sendAt(Duration fromNow) {
        return Map.of(
                ContactPolicy.Variable.SEND_AT,
                Instant.parse(engine.now()).plus(fromNow).toString());
    }
}
