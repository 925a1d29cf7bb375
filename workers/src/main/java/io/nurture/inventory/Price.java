package io.nurture.inventory;

import java.math.BigDecimal;

/** What the catalogue asks for one unit of a product. */
public record Price(BigDecimal amount, String currency) {}
