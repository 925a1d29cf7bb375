package io.nurture.shopevent;

import io.nurture.customer.MarketingConsentWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Hears of every withdrawn consent in the transaction that recorded it. */
@Component
class ConsentWithdrawals {

    private final Carts carts;

    ConsentWithdrawals(Carts carts) {
        this.carts = carts;
    }

    @EventListener
    void withdrawn(MarketingConsentWithdrawn withdrawal) {
        carts.consentWithdrawn(withdrawal.customerId());
    }
}
