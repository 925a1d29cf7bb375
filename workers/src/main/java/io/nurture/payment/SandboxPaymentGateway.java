package io.nurture.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Stand-in for the payment provider, like a provider's test mode, with books of its own
 * ({@link SandboxBooks}) that outlive any Nurture transaction. Test card tokens:
 * <ul>
 *   <li>{@code tok_visa}: approved</li>
 *   <li>{@code tok_declined}: declined (a business outcome: the order is cancelled)</li>
 *   <li>{@code tok_error}: the provider fails technically (the job is retried, then an incident)</li>
 *   <li>{@code tok_slow}: approved after {@code nurture.payment.sandbox.slow-delay}</li>
 * </ul>
 * Any other token is declined as unknown.
 */
@Component
@ConditionalOnProperty(name = "nurture.payment.gateway", havingValue = "sandbox", matchIfMissing = true)
class SandboxPaymentGateway implements PaymentGateway {

    static final String APPROVED = "tok_visa";
    static final String DECLINED = "tok_declined";
    static final String ERROR = "tok_error";
    static final String SLOW = "tok_slow";

    private final SandboxProperties properties;
    private final SandboxBooks books;

    SandboxPaymentGateway(SandboxProperties properties, SandboxBooks books) {
        this.properties = properties;
        this.books = books;
    }

    @Override
    public ChargeResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey) {
        if (ERROR.equals(cardToken)) {
            throw new PaymentProviderUnavailableException("Sandbox provider error for token " + ERROR);
        }
        // A slow charge asked again answers at once, as a provider answers a key it already knows.
        if (SLOW.equals(cardToken)) {
            Optional<SandboxBooks.Entry> earlier = books.find(idempotencyKey);
            if (earlier.isPresent()) {
                return asResult(earlier.get());
            }
        }
        // The books keep the first entry under a key and answer it for every later one, like a provider's idempotency.
        ChargeResult decided = decide(cardToken);
        return asResult(books.keepFirst(new SandboxBooks.Entry(
                idempotencyKey,
                "CHARGE",
                decided.approved(),
                amount,
                currency,
                decided.providerReference(),
                decided.declineReason())));
    }

    @Override
    public String refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
        return books.keepFirst(new SandboxBooks.Entry(
                        idempotencyKey, "REFUND", true, amount, currency, "re_sbx_" + UUID.randomUUID(), null))
                .providerReference();
    }

    @Override
    public Optional<Movement> lookUp(String idempotencyKey) {
        return books.find(idempotencyKey)
                .map(entry -> new Movement(
                        entry.approved(), entry.amount(), entry.providerReference(), entry.declineReason()));
    }

    private static ChargeResult asResult(SandboxBooks.Entry entry) {
        return new ChargeResult(entry.approved(), entry.providerReference(), entry.declineReason());
    }

    private ChargeResult decide(String cardToken) {
        String reference = "ch_sbx_" + UUID.randomUUID();
        return switch (cardToken) {
            case APPROVED -> ChargeResult.approved(reference);
            case SLOW -> {
                pause(properties.slowDelay());
                yield ChargeResult.approved(reference);
            }
            case DECLINED -> ChargeResult.declined(reference, "card_declined");
            default -> ChargeResult.declined(reference, "unknown_token");
        };
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderUnavailableException("Interrupted while waiting for the sandbox provider");
        }
    }

    @ConfigurationProperties("nurture.payment.sandbox")
    record SandboxProperties(@DefaultValue("PT3S") Duration slowDelay) {}
}
