package io.nurture.coupon;

public class CouponRejectedException extends RuntimeException {

    public CouponRejectedException(String message) {
        super(message);
    }
}
