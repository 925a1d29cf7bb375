package io.nurture.checkout;

import io.nurture.order.PaymentMethod;
import java.util.List;

/**
 * An order as the shop's checkout sends it. Field names are the API's, so a refusal names the field
 * the caller sent (e.g. {@code lines[1].sku}).
 */
public record PlaceOrder(
        Customer customer,
        List<Line> lines,
        Payment payment,
        Address shippingAddress,
        String billingCountry,
        String couponCode,
        String referralCode) {

    /**
     * @param marketingConsent null leaves an earlier answer as it was; timeZone null keeps an earlier one
     * @param anonymousId      the id the shop kept for the person before it knew them; may be null
     */
    public record Customer(String email, String name, Boolean marketingConsent, String timeZone, String anonymousId) {}

    public record Line(String sku, int quantity) {}

    /** @param token the card token, for {@link PaymentMethod#CARD} */
    public record Payment(PaymentMethod method, String token) {}

    public record Address(String line1, String city, String postalCode, String country) {}
}
