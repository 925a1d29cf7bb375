package io.nurture.payment;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The payment provider as the app sees it in tests: the sandbox, and, when armed, a step that dies
 * right after the provider took a charge, before Nurture's ledger could book the answer (as a
 * kill -9 or a failed commit would). The provider's books keep the charge; the ledger keeps the
 * intent. Component-scanned from the test classpath, inert until armed.
 */
@Component
@Primary
public class ProviderFaults implements PaymentGateway {

    private final SandboxPaymentGateway provider;
    private final AtomicInteger crashesArmed = new AtomicInteger();
    private final AtomicInteger crashes = new AtomicInteger();
    private final Set<String> crashed = ConcurrentHashMap.newKeySet();

    ProviderFaults(SandboxPaymentGateway provider) {
        this.provider = provider;
    }

    /** The next {@code times} charges die after the provider took them, each charge once (its retry books it). */
    public void dieAfterCharging(int times) {
        crashesArmed.addAndGet(times);
    }

    public int crashes() {
        return crashes.get();
    }

    public void reset() {
        crashesArmed.set(0);
        crashes.set(0);
        crashed.clear();
    }

    @Override
    public ChargeResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey) {
        ChargeResult taken = provider.charge(cardToken, amount, currency, idempotencyKey);
        if (!crashed.contains(idempotencyKey) && crashesArmed.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
            crashed.add(idempotencyKey);
            crashes.incrementAndGet();
            throw new IllegalStateException("Injected crash: the provider took charge " + idempotencyKey
                    + ", the step died before booking it");
        }
        return taken;
    }

    @Override
    public String refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
        return provider.refund(chargeReference, amount, currency, idempotencyKey);
    }

    @Override
    public Optional<Movement> lookUp(String idempotencyKey) {
        return provider.lookUp(idempotencyKey);
    }
}
