package io.nurture.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The app's GC log, written with wall-clock times. A run's highest heap use is the heap just before
 * a collection, so it is read here rather than by asking the app: a scrape of its metrics cost the
 * app about 7 ms of CPU and its database 1.4 ms, up to a millisecond per order at five a second.
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("^\\[([^]]+)].* Pause .* (\\d+)M->\\d+M\\(\\d+M\\)");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** The JVM option that writes it, each line starting with the time of day in UTC. */
    String jvmOption() {
        return "-Xlog:gc:file=" + file + ":utctime,uptime,level,tags";
    }

    /** The highest heap use before a collection between the two instants, in MB; 0 when none ran between them. */
    double peakHeapMb(Instant from, Instant to) {
        try (Stream<String> lines = Files.lines(file)) {
            return peakHeapMb(lines.toList(), from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the app's GC log " + file, e);
        }
    }

    static double peakHeapMb(List<String> lines, Instant from, Instant to) {
        double peak = 0;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                Instant at = OffsetDateTime.parse(pause.group(1), UTC_TIME).toInstant();
                if (!at.isBefore(from) && !at.isAfter(to)) {
                    peak = Math.max(peak, Double.parseDouble(pause.group(2)));
                }
            }
        }
        return peak;
    }
}
