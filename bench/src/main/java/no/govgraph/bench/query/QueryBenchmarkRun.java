package no.govgraph.bench.query;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.govgraph.backend.server.GovgraphServer;
import no.govgraph.backend.user.UserService;
import no.govgraph.bench.report.Latency;
import no.govgraph.bench.report.Machine;
import no.govgraph.neo4j.connection.GraphConnection;
import org.neo4j.driver.Driver;

/**
 * Runs the query and concurrency benchmarks against a graph: starts the backend in this process on a
 * free port over {@code graph} (as {@code serve} does, without the UI), signs in a reader, measures,
 * stops the backend and returns the results with their Markdown table.
 */
public final class QueryBenchmarkRun {

    static final String USER = "bench";
    private static final String PASSWORD = "bench-password-not-secret";

    private QueryBenchmarkRun() {}

    /** The measurements and their Markdown table. */
    public record Report(
            String markdown, List<QueryBenchmark.CaseResult> latencies, QueryBenchmark.Concurrency concurrency) {

        public Report {
            latencies = List.copyOf(latencies);
        }
    }

    /**
     * @param graph the graph to measure (the backend and the direct side share it)
     * @param directDriver the driver of the direct side (its own connection pool)
     * @param dataDir govgraph's data directory for the backend
     * @param graphNote what graph this is, for the results
     */
    public static Report run(
            GraphConnection graph,
            Driver directDriver,
            Path dataDir,
            QueryBenchmark.Options options,
            String graphNote,
            PrintStream log) {
        String machine = Machine.describe();
        int port = freePort();
        try (GovgraphServer server =
                GovgraphServer.start(graph, "127.0.0.1", port, Map.of("govgraph.data-dir", dataDir.toString()))) {
            UserService users = server.context().getBean(UserService.class);
            if (users.find(USER).isPresent()) {
                users.update(USER, "reader", PASSWORD, USER);
            } else {
                users.create(USER, PASSWORD, "reader", USER);
            }
            ApiClient api = ApiClient.signIn(URI.create("http://127.0.0.1:" + port), USER, PASSWORD);
            DirectQueries direct = new DirectQueries(directDriver);
            QueryBenchmark bench = new QueryBenchmark(api, direct, log);
            QueryBenchmark.Targets targets = QueryBenchmark.targets(direct);
            log.println("Targets: " + targets);
            List<QueryBenchmark.CaseResult> latencies = bench.latencies(QueryBenchmark.cases(targets, direct), options);
            QueryBenchmark.Concurrency concurrency = options.clients() > 0 ? bench.concurrency(targets, options) : null;
            DirectQueries earlier = new DirectQueries(directDriver, DirectQueries.Statements.EARLIER);
            List<Variant> variants = List.of(
                    new Variant(
                            "1-hop neighbourhood of an office",
                            bench.variants(
                                    () -> earlier.neighbourhood(targets.office(), 1, 100),
                                    () -> direct.neighbourhood(targets.office(), 1, 100),
                                    options)),
                    new Variant(
                            "2-hop neighbourhood, cap 100 nodes",
                            bench.variants(
                                    () -> earlier.neighbourhood(targets.office(), 2, 100),
                                    () -> direct.neighbourhood(targets.office(), 2, 100),
                                    options)),
                    new Variant(
                            "full-text search, rare term",
                            bench.variants(
                                    () -> earlier.search(targets.rareTerm()),
                                    () -> direct.search(targets.rareTerm()),
                                    options)),
                    new Variant(
                            "entity page of an office",
                            bench.variants(
                                    () -> earlier.entity(targets.office()),
                                    () -> direct.entity(targets.office()),
                                    options)));
            variants.forEach(v -> log.printf(
                    Locale.ROOT,
                    "earlier -> current statements, %s: p95 %s -> %s ms%n",
                    v.query(),
                    Latency.format(v.latencies()[0].p95()),
                    Latency.format(v.latencies()[1].p95())));
            return new Report(
                    markdown(machine, graphNote, options, targets, latencies, concurrency) + variantsMarkdown(variants),
                    latencies,
                    concurrency);
        }
    }

