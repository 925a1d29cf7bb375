package io.nurture.payment;

import java.math.BigDecimal;

/** An invoice is paid in full, in one payment: another amount is refused (the API answers 400 on {@code amount}). */
public class InvoiceAmountMismatchException extends RuntimeException {

    InvoiceAmountMismatchException(BigDecimal total) {
        super("must equal the invoice total " + total.toPlainString());
    }
}
