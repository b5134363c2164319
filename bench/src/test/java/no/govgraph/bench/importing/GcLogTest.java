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
        assertThat(gc.liveMb()).isEqualTo(500);
        assertThat(gc.liveAtSeconds()).isEqualTo(3.0);
        assertThat(gc.maxLiveMb()).isEqualTo(500);
        assertThat(gc.fullCollections()).isEqualTo(1);
        assertThat(gc.maxCommittedMb()).isEqualTo(2048);
        assertThat(gc.collections()).isEqualTo(4);
    }

    @Test
    void theLiveDataIsTheHeapAfterTheLastMixedCollection() {
        String log =
                """
                [1.0s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 300M->200M(1000M) 2ms
                [2.0s][info][gc] GC(1) Pause Remark 500M->400M(1000M) 2ms
                [3.0s][info][gc] GC(2) Pause Young (Prepare Mixed) (G1 Evacuation Pause) 450M->380M(1000M) 2ms
                [4.0s][info][gc] GC(3) Pause Young (Mixed) (G1 Evacuation Pause) 420M->300M(1000M) 2ms
                [5.0s][info][gc] GC(4) Pause Young (Mixed) (G1 Evacuation Pause) 350M->250M(1000M) 2ms
                [6.0s][info][gc] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 700M->600M(1000M) 2ms
                [7.0s][info][gc] GC(6) Pause Young (Mixed) (G1 Evacuation Pause) 650M->220M(1000M) 2ms
                """;
        GcLog gc = GcLog.parse(log);
        assertThat(gc.liveMb()).isEqualTo(220);
        assertThat(gc.liveAtSeconds()).isEqualTo(7.0);
        assertThat(gc.maxAfterGcMb()).isEqualTo(600);
        assertThat(gc.maxLiveMb()).isEqualTo(-1);
        assertThat(gc.fullCollections()).isZero();
        assertThat(GcLog.parse("[1.0s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 30M->20M(100M) 2ms")
                        .liveMb())
                .isEqualTo(-1);
    }
}
