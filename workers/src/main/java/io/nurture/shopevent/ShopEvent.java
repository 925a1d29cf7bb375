package io.nurture.shopevent;

import java.time.Instant;
import java.util.List;

/**
 * One event as the shop sends it. Field names are the API's, so a refusal names the field the
 * caller sent.
 *
 * @param sku the product viewed, for {@link ShopEventType#PRODUCT_VIEWED}
 */
public record ShopEvent(String eventId, ShopEventType type, Instant occurredAt, Person person, Cart cart, String sku) {

    /**
     * An e-mail address, an anonymous id, or both (the shop just learnt who the anonymous person is).
     *
     * @param marketingConsent for {@link ShopEventType#SIGNED_UP}: the person asked for marketing
     *     mail; it holds once they confirm (double opt-in)
     */
    public record Person(String email, String anonymousId, String name, Boolean marketingConsent) {}

    public record Cart(String cartId, List<Line> lines) {}

    public record Line(String sku, int quantity) {}
}
