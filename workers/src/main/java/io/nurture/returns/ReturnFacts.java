package io.nurture.returns;

import java.math.BigDecimal;

/**
 * What the eligibility table decides a return on, and the remedy the customer asked for; ids and
 * amounts only.
 */
public record ReturnFacts(
        long daysSinceDelivery, String returnReason, boolean includesFood, BigDecimal returnValue, String remedy) {}
