package io.nurture.customer;

import io.nurture.persistence.AssignedIdEntity;
import io.nurture.persistence.Codes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A shop's customer, known from the first order on, or earlier when the shop's events name their
 * e-mail address (a prospect); the only place personal data lives. Written by
 * several hands at once (the order form, the unsubscribe link,
 * staff, the journeys' stage changes): an update writes only the columns it changed, and one made on
 * a stale read fails (version) instead of putting back what another just stored.
 */
@Entity
@Table(name = "customers")
@DynamicUpdate
public class Customer extends AssignedIdEntity {

    @Id
    private String id;

    @Version
    private long version;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LifecycleStage stage = LifecycleStage.PROSPECT;

    @Column(name = "marketing_consent", nullable = false)
    private boolean marketingConsent;

    /** IANA id, for quiet hours; see {@link TimeZones} for where it comes from. */
    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "marketing_consent_changed_at")
    private Instant marketingConsentChangedAt;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    /** Of the unsubscribe and preferences links in marketing mail; made with the first one. */
    @Column(name = "unsubscribe_token")
    private String unsubscribeToken;

    /** The customer whose referral code brought this one, if any. */
    @Column(name = "referred_by")
    private String referredBy;

    /** When staff erased the customer's personal data; the row stays, for their orders and the metrics. */
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected Customer() {}

    public Customer(String email, String name, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.email = email;
        this.name = name;
        this.createdAt = createdAt;
    }

    /**
     * Moves the customer to a stage; answers the transition to store, or null when the customer is
     * already there (so a repeated step records nothing).
     */
    public StageTransition moveTo(LifecycleStage next, String cause, Instant at) {
        if (stage == next) {
            return null;
        }
        StageTransition transition = new StageTransition(id, stage, next, at, cause);
        stage = next;
        return transition;
    }

    /**
     * Records a consent given or withdrawn, and when; repeating the same answer changes nothing (a
     * form that shows a subscriber their choice sends their yes again without asking it anew).
     * Consent given ends an unsubscribe.
     *
     * @return whether this was news: the first answer, or another than before
     */
    public boolean setMarketingConsent(boolean marketingConsent, Instant at) {
        boolean news = this.marketingConsent != marketingConsent || marketingConsentChangedAt == null;
        if (news) {
            this.marketingConsent = marketingConsent;
            this.marketingConsentChangedAt = at;
        }
        if (marketingConsent) {
            unsubscribedAt = null;
        }
        return news;
    }

    /**
     * Consent given by an act that asked for it anew: a sign-up confirmed, or a newer yes from the
     * shop's earlier system. For a customer who consents already it renews the consent, since the
     * retention schedule counts consent from when it was last given; one no later than recorded
     * changes nothing.
     *
     * @return whether it counts, to be recorded: news, or a renewal
     */
    public boolean confirmMarketingConsent(Instant at) {
        if (!marketingConsent || marketingConsentChangedAt == null) {
            return setMarketingConsent(true, at);
        }
        if (!at.isAfter(marketingConsentChangedAt)) {
            return false;
        }
        marketingConsentChangedAt = at;
        return true;
    }

    /**
     * Removes what identifies the person: the address becomes one that names only the id (it must
     * stay unique, and a later order with the old address makes a new customer), the name goes, no
     * mail may go to them and no link of theirs works.
     */
    void erase(Instant at) {
        email = "erased-" + id + "@erased.invalid";
        name = "";
        timeZone = null;
        unsubscribeToken = null;
        unsubscribe(at);
        erasedAt = at;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /**
     * The customer left marketing through an unsubscribe or preferences link; repeating it changes nothing.
     *
     * @return whether this was news (consent was given, or never answered)
     */
    public boolean unsubscribe(Instant at) {
        boolean news = setMarketingConsent(false, at);
        if (unsubscribedAt == null) {
            unsubscribedAt = at;
        }
        return news;
    }

    /**
     * When the customer last answered on marketing here: the later of their last consent given,
     * confirmed anew or withdrawn and their unsubscribe (which changes nothing when consent was already off); empty if never.
     */
    public Optional<Instant> lastAnsweredAt() {
        return Stream.of(marketingConsentChangedAt, unsubscribedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
    }

    /** Consent to marketing given or confirmed anew after that moment and still standing: a reason to keep the address. */
    public boolean hasMarketingConsentGivenAfter(Instant moment) {
        return canGetMarketing() && marketingConsentChangedAt != null && marketingConsentChangedAt.isAfter(moment);
    }

    /** Consent given and neither withdrawn by an unsubscribe nor ended by an erasure. */
    public boolean canGetMarketing() {
        return marketingConsent && unsubscribedAt == null && erasedAt == null;
    }

    public boolean isUnsubscribed() {
        return unsubscribedAt != null;
    }

    /** The zone the customer gave (on an order, or through staff); it replaces any earlier one. */
    public void setTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    /** Until the customer gives one: the zone of the country their first order ships to. */
    public void assumeTimeZoneOf(String shippingCountry) {
        if (timeZone == null) {
            timeZone = TimeZones.forCountry(shippingCountry).getId();
        }
    }

    public ZoneId getTimeZone() {
        return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    String unsubscribeToken() {
        if (unsubscribeToken == null) {
            unsubscribeToken = Codes.token();
        }
        return unsubscribeToken;
    }

    public void referredBy(String referrerId) {
        if (referredBy == null && !id.equals(referrerId)) {
            referredBy = referrerId;
        }
    }

    public LifecycleStage getStage() {
        return stage;
    }

    public boolean hasMarketingConsent() {
        return marketingConsent;
    }

    /** When the customer last gave, confirmed anew or withdrew consent to marketing; null if never asked. */
    public Instant getMarketingConsentChangedAt() {
        return marketingConsentChangedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    /** A prospect the shop named only by e-mail gets the name its first order gives. */
    void nameIfUnknown(String given) {
        if ((name == null || name.isBlank()) && given != null && !given.isBlank()) {
            name = given;
        }
    }

    public String getName() {
        return name;
    }
}
