package io.nurture.payment;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Charges that a cancellation voided but the provider booked after all are given back on a schedule. */
@Component
class LateCharges {

    private static final Logger LOG = LoggerFactory.getLogger(LateCharges.class);

    private final PaymentService payments;
    private final Duration lookback;

    LateCharges(PaymentService payments, @Value("${nurture.payment.late-charge-lookback:P1D}") Duration lookback) {
        this.payments = payments;
        this.lookback = lookback;
    }

    @Scheduled(
            fixedDelayString = "${nurture.payment.late-charge-interval:PT1M}",
            initialDelayString = "${nurture.payment.late-charge-interval:PT1M}")
    void giveBackLateCharges() {
        int givenBack = payments.giveBackLateCharges(lookback);
        if (givenBack > 0) {
            LOG.warn("{} charges the provider booked after their orders' cancellation were refunded", givenBack);
        }
    }
}
