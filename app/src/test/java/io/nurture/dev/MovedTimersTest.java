package io.nurture.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** A move's timers count as fired once the probe started before it has reached the app, not before. */
class MovedTimersTest {

    private static final Duration TWELVE_HOURS = Duration.ofHours(12);

    private final CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
    private final MovedTimers timers = new MovedTimers(provider(client));

    @Test
    void beforeAnyMoveNoTimerIsWaitedFor() {
        assertThat(timers.fired()).isTrue();
    }

    @Test
    void aMoveHasNotFallenDueUntilItsProbeReachesTheApp() {
        engineStartsProbes(101L);
        timers.beforeMove(TWELVE_HOURS);

        assertThat(timers.fired()).isFalse();
        timers.tellTheAppTheMoveFellDue(probeJobOf(101L));
        assertThat(timers.fired()).isTrue();
    }

    @Test
    void anEarlierMovesProbeFiringLateDoesNotAnswerForALaterMove() {
        engineStartsProbes(101L, 102L);
        timers.beforeMove(TWELVE_HOURS);
        timers.beforeMove(TWELVE_HOURS);

        timers.tellTheAppTheMoveFellDue(probeJobOf(101L));
        assertThat(timers.fired()).isFalse();
        timers.tellTheAppTheMoveFellDue(probeJobOf(102L));
        assertThat(timers.fired()).isTrue();
    }

    @Test
    void aMoveTheEngineTookNoProbeForIsReportedAsUnknown() {
        engineStartsProbes(101L);
        timers.beforeMove(TWELVE_HOURS);
        timers.tellTheAppTheMoveFellDue(probeJobOf(101L));
        when(client.newCreateInstanceCommand()).thenThrow(new ClientStatusException(Status.UNAVAILABLE, null));

        timers.beforeMove(TWELVE_HOURS);

        assertThat(timers.fired()).isNull();
    }

    /** The probe instances the engine starts, one key per move: the keys a partition hands out only grow. */
    private void engineStartsProbes(Long first, Long... later) {
        when(client.newCreateInstanceCommand()
                        .bpmnProcessId(MovedTimers.PROCESS)
                        .latestVersion()
                        .variables(Map.<String, Object>of(MovedTimers.WAIT, "PT12H"))
                        .requestTimeout(MovedTimers.WAIT_FOR_ENGINE)
                        .send()
                        .join(MovedTimers.WAIT_FOR_ENGINE.toMillis(), TimeUnit.MILLISECONDS)
                        .getProcessInstanceKey())
                .thenReturn(first, later);
    }

    private static ActivatedJob probeJobOf(long probe) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getProcessInstanceKey()).thenReturn(probe);
        return job;
    }

    @Test
    void theProbeModelWaitsTheMoveThenTellsTheApp() {
        var model = MovedTimers.model();

        Bpmn.validateModel(model);
        assertThat(model.getModelElementsByType(TimerEventDefinition.class))
                .singleElement()
                .satisfies(timer ->
                        assertThat(timer.getTimeDuration().getTextContent()).isEqualTo("=" + MovedTimers.WAIT));
        assertThat(model.getModelElementsByType(ServiceTask.class))
                .singleElement()
                .satisfies(task -> assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class)
                                .getType())
                        .isEqualTo(MovedTimers.JOB_TYPE));
    }

    @SuppressWarnings("unchecked")
    private static ObjectProvider<CamundaClient> provider(CamundaClient client) {
        ObjectProvider<CamundaClient> provider = mock(ObjectProvider.class);
        when(provider.getObject()).thenReturn(client);
        return provider;
    }
}
