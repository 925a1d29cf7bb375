package io.nurture.returns;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Returns for Prometheus: units asked back per reason, refunds and their amounts, time from request
 * to refund. Registered at start, so every series exists (at zero) before the first return.
 */
@Component
class ReturnMeters {

    private final Map<ReturnReason, Counter> unitsAskedBack = new EnumMap<>(ReturnReason.class);
    private final DistributionSummary refunded;
    private final Timer timeToRefund;

    ReturnMeters(MeterRegistry registry) {
        for (ReturnReason reason : ReturnReason.values()) {
            unitsAskedBack.put(
                    reason,
                    Counter.builder("nurture.returns.units")
                            .description("Units customers asked to return, by reason")
                            .tag("reason", reason.name())
                            .register(registry));
        }
        refunded = DistributionSummary.builder("nurture.returns.refunded")
                .description("What each refunded return gave back, in the shop's currency")
                .register(registry);
        timeToRefund = Timer.builder("nurture.returns.time.to.refund")
                .description("From a return's request to its refund")
                .register(registry);
    }

    void requested(List<ReturnLine> lines) {
        once(() -> lines.forEach(line -> unitsAskedBack.get(line.getReason()).increment(line.getQuantity())));
    }

    void refunded(BigDecimal amount, Duration sinceRequest) {
        once(() -> {
            refunded.record(amount.doubleValue());
            timeToRefund.record(sinceRequest);
        });
    }

    /** Counted once the caller's transaction committed: a request that rolls back counts nothing. */
    private static void once(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
