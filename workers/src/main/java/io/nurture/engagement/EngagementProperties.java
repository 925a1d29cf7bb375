package io.nurture.engagement;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl              where customers reach Nurture (survey links)
 * @param serviceRecoveryCouponValue the apology coupon for a detractor
 * @param couponValidity             how long a coupon can be redeemed
 */
@ConfigurationProperties("nurture.engagement")
public record EngagementProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("10.00") BigDecimal serviceRecoveryCouponValue,
        @DefaultValue("P120D") Duration couponValidity) {}
