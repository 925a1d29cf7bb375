/**
 * Coupons: single-use codes issued once per issuing step (an apology, a win-back offer) and
 * redeemed on a new order of the same customer before they expire.
 */
package io.nurture.coupon;
