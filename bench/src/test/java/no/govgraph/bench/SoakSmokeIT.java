package no.govgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import no.govgraph.bench.soak.SoakRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short soak run: {@code serve} as its own process on a small generated graph, 10 clients for
 * 20 s. No errors, a sample of the server's resources every 4 s, the table printed. Timings and
 * the trend verdicts are printed, not asserted, except a generous bound on file descriptors: a
 * descriptor leaked per request would add thousands, normal connection churn a few dozen.
 */
class SoakSmokeIT {

    @TempDir
    Path dir;

    @Test
    void tenClientsForTwentySecondsGetNoErrorsAndEverySampleIsTaken() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);
        SoakRun.Options options = new SoakRun.Options(
                10,
                Duration.ofSeconds(20),
                Duration.ofSeconds(4),
                2_000,
                7,
                false,
                "512m",
                dir.resolve("data"),
                System.getProperty("java.class.path"));

        SoakRun.Report report;
        try {
            report = SoakRun.run(options, log);
        } finally {
            System.out.println(out.toString(StandardCharsets.UTF_8));
        }
        System.out.println(report.markdown());

        assertThat(report.errors()).as("errors: %s", report.firstErrors()).isZero();
        assertThat(report.requests()).isPositive();
        assertThat(report.samples()).hasSize(5).allSatisfy(s -> {
            assertThat(s.heapUsedAfterGcMb())
                    .as("heap after GC, from the GC log")
                    .isPositive();
            assertThat(s.heapCommittedMb()).isGreaterThanOrEqualTo(s.heapUsedAfterGcMb());
            assertThat(s.fds()).isPositive();
            assertThat(s.threads()).isPositive();
        });
        long firstFds = report.samples().get(0).fds();
        assertThat(report.samples()).allSatisfy(s -> assertThat(s.fds()).isLessThan(firstFds + 200));
        assertThat(report.verdicts())
                .extracting(SoakRun.Verdict::name)
                .containsExactly(
                        "errors",
                        "p99 stable",
                        "heap after GC not growing",
                        "file descriptors not growing",
                        "threads not growing");
        assertThat(report.markdown()).contains("| t (s) | requests |", "Verdicts:", "- errors: **ok**");
    }
}
