package io.nurture.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mails are plain text: what a customer typed is printed as typed and never read as a template. */
class MailTemplatesTest {

    private static final String HOSTILE_NAME = "{{orderId}} <script>alert(1)</script>\r\nBcc: someone@example.com";

    private final MailTemplates templates = new MailTemplates();

    @Test
    void customerTextIsPrintedAsTypedAndNeverExpanded() {
        MailTemplates.RenderedMail mail = templates.render(
                "order-confirmed",
                Map.of(
                        "customerName",
                        HOSTILE_NAME,
                        "orderId",
                        "ORD-1",
                        "total",
                        "13.90",
                        "currency",
                        "EUR",
                        "lines",
                        List.of()));

        assertThat(mail.subject()).isEqualTo("Your order is confirmed");
        assertThat(mail.body()).startsWith("Hello " + HOSTILE_NAME + ",").contains("order ORD-1");
    }

    @Test
    void aCancellationMailSaysTheMoneyIsOwedBackWhenItCameByTransfer() {
        MailTemplates.RenderedMail mail = templates.render(
                "order-cancelled",
                Map.of(
                        "customerName",
                        "Ada",
                        "orderId",
                        "ORD-1",
                        "reason",
                        "Cancelled at the customer's request",
                        "currency",
                        "EUR",
                        "transferOwed",
                        "49.00"));

        assertThat(mail.body())
                .contains("We owe you the 49.00 EUR you paid")
                .doesNotContain("refunded")
                .doesNotContain("No payment was taken");
    }

    @Test
    void aCancellationMailSaysNothingWasTakenWhenNothingWas() {
        MailTemplates.RenderedMail mail = templates.render(
                "order-cancelled",
                Map.of(
                        "customerName",
                        "Ada",
                        "orderId",
                        "ORD-1",
                        "reason",
                        "Cancelled: the card payment was declined",
                        "currency",
                        "EUR",
                        "nothingTaken",
                        "0"));

        assertThat(mail.body())
                .contains("No payment was taken.")
                .doesNotContain("refunded")
                .doesNotContain("owe");
    }
}