    static String markdown(
            String machine,
            String graphNote,
            QueryBenchmark.Options options,
            QueryBenchmark.Targets targets,
            List<QueryBenchmark.CaseResult> latencies,
            QueryBenchmark.Concurrency c) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ")
                .append(machine)
                .append(", load average ")
                .append(String.format(Locale.ROOT, "%.2f", Machine.loadAverage()))
                .append(" at the end.\n\n");
        md.append("Graph: ").append(graphNote).append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Single client, warm: up to %d warm-up and %d measured calls per query and side (at most %d s"
                        + " per query; n = measured calls), API and direct alternating. Times in ms. Office `%s`,"
                        + " leaders `%s` → `%s`, outcome `%s`.\n\n",
                options.warmup(),
                options.iterations(),
                options.caseBudget().toSeconds(),
                targets.office(),
                targets.leaderFrom(),
                targets.leaderTo(),
                targets.outcome()));
        md.append("| query | n | API p50 | API p95 | API p99 | API mean | direct p50 | direct p95 | direct p99"
                + " | direct mean | API/direct p50 | API/direct p95 | goal p95 | p95 goal met? |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (QueryBenchmark.CaseResult r : latencies) {
            String goal = r.goalP95() > 0 ? "< " + (int) r.goalP95() : "—";
            String met = r.goalP95() > 0 ? (r.api().p95() < r.goalP95() ? "yes" : "**no**") : "—";
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %.2f | %.2f | %s | %s |\n",
                    r.name(),
                    r.api().samples(),
                    Latency.format(r.api().p50()),
                    Latency.format(r.api().p95()),
                    Latency.format(r.api().p99()),
                    Latency.format(r.api().mean()),
                    Latency.format(r.direct().p50()),
                    Latency.format(r.direct().p95()),
                    Latency.format(r.direct().p99()),
                    Latency.format(r.direct().mean()),
                    r.ratioP50(),
                    r.ratioP95(),
                    goal,
                    met));
        }
        md.append("\nGoal of API/direct: ≤ 1.2.\n");
        if (c != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "\nConcurrency: %d clients for %.0f s, each sending back to back a mix of 1/3 search"
                            + " (common and rare term), 1/3 entity pages and 1/3 1-hop neighbourhoods of"
                            + " %d offices.\n\n",
                    c.clients(),
                    c.seconds(),
                    targets.offices().size()));
            md.append("| clients | requests | throughput (req/s) | p50 ms | p95 ms | p99 ms | max ms | errors"
                    + " | heap after (used after GC / committed / max, MB) |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %d | %.1f | %s | %s | %s | %s | %d%s | %d / %d / %d |\n",
                    c.clients(),
                    c.requests(),
                    c.throughput(),
                    Latency.format(c.latency().p50()),
                    Latency.format(c.latency().p95()),
                    Latency.format(c.latency().p99()),
                    Latency.format(c.latency().max()),
                    c.errors(),
                    c.errors() > 0 ? " (first: " + c.firstError() + ")" : "",
                    c.heapUsedAfterMb(),
                    c.heapCommittedMb(),
                    c.heapMaxMb()));
            md.append("\nThe heap is that of the benchmark JVM, which holds the server, the embedded Neo4j"
                    + " and the clients.\n");
        }
        return md.toString();
    }

    /** One query measured with the earlier and the current statements: {earlier, current}. */
    private record Variant(String query, Latency[] latencies) {}

    private static String variantsMarkdown(List<Variant> variants) {
        StringBuilder md = new StringBuilder();
        md.append("\nThe statements as at stop 10 and now, measured in the same run (direct side"
                + " only). Earlier: as at stop 10 (types named in the neighbourhood expansion and degrees, but"
                + " the `sources` of every relationship read, and the edges among the nodes, the entity page"
                + " and the entity search matching all relationships before filtering on the type). Current:"
                + " what the backend sends now.\n\n");
        md.append("| query | n | earlier: p50 | p95 | current: p50 | p95 | speed-up p95 |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Variant v : variants) {
            Latency[] l = v.latencies();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s | %.1f× |\n",
                    v.query(),
                    l[0].samples(),
                    Latency.format(l[0].p50()),
                    Latency.format(l[0].p95()),
                    Latency.format(l[1].p50()),
                    Latency.format(l[1].p95()),
                    l[0].p95() / l[1].p95()));
        }
        return md.toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
