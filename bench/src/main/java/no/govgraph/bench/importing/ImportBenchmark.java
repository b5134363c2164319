package no.govgraph.bench.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.govgraph.bench.corpus.CorpusGenerator;
import no.govgraph.bench.corpus.CorpusGenerator.Corpus;
import no.govgraph.bench.report.Machine;

/**
 * The import benchmark (issue 7, measurement 1). On one generated corpus, in one run, each side in
 * its own fresh JVM with the same heap and the same number of workers:
 *
 * <ol>
 *   <li>raw Tika ({@link RawTikaMain}): every file parsed with the import workers' parser
 *       configuration on N threads, no graph;
 *   <li>{@code govgraph import} end to end: {@code java -cp … no.govgraph.backend.cli.Main import
 *       --workers N --data-dir NEW} (what {@code ./govgraph import} runs: embedded Neo4j, N parse
 *       worker processes, passages, extraction with the bundled codebook, writes);
 *   <li>optionally the server: {@code serve} with the same settings, the corpus uploaded in one
 *       {@code POST /api/imports}, timed until the job has finished.
 * </ol>
 *
 * <p>The importer's and the server's heap come from their GC logs ({@link GcLog}); further corpus
 * sizes ({@link Options#scaleDocs}) repeat (2) and (3) for the heap comparison only.
 */
