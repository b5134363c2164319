package no.govgraph.bench.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void takesThePeakBeforeAndTheMostLiveAfterAnyPause() {
        String log =
                """
                [0.010s][info][gc] Using G1
                [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms
                [2.000s][info][gc] GC(1) Pause Young (Concurrent Start) (Metadata GC Threshold) 120M->40M(256M) 5.1ms
                [2.100s][info][gc] GC(1) Concurrent Mark Cycle 12.3ms
                [2.200s][info][gc] GC(2) Pause Remark 41M->41M(300M) 1.0ms
                [3.000s][info][gc] GC(3) Pause Full (System.gc()) 1G->512000K(2G) 80ms
                """;
        GcLog gc = GcLog.parse(log);
        assertThat(gc.peakUsedMb()).isEqualTo(1024);
        assertThat(gc.maxAfterGcMb()).isEqualTo(500);
        assertThat(gc.maxCommittedMb()).isEqualTo(2048);
        assertThat(gc.collections()).isEqualTo(4);
    }
}
