package no.govgraph.bench.startup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import no.govgraph.bench.report.Latency;
import no.govgraph.bench.report.Machine;
import no.govgraph.bench.report.ResultsFile;

/**
 * Start-up time of the product: starts {@code serve} as its own process, the way the {@code govgraph}
 * launcher does ({@code java -Xmx2g -cp app/target/govgraph/lib/* no.govgraph.backend.cli.Main}), on an
 * existing store, and times until {@code GET /} first answers 200; then stops it with SIGTERM.
 *
 * <p>System properties: {@code bench.data-dir} (the store, e.g. one the query benchmark generated),
 * {@code bench.lib} (../app/target/govgraph/lib), {@code bench.startup.runs} (3), {@code
 * bench.startup.java-opts} (-Xmx2g), {@code bench.results}.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(required("bench.data-dir")).toAbsolutePath();
        Path lib = Path.of(System.getProperty("bench.lib", "../app/target/govgraph/lib"))
                .toAbsolutePath()
                .normalize();
        int runs = Integer.getInteger("bench.startup.runs", 3);
        String javaOpts = System.getProperty("bench.startup.java-opts", "-Xmx2g");
        Path results = Path.of(System.getProperty("bench.results", "../docs/BENCHMARKS.md"));
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " does not exist: assemble the product first with"
                    + " ./mvnw -B -q package -pl app -am -DskipTests");
        }
        if (!Files.isDirectory(dataDir.resolve("neo4j"))) {
            throw new IllegalStateException(dataDir + " holds no store: run the query benchmark first");
        }
        String machine = Machine.describe();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long ms = once(lib, dataDir, javaOpts, Path.of("target", "startup-" + (i + 1) + ".log"));
            System.out.println("start-up " + (i + 1) + ": " + ms + " ms to the first page");
            millis.add(ms);
        }
        long[] nanos = millis.stream().mapToLong(ms -> ms * 1_000_000).toArray();
        Latency l = Latency.of(nanos);
        String markdown = String.format(
                Locale.ROOT,
                """
                Machine: %s.

                `serve --no-sample` (%s, the product's classpath) on the store in `%s`, %d runs, time from
                starting the process to the first `GET /` answered 200 (the UI's first page):

                | runs | min s | median s | max s | each (s) |
                |---:|---:|---:|---:|---|
                | %d | %.1f | %.1f | %.1f | %s |
                """,
                machine,
                javaOpts,
                dataDir.getFileName(),
                runs,
                runs,
                millis.stream().mapToLong(Long::longValue).min().orElse(0) / 1000.0,
                l.p50() / 1000.0,
                l.max() / 1000.0,
                String.join(
                        ", ",
                        millis.stream()
                                .map(ms -> String.format(Locale.ROOT, "%.1f", ms / 1000.0))
                                .toList()));
        ResultsFile.update(results, "startup", markdown);
        System.out.println(markdown);
    }

    private static long once(Path lib, Path dataDir, String javaOpts, Path log) throws Exception {
        int port = freePort();
        int boltPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOpts.trim().split("\\s+")));
        command.addAll(List.of(
                "-cp",
                lib + "/*",
                "no.govgraph.backend.cli.Main",
                "serve",
                "--no-sample",
                "--data-dir",
                dataDir.toString(),
                "--port",
                String.valueOf(port),
                "--bolt-port",
                String.valueOf(boltPort)));
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // A fixed admin password: the first start would otherwise print a generated one.
        builder.environment().put("GOVGRAPH_ADMIN_PASSWORD", "bench-admin-password");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = started + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("serve exited with " + process.exitValue() + "; see " + log + ":\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return (System.nanoTime() - started) / 1_000_000;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("serve did not answer within 10 minutes; see " + log);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set -D" + property);
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
