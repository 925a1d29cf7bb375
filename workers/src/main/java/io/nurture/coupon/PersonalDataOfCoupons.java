package io.nurture.coupon;

import io.nurture.customer.CustomerErased;
import io.nurture.persistence.UtcColumns;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's coupons not used yet expire: a code mailed to the person is no longer theirs
 * to use, and no one else's. Redeemed ones stay, for what they cost.
 */
@Component
class PersonalDataOfCoupons {

    private final JdbcClient db;

    PersonalDataOfCoupons(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.counted(
                "coupons.expired",
                db.sql("UPDATE coupons SET expires_at = :at WHERE customer_id = :customerId AND redeemed_at IS NULL"
                                + " AND expires_at > :at")
                        .param("customerId", erased.customerId())
                        .param("at", UtcColumns.utc(erased.at()))
                        .update());
    }
}
