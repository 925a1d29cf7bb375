package io.nurture.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The broker counts as started only once its gateway knows who leads each of its partitions. */
class GatewayTopologyTest {

    @Test
    void aGatewayThatKnowsTheLeaderOfItsOnlyPartitionIsReady() {
        assertThat(GatewayTopology.everyPartitionLed(topology(1, partition(1, "leader", "healthy"))))
                .isTrue();
    }

    @Test
    void aGatewayThatHasNotYetHeardOfTheBrokerIsNotReady() {
        assertThat(GatewayTopology.everyPartitionLed("""
                        {"brokers":[],"clusterSize":1,"partitionsCount":1,"replicationFactor":1}""")).isFalse();
    }

    @Test
    void aLeaderThatIsNotYetHealthyStillTakesCommands() {
        assertThat(GatewayTopology.everyPartitionLed(topology(1, partition(1, "leader", "unhealthy"))))
                .isTrue();
    }

    @Test
    void aPartitionKnownOnlyAsFollowerIsNotReady() {
        assertThat(GatewayTopology.everyPartitionLed(topology(1, partition(1, "follower", "healthy"))))
                .isFalse();
    }

    @Test
    void everyPartitionNeedsALeaderNotJustTheFirst() {
        assertThat(GatewayTopology.everyPartitionLed(
                        topology(2, partition(1, "leader", "healthy") + "," + partition(2, "follower", "healthy"))))
                .isFalse();
        assertThat(GatewayTopology.everyPartitionLed(
                        topology(2, partition(1, "leader", "healthy") + "," + partition(2, "leader", "healthy"))))
                .isTrue();
    }

    @Test
    void anAnswerThatIsNoTopologyIsNotReady() {
        assertThat(GatewayTopology.everyPartitionLed("<html>starting</html>")).isFalse();
        assertThat(GatewayTopology.everyPartitionLed("{}")).isFalse();
    }

    /** As an 8.6 broker's embedded gateway answers GET /v2/topology. */
    private static String topology(int partitionsCount, String partitions) {
        return """
                {"brokers":[{"nodeId":0,"host":"127.0.0.1","port":26501,"partitions":[%s],"version":"8.6.0"}],\
                "clusterSize":1,"partitionsCount":%d,"replicationFactor":1,"gatewayVersion":"8.6.0"}""".formatted(partitions, partitionsCount);
    }

    private static String partition(int id, String role, String health) {
        return """
                {"partitionId":%d,"role":"%s","health":"%s"}""".formatted(id, role, health);
    }
}
