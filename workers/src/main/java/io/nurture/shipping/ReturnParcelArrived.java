package io.nurture.shipping;

/** The carrier brought a return's parcel back to the shop; published in the transaction that recorded it. */
public record ReturnParcelArrived(String returnId) {}
