package io.nurture.shopevent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention             how long raw events are kept before they are deleted
 * @param checkoutJourneyWindow a checkout the shop reports later than this after it began starts no
 *     abandoned-checkout journey (its reminders would all be due at once)
 * @param browseViews           how many views of one product by a known customer start their browse
 *     abandonment journey, when they fall within {@code browseWindow} and no cart of theirs does
 * @param browseWindow          the time those views must fall within
 */
@ConfigurationProperties("nurture.events")
public record EventProperties(
        @DefaultValue("P30D") Duration retention,
        @DefaultValue("PT12H") Duration checkoutJourneyWindow,
        @DefaultValue("3") int browseViews,
        @DefaultValue("PT24H") Duration browseWindow) {}
