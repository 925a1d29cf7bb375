package io.nurture.coupon;

import java.math.BigDecimal;
import java.time.Duration;

/** What a coupon is worth and for how long, as the journey that gives it decides. */
public record CouponOffer(String kind, BigDecimal value, String currency, Duration validity) {}
