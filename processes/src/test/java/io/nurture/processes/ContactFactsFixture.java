package io.nurture.processes;

import java.util.HashMap;
import java.util.Map;

/** What "Look up contact facts" answers in process tests: a customer who may be contacted now, or one fact changed. */
final class ContactFactsFixture {

    private ContactFactsFixture() {}

    /** Not suppressed, consented, not unsubscribed, nothing within the cap, noon local time, not held out, no experiment. */
    static Map<String, Object> mayBeContacted() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("suppressed", false);
        facts.put("unsubscribed", false);
        facts.put("marketingConsent", true);
        facts.put("topicConsent", true);
        facts.put("marketingSentInCapPeriod", 0);
        facts.put("localTime", "12:00:00");
        facts.put("heldOut", false);
        facts.put("variant", null);
        return facts;
    }

    static Map<String, Object> mayBeContactedBut(String fact, Object value) {
        Map<String, Object> facts = new HashMap<>(mayBeContacted());
        facts.put(fact, value);
        return facts;
    }
}
