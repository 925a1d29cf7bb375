package io.nurture.shipping.web;

import io.nurture.api.InvalidRequestException;
import io.nurture.shipping.CarrierEventType;
import io.nurture.shipping.CarrierEvents;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The carrier's webhook, for an order's parcels (IN_TRANSIT, DELIVERED) and return labels
 * (IN_TRANSIT, RETURN_RECEIVED). Carriers resend events; a repeat is accepted and changes nothing.
 */
@RestController
class CarrierEventController {

    private final CarrierEvents events;

    CarrierEventController(CarrierEvents events) {
        this.events = events;
    }

    @PostMapping("/api/shipments/{trackingNumber}/events")
    ResponseEntity<Received> receive(@PathVariable String trackingNumber, @Valid @RequestBody CarrierEvent event) {
        if (event.type() == CarrierEventType.SHIPPED) {
            throw new InvalidRequestException("type", "must be IN_TRANSIT, DELIVERED or RETURN_RECEIVED");
        }
        boolean recorded = events.record(trackingNumber, event.type());
        return ResponseEntity.accepted().body(new Received(trackingNumber, event.type(), !recorded));
    }

    record CarrierEvent(
            @Schema(
                    example = "DELIVERED",
                    allowableValues = {"IN_TRANSIT", "DELIVERED", "RETURN_RECEIVED"})
            @NotNull
            CarrierEventType type) {}

    record Received(String trackingNumber, CarrierEventType type, boolean duplicate) {}
}
