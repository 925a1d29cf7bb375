package io.nurture.payment;

import io.nurture.notification.NotificationService;
import io.nurture.order.OrderService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reconciliation on a schedule over the orders of the last {@code lookback} (older ones
 * came to rest long ago and were checked by earlier runs; the staff API checks any period on
 * demand); ops get one mail per order that breaks the invariant, at most {@value #MAILS_PER_RUN}
 * new ones a run: an order mailed about on an earlier run is not mailed again and does not take
 * another's place (the log names them all, the metric {@code nurture_reconciliation_violations}
 * counts them).
 */
@Component
@ConditionalOnProperty(name = "nurture.reconciliation.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledReconciliation.class);
    private static final int MAILS_PER_RUN = 20;

    private final Reconciliation reconciliation;
    private final OrderService orders;
    private final NotificationService notifications;
    private final Clock clock;
    private final Duration lookback;

    ScheduledReconciliation(
            Reconciliation reconciliation,
            OrderService orders,
            NotificationService notifications,
            Clock clock,
            @Value("${nurture.reconciliation.lookback:P90D}") Duration lookback) {
        this.reconciliation = reconciliation;
        this.orders = orders;
        this.notifications = notifications;
        this.clock = clock;
        this.lookback = lookback;
    }

    /** Not in a transaction of its own: the check takes its own snapshot, and each ops mail is written on its own. */
    @Scheduled(cron = "${nurture.reconciliation.cron:0 30 3 * * *}", zone = "UTC")
    public void reconcile() {
        Reconciliation.Report report = reconciliation.run(clock.instant().minus(lookback));
        if (report.violations().isEmpty()) {
            LOG.info(
                    "Reconciliation: {} orders agree with their state and the provider; {} refunds owed ({})",
                    report.ordersChecked(),
                    report.refundsOwed(),
                    report.amountOwed().toPlainString());
            return;
        }
        LOG.error(
                "Reconciliation: {} of {} orders break the money invariant: {}",
                report.violations().size(),
                report.ordersChecked(),
                report.violations());
        int mailed = 0;
        for (Reconciliation.Finding finding : report.violations()) {
            if (mailed == MAILS_PER_RUN) {
                break;
            }
            if (alert(finding)) {
                mailed++;
            }
        }
    }

    /** Whether ops were mailed now: an order they were mailed about on an earlier run is not mailed again. */
    private boolean alert(Reconciliation.Finding finding) {
        return notifications.alertOps(
                orders.get(finding.orderId()),
                "reconciliation-violation",
                Map.of(
                        "problem",
                        finding.problem(),
                        "taken",
                        finding.taken().toPlainString(),
                        "returned",
                        finding.returned().toPlainString(),
                        "owes",
                        finding.owes().toPlainString()));
    }
}
