package no.govgraph.bench.soak;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import no.govgraph.bench.report.ResultsFile;

/**
 * {@code ./mvnw -Pbench … -Dsoak.skip=false}: the soak run of issue 8, its table written into
 * docs/RELIABILITY.md. Exit code 0 when every verdict holds, 1 otherwise.
 *
 * <p>System properties: {@code soak.clients} (50), {@code soak.minutes} (10), {@code
 * soak.sample-seconds} (15), {@code soak.nodes} (100000), {@code soak.seed} (42), {@code
 * soak.sample-corpus} (true), {@code soak.heap} (1g), {@code soak.data-dir}
 * (target/soak-data/graph-NODES), {@code soak.results} (the file to update).
 */
public final class SoakMain {

    private SoakMain() {}

    public static void main(String[] args) throws Exception {
        long nodes = Long.getLong("soak.nodes", 100_000);
        boolean sample = Boolean.parseBoolean(System.getProperty("soak.sample-corpus", "true"));
        Path dataDir = Path.of(System.getProperty(
                        "soak.data-dir", "target/soak-data/graph-" + nodes + (sample ? "-sample" : "")))
                .toAbsolutePath();
        Path results = Path.of(System.getProperty("soak.results", "../docs/RELIABILITY.md"));
        SoakRun.Options options = new SoakRun.Options(
                Integer.getInteger("soak.clients", 50),
                Duration.ofSeconds(Math.round(Double.parseDouble(System.getProperty("soak.minutes", "10")) * 60)),
                Duration.ofSeconds(Long.getLong("soak.sample-seconds", 15)),
                nodes,
                Long.getLong("soak.seed", 42),
                sample,
                System.getProperty("soak.heap", "1g"),
                dataDir,
                System.getProperty("java.class.path"));
        SoakRun.Report report = SoakRun.run(options, System.out);
        ResultsFile.update(results, "soak", report.markdown());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "soak.md"), report.markdown(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Results written to " + results.toAbsolutePath().normalize());
        // Neo4j's driver leaves non-daemon threads behind in some versions; the run is over.
        System.exit(report.verdicts().stream().allMatch(SoakRun.Verdict::ok) ? 0 : 1);
    }
}
