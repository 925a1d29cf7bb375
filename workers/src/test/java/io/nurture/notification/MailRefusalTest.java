package io.nurture.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.junit.jupiter.api.Test;

/** A refused mail's reason is kept and logged without the customer's address in it. */
class MailRefusalTest {

    @Test
    void theAddressAServerRepeatsInItsRefusalIsLeftOutAndItsCodeKept() {
        SendFailedException refused = new SendFailedException(
                "Invalid Addresses",
                new SendFailedException("550 5.1.1 <jane.doe+shop@example.com>: Recipient address rejected"));

        String reason = new MailRefusal(refused).toString();

        assertThat(reason).doesNotContain("jane.doe", "example.com").contains("550 5.1.1", "<address>");
    }

    @Test
    void anAddressThatCouldNotBeParsedIsLeftOutToo() {
        String reason = new MailRefusal(new AddressException("Missing final '@domain'", "ada.lovelace@")).toString();

        assertThat(reason).doesNotContain("ada.lovelace").contains("AddressException");
    }
}
