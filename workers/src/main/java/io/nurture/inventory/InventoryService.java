package io.nurture.inventory;

import io.nurture.notification.NotificationService;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderRows;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock for orders: all lines of an order are reserved together or not at all, so a short order
 * never holds part of the stock while it waits.
 */
@Service
public class InventoryService {

    private final ProductRepository products;
    private final OrderService orderService;
    private final ProcessMessages messages;
    private final NotificationService notifications;
    private final Clock clock;
    private final RestockKeys restockKeys;
    private final OrderRows orderRows;
    private final StockHolds holds;
    private final PriceList priceList;

    InventoryService(
            ProductRepository products,
            OrderService orderService,
            ProcessMessages messages,
            NotificationService notifications,
            Clock clock,
            RestockKeys restockKeys,
            OrderRows orderRows,
            StockHolds holds,
            PriceList priceList) {
        this.products = products;
        this.orderService = orderService;
        this.messages = messages;
        this.notifications = notifications;
        this.clock = clock;
        this.restockKeys = restockKeys;
        this.orderRows = orderRows;
        this.holds = holds;
        this.priceList = priceList;
    }

    /** Reserves every line of the order; false when any line is short, leaving stock untouched. An order being cancelled reserves nothing. */
    @Transactional
    public boolean reserve(String orderId) {
        orderRows.lockToProceed(orderId);
        if (holds.reservedBefore(orderId)) {
            return holds.holds(orderId);
        }
        Map<String, Integer> wanted = orderRows.quantitiesBySku(orderId);
        Map<String, Integer> available = holds.lockProducts(wanted.keySet());
        if (!wanted.entrySet().stream().allMatch(w -> available.get(w.getKey()) >= w.getValue())) {
            return false;
        }
        Instant now = clock.instant();
        wanted.forEach((sku, quantity) -> holds.hold(orderId, sku, quantity, now));
        return true;
    }

    @Transactional
    public void putOnBackorder(String orderId) {
        Order order = orderService.move(orderId, OrderStatus.BACKORDERED, "Waiting for stock");
        notifications.tellCustomer(order, "order-backordered", Map.of());
    }

    /**
     * Gives held stock back; a second call finds nothing held and does nothing. Orders that may be
     * waiting for the products released try again once this committed.
     */
    @Transactional
    public void release(String orderId) {
        orderRows.lock(orderId);
        List<String> released = holds.release(orderId, clock.instant());
        if (!released.isEmpty()) {
            wakeOrdersWaitingFor(released);
        }
    }

    /** The goods left the warehouse: held stock stops being reserved. The caller holds the order's lock. */
    @Transactional
    public void ship(String lockedOrderId) {
        holds.ship(lockedOrderId, clock.instant());
    }

    /** Adds goods that arrived to the stock that can be promised; orders waiting for them try again once this committed. */
    @Transactional
    public Product restock(String sku, int quantity) {
        return restock(sku, quantity, null);
    }

    /**
     * A restock sent with an Idempotency-Key (or none: null): the same key again adds nothing and
     * answers the stock now; with another product or quantity it is refused. Two at once queue on
     * the product's lock (a key used for two products at once: the second's insert fails, and it is
     * refused too).
     */
    @Transactional
    public Product restock(String sku, int quantity, String idempotencyKey) {
        Product product = products.findForUpdate(sku).orElseThrow(() -> new UnknownProductException(sku));
        if (idempotencyKey == null
                || restockKeys.firstUse(idempotencyKey, product.getSku(), quantity, clock.instant())) {
            product.restock(quantity);
            wakeOrdersWaitingFor(List.of(sku));
        }
        return product;
    }

    /**
     * Sets the stock that can be promised (a stock take), only if nothing changed it since the caller
     * read it at {@code readVersion}: a level read before a reservation never overwrites it.
     */
    @Transactional
    public Product setAvailable(String sku, int available, long readVersion) {
        Product product = products.findForUpdate(sku).orElseThrow(() -> new UnknownProductException(sku));
        if (product.getVersion() != readVersion) {
            throw new StockChangedException(product);
        }
        product.setAvailable(available);
        wakeOrdersWaitingFor(List.of(sku));
        return product;
    }

    /** Backordered orders, and one caught between a failed reservation and its backorder (the signal waits for it). */
    private void wakeOrdersWaitingFor(List<String> skus) {
        orderService.mayWaitForStockOf(skus).stream()
                .filter(orderId -> !holds.holds(orderId))
                .forEach(messages::stockReplenished);
    }

    @Transactional(readOnly = true)
    public List<Product> catalogue() {
        return products.findAllByOrderBySku();
    }

    @Transactional(readOnly = true)
    public Product product(String sku) {
        return products.findById(sku).orElseThrow(() -> new UnknownProductException(sku));
    }

    /**
     * The prices of the products with these SKUs that are in the catalogue, by SKU; read in the
     * caller's transaction, if any.
     */
    public Map<String, Price> prices(List<String> skus) {
        return skus.isEmpty() ? Map.of() : priceList.of(skus);
    }

    /** The products with these skus that are in the catalogue, by sku. */
    @Transactional(readOnly = true)
    public Map<String, Product> products(List<String> skus) {
        return products.findAllById(skus).stream().collect(Collectors.toMap(Product::getSku, Function.identity()));
    }
}
