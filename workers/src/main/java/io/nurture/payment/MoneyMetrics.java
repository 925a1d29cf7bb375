package io.nurture.payment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** What ops watch about money: refunds still owed (read at each scrape) and the last reconciliation's violations. */
@Component
class MoneyMetrics implements MeterBinder {

    private final PaymentRepository payments;
    private final Reconciliation reconciliation;

    MoneyMetrics(PaymentRepository payments, Reconciliation reconciliation) {
        this.payments = payments;
        this.reconciliation = reconciliation;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("nurture.reconciliation.violations", reconciliation, Reconciliation::lastViolations)
                .description(
                        "Orders whose money disagreed with their state or with the provider at the last reconciliation")
                .register(registry);
        Gauge.builder(
                        "nurture.refunds.owed",
                        () -> payments.countByKindInAndStatus(PaymentKind.GIVING_BACK, PaymentStatus.OWED))
                .description(
                        "Refunds (after a cancellation, or goodwill) owed to customers who paid by transfer, not yet paid out by staff")
                .register(registry);
    }
}
