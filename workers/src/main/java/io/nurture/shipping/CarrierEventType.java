package io.nurture.shipping;

public enum CarrierEventType {
    SHIPPED,
    IN_TRANSIT,
    DELIVERED,
    /** A return parcel reached the shop. */
    RETURN_RECEIVED
}
