package io.nurture.order;

import java.math.BigDecimal;

/** What the segment decision needs: spend and count of delivered orders, days since the last order. */
public record PurchaseFacts(BigDecimal totalSpent, long orderCount, long daysSinceLastOrder) {}
