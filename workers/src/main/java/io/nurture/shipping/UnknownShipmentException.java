package io.nurture.shipping;

public class UnknownShipmentException extends RuntimeException {

    public UnknownShipmentException(String trackingNumber) {
        super("No shipment with tracking number " + trackingNumber);
    }
}
