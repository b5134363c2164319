package no.govgraph.bench.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import no.govgraph.bench.graph.GraphGenerator;
import no.govgraph.bench.query.ApiClient;
import no.govgraph.bench.query.DirectQueries;
import no.govgraph.bench.query.QueryBenchmark;
import no.govgraph.bench.report.Latency;
import no.govgraph.bench.report.Machine;
import no.govgraph.ingest.sample.SampleCorpus;
import no.govgraph.neo4j.embedded.BoltPassword;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The soak run of issue 8: {@code serve} in its own JVM with a fixed heap, on a generated graph
 * (and optionally the sample corpus, uploaded as an ordinary job), and N clients sending a mix of
 * search, entity, neighbourhood and comparison requests back to back for a fixed time. Every
 * sample interval it records the window's throughput, latency and errors, and the server's heap
 * after a full GC, open file descriptors, threads and resident memory; at the end it judges
 * whether errors, p99, heap and file descriptors held steady.
 */
public final class SoakRun {

    static final String ADMIN_PASSWORD = "soak-admin-password-not-secret";
    private static final String MARKER = "soak-graph";

    private SoakRun() {}

    /**
     * What to run.
     *
     * @param clients concurrent clients
     * @param duration how long the clients run (rounded down to whole sample intervals, at least one)
     * @param sampleEvery the sample interval
     * @param nodes size of the generated graph ({@link GraphGenerator.Scale#ofNodes})
     * @param seed seed of the generator and of the clients' choices
     * @param sampleCorpus whether to upload the bundled sample corpus after generating the graph
     * @param heap {@code -Xmx} of the server
     * @param dataDir the server's data directory; reused when it holds the same graph
     * @param classpath the class path of the server process
     */
    public record Options(
            int clients,
            Duration duration,
            Duration sampleEvery,
            long nodes,
            long seed,
            boolean sampleCorpus,
            String heap,
            Path dataDir,
            String classpath) {

        int windows() {
            return (int) Math.max(1, duration.toMillis() / sampleEvery.toMillis());
        }
    }

    /** One sample interval: what the clients saw and what the server used at its end. */
    public record Sample(
            double atSeconds,
            long requests,
            double throughput,
            Latency latency,
            long errors,
            long heapUsedAfterGcMb,
            long heapCommittedMb,
            long fds,
            long threads,
            long rssMb) {}

    /** A verdict line: what was checked, the figures, and whether it held. */
    public record Verdict(String name, boolean ok, String figures) {}

    /** The whole run. */
    public record Report(
            List<Sample> samples,
            long requests,
            long errors,
            List<String> firstErrors,
            Latency latency,
            List<Verdict> verdicts,
            String markdown) {

        public Report {
            samples = List.copyOf(samples);
            firstErrors = List.copyOf(firstErrors);
            verdicts = List.copyOf(verdicts);
        }
    }

    /** Prepares the graph, starts the server, runs the clients, stops the server. */
    public static Report run(Options options, PrintStream log) throws IOException, InterruptedException {
        String machine = Machine.describe();
        Files.createDirectories(options.dataDir());
        int port = freePort();
        int boltPort = freePort();
        log.printf(
                Locale.ROOT,
                "Starting serve (-Xmx%s) on %s, port %d, Bolt %d …%n",
                options.heap(),
                options.dataDir(),
                port,
                boltPort);
        long startedServer = System.nanoTime();
        Path gcLog = Files.createTempFile("soak-gc", ".log");
        try (ServerProcess server = ServerProcess.start(
                options.classpath(),
                options.heap(),
                options.dataDir(),
                port,
                boltPort,
                ADMIN_PASSWORD,
                gcLog,
                Duration.ofMinutes(10),
                log)) {
            log.printf(
                    Locale.ROOT,
                    "serve is up after %.0f s (pid %d)%n",
                    (System.nanoTime() - startedServer) / 1e9,
                    server.pid());
            String password = Files.readString(options.dataDir().resolve(BoltPassword.FILE_NAME))
                    .strip();
            URI base = URI.create("http://127.0.0.1:" + port);
            ApiClient api = ApiClient.signIn(base, "admin", ADMIN_PASSWORD);
            Report report;
            try (Driver driver =
                    GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", password))) {
                String graph = prepare(driver, api, options, log);
                log.println("Graph: " + graph);
                QueryBenchmark.Targets targets = QueryBenchmark.targets(new DirectQueries(driver));
                report = drive(
                        api, targets, new ProcessProbe(server.pid(), gcLog), server, options, machine, graph, log);
            }
            int exit = server.stop(Duration.ofMinutes(2));
            log.println("serve stopped with exit code " + exit);
            return report;
        } finally {
            Files.deleteIfExists(gcLog);
        }
    }

