package io.nurture.shipping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Parcels booked for orders that ended without shipping go back to the carrier, however often it refused before. */
@Component
class ParcelGiveBacks {

    private static final Logger LOG = LoggerFactory.getLogger(ParcelGiveBacks.class);

    private final ShippingService shipping;

    ParcelGiveBacks(ShippingService shipping) {
        this.shipping = shipping;
    }

    @Scheduled(
            fixedDelayString = "${nurture.shipping.give-back-interval:PT5M}",
            initialDelayString = "${nurture.shipping.give-back-interval:PT5M}")
    void giveBackParcelsOfEndedOrders() {
        int stillBooked = shipping.giveBackParcelsOfEndedOrders();
        if (stillBooked > 0) {
            LOG.warn("{} parcels of ended orders are still booked at the carrier", stillBooked);
        }
    }
}
