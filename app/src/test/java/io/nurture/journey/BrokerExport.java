package io.nurture.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a real broker exported, for tests that need the engine's own word (incidents) without
 * Operate: the broker's debug exporter writes every record as one JSON line to its log.
 */
final class BrokerExport {

    /** Broker settings (environment variables) that switch the debug exporter on. */
    static final Map<String, String> SETTINGS = Map.of(
            "ZEEBE_BROKER_EXPORTERS_DEBUG_CLASSNAME", "io.camunda.zeebe.broker.exporter.debug.DebugLogExporter",
            "ZEEBE_BROKER_EXPORTERS_DEBUG_ARGS_LOGLEVEL", "info");

    private BrokerExport() {
    }

    /** Records of process instances exported by the brokers keeping their state in these data directories. */
    static long processInstanceRecords(List<Path> dataDirectories) throws IOException {
        return records(dataDirectories, "\"valueType\":\"PROCESS_INSTANCE\"");
    }

    static long incidentsCreated(List<Path> dataDirectories) throws IOException {
        return records(dataDirectories, "\"valueType\":\"INCIDENT\"", "\"intent\":\"CREATED\"");
    }

    private static long records(List<Path> dataDirectories, String... parts) throws IOException {
        long count = 0;
        for (Path data : dataDirectories) {
            try (Stream<String> lines = Files.lines(data.resolve("logs").resolve("broker.log"))) {
                count += lines.filter(line -> Stream.of(parts).allMatch(line::contains)).count();
            }
        }
        return count;
    }
}
