package io.nurture.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineStepsTest {

    private static final String SCRAPE = """
            # HELP zeebe_element_instance_events_total Number of process element instance events
            # TYPE zeebe_element_instance_events_total counter
            zeebe_element_instance_events_total{action="activated",type="SERVICE_TASK",partition="1",eventType="UNSPECIFIED",} 2917.0
            zeebe_element_instance_events_total{action="completed",type="SERVICE_TASK",partition="1",eventType="UNSPECIFIED",} 2916.0
            # HELP zeebe_element_instance_events_created Number of process element instance events
            # TYPE zeebe_element_instance_events_created gauge
            zeebe_element_instance_events_created{action="activated",type="SERVICE_TASK",partition="1",eventType="UNSPECIFIED",} 1.733461e9
            zeebe_job_events_total{action="created",partition="1",type="charge-card",job_kind="BPMN_ELEMENT",} 149.0
            zeebe_job_events_total{action="completed",partition="2",type="charge-card",job_kind="BPMN_ELEMENT",} 148.0
            zeebe_job_events_total{action="activated",partition="1",type="charge-card",job_kind="BPMN_ELEMENT",} 3.0
            zeebe_job_events_total{action="pushed",partition="1",type="charge-card",job_kind="BPMN_ELEMENT",} 146.0
            zeebe_broker_jobs_push_fail_count_total 0.0
            zeebe_stream_processor_records_total{action="processed",partition="1",} 91234.0
            """;

    @Test
    void elementAndJobEventsOfEveryPartitionAreSteps() {
        assertThat(EngineSteps.count(SCRAPE).steps()).isEqualTo(2917 + 2916 + 149 + 148 + 3 + 146);
    }

    @Test
    void jobsActivatedByPollsAndPushedOnStreamsAreHandedOut() {
        assertThat(EngineSteps.count(SCRAPE).jobsHandedOut()).isEqualTo(3 + 146);
    }

    @Test
    void afterAFailedPushTheBrokerCannotSayWhichJobsWereHandedOut() {
        String afterAFailedPush = SCRAPE.replace("push_fail_count_total 0.0", "push_fail_count_total 1.0");

        assertThat(EngineSteps.count(afterAFailedPush).jobsHandedOut()).isEqualTo(-1);
    }

    @Test
    void failedPushesAreCountedForWhoeverWaitsForTheirJobs() {
        String afterTwoFailedPushes = SCRAPE.replace("push_fail_count_total 0.0", "push_fail_count_total 2.0");

        assertThat(EngineSteps.count(SCRAPE).jobPushesFailed()).isZero();
        assertThat(EngineSteps.count(afterTwoFailedPushes).jobPushesFailed()).isEqualTo(2);
    }

    @Test
    void anEmptyPollOfAnIdleWorkerIsNoStep() {
        String afterAPoll = SCRAPE.replace("91234.0", "91236.0");

        assertThat(EngineSteps.count(afterAPoll)).isEqualTo(EngineSteps.count(SCRAPE));
    }
}
