/**
 * The read model: every query that reads across capabilities lives here and only here (the module
 * test checks the SQL): the lifecycle figures and series for the staff dashboard
 * ({@link io.nurture.reporting.LifecycleMetrics}), the journeys' funnels and uplift against their
 * holdouts ({@link io.nurture.reporting.JourneyFunnel}, {@link io.nurture.reporting.JourneyUplift}),
 * and what a customer may like next ({@link io.nurture.reporting.Recommendations}). It reads, it
 * never writes.
 */
package io.nurture.reporting;
