package io.nurture.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxPaymentGatewayTest {

    private final InMemorySandboxBooks books = new InMemorySandboxBooks();
    private final SandboxPaymentGateway gateway =
            new SandboxPaymentGateway(new SandboxPaymentGateway.SandboxProperties(Duration.ofMillis(10)), books);

    @Test
    void approvesTheVisaTestToken() {
        assertThat(gateway.charge("tok_visa", BigDecimal.TEN, "EUR", "charge-1").approved())
                .isTrue();
    }

    @Test
    void declinesTheDeclinedTestTokenAsABusinessOutcome() {
        PaymentGateway.ChargeResult result = gateway.charge("tok_declined", BigDecimal.TEN, "EUR", "charge-2");

        assertThat(result.approved()).isFalse();
        assertThat(result.declineReason()).isEqualTo("card_declined");
    }

    @Test
    void failsTechnicallyForTheErrorTestToken() {
        assertThatThrownBy(() -> gateway.charge("tok_error", BigDecimal.TEN, "EUR", "charge-3"))
                .isInstanceOf(PaymentProviderUnavailableException.class);
    }

    @Test
    void approvesTheSlowTestTokenAfterTheDelay() {
        assertThat(gateway.charge("tok_slow", BigDecimal.TEN, "EUR", "charge-4").approved())
                .isTrue();
    }

    @Test
    void answersARepeatedIdempotencyKeyWithTheFirstCharge() {
        PaymentGateway.ChargeResult first = gateway.charge("tok_visa", BigDecimal.TEN, "EUR", "charge-5");
        PaymentGateway.ChargeResult second = gateway.charge("tok_visa", BigDecimal.TEN, "EUR", "charge-5");

        assertThat(second.providerReference()).isEqualTo(first.providerReference());
    }

    @Test
    void keepsWhatItDidUnderEachKeyInItsBooksAndTellsItWhenAsked() {
        PaymentGateway.ChargeResult charged = gateway.charge("tok_visa", new BigDecimal("12.50"), "EUR", "charge-7");
        String refunded = gateway.refund(charged.providerReference(), new BigDecimal("12.50"), "EUR", "refund-7");

        assertThat(gateway.lookUp("charge-7")).hasValueSatisfying(movement -> {
            assertThat(movement.approved()).isTrue();
            assertThat(movement.amount()).isEqualByComparingTo("12.50");
            assertThat(movement.providerReference()).isEqualTo(charged.providerReference());
        });
        assertThat(gateway.lookUp("refund-7"))
                .hasValueSatisfying(
                        movement -> assertThat(movement.providerReference()).isEqualTo(refunded));
        assertThat(gateway.lookUp("charge-never-called")).isEmpty();
    }

    @Test
    void aRepeatedRefundKeyRefundsOnce() {
        String first = gateway.refund("ch_1", BigDecimal.TEN, "EUR", "refund-8");

        assertThat(gateway.refund("ch_1", BigDecimal.TEN, "EUR", "refund-8")).isEqualTo(first);
    }

    @Test
    void declinesAnUnknownToken() {
        assertThat(gateway.charge("tok_made_up", BigDecimal.TEN, "EUR", "charge-6")
                        .declineReason())
                .isEqualTo("unknown_token");
    }
}
