package io.nurture.customer;

/** The customer said no to marketing (a link, the order form, staff), published in that transaction. */
public record MarketingConsentWithdrawn(String customerId) {}
