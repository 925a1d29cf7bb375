package io.nurture.returns;

import io.nurture.shipping.ReturnParcelArrived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Hears of every return parcel the carrier brings back, in the transaction that recorded it. */
@Component
class LateReturnParcels {

    private final ReturnService returns;

    LateReturnParcels(ReturnService returns) {
        this.returns = returns;
    }

    @EventListener
    void arrived(ReturnParcelArrived parcel) {
        returns.parcelArrived(parcel.returnId());
    }
}
