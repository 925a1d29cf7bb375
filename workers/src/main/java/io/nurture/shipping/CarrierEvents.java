package io.nurture.shipping;

import io.nurture.orchestration.ProcessMessages;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the carrier reports about a parcel: an order's (in transit, delivered) or a return's (in
 * transit, received back at the shop). Carriers resend events; a repeat changes nothing.
 */
@Service
public class CarrierEvents {

    private final ShipmentRepository shipments;
    private final ReturnParcelRepository returnParcels;
    private final ShipmentEventRepository events;
    private final ProcessMessages messages;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    CarrierEvents(
            ShipmentRepository shipments,
            ReturnParcelRepository returnParcels,
            ShipmentEventRepository events,
            ProcessMessages messages,
            ApplicationEventPublisher published,
            Clock clock) {
        this.shipments = shipments;
        this.returnParcels = returnParcels;
        this.events = events;
        this.messages = messages;
        this.published = published;
        this.clock = clock;
    }

    /**
     * Records a carrier event; a delivery goes on to the order's process, a return received to the
     * return's, once this committed. Answers whether the event is new (false when already recorded).
     */
    @Transactional
    public boolean record(String trackingNumber, CarrierEventType type) {
        // Locked first: a carrier resending an event at the same moment waits, then finds it recorded.
        Optional<Shipment> shipment = shipments.findForUpdate(trackingNumber);
        if (shipment.isPresent()) {
            return recordForOrder(shipment.get(), type);
        }
        ReturnParcel parcel = returnParcels
                .findForUpdate(trackingNumber)
                .orElseThrow(() -> new UnknownShipmentException(trackingNumber));
        return recordForReturn(parcel, type);
    }

    private boolean recordForOrder(Shipment shipment, CarrierEventType type) {
        if (type == CarrierEventType.RETURN_RECEIVED) {
            throw new CarrierEventNotForParcelException(
                    "must be IN_TRANSIT or DELIVERED for an order's parcel; RETURN_RECEIVED is for return labels");
        }
        if (!firstTime(shipment.getTrackingNumber(), type)) {
            return false;
        }
        shipment.record(type, clock.instant());
        if (type == CarrierEventType.DELIVERED) {
            messages.shipmentDelivered(shipment.getOrderId(), shipment.getTrackingNumber(), shipment.getDeliveredAt());
        }
        return true;
    }

    private boolean recordForReturn(ReturnParcel parcel, CarrierEventType type) {
        if (type == CarrierEventType.DELIVERED) {
            throw new CarrierEventNotForParcelException(
                    "must be IN_TRANSIT or RETURN_RECEIVED for a return label; DELIVERED is for an order's parcel");
        }
        if (!firstTime(parcel.getTrackingNumber(), type)) {
            return false;
        }
        if (type == CarrierEventType.RETURN_RECEIVED) {
            parcel.received(clock.instant());
            messages.returnParcelReceived(parcel.getReturnId());
            // The return's process may have closed it as not sent back: the return hears of it either way.
            published.publishEvent(new ReturnParcelArrived(parcel.getReturnId()));
        }
        return true;
    }

    private boolean firstTime(String trackingNumber, CarrierEventType type) {
        if (events.existsByTrackingNumberAndType(trackingNumber, type)) {
            return false;
        }
        events.saveAndFlush(new ShipmentEvent(trackingNumber, type, clock.instant()));
        return true;
    }
}
