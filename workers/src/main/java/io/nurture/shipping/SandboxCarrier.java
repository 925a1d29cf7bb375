package io.nurture.shipping;

import io.nurture.order.ShippingAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Stand-in for a parcel carrier: books instantly and answers tracking numbers of the form
 * {@code SBX} + 12 characters. Delivery is reported through the carrier-events API, as a real
 * carrier's webhook would.
 */
@Component
@ConditionalOnProperty(name = "nurture.shipping.carrier", havingValue = "sandbox", matchIfMissing = true)
class SandboxCarrier implements Carrier {

    private final Map<String, String> bookings = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "SANDBOX";
    }

    @Override
    public String bookShipment(String orderId, ShippingAddress address, int parcels) {
        return bookings.computeIfAbsent(orderId,
                id -> "SBX" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());
    }
}
