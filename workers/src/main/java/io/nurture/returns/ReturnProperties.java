package io.nurture.returns;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param labelFee kept from the refund when the eligibility table says the customer pays the return label */
@ConfigurationProperties("nurture.returns")
public record ReturnProperties(@DefaultValue("5.90") BigDecimal labelFee) {}
