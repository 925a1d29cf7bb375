package io.nurture.shipping;

import io.nurture.order.OrderService;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Return labels: booked with the carrier under the return's own key, so a step that died after the
 * carrier answered books the same label again, and kept so the carrier's events find the return.
 */
@Service
public class ReturnLabels {

    private final Carrier carrier;
    private final ReturnParcelRepository parcels;
    private final OrderService orders;
    private final Clock clock;

    ReturnLabels(Carrier carrier, ReturnParcelRepository parcels, OrderService orders, Clock clock) {
        this.carrier = carrier;
        this.parcels = parcels;
        this.orders = orders;
        this.clock = clock;
    }

    /** The tracking number of the return's label, booked on the first call; the carrier is called outside any transaction. */
    public String book(String returnId, String orderId) {
        return parcels.findById(returnId).map(ReturnParcel::getTrackingNumber).orElseGet(() -> {
            String tracking = carrier.bookReturnLabel(
                    ReturnParcel.bookingKeyOf(returnId), orders.get(orderId).getShippingAddress());
            return parcels.saveAndFlush(new ReturnParcel(returnId, orderId, tracking, clock.instant()))
                    .getTrackingNumber();
        });
    }
}
