package io.nurture.shipping;

import io.nurture.orchestration.ProcessMessages;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the carrier reports about a parcel. Carriers resend events; a repeat changes nothing. */
@Service
public class CarrierEvents {

    private final ShipmentRepository shipments;
    private final ShipmentEventRepository events;
    private final ProcessMessages messages;
    private final Clock clock;

    CarrierEvents(ShipmentRepository shipments, ShipmentEventRepository events, ProcessMessages messages, Clock clock) {
        this.shipments = shipments;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Records a carrier event; a delivery goes on to the order's process once this committed.
     * Answers the shipment when the event is new, empty when it was already recorded.
     */
    @Transactional
    public Optional<Shipment> record(String trackingNumber, CarrierEventType type) {
        // Locked first: a carrier resending an event at the same moment waits, then finds it recorded.
        Shipment shipment =
                shipments.findForUpdate(trackingNumber).orElseThrow(() -> new UnknownShipmentException(trackingNumber));
        if (events.existsByTrackingNumberAndType(trackingNumber, type)) {
            return Optional.empty();
        }
        events.saveAndFlush(new ShipmentEvent(trackingNumber, type, clock.instant()));
        shipment.record(type, clock.instant());
        if (type == CarrierEventType.DELIVERED) {
            messages.shipmentDelivered(shipment.getOrderId(), trackingNumber, shipment.getDeliveredAt());
        }
        return Optional.of(shipment);
    }
}
