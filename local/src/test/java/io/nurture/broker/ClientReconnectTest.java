package io.nurture.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.nurture.local.FreePorts;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientReconnectTest {

    @Test
    void theClientTalksToARestartedGatewayRightAfterTheReconnect() throws Exception {
        int port = FreePorts.any();
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + port))
                .preferRestOverGrpc(false)
                .build()) {
            ClientReconnect reconnect = ClientReconnect.of(client).orElseThrow();
            assertThat(statusOfATopologyRequest(client)).as("no gateway yet").isEqualTo(Status.Code.UNAVAILABLE);

            // Any gRPC server will do: the request reaching it (and being refused as unknown) shows the connection.
            Server gateway = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                    .build()
                    .start();
            try {
                reconnect.run();

                assertThat(statusOfATopologyRequest(client)).isEqualTo(Status.Code.UNIMPLEMENTED);
            } finally {
                gateway.shutdownNow().awaitTermination();
            }
        }
    }

    private static Status.Code statusOfATopologyRequest(CamundaClient client) {
        var refused = catchThrowableOfType(
                ClientStatusException.class,
                () -> client.newTopologyRequest()
                        .requestTimeout(Duration.ofSeconds(5))
                        .send()
                        .join());
        return refused.getStatusCode();
    }
}
