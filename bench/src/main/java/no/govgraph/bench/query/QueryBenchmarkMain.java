package no.govgraph.bench.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import no.govgraph.bench.graph.GraphGenerator;
import no.govgraph.bench.report.ResultsFile;
import no.govgraph.neo4j.connection.ConnectionSettings;
import no.govgraph.neo4j.connection.GraphConnection;
import no.govgraph.neo4j.migration.SchemaMigrations;
import org.neo4j.driver.Driver;

/**
 * {@code ./mvnw -Pbench …}: generates (or reuses) an embedded store of {@code bench.nodes} nodes,
 * runs the query and concurrency benchmarks on it and writes the results into docs/BENCHMARKS.md.
 *
 * <p>System properties: {@code bench.nodes} (1000000), {@code bench.seed} (42), {@code
 * bench.data-dir} (target/bench-data/graph-NODES), {@code bench.warmup} (200), {@code
 * bench.iterations} (300), {@code bench.clients} (50), {@code bench.seconds} (60), {@code bench.case-seconds} (120), {@code
 * bench.results} (the file to update).
 */
public final class QueryBenchmarkMain {

    private QueryBenchmarkMain() {}

    public static void main(String[] args) throws IOException {
        long nodes = Long.getLong("bench.nodes", 1_000_000);
        long seed = Long.getLong("bench.seed", 42);
        Path dataDir = Path.of(System.getProperty("bench.data-dir", "target/bench-data/graph-" + nodes))
                .toAbsolutePath();
        Path results = Path.of(System.getProperty("bench.results", "../docs/BENCHMARKS.md"));
        QueryBenchmark.Options options = new QueryBenchmark.Options(
                Integer.getInteger("bench.warmup", 200),
                Integer.getInteger("bench.iterations", 300),
                Integer.getInteger("bench.clients", 50),
                Duration.ofSeconds(Long.getLong("bench.seconds", 60)),
                Duration.ofSeconds(Long.getLong("bench.case-seconds", 120)));
        Files.createDirectories(dataDir);
        ConnectionSettings settings = new ConnectionSettings(
                Optional.empty(), "neo4j", Optional.empty(), dataDir, "127.0.0.1", QueryBenchmarkRun.freePort());
        try (GraphConnection graph = GraphConnection.forServer(settings)) {
            Driver driver = graph.driver();
            new SchemaMigrations(driver).apply();
            String note = prepare(driver, nodes, seed, dataDir);
            System.out.println(note);
            String markdown = QueryBenchmarkRun.run(graph, driver, dataDir, options, note, System.out)
                    .markdown();
            ResultsFile.update(results, "queries", markdown);
            Files.writeString(Path.of("target", "bench-queries.md"), markdown, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(markdown);
            System.out.println("Results written to " + results.toAbsolutePath().normalize());
        }
        // Neo4j and Netty leave non-daemon threads behind in some versions; the run is over.
        System.exit(0);
    }

    private static String prepare(Driver driver, long nodes, long seed, Path dataDir) {
        long documents = driver.executableQuery("MATCH (d:Document) RETURN count(d) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
        GraphGenerator.Scale scale = GraphGenerator.Scale.ofNodes(nodes);
        String generated;
        if (documents == 0) {
            System.out.println("Generating " + scale + " into " + dataDir + " …");
            GraphGenerator.Summary summary =
                    new GraphGenerator(driver, seed).generate(scale, line -> System.out.println("  " + line));
            generated = String.format(
                    Locale.ROOT,
                    "generated in this run in %.0f s (%.0f nodes/s)",
                    summary.took().toMillis() / 1000.0,
                    summary.nodes() / Math.max(0.001, summary.took().toMillis() / 1000.0));
        } else if (documents != scale.documents()) {
            throw new IllegalStateException("The store in " + dataDir + " holds " + documents
                    + " documents, not the " + scale.documents() + " of bench.nodes=" + nodes
                    + ": point bench.data-dir elsewhere or delete it");
        } else {
            generated = "reused from an earlier run";
        }
        long n = count(driver, "MATCH (n) RETURN count(n) AS n");
        long r = count(driver, "MATCH ()-[r]->() RETURN count(r) AS n");
        return String.format(
                Locale.ROOT,
                "bench.nodes=%d (seed %d): %,d nodes, %,d relationships, %,d documents, store %s MB on disk; %s.",
                nodes,
                seed,
                n,
                r,
                scale.documents(),
                storeSizeMb(dataDir),
                generated);
    }

    private static long count(Driver driver, String cypher) {
        return driver.executableQuery(cypher)
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    private static long storeSizeMb(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                            .mapToLong(p -> p.toFile().length())
                            .sum()
                    >> 20;
        } catch (IOException e) {
            return -1;
        }
    }
}
