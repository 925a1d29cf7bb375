package io.nurture.shopevent;

public enum ShopEventType {
    /** A product page seen; needs {@code sku}. */
    PRODUCT_VIEWED,
    /** The cart's lines now; an empty list empties it. Needs {@code cart}. */
    CART_UPDATED,
    /** The person went to the checkout with the cart. Needs {@code cart}. */
    CHECKOUT_STARTED,
    /** The person signed up with their e-mail address. Needs {@code person.email}. */
    SIGNED_UP
}
