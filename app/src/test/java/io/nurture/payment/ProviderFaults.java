package io.nurture.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
    private final AtomicReference<HeldCharge> held = new AtomicReference<>();
    private final AtomicBoolean refundsRefused = new AtomicBoolean();

    ProviderFaults(SandboxPaymentGateway provider) {
        this.provider = provider;
    }

    /** The next {@code times} charges die after the provider took them, each charge once (its retry books it). */
    public void dieAfterCharging(int times) {
        crashesArmed.addAndGet(times);
    }

    /**
     * The next charge waits on its way to the provider until released, as a slow network holds it,
     * and its answer is then lost: the provider books it, the step dies.
     *
     */
    public HeldCharge holdNextChargeThenLoseItsAnswer() {
        HeldCharge charge = new HeldCharge(new CountDownLatch(1), new CountDownLatch(1));
        held.set(charge);
        dieAfterCharging(1);
        return charge;
    }

    /** A charge held on its way to the provider. */
    public record HeldCharge(CountDownLatch onItsWay, CountDownLatch released) {

        public boolean awaitOnItsWay(Duration patience) throws InterruptedException {
            return onItsWay.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        }

        public void release() {
            released.countDown();
        }
    }

    /** Every refund is refused until reset, as a provider that is down answers. */
    public void refuseRefunds() {
        refundsRefused.set(true);
    }

    public int crashes() {
        return crashes.get();
    }

    public void reset() {
        crashesArmed.set(0);
        crashes.set(0);
        crashed.clear();
        held.set(null);
        refundsRefused.set(false);
    }

    @Override
    public ChargeResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey) {
        HeldCharge hold = held.getAndSet(null);
        if (hold != null) {
            hold.onItsWay().countDown();
            awaitQuietly(hold.released());
        }
        ChargeResult taken = provider.charge(cardToken, amount, currency, idempotencyKey);
        if (!crashed.contains(idempotencyKey) && crashesArmed.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
            crashed.add(idempotencyKey);
            crashes.incrementAndGet();
            throw new IllegalStateException(
                    "Injected crash: the provider took charge " + idempotencyKey + ", the step died before booking it");
        }
        return taken;
    }

    @Override
    public String refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
        if (refundsRefused.get()) {
            throw new PaymentProviderUnavailableException("Injected: the provider refuses refunds");
        }
        return provider.refund(chargeReference, amount, currency, idempotencyKey);
    }

    @Override
    public Optional<Movement> lookUp(String idempotencyKey) {
        return provider.lookUp(idempotencyKey);
    }

    private static void awaitQuietly(CountDownLatch release) {
        try {
            release.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
