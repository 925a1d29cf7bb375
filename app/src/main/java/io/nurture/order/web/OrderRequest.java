package io.nurture.order.web;

import io.nurture.api.OneLine;
import io.nurture.api.TimeZoneId;
import io.nurture.checkout.PlaceOrder;
import io.nurture.order.PaymentMethod;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/orders}. */
record OrderRequest(
        @NotNull @Valid Customer customer,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
        @NotNull @Valid Payment payment,
        @NotNull @Valid Address shippingAddress,

        @Schema(example = "DE")
        @NotBlank
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code")
        String billingCountry,

        @Schema(description = "a coupon of this customer's", example = "WB-7KQ2M9XH4P") @Size(max = 32)
        String couponCode,

        @Schema(description = "another customer's referral code", example = "REF-3PQ8ZK2M") @Size(max = 32)
        String referralCode) {

    record Customer(
            @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254)
            String email,

            @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) @OneLine
            String name,

            @Schema(description = "consent to marketing messages; unchanged when absent", example = "true")
            Boolean marketingConsent,

            @Schema(
                    description =
                            "the customer's time zone, for quiet hours; when absent, an earlier one is kept, else the"
                                    + " shipping country's is assumed",
                    example = "Europe/Berlin")
            @TimeZoneId
            String timeZone,

            @Schema(
                    description = "the id the shop kept for this person before it knew them (as in POST /api/events):"
                            + " their earlier events and carts move to the customer",
                    example = "anon-5f1c2a")
            @Size(max = 64)
            @Pattern(regexp = "[\\w.:-]+", message = "must be letters, digits, '.', ':', '_' or '-'")
            String anonymousId) {}

    record Line(
            @Schema(example = "TEA-SENCHA-100") @NotBlank @Size(max = 64)
            String sku,

            @Schema(example = "2") @NotNull @Min(1) @Max(1000)
            Integer quantity) {}

    record Payment(
            @Schema(example = "CARD") @NotNull PaymentMethod method,

            @Schema(
                    description =
                            "card token, required for CARD (sandbox: tok_visa, tok_declined, tok_error, tok_slow)",
                    example = "tok_visa")
            @Size(max = 64)
            String token) {}

    record Address(
            @Schema(example = "12 Analytical St") @NotBlank @Size(max = 200) @OneLine
            String line1,

            @Schema(example = "Berlin") @NotBlank @Size(max = 100) @OneLine
            String city,

            @Schema(example = "10115") @NotBlank @Size(max = 20) @OneLine
            String postalCode,

            @Schema(example = "DE")
            @NotBlank
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code")
            String country) {}

    PlaceOrder toPlaceOrder() {
        return new PlaceOrder(
                new PlaceOrder.Customer(
                        customer.email(),
                        customer.name(),
                        customer.marketingConsent(),
                        customer.timeZone(),
                        customer.anonymousId()),
                lines.stream()
                        .map(line -> new PlaceOrder.Line(line.sku(), line.quantity()))
                        .toList(),
                new PlaceOrder.Payment(payment.method(), payment.token()),
                new PlaceOrder.Address(
                        shippingAddress.line1(),
                        shippingAddress.city(),
                        shippingAddress.postalCode(),
                        shippingAddress.country()),
                billingCountry,
                couponCode,
                referralCode);
    }
}
