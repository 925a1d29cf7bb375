package io.nurture.coupon;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A single-use discount for one customer, linked to the offer that issued it. */
@Entity
@Table(name = "coupons")
public class Coupon extends AssignedIdEntity {

    public static final String SERVICE_RECOVERY = "SERVICE_RECOVERY";
    public static final String WIN_BACK = "WIN_BACK";
    /** The last reminder of an abandoned checkout, for new customers (the cart coupon table). */
    public static final String CART_RECOVERY = "CART_RECOVERY";

    @Id
    private String code;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private BigDecimal value;

    @Column(nullable = false)
    private String currency;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Column(name = "redeemed_order_id")
    private String redeemedOrderId;

    @Column(name = "issue_key", nullable = false)
    private String issueKey;

    protected Coupon() {}

    Coupon(
            String code,
            String customerId,
            String kind,
            BigDecimal value,
            String currency,
            Instant issuedAt,
            Instant expiresAt,
            String issueKey) {
        this.code = code;
        this.customerId = customerId;
        this.kind = kind;
        this.value = value;
        this.currency = currency;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.issueKey = issueKey;
    }

    /** The order it paid for ended without shipping: the customer can use it again. */
    void release() {
        redeemedOrderId = null;
        redeemedAt = null;
    }

    void redeem(String orderId, Instant at) {
        redeemedOrderId = orderId;
        redeemedAt = at;
    }

    public String getCode() {
        return code;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getKind() {
        return kind;
    }

    public BigDecimal getValue() {
        return value;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isRedeemed() {
        return redeemedAt != null;
    }

    @Override
    public String getId() {
        return code;
    }

    /** The placeholders a mail that gives this coupon fills in. */
    public Map<String, Object> getMailDetails() {
        return Map.of(
                "couponCode",
                code,
                "couponValue",
                value.toPlainString(),
                "couponExpires",
                expiresAt.toString().substring(0, 10));
    }
}
