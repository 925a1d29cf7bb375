package io.nurture.broker;

import io.camunda.client.CamundaClient;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the Camunda client reconnect the moment a restarted local broker is ready. After failed
 * connection attempts gRPC waits out an exponential backoff (up to two minutes) before it tries
 * again: the workers and outboxes stayed idle for 76 s after a broker that had been down for 52 s
 * was back (measured), long enough for a test waiting a minute to fail in CI. The client does not
 * expose its channel, so it is read from the client's implementation; a client without one is left
 * to gRPC's own backoff, with a warning at start.
 */
final class ClientReconnect implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientReconnect.class);

    private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);

    private final ManagedChannel channel;

    private ClientReconnect(ManagedChannel channel) {
        this.channel = channel;
    }

    static Optional<ClientReconnect> of(CamundaClient client) {
        try {
            Field field = client.getClass().getDeclaredField("channel");
            field.setAccessible(true);
            return Optional.of(new ClientReconnect((ManagedChannel) field.get(client)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "The Camunda client ({}) does not show its gRPC channel: after a broker restart it reconnects"
                            + " on gRPC's own backoff, up to 2 minutes later",
                    client.getClass().getName(),
                    e);
            return Optional.empty();
        }
    }

    /** Reconnects and waits (briefly) until connected, so that what runs next is not refused in between. */
    @Override
    public void run() {
        channel.resetConnectBackoff();
        Instant deadline = Instant.now().plus(CONNECT_WAIT);
        while (channel.getState(true) != ConnectivityState.READY
                && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
