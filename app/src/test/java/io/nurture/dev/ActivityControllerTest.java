package io.nurture.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nurture.clock.EngineProgress;
import io.nurture.runtime.JobsInFlight;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** What the simulation's settle reads: the app's own work, then the engine's, once it answered a probe. */
class ActivityControllerTest {

    private final EngineCallsInFlight calls = new EngineCallsInFlight();
    private final EngineBarrier barrier = mock(EngineBarrier.class);
    private final MovedTimers timers = mock(MovedTimers.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ActivityController controller = new ActivityController(
            new JobsInFlight(), calls, List.of(), meters, engineCounts(42, 5, 0), barrier, timers);

    @Test
    void theProbeIsNotCountedAmongTheRequestsAwaitingTheEngine() {
        when(barrier.caughtUp()).thenAnswer(probe -> {
            ClientCall<String, String> publish = calls.interceptCall(
                    FakeGateway.method("PublishMessage", MethodDescriptor.MethodType.UNARY),
                    CallOptions.DEFAULT,
                    new FakeGateway());
            publish.start(new ClientCall.Listener<>() {}, new Metadata());
            return true;
        });

        ActivityController.Activity activity = controller.activity(true);

        assertThat(activity.engineCallsInFlight()).isZero();
        assertThat(activity.engineCaughtUp()).isTrue();
        assertThat(activity.engineSteps()).isEqualTo(42);
    }

    @Test
    void anEngineThatDidNotAnswerTheProbeIsNotCaughtUp() {
        when(barrier.caughtUp()).thenReturn(false);

        assertThat(controller.activity(true).engineCaughtUp()).isFalse();
    }

    @Test
    void aLookAtTheAppAloneSendsTheEngineNoProbe() {
        ActivityController.Activity activity = controller.activity(false);

        verify(barrier, never()).caughtUp();
        assertThat(activity.engineCaughtUp()).isFalse();
        assertThat(activity.engineSteps()).isEqualTo(-1);
    }

    @Test
    void jobsTheEngineHandedOutThatTheClientHasNotReceivedAreInTransit() {
        when(barrier.caughtUp()).thenReturn(true);
        clientReceived("charge-card", 2);
        clientReceived("reserve-stock", 1);

        ActivityController.Activity activity = controller.activity(true);

        assertThat(activity.jobsInTransit()).isEqualTo(2);
    }

    @Test
    void whenTheClientHasReceivedEveryJobNoneIsInTransit() {
        when(barrier.caughtUp()).thenReturn(true);
        clientReceived("charge-card", 5);

        assertThat(controller.activity(true).jobsInTransit()).isZero();
    }

    @Test
    void withoutTheEngineNobodyCanSayWhatIsInTransit() {
        assertThat(controller.activity(false).jobsInTransit()).isNull();
    }

    @Test
    void anEngineThatCannotSayWhatItHandedOutLeavesTheJobsInTransitUnknown() {
        when(barrier.caughtUp()).thenReturn(true);
        ActivityController afterAFailedPush = new ActivityController(
                new JobsInFlight(), calls, List.of(), meters, engineCounts(42, -1, 3), barrier, timers);

        assertThat(afterAFailedPush.activity(true).jobsInTransit()).isNull();
    }

    @Test
    void failedPushesAreReportedSoThatAWaitCoversTheirJobsNextPoll() {
        when(barrier.caughtUp()).thenReturn(true);
        ActivityController afterFailedPushes = new ActivityController(
                new JobsInFlight(), calls, List.of(), meters, engineCounts(42, -1, 3), barrier, timers);

        assertThat(afterFailedPushes.activity(true).jobPushesFailed()).isEqualTo(3);
        assertThat(controller.activity(false).jobPushesFailed()).isNull();
    }

    private void clientReceived(String type, int jobs) {
        meters.counter("camunda.client.worker.job", "action", "activated", "type", type)
                .increment(jobs);
    }

    @SuppressWarnings("unchecked")
    private static ObjectProvider<EngineProgress> engineCounts(long steps, long jobsHandedOut, long pushesFailed) {
        ObjectProvider<EngineProgress> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(() -> new EngineProgress.Counts(steps, jobsHandedOut, pushesFailed));
        return provider;
    }
}
