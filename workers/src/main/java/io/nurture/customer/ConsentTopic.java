package io.nurture.customer;

/**
 * What marketing a customer can keep or leave, each on its own. Analysts give each marketing and
 * triggered message step its topic in the model (the {@code topic} input of "Check contact
 * policy"); the preferences page shows the wording.
 */
public enum ConsentTopic {
    OFFERS("Offers and reminders: your cart, what you looked at, coupons to come back"),
    REVIEWS_AND_REFERRALS("Requests to review what you bought and to recommend us"),
    NEWS("News and recommendations: welcome mails, best sellers, what is new");

    private final String wording;

    ConsentTopic(String wording) {
        this.wording = wording;
    }

    public String wording() {
        return wording;
    }
}