    /** Generates the graph and uploads the sample corpus on the first run on a data directory. */
    private static String prepare(Driver driver, ApiClient api, Options options, PrintStream log)
            throws IOException, InterruptedException {
        String wanted = "nodes=" + options.nodes() + " seed=" + options.seed() + " sample=" + options.sampleCorpus();
        Path marker = options.dataDir().resolve(MARKER);
        String reuse;
        if (Files.isRegularFile(marker)) {
            String found = Files.readString(marker).strip();
            if (!found.equals(wanted)) {
                throw new IllegalStateException(options.dataDir() + " holds a soak graph of " + found + ", not "
                        + wanted + ": choose another soak.data-dir or delete it");
            }
            reuse = "reused from an earlier run";
        } else {
            if (count(driver, "MATCH (d:Document) RETURN count(d) AS n") > 0) {
                throw new IllegalStateException(
                        options.dataDir() + " holds documents but no soak graph: choose an empty soak.data-dir");
            }
            GraphGenerator.Scale scale = GraphGenerator.Scale.ofNodes(options.nodes());
            log.println("Generating " + scale + " over Bolt …");
            GraphGenerator.Summary summary =
                    new GraphGenerator(driver, options.seed()).generate(scale, line -> log.println("  " + line));
            reuse = String.format(
                    Locale.ROOT,
                    "generated in this run in %.0f s",
                    summary.took().toMillis() / 1000.0);
            if (options.sampleCorpus()) {
                long started = System.nanoTime();
                uploadSampleCorpus(api);
                String status = awaitImportJob(driver, Duration.ofMinutes(20));
                if (!status.equals("finished")) {
                    throw new IllegalStateException("The sample corpus job ended as '" + status + "'");
                }
                reuse += String.format(
                        Locale.ROOT,
                        ", the sample corpus uploaded and imported in %.0f s",
                        (System.nanoTime() - started) / 1e9);
            }
            Files.writeString(marker, wanted + "\n");
        }
        return String.format(
                Locale.ROOT,
                "generated graph of %,d nodes (seed %d)%s: %,d nodes, %,d relationships, %,d documents in all; %s.",
                options.nodes(),
                options.seed(),
                options.sampleCorpus() ? " plus the sample corpus" : "",
                count(driver, "MATCH (n) RETURN count(n) AS n"),
                count(driver, "MATCH ()-[r]->() RETURN count(r) AS n"),
                count(driver, "MATCH (d:Document) RETURN count(d) AS n"),
                reuse);
    }

    private static void uploadSampleCorpus(ApiClient api) throws IOException {
        String boundary = "soak-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String name : SampleCorpus.fileNames()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            try (InputStream in = SampleCorpus.open(name)) {
                in.transferTo(body);
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        int status = api.post("/api/imports", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        if (status != 202) {
            throw new IllegalStateException("Uploading the sample corpus answered HTTP " + status);
        }
    }

    private static String awaitImportJob(Driver driver, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !status.equals("finished") && !status.equals("failed")) {
            Thread.sleep(2000);
            var jobs = driver.executableQuery("MATCH (j:ImportJob) RETURN j.status AS s")
                    .execute()
                    .records();
            status = jobs.isEmpty() ? "" : jobs.get(0).get("s").asString("");
        }
        return status;
    }

    /** The requests of one sample interval, recorded by every client. */
    private static final class Window {
        private long[] nanos = new long[256];
        private int n;
        private long errors;

        synchronized void add(long latency, boolean ok) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = latency;
            if (!ok) {
                errors++;
            }
        }

        synchronized long[] latencies() {
            return Arrays.copyOf(nanos, n);
        }

