package io.nurture.order;

import java.math.BigDecimal;
import java.util.List;

/** An order as checkout hands it over, priced from the catalogue, before it is stored. */
public record NewOrder(
        String customerId,
        PaymentMethod paymentMethod,
        String cardToken,
        ShippingAddress shippingAddress,
        String billingCountry,
        String currency,
        List<Line> lines) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {}
}
