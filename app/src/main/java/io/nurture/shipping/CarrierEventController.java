package io.nurture.shipping;

import io.swagger.v3.oas.annotations.media.Schema;
import io.nurture.api.InvalidRequestException;
import io.nurture.orchestration.ProcessMessages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The carrier's webhook. Carriers resend events; a repeat is accepted and changes nothing. */
@RestController
class CarrierEventController {

    private final ShippingService shipping;
    private final ProcessMessages messages;

    CarrierEventController(ShippingService shipping, ProcessMessages messages) {
        this.shipping = shipping;
        this.messages = messages;
    }

    @PostMapping("/api/shipments/{trackingNumber}/events")
    @Transactional
    ResponseEntity<Received> receive(@PathVariable String trackingNumber, @Valid @RequestBody CarrierEvent event) {
        if (event.type() == CarrierEventType.SHIPPED) {
            throw new InvalidRequestException("type", "must be IN_TRANSIT or DELIVERED");
        }
        var recorded = shipping.recordCarrierEvent(trackingNumber, event.type());
        recorded.filter(shipment -> event.type() == CarrierEventType.DELIVERED)
                .ifPresent(shipment -> messages.shipmentDelivered(shipment.getOrderId(), trackingNumber, shipment.getDeliveredAt()));
        return ResponseEntity.accepted().body(new Received(trackingNumber, event.type(), recorded.isEmpty()));
    }

    record CarrierEvent(@Schema(example = "DELIVERED", allowableValues = {"IN_TRANSIT", "DELIVERED"}) @NotNull CarrierEventType type) {
    }

    record Received(String trackingNumber, CarrierEventType type, boolean duplicate) {
    }
}
