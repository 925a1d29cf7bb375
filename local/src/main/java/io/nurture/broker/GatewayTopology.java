package io.nurture.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;

/**
 * What the broker's embedded gateway knows of its cluster ({@code GET /v2/topology}). A broker
 * reports itself ready before its gateway has learnt who leads its partition, and until then the
 * gateway refuses commands as UNAVAILABLE: a deployment sent the moment the broker was ready failed
 * so once (the benchmark's engine alone, 2026-12-07).
 */
final class GatewayTopology {

    static final String PATH = "/v2/topology";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayTopology() {}

    /**
     * @return whether every partition the cluster has (1 to partitionsCount) has a leader the gateway
     *     knows; not whether it is healthy: a partition unhealthy for a while at start (an exporter
     *     that fails, a busy machine) still takes commands, and the broker's own readiness covers the rest
     */
    static boolean everyPartitionLed(String topology) {
        JsonNode root;
        try {
            root = JSON.readTree(topology);
        } catch (JsonProcessingException notTopology) {
            return false;
        }
        int partitions = root.path("partitionsCount").asInt(0);
        Set<Integer> led = new HashSet<>();
        for (JsonNode broker : root.path("brokers")) {
            for (JsonNode partition : broker.path("partitions")) {
                if ("leader".equals(partition.path("role").asText())) {
                    led.add(partition.path("partitionId").asInt());
                }
            }
        }
        for (int partition = 1; partition <= partitions; partition++) {
            if (!led.contains(partition)) {
                return false;
            }
        }
        return partitions > 0;
    }
}
