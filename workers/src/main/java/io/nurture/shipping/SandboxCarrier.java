package io.nurture.shipping;

import io.nurture.order.ShippingAddress;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Stand-in for a parcel carrier: books instantly and answers tracking numbers of the form
 * {@code SBX} + 12 characters. Delivery is reported through the carrier-events API, as a real
 * carrier's webhook would. Test value: a shipping postal code of {@code 99999} makes the carrier
 * fail technically (the job is retried, then an incident), to rehearse a carrier outage; one of
 * {@code 99998} books parcels but no return labels. It keeps
 * books of its own ({@link CarrierBooks}) that outlive any Nurture transaction and restart.
 */
@Component
@ConditionalOnProperty(name = "nurture.shipping.carrier", havingValue = "sandbox", matchIfMissing = true)
class SandboxCarrier implements Carrier {

    static final String OUTAGE_POSTAL_CODE = "99999";
    static final String RETURN_LABEL_OUTAGE_POSTAL_CODE = "99998";

    private final CarrierBooks books;

    SandboxCarrier(CarrierBooks books) {
        this.books = books;
    }

    @Override
    public String name() {
        return "SANDBOX";
    }

    @Override
    public String bookShipment(String bookingKey, ShippingAddress address, int parcels) {
        if (OUTAGE_POSTAL_CODE.equals(address.postalCode())) {
            throw new CarrierUnavailableException("Sandbox carrier outage for postal code " + OUTAGE_POSTAL_CODE);
        }
        return booking(bookingKey);
    }

    @Override
    public String bookReturnLabel(String bookingKey, ShippingAddress from) {
        if (RETURN_LABEL_OUTAGE_POSTAL_CODE.equals(from.postalCode())) {
            throw new CarrierUnavailableException(
                    "Sandbox carrier issues no return labels for postal code " + RETURN_LABEL_OUTAGE_POSTAL_CODE);
        }
        return booking(bookingKey);
    }

    private String booking(String bookingKey) {
        return books.keepFirst(new CarrierBooks.Booking(
                        bookingKey,
                        "SBX"
                                + UUID.randomUUID()
                                        .toString()
                                        .replace("-", "")
                                        .substring(0, 12)
                                        .toUpperCase(),
                        false))
                .trackingNumber();
    }

    @Override
    public void cancelBooking(String bookingKey) {
        books.cancel(bookingKey);
    }

    /** Whether the sandbox holds a parcel booked under the key and not cancelled (a test's view of the carrier's books). */
    boolean holdsBooking(String bookingKey) {
        return books.find(bookingKey).filter(booking -> !booking.cancelled()).isPresent();
    }
}
