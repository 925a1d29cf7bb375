package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JourneyStepsTest {

    @Test
    void postPurchaseStepsComeInTheOrderTheJourneyWalksThem() {
        assertThat(JourneySteps.of(PostPurchase.PROCESS_ID))
                .hasValueSatisfying(steps -> assertThat(steps)
                        .containsSubsequence("FOLLOW_UP", "SURVEY", "SURVEY_REMINDER", "UNANSWERED")
                        .containsSubsequence("SURVEY", "SERVICE_RECOVERY", "CARE_CASE_RESOLVED")
                        .contains("THANK_YOU", "ADVOCACY_ASK")
                        .doesNotHaveDuplicates());
    }

    @Test
    void retentionStepsAreReEngagementThenWinBack() {
        assertThat(JourneySteps.of(CustomerRetention.PROCESS_ID))
                .contains(java.util.List.of("RE_ENGAGEMENT", "WIN_BACK"));
    }

    @Test
    void abandonedCheckoutStepsAreTheThreeRemindersThenTheRecovery() {
        assertThat(JourneySteps.of(AbandonedCheckout.PROCESS_ID))
                .contains(java.util.List.of(
                        "CART_REMINDER_1", "CART_REMINDER_2", "CART_REMINDER_3", "CHECKOUT_RECOVERED"));
    }

    @Test
    void welcomeSeriesStepsAreTheWelcomeThenTheBestSellers() {
        assertThat(JourneySteps.of(WelcomeSeries.PROCESS_ID)).contains(java.util.List.of("WELCOME", "BEST_SELLERS"));
    }

    @Test
    void browseAbandonmentStepIsTheBrowseReminder() {
        assertThat(JourneySteps.of(BrowseAbandonment.PROCESS_ID)).contains(java.util.List.of("BROWSE_REMINDER"));
    }

    @Test
    void orderFulfillmentIsNoJourney() {
        assertThat(JourneySteps.of(OrderFulfillment.PROCESS_ID)).isEmpty();
    }
}
