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
 * carrier's webhook would. Test value: a shipping postal code of {@code 99999} makes the carrier
 * fail technically (the job is retried, then an incident), to rehearse a carrier outage. Its books
 * live as long as the app: unlike a real carrier's, they do not survive a restart.
 */
@Component
@ConditionalOnProperty(name = "nurture.shipping.carrier", havingValue = "sandbox", matchIfMissing = true)
class SandboxCarrier implements Carrier {

    static final String OUTAGE_POSTAL_CODE = "99999";

    private final Map<String, String> bookings = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "SANDBOX";
    }

    @Override
    public String bookShipment(String bookingKey, ShippingAddress address, int parcels) {
        if (OUTAGE_POSTAL_CODE.equals(address.postalCode())) {
            throw new CarrierUnavailableException("Sandbox carrier outage for postal code " + OUTAGE_POSTAL_CODE);
        }
        return bookings.computeIfAbsent(bookingKey,
                key -> "SBX" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());
    }

    @Override
    public void cancelBooking(String bookingKey) {
        bookings.remove(bookingKey);
    }

    /** The bookings the sandbox holds (a test's view of the carrier's books). */
    boolean holdsBooking(String bookingKey) {
        return bookings.containsKey(bookingKey);
    }
}
