package io.nurture.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a real broker exported, for tests that need the engine's own word (incidents, refused
 * commands, instances) without Operate: the broker's debug exporter writes every record as one
 * JSON line to its log.
 */
public final class BrokerExport {

    /** Broker settings (environment variables) that switch the debug exporter on. */
    public static final Map<String, String> SETTINGS = Map.of(
            "ZEEBE_BROKER_EXPORTERS_DEBUG_CLASSNAME", "io.camunda.zeebe.broker.exporter.debug.DebugLogExporter",
            "ZEEBE_BROKER_EXPORTERS_DEBUG_ARGS_LOGLEVEL", "info");

    private static final ObjectMapper JSON = new ObjectMapper();

    private BrokerExport() {}

    /** Records of process instances exported by the brokers keeping their state in these data directories. */
    public static long processInstanceRecords(List<Path> dataDirectories) throws IOException {
        return records(dataDirectories, "\"valueType\":\"PROCESS_INSTANCE\"");
    }

    public static long incidentsCreated(List<Path> dataDirectories) throws IOException {
        return records(dataDirectories, "\"valueType\":\"INCIDENT\"", "\"intent\":\"CREATED\"");
    }

    /** Publications of a message the engine refused because one with its id was still alive. */
    public static long messagesRefusedAsDuplicate(List<Path> dataDirectories, String messageId) throws IOException {
        return records(
                dataDirectories,
                "\"valueType\":\"MESSAGE\"",
                "\"recordType\":\"COMMAND_REJECTION\"",
                "\"rejectionType\":\"ALREADY_EXISTS\"",
                "\"messageId\":\"" + messageId + "\"");
    }

    /** Instances of a process that were given this value of a variable. */
    public static long instancesWith(List<Path> dataDirectories, String bpmnProcessId, String variable, String value)
            throws IOException {
        String name = "\"name\":\"" + variable + "\"";
        String json = JSON.writeValueAsString(JSON.writeValueAsString(value));
        return lines(dataDirectories)
                .filter(line ->
                        line.contains("\"valueType\":\"VARIABLE\"") && line.contains(name) && line.contains(json))
                .map(BrokerExport::record)
                .filter(r -> r.path("value").path("bpmnProcessId").asText().equals(bpmnProcessId))
                .map(r -> r.path("value").path("processInstanceKey").asLong())
                .distinct()
                .count();
    }

    /**
     * Records, each once: a broker that becomes leader exports again what its predecessor had not
     * confirmed, so the same record (partition and position) can be in two brokers' logs.
     */
    private static long records(List<Path> dataDirectories, String... parts) throws IOException {
        return lines(dataDirectories)
                .filter(line -> Stream.of(parts).allMatch(line::contains))
                .map(BrokerExport::record)
                .map(r ->
                        r.path("partitionId").asInt() + "/" + r.path("position").asLong())
                .distinct()
                .count();
    }

    private static Stream<String> lines(List<Path> dataDirectories) throws IOException {
        Stream<String> all = Stream.empty();
        for (Path data : dataDirectories) {
            all = Stream.concat(all, Files.readAllLines(data.resolve("logs").resolve("broker.log")).stream());
        }
        return all;
    }

    private static JsonNode record(String line) {
        try {
            return JSON.readTree(line.substring(line.indexOf('{')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
