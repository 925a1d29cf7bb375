package io.nurture.order;

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
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code") String billingCountry,
        @Size(max = 32) String couponCode,
        @Size(max = 32) String referralCode) {

    record Customer(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String name,
            Boolean marketingConsent) {
    }

    record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    record Payment(
            @NotNull PaymentMethod method,
            @Size(max = 64) String token) {
    }

    record Address(
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code") String country) {
    }
}
