package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.inventory.InventoryService;
import io.nurture.inventory.Product;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.reporting.Recommendations;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Browse abandonment's one mail: the product the customer kept looking at, and what else they may like. */
@Service
class BrowseReminders {

    private final InventoryService inventory;
    private final Recommendations recommendations;
    private final NotificationService notifications;
    private final EngagementLog log;

    BrowseReminders(
            InventoryService inventory,
            Recommendations recommendations,
            NotificationService notifications,
            EngagementLog log) {
        this.inventory = inventory;
        this.recommendations = recommendations;
        this.notifications = notifications;
        this.log = log;
    }

    /**
     * The contact policy allowed it (the model asks it first).
     *
     * @param variant the customer's variant where the step runs an experiment, else null
     */
    @Transactional
    void send(String customerId, String sku, MessageVariant variant, long jobKey) {
        Product product = inventory.products(List.of(sku)).get(sku);
        String name = product == null ? sku : product.getName();
        boolean written = notifications.messageCustomer(
                customerId,
                null,
                MessageVariant.templateOf(variant, "browse-reminder"),
                Category.MARKETING,
                stepKey(jobKey),
                Map.of(
                        "productName",
                        name,
                        "recommendations",
                        recommendations.forCustomer(customerId).stream()
                                .filter(other -> !other.equals(name))
                                .toList()));
        log.recordSend(written, customerId, null, "BROWSE_REMINDER", null, stepKey(jobKey));
    }
}
