package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.nurture.customer.ConsentTopic;
import io.nurture.notification.Category;
import io.nurture.processes.ContactPolicy.JobType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** The steps of {@code contact-policy.bpmn}, which every journey calls before a message. */
@Component
public class ContactPolicyWorker {

    private final ContactPolicyFacts facts;
    private final QuietHours quietHours;
    private final EngagementLog log;

    ContactPolicyWorker(ContactPolicyFacts facts, QuietHours quietHours, EngagementLog log) {
        this.facts = facts;
        this.quietHours = quietHours;
        this.log = log;
    }

    @JobWorker(type = JobType.LOOK_UP_CONTACT_FACTS)
    public ContactFacts lookUpContactFacts(
            @Variable String customerId,
            @Variable Category messageCategory,
            @Variable String journey,
            @Variable String journeyStep,
            @Variable BigDecimal holdoutShare,
            @Variable String capPeriod,
            @Variable ConsentTopic topic,
            @Variable MessageVariant[] variants) {
        return facts.of(
                customerId,
                messageCategory,
                new ContactPolicyFacts.Step(
                        journey, journeyStep, holdoutShare, topic, variants == null ? null : List.of(variants)),
                Duration.parse(capPeriod));
    }

    @JobWorker(type = JobType.RECORD_SKIPPED_MESSAGE)
    public void recordSkippedMessage(
            ActivatedJob job, @Variable String customerId, @Variable String journeyStep, @Variable Decision contact) {
        log.recordSkip(customerId, journeyStep, contact.reason(), stepKey(job.getKey()));
    }

    @JobWorker(type = JobType.HOLD_MESSAGE)
    public Held holdMessageUntilTheMorning(
            ActivatedJob job, @Variable String customerId, @Variable String journeyStep, @Variable Decision contact) {
        return new Held(quietHours
                .hold(customerId, journeyStep, contact.reason(), LocalTime.parse(contact.resumeAt()), job.getKey())
                .toString());
    }

    /** The output of the decision table "Contact policy". */
    public record Decision(String action, String reason, String resumeAt) {}

    /** When the held message is checked again (ISO-8601 instant). */
    public record Held(String sendAt) {}
}
