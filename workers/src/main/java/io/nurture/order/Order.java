package io.nurture.order;

import io.nurture.notification.MailableOrder;
import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "orders")
public class Order extends AssignedIdEntity implements MailableOrder {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false)
    private PaymentMethod paymentMethod;

    /** The payment provider's token for the card; never leaves the database. */
    @Column(name = "card_token")
    private String cardToken;

    @Embedded
    private ShippingAddress shippingAddress;

    @Column(name = "billing_country", nullable = false)
    private String billingCountry;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(nullable = false)
    private BigDecimal discount = BigDecimal.ZERO;

    @Column(name = "coupon_code")
    private String couponCode;

    @Column(name = "referral_code")
    private String referralCode;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    /** The secret of the link in the delivery mail where the customer starts a return themselves. */
    @Column(name = "return_token")
    private String returnToken;

    /** For a return's replacement: the order whose returned items it sends again. */
    @Column(name = "replaces_order_id")
    private String replacesOrderId;

    @Column(name = "cancellation_requested_at")
    private Instant cancellationRequestedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    // The order id goes in with each child row and never changes: not updatable, or Hibernate writes it a second time.
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    // Mapped by the entry: adding one queues its insert instead of loading the whole timeline first.
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at, id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected Order() {}

    public Order(
            String customerId,
            PaymentMethod paymentMethod,
            String cardToken,
            ShippingAddress shippingAddress,
            String billingCountry,
            String currency,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.customerId = customerId;
        this.paymentMethod = paymentMethod;
        this.cardToken = cardToken;
        this.shippingAddress = shippingAddress;
        this.billingCountry = billingCountry;
        this.currency = currency;
        this.total = BigDecimal.ZERO;
        this.createdAt = now;
        this.status = OrderStatus.RECEIVED;
        this.updatedAt = now;
        this.timeline.add(new TimelineEntry(this, now, OrderStatus.RECEIVED, "Order received"));
    }

    public void addLine(String sku, int quantity, BigDecimal unitPrice) {
        OrderLine line = new OrderLine(lines.size() + 1, sku, quantity, unitPrice);
        lines.add(line);
        total = total.add(line.getAmount());
    }

    /**
     * Moves the order to a new status and records why. Returns false, changing nothing, when the
     * order is already there, so a redelivered job cannot write the timeline twice.
     */
    public boolean moveTo(OrderStatus next, String note, Instant at) {
        if (status == next) {
            return false;
        }
        if (status.isFinished()) {
            throw new IllegalStateException("Order " + id + " is " + status + " and cannot become " + next);
        }
        status = next;
        updatedAt = at;
        timeline.add(new TimelineEntry(this, at, next, note));
        return true;
    }

    /** Takes a coupon's value off the total, never below zero. */
    public void redeem(String couponCode, BigDecimal value) {
        this.couponCode = couponCode;
        this.discount = value.min(total);
        this.total = total.subtract(discount);
    }

    public void referredWith(String referralCode) {
        this.referralCode = referralCode;
    }

    public void delivered(Instant at) {
        this.deliveredAt = at;
        if (returnToken == null) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            returnToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        }
    }

    /** Marks a draft as a return's replacement of items of another order: no new purchase. */
    void replaces(String originalOrderId) {
        this.replacesOrderId = originalOrderId;
    }

    BigDecimal discount() {
        return discount;
    }

    String couponCode() {
        return couponCode;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    public String getReplacesOrderId() {
        return replacesOrderId;
    }

    public String getReturnToken() {
        return returnToken;
    }

    /** Every item of a delivered order came back; once, and from DELIVERED only. */
    void returnedInFull(Instant at) {
        if (status == OrderStatus.DELIVERED) {
            status = OrderStatus.RETURNED;
            updatedAt = at;
            timeline.add(new TimelineEntry(this, at, OrderStatus.RETURNED, "Every item was returned"));
        }
    }

    /** Adds a remark to the timeline without changing the status. */
    public void note(String note, Instant at) {
        note(note, at, null);
    }

    /** Adds a remark a staff client made, saying which. */
    public void note(String note, Instant at, String decidedBy) {
        timeline.add(new TimelineEntry(this, at, status, note, decidedBy));
    }

    /**
     * Marks the order as being cancelled. Steps already on their way check this under the order's
     * lock and do nothing, so no charge, reservation or shipment slips in behind the compensation.
     */
    public void requestCancellation(Instant at) {
        if (cancellationRequestedAt == null) {
            cancellationRequestedAt = at;
            note("Cancellation requested", at);
        }
    }

    /**
     * Marks the order as being cancelled where no one asked (a declined card, an unpaid invoice,
     * stock that never came): from the first compensation step on, a payment that arrives is owed
     * back, not booked.
     */
    public void startCancellation(Instant at) {
        if (cancellationRequestedAt == null) {
            cancellationRequestedAt = at;
            note("Cancellation started", at);
        }
    }

    public boolean isCancellationRequested() {
        return cancellationRequestedAt != null;
    }

    public boolean isBilledInAnotherCountry() {
        return !billingCountry.equalsIgnoreCase(shippingAddress.country());
    }

    @Override
    public String getId() {
        return id;
    }

    public String getCustomerId() {
        return customerId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public String getBillingCountry() {
        return billingCountry;
    }

    public String getCardToken() {
        return cardToken;
    }

    public ShippingAddress getShippingAddress() {
        return shippingAddress;
    }

    public String getReferralCode() {
        return referralCode;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    public List<TimelineEntry> getTimeline() {
        return Collections.unmodifiableList(timeline);
    }
}
