package io.nurture.shipping;

import io.nurture.order.ShippingAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The carrier as the app sees it in tests: the sandbox, and, when armed for an order, a step that
 * dies right after the carrier booked its parcel, before Nurture could record the hand-over (as a
 * kill -9 or a failed commit would); something may happen in that window first (a cancellation).
 * Component-scanned from the test classpath, inert until armed.
 */
@Component
@Primary
public class CarrierFaults implements Carrier {

    private final SandboxCarrier carrier;
    private final Map<String, Runnable> crashes = new ConcurrentHashMap<>();
    private final Set<String> crashed = ConcurrentHashMap.newKeySet();
    private final Set<String> returnLabelCrashes = ConcurrentHashMap.newKeySet();
    private final Map<String, Runnable> lateBookings = new ConcurrentHashMap<>();

    CarrierFaults(SandboxCarrier carrier) {
        this.carrier = carrier;
    }

    /** The order's next booking dies after the carrier made it, once {@code meanwhile} has run. */
    public void dieAfterBooking(String orderId, Runnable meanwhile) {
        crashes.put("shipment-" + orderId, meanwhile);
    }

    /**
     * The order's next booking waits until {@code meanwhile} has run (a cancellation that finds
     * nothing booked yet), then the carrier books it and the step dies before recording it.
     */
    public void bookLateAndDie(String orderId, Runnable meanwhile) {
        lateBookings.put("shipment-" + orderId, meanwhile);
    }

    /** Whether the order's booking died as armed. */
    public boolean crashedFor(String orderId) {
        return crashed.contains("shipment-" + orderId);
    }

    /** Whether the carrier holds a parcel booked for the order. */
    public boolean holdsParcelFor(String orderId) {
        return carrier.holdsBooking("shipment-" + orderId);
    }

    @Override
    public String name() {
        return carrier.name();
    }

    /** The next return label booked for a parcel sent from this postal code dies after the carrier issued it. */
    public void dieAfterReturnLabelFrom(String postalCode) {
        returnLabelCrashes.add(postalCode);
    }

    /** Whether the return's label step died as armed. */
    public boolean labelStepDiedFor(String returnId) {
        return crashed.contains(ReturnParcel.bookingKeyOf(returnId));
    }

    /** Whether the carrier holds a label booked for the return. */
    public boolean holdsLabelFor(String returnId) {
        return carrier.holdsBooking(ReturnParcel.bookingKeyOf(returnId));
    }

    @Override
    public String bookShipment(String bookingKey, ShippingAddress address, int parcels) {
        Runnable before = lateBookings.remove(bookingKey);
        if (before != null) {
            before.run();
            crashes.put(bookingKey, () -> {});
        }
        String trackingNumber = carrier.bookShipment(bookingKey, address, parcels);
        Runnable meanwhile = crashes.remove(bookingKey);
        if (meanwhile != null) {
            crashed.add(bookingKey);
            meanwhile.run();
            throw new IllegalStateException("Injected crash: the carrier booked " + bookingKey + " (" + trackingNumber
                    + "), the step died before recording it");
        }
        return trackingNumber;
    }

    @Override
    public String bookReturnLabel(String bookingKey, ShippingAddress from) {
        String trackingNumber = carrier.bookReturnLabel(bookingKey, from);
        if (returnLabelCrashes.remove(from.postalCode())) {
            crashed.add(bookingKey);
            throw new IllegalStateException("Injected crash: the carrier issued return label " + trackingNumber
                    + ", the step died before recording it");
        }
        return trackingNumber;
    }

    @Override
    public void cancelBooking(String bookingKey) {
        carrier.cancelBooking(bookingKey);
    }
}
