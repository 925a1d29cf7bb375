package io.nurture.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** A move's timers count as fired once the probe started before it has reached the app, not before. */
class MovedTimersTest {

    private final CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
    private final MovedTimers timers = new MovedTimers(provider(client));

    @Test
    void beforeAnyMoveNoTimerIsWaitedFor() {
        assertThat(timers.fired()).isTrue();
    }

    @Test
    void aMoveHasNotFallenDueUntilItsProbeReachesTheApp() {
        timers.beforeMove(Duration.ofHours(12));

        assertThat(timers.fired()).isFalse();
        timers.tellTheAppTheMoveFellDue(1);
        assertThat(timers.fired()).isTrue();
    }

    @Test
    void theProbeWaitsAsLongAsTheMove() {
        timers.beforeMove(Duration.ofHours(12));

        verify(client.newCreateInstanceCommand()
                        .bpmnProcessId(MovedTimers.PROCESS)
                        .latestVersion())
                .variables(Map.<String, Object>of(MovedTimers.WAIT, "PT12H", MovedTimers.PROBE, 1L));
    }

    @Test
    void anEarlierMovesProbeDoesNotAnswerForALaterMove() {
        timers.beforeMove(Duration.ofHours(12));
        timers.beforeMove(Duration.ofHours(12));

        timers.tellTheAppTheMoveFellDue(1);
        assertThat(timers.fired()).isFalse();
        timers.tellTheAppTheMoveFellDue(2);
        assertThat(timers.fired()).isTrue();
    }

    @Test
    void aMoveTheEngineTookNoProbeForWaitsOnlyForTheEarlierOnes() {
        timers.beforeMove(Duration.ofHours(12));
        timers.tellTheAppTheMoveFellDue(1);
        when(client.newCreateInstanceCommand()).thenThrow(new ClientStatusException(Status.UNAVAILABLE, null));

        timers.beforeMove(Duration.ofHours(12));

        assertThat(timers.fired()).isTrue();
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
