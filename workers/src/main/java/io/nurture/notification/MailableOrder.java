package io.nurture.notification;

import java.math.BigDecimal;
import java.util.List;

/** What a mail about an order may show; the order capability's entity provides it. */
public interface MailableOrder {

    String getId();

    String getCustomerId();

    BigDecimal getTotal();

    String getCurrency();

    String getTrackingNumber();

    /** Each line shows {@code quantity} and {@code sku}. */
    List<?> getLines();
}
