package io.nurture.shipping;

/** An event that does not happen to this kind of parcel: a return reported delivered, an order's parcel received back. */
public class CarrierEventNotForParcelException extends RuntimeException {

    CarrierEventNotForParcelException(String message) {
        super(message);
    }
}
