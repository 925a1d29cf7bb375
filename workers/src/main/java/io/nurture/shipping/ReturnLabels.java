package io.nurture.shipping;

import io.nurture.order.OrderService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Return labels: the intent is written, then the label booked with the carrier under the return's
 * own key (outside any transaction), then its tracking number recorded. A step that died after the
 * carrier answered leaves the intent, and its retry books the same label again; the carrier's
 * events find the return by the tracking number.
 */
@Service
public class ReturnLabels {

    private final Carrier carrier;
    private final ReturnParcelRepository parcels;
    private final OrderService orders;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReturnLabels(
            Carrier carrier,
            ReturnParcelRepository parcels,
            OrderService orders,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.carrier = carrier;
        this.parcels = parcels;
        this.orders = orders;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The tracking number of the return's label, booked on the first call. */
    public String book(String returnId, String orderId) {
        Optional<String> labelled = parcels.findById(returnId).map(ReturnParcel::getTrackingNumber);
        if (labelled.isPresent()) {
            return labelled.get();
        }
        writeIntent(returnId, orderId);
        String tracking = carrier.bookReturnLabel(
                ReturnParcel.bookingKeyOf(returnId), orders.get(orderId).getShippingAddress());
        transaction.executeWithoutResult(
                status -> parcels.findById(returnId).orElseThrow().labelled(tracking));
        return tracking;
    }

    private void writeIntent(String returnId, String orderId) {
        try {
            transaction.executeWithoutResult(status -> {
                if (parcels.findById(returnId).isEmpty()) {
                    parcels.saveAndFlush(new ReturnParcel(returnId, orderId, clock.instant()));
                }
            });
        } catch (DataIntegrityViolationException sameStepTwice) {
            // A copy of this step wrote it a moment earlier: the carrier's key makes both book one label.
        }
    }

    /** Whether the carrier brought the return's parcel back. */
    public boolean received(String returnId) {
        return parcels.findById(returnId).filter(ReturnParcel::wasReceived).isPresent();
    }
}
