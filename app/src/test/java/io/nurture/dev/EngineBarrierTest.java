package io.nurture.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class EngineBarrierTest {

    private final CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);

    @Test
    void anEngineThatPushesTheProbeBackHasNotCaughtUp() {
        when(client.newPublishMessageCommand()
                        .messageName(EngineBarrier.PROBE)
                        .correlationKey(EngineBarrier.PROBE)
                        .timeToLive(any())
                        .requestTimeout(any())
                        .send()
                        .join(anyLong(), any(TimeUnit.class)))
                .thenThrow(new ClientStatusException(Status.RESOURCE_EXHAUSTED, null));

        assertThat(barrier().caughtUp()).isFalse();
    }

    @Test
    void anEngineThatAnsweredTheProbeHasCaughtUp() {
        assertThat(barrier().caughtUp()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private EngineBarrier barrier() {
        ObjectProvider<CamundaClient> provider = mock(ObjectProvider.class);
        when(provider.getObject()).thenReturn(client);
        return new EngineBarrier(provider);
    }
}
