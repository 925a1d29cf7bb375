package io.nurture.shipping;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Parcels booked for orders that ended without shipping go back to the carrier, however often it
 * refused before, and so does one the carrier booked only after the order's cancellation had
 * cancelled its booking (the call was under way then): for {@code nurture.shipping.late-booking-lookback}
 * after a cancellation the carrier is asked again.
 */
@Component
class ParcelGiveBacks {

    private static final Logger LOG = LoggerFactory.getLogger(ParcelGiveBacks.class);

    private final ShippingService shipping;
    private final Clock clock;
    private final Duration lateBookingLookback;

    ParcelGiveBacks(
            ShippingService shipping,
            Clock clock,
            @Value("${nurture.shipping.late-booking-lookback:PT1H}") Duration lateBookingLookback) {
        this.shipping = shipping;
        this.clock = clock;
        this.lateBookingLookback = lateBookingLookback;
    }

    @Scheduled(
            fixedDelayString = "${nurture.shipping.give-back-interval:PT5M}",
            initialDelayString = "${nurture.shipping.give-back-interval:PT5M}")
    void giveBackParcelsOfEndedOrders() {
        try {
            int stillBooked = shipping.giveBackParcelsOfEndedOrders();
            if (stillBooked > 0) {
                LOG.warn("{} parcels of ended orders are still booked at the carrier", stillBooked);
            }
        } finally {
            // A round that failed above (the database away) still asks about late bookings.
            shipping.cancelAgainBookingsCancelledSince(clock.instant().minus(lateBookingLookback));
        }
    }
}
