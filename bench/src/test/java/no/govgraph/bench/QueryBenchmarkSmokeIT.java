package no.govgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import no.govgraph.bench.graph.GraphGenerator;
import no.govgraph.bench.graph.GraphGenerator.Scale;
import no.govgraph.bench.query.QueryBenchmark;
import no.govgraph.bench.query.QueryBenchmarkRun;
import no.govgraph.bench.report.ResultsFile;
import no.govgraph.neo4j.connection.ConnectionSettings;
import no.govgraph.neo4j.connection.GraphConnection;
import no.govgraph.testsupport.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query benchmark still runs end to end on a tiny graph and prints its table: every query
 * answers on both sides and the concurrent clients get no errors. No timings are asserted.
 */
class QueryBenchmarkSmokeIT {

    private final TestNeo4j neo4j = TestNeo4j.shared();

    @TempDir
    Path dir;

    @Test
    void runsEveryQueryThroughTheApiAndTheDriverAndWritesTheTable() throws Exception {
        neo4j.clear();
        new GraphGenerator(neo4j.driver(), 3).generate(Scale.ofNodes(2_000), line -> {});
        ConnectionSettings settings = new ConnectionSettings(
                Optional.of(neo4j.uri()), neo4j.username(), Optional.of(neo4j.password()), dir, "127.0.0.1", 7687);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        QueryBenchmarkRun.Report report;
        try (GraphConnection graph = GraphConnection.forServer(settings)) {
            report = QueryBenchmarkRun.run(
                    graph,
                    graph.driver(),
                    dir,
                    new QueryBenchmark.Options(1, 3, 4, Duration.ofSeconds(2), Duration.ofSeconds(30)),
                    "smoke graph",
                    new PrintStream(log, true, StandardCharsets.UTF_8));
        }

        assertThat(report.latencies()).hasSize(8).allSatisfy(r -> {
            assertThat(r.api().samples()).isEqualTo(3);
            assertThat(r.direct().samples()).isEqualTo(3);
            assertThat(r.size()).as(r.name()).isPositive();
        });
        assertThat(report.concurrency().requests()).isPositive();
        assertThat(report.concurrency().errors())
                .as(report.concurrency().firstError())
                .isZero();
        assertThat(report.markdown())
                .contains(
                        "| 1-hop neighbourhood of an office |",
                        "| 2-hop, cap 100, edges without sources |",
                        "| comparison matrix for one outcome |")
                .contains("| 4 | " + report.concurrency().requests() + " |");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("shortest path between two leaders");

        Path doc = dir.resolve("BENCHMARKS.md");
        Files.writeString(
                doc,
                "# Benchmarks\n\n" + ResultsFile.start("queries") + "\nold\n" + ResultsFile.end("queries")
                        + "\n\nAfter.\n");
        ResultsFile.update(doc, "queries", report.markdown());
        ResultsFile.update(doc, "queries", report.markdown());
        String updated = Files.readString(doc);
        assertThat(updated)
                .startsWith("# Benchmarks\n")
                .endsWith("\n\nAfter.\n")
                .doesNotContain("\nold\n")
                .containsOnlyOnce(ResultsFile.start("queries"))
                .containsOnlyOnce("| shortest path between two leaders |");
    }
}
