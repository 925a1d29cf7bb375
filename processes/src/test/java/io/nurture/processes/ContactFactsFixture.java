package io.nurture.processes;

import java.util.HashMap;
import java.util.Map;

/** What "Look up contact facts" answers in process tests: a customer who may be contacted now, or one fact changed. */
final class ContactFactsFixture {

    private ContactFactsFixture() {}

    /** Consented, not unsubscribed, nothing within the cap, noon local time, not held out. */
    static Map<String, Object> mayBeContacted() {
        return Map.of(
                "unsubscribed",
                false,
                "marketingConsent",
                true,
                "marketingSentInCapPeriod",
                0,
                "localTime",
                "12:00:00",
                "heldOut",
                false);
    }

    static Map<String, Object> mayBeContactedBut(String fact, Object value) {
        Map<String, Object> facts = new HashMap<>(mayBeContacted());
        facts.put(fact, value);
        return facts;
    }
}
