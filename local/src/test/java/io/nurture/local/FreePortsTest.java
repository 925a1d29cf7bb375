package io.nurture.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsLieBelowTheEphemeralRangeSoNoOutgoingConnectionTakesThemBeforeTheyAreBound() {
        int port = FreePorts.any();

        assertThat(port).isBetween(10_000, FreePorts.ephemeralStart() - 1);
    }

    @Test
    void aPortIsHandedOutOnceAndCanBeBound() throws Exception {
        Set<Integer> ports = new HashSet<>();
        IntStream.range(0, 50).forEach(i -> ports.add(FreePorts.any()));

        assertThat(ports).hasSize(50);
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(ports.iterator().next()));
        }
    }
}
