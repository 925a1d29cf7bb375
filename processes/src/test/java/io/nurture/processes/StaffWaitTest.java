package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StaffWaitTest {

    @Test
    void anOrderReviewEndsWhenTheModelsReviewPeriodElapses() {
        assertThat(StaffWait.ORDER_REVIEW.timeLimit()).contains(Duration.ofDays(2));
    }

    @Test
    void aReturnReviewEndsWhenTheModelsReviewTimerFires() {
        assertThat(StaffWait.RETURN_REVIEW.timeLimit()).contains(Duration.ofDays(3));
    }

    @Test
    void aParcelInspectionAndACareCaseWaitWithoutDeadline() {
        assertThat(StaffWait.RETURN_INSPECTION.timeLimit()).isEmpty();
        assertThat(StaffWait.CARE_CASE.timeLimit()).isEmpty();
    }

    @Test
    void aRefundOwedIsAWaitOfTheLedgerNotOfAModel() {
        assertThat(StaffWait.REFUND_OWED.model()).isEmpty();
        assertThat(StaffWait.REFUND_OWED.timeLimit()).isEmpty();
    }
}
