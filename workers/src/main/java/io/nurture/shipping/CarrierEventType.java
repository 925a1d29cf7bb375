package io.nurture.shipping;

public enum CarrierEventType {
    SHIPPED,
    IN_TRANSIT,
    DELIVERED
}
