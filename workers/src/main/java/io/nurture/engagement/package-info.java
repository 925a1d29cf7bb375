/**
 * The journeys after a purchase: the steps of {@code post-purchase.bpmn} (lifecycle update,
 * follow-up, survey, service recovery, advocacy ask) and {@code customer-retention.bpmn}
 * (re-engagement, win-back, lapse). Each step uses the capabilities above, sends at most one
 * message per job, respects consent and the frequency cap for marketing, and records itself in the
 * {@link io.nurture.engagement.EngagementLog}.
 */
package io.nurture.engagement;
