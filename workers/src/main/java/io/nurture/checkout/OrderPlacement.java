package io.nurture.checkout;

import io.nurture.coupon.CouponRejectedException;
import io.nurture.coupon.CouponService;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.customer.TimeZones;
import io.nurture.inventory.InventoryService;
import io.nurture.inventory.Price;
import io.nurture.order.NewOrder;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.PaymentMethod;
import io.nurture.order.PurchaseHistory;
import io.nurture.order.ShippingAddress;
import io.nurture.referral.ReferralService;
import io.nurture.shopevent.ShopEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a well-formed order into a stored order whose process starts, or into nothing at all:
 * the process start is written to the engine outbox in the order's transaction and published once
 * it committed, so an order is never stored without its process and no process starts for an
 * order that was not stored; the request never waits for the engine. An Idempotency-Key is
 * inserted, never overwritten, in that same transaction: of two requests with one key, only one
 * can commit an order. A key comes with the fingerprint of the request it was sent with: the same
 * key with another fingerprint is refused.
 */
@Service
public class OrderPlacement {

    /** The first try, the one after a raced key or customer, and one after a deadlock on top. */
    private static final int ATTEMPTS = 3;

    private final OrderService orders;
    private final PurchaseHistory purchases;
    private final CustomerService customers;
    private final InventoryService inventory;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final OrderProcess process;
    private final CouponService coupons;
    private final ReferralService referrals;
    private final ShopEvents shopEvents;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    OrderPlacement(
            OrderService orders,
            PurchaseHistory purchases,
            CustomerService customers,
            InventoryService inventory,
            IdempotencyKeyRepository idempotencyKeys,
            OrderProcess process,
            CouponService coupons,
            ReferralService referrals,
            ShopEvents shopEvents,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.coupons = coupons;
        this.referrals = referrals;
        this.shopEvents = shopEvents;
        this.orders = orders;
        this.purchases = purchases;
        this.customers = customers;
        this.inventory = inventory;
        this.idempotencyKeys = idempotencyKeys;
        this.process = process;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** An earlier order placed with the same key and request; another request is refused. */
    private Optional<Order> earlierOrder(String idempotencyKey, String fingerprint) {
        return reading.execute(tx -> earlierOrderIn(idempotencyKey, fingerprint));
    }

    private Optional<Order> earlierOrderIn(String idempotencyKey, String fingerprint) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return idempotencyKeys.findById(idempotencyKey).map(earlier -> {
            if (!earlier.getRequestHash().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException(idempotencyKey);
            }
            return orders.get(earlier.getOrderId());
        });
    }

