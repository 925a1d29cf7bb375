package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.coupon.Coupon;
import io.nurture.coupon.CouponOffer;
import io.nurture.coupon.CouponService;
import io.nurture.inventory.InventoryService;
import io.nurture.inventory.Product;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.order.PurchaseHistory;
import io.nurture.shopevent.Carts;
import io.nurture.shopevent.ShopEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The abandoned-checkout journey's steps: what the model decides on, the reminders, the recovery. */
@Service
class CartReminders {

    /** The reminders' journey steps are CART_REMINDER_1 to _3 (the model's journeyStep properties). */
    private static final String REMINDER_STEP = "CART_REMINDER_";

    private final Carts carts;
    private final PurchaseHistory history;
    private final InventoryService inventory;
    private final CouponService coupons;
    private final NotificationService notifications;
    private final EngagementLog log;
    private final EngagementProperties properties;
    private final Clock clock;

    CartReminders(
            Carts carts,
            PurchaseHistory history,
            InventoryService inventory,
            CouponService coupons,
            NotificationService notifications,
            EngagementLog log,
            EngagementProperties properties,
            Clock clock) {
        this.carts = carts;
        this.history = history;
        this.inventory = inventory;
        this.coupons = coupons;
        this.notifications = notifications;
        this.log = log;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param remindedRecently the customer was sent a cart reminder within the model's re-entry cooldown
     * @param cartValue        the cart at today's prices
     */
    record Facts(boolean remindedRecently, long ordersPlaced, BigDecimal cartValue) {}

    @Transactional(readOnly = true)
    Facts facts(String customerId, String cartId, Duration reentryCooldown) {
        boolean recent =
                log.sentSince(customerId, REMINDER_STEP, clock.instant().minus(reentryCooldown)) > 0;
        return new Facts(
                recent,
                history.ordersPlaced(customerId),
                priced(carts.linesOf(cartId)).value());
    }

    /**
     * The contact policy allowed it (the model asks it first); the last reminder may carry a coupon.
     *
     * @param variant the customer's variant where the step runs an experiment, else null: its template,
     *     and its coupon value as the percentage where the table grants a coupon at all
     */
    @Transactional
    void send(
            String customerId,
            String cartId,
            int reminder,
            Integer couponPercent,
            MessageVariant variant,
            long jobKey) {
        Priced cart = priced(carts.linesOf(cartId));
        String template = MessageVariant.templateOf(variant, "cart-reminder-" + reminder);
        boolean written = notifications.messageCustomerOffering(
                customerId, null, template, Category.TRIGGERED, stepKey(jobKey), () -> {
                    Map<String, Object> details = new HashMap<>();
                    details.put("lines", cart.lines());
                    details.put("cartValue", cart.value().toPlainString());
                    details.put("currency", cart.currency());
                    if (couponPercent != null
                            && couponPercent > 0
                            && cart.value().signum() > 0) {
                        details.putAll(coupon(
                                        customerId,
                                        cart,
                                        MessageVariant.couponOf(variant, BigDecimal.valueOf(couponPercent)),
                                        jobKey)
                                .getMailDetails());
                    }
                    return details;
                });
        log.recordSend(written, customerId, null, REMINDER_STEP + reminder, null, stepKey(jobKey));
    }

    private Coupon coupon(String customerId, Priced cart, BigDecimal percent, long jobKey) {
        BigDecimal value = cart.value().multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return coupons.issue(
                customerId,
                new CouponOffer(Coupon.CART_RECOVERY, value, cart.currency(), properties.couponValidity()),
                stepKey(jobKey));
    }

    /** The customer ordered after the journey began: its goal, counted in the funnel. */
    @Transactional
    void recovered(String customerId, long jobKey) {
        log.record(customerId, null, "CHECKOUT_RECOVERED", EngagementStep.DONE, null, stepKey(jobKey));
    }

    private record Priced(List<Map<String, Object>> lines, BigDecimal value, String currency) {}

    private Priced priced(List<ShopEvent.Line> lines) {
        Map<String, Product> products =
                inventory.products(lines.stream().map(ShopEvent.Line::sku).toList());
        BigDecimal value = BigDecimal.ZERO;
        String currency = null;
        List<Map<String, Object>> shown = new ArrayList<>();
        for (ShopEvent.Line line : lines) {
            Product product = products.get(line.sku());
            if (product == null) {
                continue;
            }
            value = value.add(product.getPrice().multiply(BigDecimal.valueOf(line.quantity())));
            currency = product.getCurrency();
            shown.add(Map.of("sku", line.sku(), "name", product.getName(), "quantity", line.quantity()));
        }
        return new Priced(shown, value, currency == null ? "EUR" : currency);
    }
}
