package io.nurture.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public record ShippingAddress(
        @Column(name = "ship_line1") String line1,
        @Column(name = "ship_city") String city,
        @Column(name = "ship_postal_code") String postalCode,
        @Column(name = "ship_country") String country) {}