        synchronized long errors() {
            return errors;
        }
    }

    private static Report drive(
            ApiClient api,
            QueryBenchmark.Targets t,
            ProcessProbe probe,
            ServerProcess server,
            Options options,
            String machine,
            String graph,
            PrintStream log)
            throws InterruptedException {
        List<String> entities = new ArrayList<>();
        List<String> neighbourhoods = new ArrayList<>();
        for (String office : t.offices()) {
            entities.add("/api/entities/" + ApiClient.encode(office));
            neighbourhoods.add("/api/entities/" + ApiClient.encode(office) + "/neighbourhood");
        }
        List<String> searches = List.of(
                "/api/search?q=" + ApiClient.encode(t.commonTerm()), "/api/search?q=" + ApiClient.encode(t.rareTerm()));
        List<String> compares = List.of("/api/compare?outcome=" + ApiClient.encode(t.outcome()));
        List<List<String>> mix = List.of(searches, entities, neighbourhoods, compares);

        // One request of each kind first: the first calls compile queries and open index files, which is
        // start-up, not load.
        for (List<String> kind : mix) {
            api.get(kind.get(0));
        }
        int windows = options.windows();
        long interval = options.sampleEvery().toNanos();
        long started = System.nanoTime();
        long deadline = started + windows * interval;
        AtomicReference<Window> current = new AtomicReference<>(new Window());
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        log.printf(
                Locale.ROOT,
                "%d clients for %d s, a sample every %d s; targets %s%n",
                options.clients(),
                windows * options.sampleEvery().toSeconds(),
                options.sampleEvery().toSeconds(),
                t);
        for (int c = 0; c < options.clients(); c++) {
            int client = c;
            pool.execute(() -> {
                SplittableRandom random = new SplittableRandom(options.seed() * 1000 + client);
                for (int i = client; System.nanoTime() < deadline; i++) {
                    List<String> kind = mix.get(i % mix.size());
                    String request = kind.get(random.nextInt(kind.size()));
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        int status = api.get(request);
                        ok = status == 200;
                        if (!ok) {
                            noteError(firstErrors, "HTTP " + status + " on " + request);
                        }
                    } catch (RuntimeException e) {
                        ok = false;
                        noteError(firstErrors, e + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
                    }
                    current.get().add(System.nanoTime() - start, ok);
                }
            });
        }
        List<Sample> samples = new ArrayList<>();
        List<long[]> all = new ArrayList<>();
        long errors = 0;
        long windowStart = started;
        for (int w = 1; w <= windows; w++) {
            long sleep = started + w * interval - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            if (!server.isAlive()) {
                pool.shutdownNow();
                throw new IllegalStateException("serve died during the soak run:\n" + server.output());
            }
            Window done = current.getAndSet(new Window());
            long now = System.nanoTime();
            long[] nanos = done.latencies();
            all.add(nanos);
            errors += done.errors();
            // The probe forces a full GC in the server: its pause falls into the next window, in every window alike.
            ProcessProbe.Reading r = probe.read();
            Sample s = new Sample(
                    (now - started) / 1e9,
                    nanos.length,
                    nanos.length / ((now - windowStart) / 1e9),
                    Latency.of(nanos),
                    done.errors(),
                    r.heapUsedAfterGcMb(),
                    r.heapCommittedMb(),
                    r.fds(),
                    r.threads(),
                    r.rssMb());
            windowStart = now;
            samples.add(s);
            log.println(row(s));
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        // Requests still in flight at the deadline landed in the last, unsampled window: count them too.
        Window tail = current.get();
        errors += tail.errors();
        all.add(tail.latencies());
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        Latency latency = Latency.of(merged);
        List<Verdict> verdicts = verdicts(samples, errors, merged.length);
        String markdown =
                markdown(machine, graph, options, samples, merged.length, errors, firstErrors, latency, verdicts);
        verdicts.forEach(v ->
                log.println("verdict: " + v.name() + ": " + (v.ok() ? "ok" : "NOT OK") + " (" + v.figures() + ")"));
        return new Report(samples, merged.length, errors, firstErrors, latency, verdicts, markdown);
    }

    private static void noteError(List<String> firstErrors, String error) {
        synchronized (firstErrors) {
            if (firstErrors.size() < 5) {
                firstErrors.add(error);
            }
        }
    }

    /**
     * Errors must be 0. The p99 of the last window may be at most twice the median p99 of the first
     * three; heap after GC, file descriptors and threads, averaged over the last third of the samples,
     * may exceed the first third's by at most 20 % plus a small allowance (16 MB, 16 descriptors, 8
     * threads), which absorbs caches that fill once and connections that come and go.
     */
    static List<Verdict> verdicts(List<Sample> samples, long errors, long requests) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(new Verdict("errors", errors == 0, errors + " errors in " + requests + " requests"));
        if (samples.size() < 3) {
            verdicts.add(new Verdict("trends", false, "fewer than 3 samples: no trend can be judged"));
            return verdicts;
        }
        double[] firstP99 = samples.stream()
                .filter(s -> s.requests() > 0)
                .limit(3)
                .mapToDouble(s -> s.latency().p99())
                .sorted()
                .toArray();
        double baseline = firstP99.length == 0 ? 0 : firstP99[firstP99.length / 2];
        // The last window with requests: on an overloaded machine a short window may see none finish.
        double last = samples.stream()
                .filter(s -> s.requests() > 0)
                .reduce((a, b) -> b)
                .map(s -> s.latency().p99())
                .orElse(0.0);
        verdicts.add(new Verdict(
                "p99 stable",
                baseline > 0 && last <= 2 * baseline,
                String.format(
                        Locale.ROOT,
                        "last window %s ms, first three windows (median) %s ms, ratio %.2f; stable if ≤ 2",
                        Latency.format(last),
                        Latency.format(baseline),
                        last / baseline)));
        verdicts.add(growth("heap after GC not growing", "MB", samples, Sample::heapUsedAfterGcMb, 16));
        verdicts.add(growth("file descriptors not growing", "", samples, Sample::fds, 16));
        verdicts.add(growth("threads not growing", "", samples, Sample::threads, 8));
        return verdicts;
    }

    private static Verdict growth(
            String name,
            String unit,
            List<Sample> samples,
            java.util.function.ToLongFunction<Sample> value,
            long slack) {
        int third = Math.max(1, samples.size() / 3);
        double first =
                samples.subList(0, third).stream().mapToLong(value).average().orElse(-1);
        double last = samples.subList(samples.size() - third, samples.size()).stream()
                .mapToLong(value)
                .average()
                .orElse(-1);
        boolean measured = samples.stream().mapToLong(value).allMatch(v -> v >= 0);
        double bound = first * 1.2 + slack;
        return new Verdict(
                name,
                measured && last <= bound,
                measured
                        ? String.format(
                                Locale.ROOT,
                                "first third %.0f%s, last third %.0f%s (%+.0f%%); bound %.0f%s",
                                first,
                                unit.isEmpty() ? "" : " " + unit,
                                last,
                                unit.isEmpty() ? "" : " " + unit,
                                first > 0 ? 100 * (last - first) / first : 0,
                                bound,
                                unit.isEmpty() ? "" : " " + unit)
                        : "not measured (needs Linux /proc and jcmd)");
    }

    private static String row(Sample s) {
        return String.format(
                Locale.ROOT,
                "| %.0f | %d | %.1f | %s | %s | %s | %d | %d / %d | %d | %d | %d |",
                s.atSeconds(),
                s.requests(),
                s.throughput(),
                Latency.format(s.latency().p50()),
                Latency.format(s.latency().p99()),
                Latency.format(s.latency().max()),
                s.errors(),
                s.heapUsedAfterGcMb(),
                s.heapCommittedMb(),
                s.fds(),
                s.threads(),
                s.rssMb());
    }

    static String markdown(
            String machine,
            String graph,
            Options o,
            List<Sample> samples,
            long requests,
            long errors,
            List<String> firstErrors,
            Latency latency,
            List<Verdict> verdicts) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ")
                .append(machine)
                .append(", load average ")
                .append(String.format(Locale.ROOT, "%.2f", Machine.loadAverage()))
                .append(" at the end.\n\n");
        md.append("Server: `serve` in its own JVM, -Xmx")
                .append(o.heap())
                .append(". Graph: ")
                .append(graph)
                .append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%d clients for %d s, each sending back to back a mix of 1/4 search (common and rare term),"
                        + " 1/4 entity pages, 1/4 1-hop neighbourhoods (of 50 offices) and 1/4 comparison matrices;"
                        + " a sample every %d s (the server's heap is read after a full GC that jcmd asks for).\n\n",
                o.clients(),
                o.windows() * o.sampleEvery().toSeconds(),
                o.sampleEvery().toSeconds()));
        md.append("| t (s) | requests | req/s | p50 ms | p99 ms | max ms | errors | heap after GC / committed (MB)"
                + " | open fds | threads | RSS (MB) |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        samples.forEach(s -> md.append(row(s)).append('\n'));
        md.append(String.format(
                Locale.ROOT,
                "\nWhole run: %,d requests, %.1f req/s, p50 %s ms, p95 %s ms, p99 %s ms, max %s ms, %d errors%s.\n\n",
                requests,
                requests / Math.max(0.001, o.windows() * o.sampleEvery().toMillis() / 1000.0),
                Latency.format(latency.p50()),
                Latency.format(latency.p95()),
                Latency.format(latency.p99()),
                Latency.format(latency.max()),
                errors,
                firstErrors.isEmpty() ? "" : " (first: " + String.join("; ", firstErrors) + ")"));
        md.append("Verdicts:\n\n");
        verdicts.forEach(v -> md.append("- ")
                .append(v.name())
                .append(": **")
                .append(v.ok() ? "ok" : "not ok")
                .append("** (")
                .append(v.figures())
                .append(")\n"));
        return md.toString();
    }

    private static long count(Driver driver, String cypher) {
        return driver.executableQuery(cypher)
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
