package io.nurture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    private static final List<String> LOG = List.of(
            "[2026-12-07T10:49:58.100+0000][60.100s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 401M->80M(512M) 19.356ms",
            "[2026-12-07T10:50:30.200+0000][92.200s][info][gc] GC(4) Pause Young (Normal) (G1 Evacuation Pause) 382M->81M(512M) 20.1ms",
            "[2026-12-07T10:50:31.000+0000][93.000s][info][gc] GC(5) Pause Remark 120M->120M(512M) 3.2ms",
            "[2026-12-07T10:51:10.300+0000][132.300s][info][gc] GC(6) Pause Young (Normal) (G1 Evacuation Pause) 376M->79M(512M) 18.0ms",
            "[2026-12-07T10:52:00.000+0000][182.000s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 499M->82M(512M) 21.0ms");

    @Test
    void theRunsPeakIsTheHighestHeapBeforeACollectionWithinIt() {
        double peak =
                GcLog.peakHeapMb(LOG, Instant.parse("2026-12-07T10:50:00Z"), Instant.parse("2026-12-07T10:51:30Z"));

        assertThat(peak).isEqualTo(382);
    }

    @Test
    void aRunWithoutACollectionHasNoPeakFromTheLog() {
        double peak =
                GcLog.peakHeapMb(LOG, Instant.parse("2026-12-07T10:51:20Z"), Instant.parse("2026-12-07T10:51:50Z"));

        assertThat(peak).isZero();
    }
}
