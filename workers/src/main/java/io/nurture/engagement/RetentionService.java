package io.nurture.engagement;

import io.nurture.customer.Customer;
import io.nurture.customer.CustomerRepository;
import io.nurture.customer.LifecycleService;
import io.nurture.customer.LifecycleStage;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The steps of a customer's retention journey. */
@Service
public class RetentionService {

    private final CustomerRepository customers;
    private final LifecycleService lifecycle;
    private final NotificationService notifications;
    private final CouponService coupons;
    private final Recommendations recommendations;
    private final MarketingGate marketing;
    private final EngagementLog log;
    private final JdbcClient jdbc;
    private final Clock clock;

    RetentionService(CustomerRepository customers, LifecycleService lifecycle, NotificationService notifications,
            CouponService coupons, Recommendations recommendations, MarketingGate marketing, EngagementLog log,
            JdbcClient jdbc, Clock clock) {
        this.customers = customers;
        this.lifecycle = lifecycle;
        this.notifications = notifications;
        this.coupons = coupons;
        this.recommendations = recommendations;
        this.marketing = marketing;
        this.log = log;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void sendReEngagement(String customerId, long jobKey) {
        lifecycle.moveTo(customerId, LifecycleStage.AT_RISK, "No purchase for 45 days");
        String key = PostPurchaseService.key(jobKey);
        var skip = marketing.reasonToSkip(customer(customerId));
        if (skip.isPresent()) {
            log.record(customerId, null, "RE_ENGAGEMENT", EngagementStep.SKIPPED, skip.get(), key);
            return;
        }
        notifications.messageCustomer(customerId, null, "re-engagement", Category.MARKETING, key,
                Map.of("recommendations", recommendations.forCustomer(customerId)));
        log.record(customerId, null, "RE_ENGAGEMENT", EngagementStep.SENT, null, key);
    }

    /** What the segment decision needs: spend and count of delivered orders, days since the last order. */
    @Transactional(readOnly = true)
    public CustomerFacts facts(String customerId) {
        CustomerFacts delivered = jdbc.sql("""
                SELECT COALESCE(SUM(total), 0) AS spent, COUNT(*) AS delivered FROM orders
                WHERE customer_id = :customer AND status = 'DELIVERED'
                """).param("customer", customerId)
                .query((rs, row) -> new CustomerFacts(rs.getBigDecimal("spent"), rs.getLong("delivered"), 0))
                .single();
        Timestamp lastOrder = jdbc.sql("""
                SELECT MAX(created_at) FROM orders
                WHERE customer_id = :customer AND status NOT IN ('REJECTED', 'CANCELLED')
                """).param("customer", customerId).query(Timestamp.class).single();
        long days = lastOrder == null ? 0 : Duration.between(lastOrder.toInstant(), clock.instant()).toDays();
        return new CustomerFacts(delivered.totalSpent(), delivered.orderCount(), days);
    }

    @Transactional
    public void sendWinBackOffer(String customerId, String segment, BigDecimal offerValue, long jobKey) {
        String key = PostPurchaseService.key(jobKey);
        var skip = marketing.reasonToSkip(customer(customerId));
        if (skip.isPresent()) {
            log.record(customerId, null, "WIN_BACK", EngagementStep.SKIPPED, skip.get(), key);
            return;
        }
        Coupon coupon = coupons.issue(customerId, Coupon.WIN_BACK, offerValue, lastCurrency(customerId), key);
        Map<String, Object> model = new HashMap<>(PostPurchaseService.couponModel(coupon));
        model.put("segment", segment);
        notifications.messageCustomer(customerId, null, "win-back", Category.MARKETING, key, model);
        log.record(customerId, null, "WIN_BACK", EngagementStep.SENT, segment, key);
    }

    @Transactional
    public void markLapsed(String customerId) {
        lifecycle.moveTo(customerId, LifecycleStage.LAPSED, "No purchase for 180 days");
    }

    private String lastCurrency(String customerId) {
        return jdbc.sql("SELECT currency FROM orders WHERE customer_id = :customer ORDER BY created_at DESC LIMIT 1")
                .param("customer", customerId).query(String.class).single();
    }

    private Customer customer(String customerId) {
        return customers.findById(customerId).orElseThrow();
    }

    public record CustomerFacts(BigDecimal totalSpent, long orderCount, long daysSinceLastOrder) {
    }
}