public final class ImportBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final Pattern ELAPSED = Pattern.compile("Imported (\\d+) of (\\d+) files .*? in ([\\d.]+) s");
    private static final Pattern WROTE =
            Pattern.compile("Wrote (\\d+) documents \\(with embedded ones\\), (\\d+) passages, (\\d+) pages");

    /**
     * What to run.
     *
     * @param docs files in the corpus of the throughput comparison
     * @param seed the generator's seed
     * @param workers parse workers of the import, threads of raw Tika
     * @param heap {@code -Xmx} of every benchmarked JVM (raw Tika, importer, server)
     * @param scaleDocs further corpus sizes for the heap comparison (importer and server only)
     * @param server whether to measure the server's upload job too
     * @param corpusRoot where corpora are generated (and reused from)
     * @param workDir stores, logs and reports of the runs
     * @param histogramSeconds every how many seconds the importer and the server get a class
     *     histogram ({@code jcmd PID GC.class_histogram}, a full collection: the live data) during
     *     their run; 0 for none
     */
    public record Options(
            int docs,
            long seed,
            int workers,
            String heap,
            List<Integer> scaleDocs,
            boolean server,
            Path corpusRoot,
            Path workDir,
            int histogramSeconds) {
        public Options {
            scaleDocs = List.copyOf(scaleDocs);
        }
    }

    /**
     * Raw Tika's figures (in-process, or in parse worker processes).
     *
     * @param cpuSeconds CPU time of the process and its children (the parse workers), -1 if unknown
     */
    public record Raw(
            double seconds,
            double processSeconds,
            long files,
            long documents,
            long errors,
            double p50,
            double p95,
            double cpuSeconds,
            GcLog heap) {}

    /**
     * One run of the importer process or the server's upload job.
     *
     * @param cpuSeconds CPU time of the process and its parse workers (importer only; -1 if unknown)
     * @param histograms the class histograms taken during the run, oldest first
     */
    public record Run(
            String process,
            int corpusFiles,
            long corpusDocuments,
            double seconds,
            double processSeconds,
            long files,
            long failed,
            long documents,
            long passages,
            double cpuSeconds,
            GcLog heap,
            List<Path> histograms) {
        public Run {
            histograms = List.copyOf(histograms);
        }
    }

    /** Everything measured, and the Markdown table. */
    public record Report(Corpus corpus, Raw raw, Raw rawForked, List<Run> runs, String markdown) {
        public Report {
            runs = List.copyOf(runs);
        }
    }

    private ImportBenchmark() {}

    /** Runs with the {@code bench.*} system properties; writes the table into {@code bench.results}. */
    public static void main(String[] args) throws Exception {
        int workers = Integer.getInteger("bench.import.workers", 0);
        String scale = System.getProperty("bench.import.scale", "").strip();
        Options options = new Options(
                Integer.getInteger("bench.import.docs", 1000),
                Long.getLong("bench.seed", 42),
                workers > 0 ? workers : Runtime.getRuntime().availableProcessors(),
                System.getProperty("bench.import.heap", "2g"),
                scale.isEmpty()
                        ? List.of()
                        : Stream.of(scale.split(","))
                                .map(String::strip)
                                .map(Integer::valueOf)
                                .toList(),
                Boolean.parseBoolean(System.getProperty("bench.import.server", "true")),
                Path.of(System.getProperty("bench.import.corpus-root", "target/bench-data")),
                Path.of(System.getProperty("bench.import.work-dir", "target/bench-import")),
                Integer.getInteger("bench.import.histogram-seconds", 0));
        Report report = run(options, System.out);
        Path results = Path.of(System.getProperty("bench.results", "../docs/BENCHMARKS.md"));
        no.govgraph.bench.report.ResultsFile.update(results, "import", report.markdown());
        Files.writeString(options.workDir().resolve("bench-import.md"), report.markdown());
        System.out.println(report.markdown());
        System.exit(0);
    }

    public static Report run(Options options, PrintStream log) throws Exception {
        String machine = Machine.describe();
        Files.createDirectories(options.workDir());
        Corpus corpus = corpus(options, options.docs(), log);
        Raw raw = raw(options, corpus, log, RawTikaMain.class, "raw");
        Raw rawForked = raw(options, corpus, log, RawForkedMain.class, "raw-forked");
        List<Run> runs = new ArrayList<>();
        runs.add(importer(options, corpus, log));
        if (options.server()) {
            runs.add(server(options, corpus, log));
        }
        for (int size : options.scaleDocs()) {
            if (size == options.docs()) {
                continue;
            }
            Corpus bigger = corpus(options, size, log);
            runs.add(importer(options, bigger, log));
            if (options.server()) {
                runs.add(server(options, bigger, log));
            }
        }
        String markdown = ImportTable.markdown(options, machine, Machine.loadAverage(), corpus, raw, rawForked, runs);
        return new Report(corpus, raw, rawForked, runs, markdown);
    }

    static Corpus corpus(Options options, int docs, PrintStream log) {
        long t0 = System.nanoTime();
        Corpus corpus = CorpusGenerator.reuseOrGenerate(
                docs, options.seed(), options.corpusRoot().resolve("corpus-" + docs + "-seed" + options.seed()));
        log.printf(
                Locale.ROOT,
                "corpus: %d files, %d documents, %d pages, %.1f MB (%s) in %.1f s%n",
                corpus.entries().size(),
                corpus.documents(),
                corpus.pages(),
                corpus.bytes() / 1048576.0,
                corpus.formatMix(),
                (System.nanoTime() - t0) / 1e9);
        // Both sides read the files from the page cache, not the disk.
        try (Stream<Path> files = Files.list(corpus.files())) {
            for (Path f : files.toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corpus;
    }

    static Raw raw(Options options, Corpus corpus, PrintStream log, Class<?> main, String name) throws Exception {
        Path dir = runDir(options, name + "-" + corpus.entries().size());
        Path out = dir.resolve("raw.properties");
        Path gc = dir.resolve("gc.log");
        List<String> command = java(options, gc, dir);
        command.addAll(List.of(
                main.getName(),
                "--workers",
                String.valueOf(options.workers()),
                "--out",
                out.toString(),
                corpus.files().toString()));
        log.println(name + ": " + corpus.entries().size() + " files, " + options.workers() + " workers ...");
        double cpu0 = ChildCpu.seconds();
        double wall = exec(command, dir.resolve("raw.log"), Map.of(), null);
        double cpu = cpu0 < 0 ? -1 : ChildCpu.seconds() - cpu0;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(out)) {
            p.load(in);
        }
        Raw raw = new Raw(
                Double.parseDouble(p.getProperty("seconds")),
                wall,
                Long.parseLong(p.getProperty("files")),
                Long.parseLong(p.getProperty("documents")),
                Long.parseLong(p.getProperty("errors")),
                Double.parseDouble(p.getProperty("p50")),
                Double.parseDouble(p.getProperty("p95")),
                cpu,
                GcLog.read(gc));
        log.printf(Locale.ROOT, "%s: %.1f s (process %.1f s), %s%n", name, raw.seconds(), wall, raw);
        return raw;
    }

    static Run importer(Options options, Corpus corpus, PrintStream log) throws Exception {
        int files = corpus.entries().size();
        Path dir = runDir(options, "import-" + files);
        Path gc = dir.resolve("gc.log");
        Path stdout = dir.resolve("import.log");
        List<String> command = java(options, gc, dir);
        command.addAll(List.of(
                "no.govgraph.backend.cli.Main",
                "import",
                "--no-progress",
                "--workers",
                String.valueOf(options.workers()),
                "--data-dir",
                dir.resolve("data").toString(),
                "--report",
                dir.resolve("report.json").toString(),
                corpus.files().toString()));
        log.println("govgraph import: " + files + " files, " + options.workers() + " workers ...");
        Histograms histograms = new Histograms(dir, options.histogramSeconds());
        double cpu0 = ChildCpu.seconds();
        double wall = exec(command, stdout, Map.of(), histograms);
        double cpu = cpu0 < 0 ? -1 : ChildCpu.seconds() - cpu0 - histograms.jcmdCpuSeconds();
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        Matcher elapsed = ELAPSED.matcher(out);
        Matcher wrote = WROTE.matcher(out);
        if (!elapsed.find() || !wrote.find()) {
            throw new IllegalStateException("The import printed no summary; see " + stdout);
        }
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        Run run = new Run(
                "importer",
                files,
                corpus.documents(),
                Double.parseDouble(elapsed.group(3)),
                wall,
                Long.parseLong(elapsed.group(2)),
                report.path("failed").asLong(),
                Long.parseLong(wrote.group(1)),
                Long.parseLong(wrote.group(2)),
                cpu,
                GcLog.read(gc),
                histograms.files());
        log.printf(Locale.ROOT, "govgraph import: %.1f s (process %.1f s), %s%n", run.seconds(), wall, run);
        return run;
    }

    static Run server(Options options, Corpus corpus, PrintStream log) throws Exception {
        int files = corpus.entries().size();
        Path dir = runDir(options, "server-" + files);
        Path gc = dir.resolve("gc.log");
        Path stdout = dir.resolve("serve.log");
        int port = freePort();
        List<String> command = java(options, gc, dir);
        command.addAll(List.of(
                "no.govgraph.backend.cli.Main",
                "serve",
                "--no-sample",
                "--data-dir",
                dir.resolve("data").toString(),
                "--port",
                String.valueOf(port),
                "--bolt-port",
                String.valueOf(freePort())));
        log.println("server upload job: " + files + " files, " + options.workers() + " workers ...");
        long started = System.nanoTime();
        Process process = start(
                command,
                stdout,
                Map.of(
                        "GOVGRAPH_ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "GOVGRAPH_IMPORT_WORKERS",
                        String.valueOf(options.workers()),
                        // The server refuses a multipart request of more than 128 parts (Micronaut's
                        // default) with a 500; one request with the whole corpus needs more.
                        "MICRONAUT_SERVER_NETTY_FORM_MAX_FIELDS",
                        String.valueOf(files + 16)));
        Histograms histograms = new Histograms(dir, options.histogramSeconds());
        histograms.watch(process);
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(http, base, process, stdout);
            String token = login(http, base);
            ObjectMapper json = new ObjectMapper();
            HttpResponse<String> posted = http.send(upload(base, token, corpus), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 202) {
                throw new IllegalStateException(
                        "Upload answered " + posted.statusCode() + ": " + abbreviate(posted.body()));
            }
            String id = json.readTree(posted.body()).path("id").asText();
            JsonNode job;
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("serve exited during the job; see " + stdout);
                }
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/imports/" + id))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofMinutes(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                job = json.readTree(r.body());
                String status = job.path("status").asText();
                if (status.equals("finished")) {
                    break;
                }
                if (status.equals("failed") || status.equals("interrupted")) {
                    throw new IllegalStateException("The upload job " + status + ": " + job.path("error"));
                }
                Thread.sleep(1000);
            }
            // The pipeline's own run time, as the importer reports it for (b); else the job's span.
            double seconds = job.path("report").has("elapsedMs")
                    ? job.path("report").path("elapsedMs").asLong() / 1000.0
                    : Duration.between(
                                            Instant.parse(job.path("startedAt").asText()),
                                            Instant.parse(job.path("finishedAt").asText()))
                                    .toMillis()
                            / 1000.0;
            double wall = (System.nanoTime() - started) / 1e9;
            histograms.stop();
            // A full collection after the job, so that the log ends with the live data it left.
            histograms.take(process, "end");
            // The log is complete once the process has ended.
            stop(process);
            JsonNode report = job.path("report");
            Run run = new Run(
                    "server",
                    files,
                    corpus.documents(),
                    seconds,
                    wall,
                    job.path("total").asLong(),
                    job.path("failed").asLong(),
                    report.path("documents").asLong(),
                    report.path("passages").asLong(),
                    -1,
                    GcLog.read(gc),
                    histograms.files());
            log.printf(Locale.ROOT, "server upload job: %.1f s (process %.1f s), %s%n", run.seconds(), wall, run);
            return run;
        } finally {
            histograms.stop();
            stop(process);
        }
    }

    private static void awaitHealthy(HttpClient http, String base, Process process, Path stdout) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/api/health"))
                .timeout(Duration.ofSeconds(10))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("serve exited with " + process.exitValue() + "; see " + stdout);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("serve was not healthy within 10 minutes; see " + stdout);
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Sign-in answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return new ObjectMapper().readTree(r.body()).path("access_token").asText();
    }

    /** One multipart request with every file of the corpus as a part named {@code files}, streamed from disk. */
    private static HttpRequest upload(String base, String token, Corpus corpus) throws IOException {
        String boundary = "govgraph-bench-" + UUID.randomUUID();
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus.files())) {
            files = list.sorted().toList();
        }
        long length = 0;
        List<byte[]> heads = new ArrayList<>();
        for (Path f : files) {
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + f.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            heads.add(head);
            length += head.length + Files.size(f) + 2;
        }
        byte[] tail = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        length += tail.length;
        Iterable<byte[]> parts = () -> new Iterator<>() {
            private int next = 0;

            @Override
            public boolean hasNext() {
                return next <= files.size();
            }

            @Override
            public byte[] next() {
                if (next == files.size()) {
                    next++;
                    return tail;
                }
                int i = next++;
                try {
                    byte[] body = Files.readAllBytes(files.get(i));
                    byte[] head = heads.get(i);
                    byte[] part = new byte[head.length + body.length + 2];
                    System.arraycopy(head, 0, part, 0, head.length);
                    System.arraycopy(body, 0, part, head.length, body.length);
                    part[part.length - 2] = '\r';
                    part[part.length - 1] = '\n';
                    return part;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return HttpRequest.newBuilder(URI.create(base + "/api/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(parts), length))
                .build();
    }

    /** {@code java -Xmx… -Xlog:gc… -cp @argfile} with this JVM's class path. */
    private static List<String> java(Options options, Path gcLog, Path dir) throws IOException {
        Path argFile = dir.resolve("classpath.args");
        // An argument file keeps the long class path off the command line (and its length limits).
        Files.writeString(
                argFile,
                "-cp\n\"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n",
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + options.heap());
        command.add(GcLog.option(gcLog));
        command.add("@" + argFile);
        return command;
    }

    private static double exec(List<String> command, Path output, Map<String, String> env, Histograms histograms)
            throws Exception {
        long t0 = System.nanoTime();
        Process process = start(command, output, env);
        if (histograms != null) {
            histograms.watch(process);
        }
        try {
            if (!process.waitFor(6, TimeUnit.HOURS)) {
                throw new IllegalStateException("Gave up after 6 hours; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        command.get(command.size() - 1) + " exited with " + process.exitValue() + "; see " + output);
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            if (histograms != null) {
                histograms.stop();
            }
            stop(process);
        }
    }

    private static Process start(List<String> command, Path output, Map<String, String> env) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // The embedded store of --data-dir, never an external Neo4j the caller's environment names.
        builder.environment().remove("NEO4J_URI");
        builder.environment().remove("GOVGRAPH_DATA_DIR");
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Path runDir(Options options, String name) throws IOException {
        Path dir = options.workDir().resolve(name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
