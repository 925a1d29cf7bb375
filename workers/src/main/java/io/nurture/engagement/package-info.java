/**
 * The journeys after a purchase: the steps of {@code post-purchase.bpmn} (lifecycle update,
 * follow-up, survey, service recovery, advocacy ask) and {@code customer-retention.bpmn}
 * (re-engagement, win-back, lapse). Each step uses the capabilities above, sends at most one
 * message per job, respects consent, the frequency cap and the step's holdout group for marketing,
 * and records itself in the {@link io.nurture.engagement.EngagementLog}, from which the journey
 * funnel and the uplift against the holdout groups are counted.
 */
package io.nurture.engagement;
