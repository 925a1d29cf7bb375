package io.nurture.orchestration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the engine buffers a message nobody waits for yet.
 *
 * @param eventTimeToLive           carrier and payment events, which may arrive before the process waits
 * @param restockTimeToLive         restock signals for backordered orders
 * @param orderDeliveredTimeToLive  the OrderDelivered signal for the post-purchase journey
 * @param orderPlacedTimeToLive     an order's start: while the engine holds it, a repeated start is refused
 */
@ConfigurationProperties("nurture.messages")
public record MessageProperties(
        @DefaultValue("PT1H") Duration eventTimeToLive,
        @DefaultValue("PT1M") Duration restockTimeToLive,
        @DefaultValue("PT1H") Duration orderDeliveredTimeToLive,
        @DefaultValue("PT1H") Duration orderPlacedTimeToLive) {}
