package io.nurture.engagement;

/**
 * What the contact policy ({@code contact-policy.dmn}) decides on, besides the message's category.
 *
 * @param suppressed               the customer's address bounced or complained: no mail goes to it
 * @param topicConsent             the customer keeps the step's consent topic (true for a step without one)
 * @param marketingSentInCapPeriod marketing messages the customer got within the frequency cap period
 * @param localTime                the customer's wall-clock time now, in their time zone (HH:mm:ss)
 * @param heldOut                  in the step's holdout group (marketing only)
 * @param variant                  the customer's variant of a step that runs an experiment, else null;
 *                                 the journey's call maps it out for the step's send task
 */
public record ContactFacts(
        boolean suppressed,
        boolean unsubscribed,
        boolean marketingConsent,
        boolean topicConsent,
        long marketingSentInCapPeriod,
        String localTime,
        boolean heldOut,
        MessageVariant variant) {}
