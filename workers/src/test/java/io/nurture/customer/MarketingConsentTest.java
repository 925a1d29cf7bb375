package io.nurture.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a customer's answers on marketing consent record, and what they change. */
class MarketingConsentTest {

    private static final Instant GIVEN = Instant.parse("2021-01-10T09:00:00Z");
    private static final Instant LATER = Instant.parse("2024-02-01T09:00:00Z");

    private final Customer customer = new Customer("ada@example.com", "Ada", Instant.parse("2020-01-01T00:00:00Z"));

    @Test
    void consentConfirmedAgainLaterRenewsItAndIsRecorded() {
        customer.setMarketingConsent(true, GIVEN);

        boolean counts = customer.confirmMarketingConsent(LATER);

        assertThat(counts).isTrue();
        assertThat(customer.getMarketingConsentChangedAt()).isEqualTo(LATER);
        assertThat(customer.hasMarketingConsentGivenAfter(GIVEN)).isTrue();
    }

    @Test
    void aYesSentAgainByAFormIsNoRenewal() {
        customer.setMarketingConsent(true, GIVEN);

        boolean news = customer.setMarketingConsent(true, LATER);

        assertThat(news).isFalse();
        assertThat(customer.getMarketingConsentChangedAt()).isEqualTo(GIVEN);
    }

    @Test
    void aConfirmationNoLaterThanTheConsentRecordedChangesNothing() {
        customer.setMarketingConsent(true, LATER);

        boolean counts = customer.confirmMarketingConsent(GIVEN);

        assertThat(counts).isFalse();
        assertThat(customer.getMarketingConsentChangedAt()).isEqualTo(LATER);
    }

    @Test
    void aConfirmationAfterAnUnsubscribeGivesConsentAgain() {
        customer.setMarketingConsent(true, GIVEN);
        customer.unsubscribe(GIVEN.plusSeconds(60));

        boolean counts = customer.confirmMarketingConsent(LATER);

        assertThat(counts).isTrue();
        assertThat(customer.canGetMarketing()).isTrue();
        assertThat(customer.lastAnsweredAt()).contains(LATER);
    }

    @Test
    void aWithdrawalRepeatedKeepsTheDateOfTheFirst() {
        customer.setMarketingConsent(true, GIVEN);
        customer.setMarketingConsent(false, GIVEN.plusSeconds(60));

        boolean news = customer.setMarketingConsent(false, LATER);

        assertThat(news).isFalse();
        assertThat(customer.getMarketingConsentChangedAt()).isEqualTo(GIVEN.plusSeconds(60));
    }
}
