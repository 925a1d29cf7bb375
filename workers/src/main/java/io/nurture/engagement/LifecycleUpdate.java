package io.nurture.engagement;

import io.nurture.customer.LifecycleService;
import io.nurture.customer.LifecycleStage;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.PurchaseHistory;
import io.nurture.referral.ReferralService;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Update customer lifecycle" after a delivery. */
@Service
class LifecycleUpdate {

    private final OrderService orders;
    private final PurchaseHistory history;
    private final LifecycleService lifecycle;
    private final ReferralService referrals;
    private final ProcessMessages messages;

    LifecycleUpdate(
            OrderService orders,
            PurchaseHistory history,
            LifecycleService lifecycle,
            ReferralService referrals,
            ProcessMessages messages) {
        this.orders = orders;
        this.history = history;
        this.lifecycle = lifecycle;
        this.referrals = referrals;
        this.messages = messages;
    }

    /**
     * Moves the customer's stage, credits the referrer of a referred order, and keeps the
     * customer's retention journey running: started at the first delivery, restarted by each one.
     */
    @Transactional
    public void recordDelivery(String orderId) {
        Order order = orders.get(orderId);
        String customerId = order.getCustomerId();
        lifecycle.purchaseDelivered(customerId, history.deliveredOrders(customerId));
        if (order.getReferralCode() != null) {
            referrals
                    .referrer(order.getReferralCode())
                    .ifPresent(referrer -> lifecycle.moveTo(
                            referrer, LifecycleStage.ADVOCATE, "Referral converted (order " + orderId + ")"));
        }
        Instant lastPurchase = history.lastDeliveredPurchase(customerId);
        messages.purchaseDelivered(customerId, lastPurchase);
        messages.retentionJourneyRequested(customerId, lastPurchase);
    }
}
