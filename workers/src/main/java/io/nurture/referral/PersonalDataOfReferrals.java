package io.nurture.referral;

import io.nurture.customer.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's referral code goes: nobody can be referred by them any more. Orders placed
 * with it keep the code they were placed with.
 */
@Component
class PersonalDataOfReferrals {

    private final JdbcClient db;

    PersonalDataOfReferrals(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.customerRows(db, "referral_codes", "DELETE FROM referral_codes WHERE customer_id = :customerId");
    }
}
