package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every answer of contact-policy.dmn, one fact away from a customer who may be contacted at noon. */
class ContactPolicyDecisionTest {

    @ParameterizedTest(name = "{0}: {1}={2} -> {3} {4} {5}")
    @CsvSource(
            nullValues = "-",
            value = {
                "MARKETING,     -,                        -,        SEND, -,                    -",
                "MARKETING,     suppressed,               true,     SKIP, SUPPRESSED,           -",
                "TRIGGERED,     suppressed,               true,     SKIP, SUPPRESSED,           -",
                "MARKETING,     unsubscribed,             true,     SKIP, UNSUBSCRIBED,         -",
                "MARKETING,     marketingConsent,         false,    SKIP, NO_MARKETING_CONSENT, -",
                "MARKETING,     topicConsent,             false,    SKIP, TOPIC_LEFT,           -",
                "TRIGGERED,     topicConsent,             false,    SKIP, TOPIC_LEFT,           -",
                "MARKETING,     marketingSentInCapPeriod, 1,        SKIP, FREQUENCY_CAP,        -",
                "MARKETING,     localTime,                21:00:00, WAIT, QUIET_HOURS,          08:00",
                "MARKETING,     localTime,                23:59:59, WAIT, QUIET_HOURS,          08:00",
                "MARKETING,     localTime,                03:00:00, WAIT, QUIET_HOURS,          08:00",
                "MARKETING,     localTime,                07:59:59, WAIT, QUIET_HOURS,          08:00",
                "MARKETING,     localTime,                08:00:00, SEND, -,                    -",
                "MARKETING,     localTime,                20:59:59, SEND, -,                    -",
                "MARKETING,     heldOut,                  true,     SKIP, HOLDOUT,              -",
                "TRANSACTIONAL, localTime,                02:00:00, SEND, -,                    -",
                "TRANSACTIONAL, marketingConsent,         false,    SEND, -,                    -",
                "TRANSACTIONAL, unsubscribed,             true,     SEND, -,                    -",
                "TRANSACTIONAL, suppressed,               true,     SEND, -,                    -",
                "TRANSACTIONAL, topicConsent,             false,    SEND, -,                    -",
            })
    void thePolicyAnswers(String category, String fact, String value, String action, String reason, String resumeAt) {
        Map<String, Object> facts = new HashMap<>(ContactFactsFixture.mayBeContacted());
        if (fact != null) {
            facts.put(fact, typed(value));
        }
        facts.put(ContactPolicy.Variable.MESSAGE_CATEGORY, category);

        String output = DecisionTables.evaluate(ContactPolicy.DECISION_ID, facts);

        assertThat(output)
                .isEqualTo("{\"action\":\"%s\",\"reason\":%s,\"resumeAt\":%s}"
                        .formatted(action, json(reason), json(resumeAt)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "suppressed, true",
        "unsubscribed, true",
        "marketingConsent, false",
        "topicConsent, false",
        "marketingSentInCapPeriod, 1"
    })
    void aCustomerWhoMustNotGetMarketingIsSkippedEvenAtNight(String fact, String value) {
        Map<String, Object> facts = new HashMap<>(ContactFactsFixture.mayBeContactedBut("localTime", "23:00:00"));
        facts.put(fact, typed(value));
        facts.put(ContactPolicy.Variable.MESSAGE_CATEGORY, "MARKETING");

        assertThat(DecisionTables.evaluate(ContactPolicy.DECISION_ID, facts)).contains("\"action\":\"SKIP\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"23:00:00", "06:00:00"})
    void aHeldOutCustomerWaitsForTheMorningLikeEveryoneElseBeforeBeingSkipped(String localTime) {
        Map<String, Object> facts = new HashMap<>(ContactFactsFixture.mayBeContactedBut("localTime", localTime));
        facts.put("heldOut", true);
        facts.put(ContactPolicy.Variable.MESSAGE_CATEGORY, "MARKETING");

        assertThat(DecisionTables.evaluate(ContactPolicy.DECISION_ID, facts)).contains("\"action\":\"WAIT\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MARKETING, SKIP", "TRIGGERED, SKIP", "TRANSACTIONAL, SEND"})
    void withoutKnowingTheCustomersConsentThePolicySendsNoMarketing(String category, String action) {
        Map<String, Object> facts = new HashMap<>(ContactFactsFixture.mayBeContacted());
        facts.remove("marketingConsent");
        facts.put(ContactPolicy.Variable.MESSAGE_CATEGORY, category);

        String output = DecisionTables.evaluate(ContactPolicy.DECISION_ID, facts);

        assertThat(output).contains("\"action\":\"%s\"".formatted(action));
        if (action.equals("SKIP")) {
            assertThat(output).contains("NO_MARKETING_CONSENT");
        }
    }

    private static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        return value.matches("\\d+") ? Integer.parseInt(value) : value;
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
