package io.nurture.inventory;

enum ReservationStatus {
    HELD,
    RELEASED,
    SHIPPED
}