    /**
     * Places a new order, or answers the earlier order placed with the same key and request (the
     * key's check and the order's writes share one transaction); when a parallel request with the
     * same key (or the same new customer) committed first, or the database chose this transaction
     * as a deadlock's victim, the losing transaction leaves nothing behind and this answers with the
     * winner's order, or places again (now, perhaps, as a known customer). A deadlock's victim is
     * rolled back whole, and running it again is what InnoDB asks for; a retrying client should not
     * see it.
     */
    public Order place(PlaceOrder request, String idempotencyKey, String fingerprint) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writing.execute(tx -> earlierOrderIn(idempotencyKey, fingerprint)
                        .orElseGet(() -> store(request, idempotencyKey, fingerprint)));
            } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
                Optional<Order> earlier = earlierOrder(idempotencyKey, fingerprint);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private Order store(PlaceOrder request, String idempotencyKey, String fingerprint) {
        Map<String, Price> catalogue = knownProducts(request.lines());
        if (request.payment().method() == PaymentMethod.CARD
                && (request.payment().token() == null
                        || request.payment().token().isBlank())) {
            throw new InvalidOrderException("payment.token", "is required for card payments");
        }
        CustomerService.Orderer orderer = customers.findOrRegisterOrderer(
                request.customer().email(),
                request.customer().name(),
                TimeZones.parse(request.customer().timeZone()),
                request.shippingAddress().country());
        Customer customer = orderer.customer();
        // A customer this order registers has no earlier order to look up.
        boolean firstOrder = orderer.registeredNow() || !purchases.hasOrdered(customer.getId());
        // Before the form's consent: a cart the order recovers ends as a recovery, not an unsubscribe.
        shopEvents.ordered(customer.getId(), request.customer().anonymousId(), firstOrder, orderer.registeredNow());
        customers.takeConsentFromOrderForm(customer, request.customer().marketingConsent());

        Order order = orders.draft(new NewOrder(
                customer.getId(),
                request.payment().method(),
                request.payment().method() == PaymentMethod.CARD
                        ? request.payment().token()
                        : null,
                address(request.shippingAddress()),
                request.billingCountry(),
                currency(catalogue),
                request.lines().stream()
                        .map(line -> new NewOrder.Line(
                                line.sku(),
                                line.quantity(),
                                catalogue.get(line.sku()).amount()))
                        .toList()));
        if (request.referralCode() != null) {
            referredBy(customer, order, request.referralCode());
        }
        if (request.couponCode() != null) {
            redeem(request.couponCode(), customer, order);
        }
        orders.place(order);
        if (idempotencyKey != null) {
            idempotencyKeys.saveAndFlush(
                    new IdempotencyKey(idempotencyKey, fingerprint, order.getId(), clock.instant()));
        }
        process.start(order, firstOrder);
        return order;
    }

    /**
     * A return's replacement: the accepted items again, for the original order's customer, address
     * and payment method, priced at zero, through order fulfilment like any order. Placed once per
     * key, in the caller's transaction.
     *
     * @return the replacement's order id
     */
    public String placeReplacement(String originalOrderId, Map<String, Integer> quantities, String key) {
        return writing.execute(tx -> idempotencyKeys
                .findById(key)
                .map(IdempotencyKey::getOrderId)
                .orElseGet(() -> {
                    Order original = orders.get(originalOrderId);
                    Order replacement = orders.draft(new NewOrder(
                            original.getCustomerId(),
                            original.getPaymentMethod(),
                            original.getCardToken(),
                            original.getShippingAddress(),
                            original.getBillingCountry(),
                            original.getCurrency(),
                            quantities.entrySet().stream()
                                    .map(line -> new NewOrder.Line(line.getKey(), line.getValue(), BigDecimal.ZERO))
                                    .toList()));
                    orders.replaces(replacement, originalOrderId);
                    orders.note(replacement, "Replaces returned items of order " + originalOrderId);
                    orders.place(replacement);
                    idempotencyKeys.saveAndFlush(new IdempotencyKey(
                            key, "replacement of " + originalOrderId, replacement.getId(), clock.instant()));
                    process.start(replacement, false);
                    return replacement.getId();
                }));
    }

    private void referredBy(Customer customer, Order order, String referralCode) {
        String referrer = referrals
                .referrer(referralCode)
                .filter(owner -> !owner.equals(customer.getId()))
                .orElseThrow(
                        () -> new InvalidOrderException("referralCode", "is not a referral code of another customer"));
        customers.referredBy(customer, referrer);
        orders.referredWith(order, referralCode);
    }

    private void redeem(String couponCode, Customer customer, Order order) {
        try {
            orders.redeem(order, couponCode, coupons.redeem(couponCode, customer.getId(), order.getId()));
        } catch (CouponRejectedException rejected) {
            throw new InvalidOrderException("couponCode", rejected.getMessage());
        }
    }

    private Map<String, Price> knownProducts(List<PlaceOrder.Line> lines) {
        Map<String, Price> found =
                inventory.prices(lines.stream().map(PlaceOrder.Line::sku).toList());
        IntStream.range(0, lines.size())
                .filter(i -> !found.containsKey(lines.get(i).sku()))
                .findFirst()
                .ifPresent(i -> {
                    throw new InvalidOrderException("lines[" + i + "].sku", "is not in the catalogue");
                });
        return found;
    }

    private static String currency(Map<String, Price> catalogue) {
        List<String> currencies =
                catalogue.values().stream().map(Price::currency).distinct().toList();
        if (currencies.size() != 1) {
            throw new InvalidOrderException("lines", "must all be priced in one currency");
        }
        return currencies.get(0);
    }

    private static ShippingAddress address(PlaceOrder.Address address) {
        return new ShippingAddress(address.line1(), address.city(), address.postalCode(), address.country());
    }
}
