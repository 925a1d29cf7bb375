package io.nurture.engagement;

public class CouponRejectedException extends RuntimeException {

    public CouponRejectedException(String message) {
        super(message);
    }
}
