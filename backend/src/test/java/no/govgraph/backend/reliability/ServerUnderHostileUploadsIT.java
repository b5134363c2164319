package no.govgraph.backend.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * Malicious and pathological uploads while the server serves (issue 8): a nested zip bomb, a
 * "billion laughs" XML, a huge text file, a many-page PDF and a deeply nested zip are uploaded to
 * {@code govgraph serve} running as its own process with a fixed heap. While the job runs, a client
 * asks {@code /api/health} and a search every half second: every answer must be a 200 within a
 * generous minute. The server must end alive, without an OutOfMemoryError, its heap (read from its
 * GC log) under its {@code -Xmx}, and every file recorded: imported, truncated, or failed with a
 * reason. Response times and the peak heap are printed, not asserted.
 *
 * <p>CI: a 20 MB text and a 300-page PDF. {@code -Dreliability.full=true}: 200 MB and 5,000 pages.
 */
class ServerUnderHostileUploadsIT {

    private static final boolean FULL = Boolean.getBoolean("reliability.full");
    private static final String HEAP = "768m";
    private static final long MB = 1024 * 1024;
    private static final long HEAP_BYTES = 768 * MB;
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    @TempDir
    Path dir;

    /** One poll: what was asked, how long the answer took, and what went wrong if it did. */
    private record Poll(String what, long millis, String problem) {}

    @Test
    void hostileUploadsLeaveTheServerResponsiveAndWithinItsHeap() throws Exception {
        Path files = Files.createDirectories(dir.resolve("filer"));
        long megabytes = FULL ? 200 : 20;
        int pages = FULL ? 5_000 : 300;
        List<Path> upload = List.of(
                UploadFiles.nestedZipBomb(files.resolve("nested-bomb.zip"), 20),
                UploadFiles.billionLaughs(files.resolve("billion-laughs.xml")),
                UploadFiles.hugeText(files.resolve("stor-" + megabytes + "mb.txt"), megabytes),
                UploadFiles.manyPagePdf(files.resolve(pages + "-sider.pdf"), pages),
                UploadFiles.deeplyNestedZip(files.resolve("deep.zip"), 25),
                UploadFiles.text(files.resolve("vanlig.txt"), "Nav Frogner samarbeider med Oslo kommune."));
        Path gcLog = dir.resolve("serve-gc.log");

        try (ServerProcess server = new ServerProcess(dir.resolve("data"), HEAP, List.of("-Xlog:gc:file=" + gcLog))) {
            server.start();
            String token = server.token();

            List<Poll> polls = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean polling = new AtomicBoolean(true);
            Thread poller = new Thread(
                    () -> {
                        while (polling.get()) {
                            polls.add(poll(server, "health", "/api/health", null));
                            polls.add(poll(server, "search", "/api/search?q=Frogner", token));
                            try {
                                Thread.sleep(500);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "poller");
            poller.start();
            long started = System.nanoTime();
            JsonNode job;
            try {
                String id = server.upload(upload, token).get("id").asText();
                job = server.awaitJob(id, token, Duration.ofMinutes(FULL ? 60 : 10));
            } finally {
                polling.set(false);
                poller.join(120_000);
            }
            long jobSeconds = (System.nanoTime() - started) / 1_000_000_000;

            boolean alive = server.isAlive();
            String log = server.log();
            Path uploadDir =
                    server.dataDir().resolve("uploads").resolve(job.get("id").asText());
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (Path f : upload) {
                outcomes.put(f.getFileName().toString(), outcomeOf(server, job, uploadDir.resolve(f.getFileName())));
            }
            long[] heap = gcFigures(gcLog);

            StringBuilder figures = new StringBuilder("Hostile uploads to serve -Xmx" + HEAP + ", job "
                    + job.get("status").asText() + " in " + jobSeconds + " s:\n");
            outcomes.forEach((name, outcome) -> figures.append("  ")
                    .append(name)
                    .append(" -> ")
                    .append(outcome)
                    .append('\n'));
            for (String what : List.of("health", "search")) {
                List<Poll> mine =
                        polls.stream().filter(p -> p.what().equals(what)).toList();
                long[] ms = mine.stream().mapToLong(Poll::millis).sorted().toArray();
                figures.append(String.format(
                        Locale.ROOT,
                        "  %s: %d requests, %d failed, median %d ms, max %d ms%n",
                        what,
                        ms.length,
                        mine.stream().filter(p -> p.problem() != null).count(),
                        ms.length == 0 ? 0 : ms[ms.length / 2],
                        ms.length == 0 ? 0 : ms[ms.length - 1]));
            }
            figures.append(String.format(
                    Locale.ROOT,
                    "  heap (-Xmx %d MB): peak %d MB used before a GC, at most %d MB live after one, %d MB committed;"
                            + " %d GCs, %d full%n",
                    HEAP_BYTES / MB,
                    heap[0] / MB,
                    heap[1] / MB,
                    heap[2] / MB,
                    heap[3],
                    heap[4]));
            System.err.print(figures);

            assertThat(alive).as("serve is alive after the job\n" + log).isTrue();
            assertThat(log).as("serve's log").doesNotContain("OutOfMemoryError");
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("finished");
            assertThat(polls).as("requests made while the job ran").isNotEmpty();
            assertThat(polls.stream().filter(p -> p.problem() != null).map(p -> p.what() + ": " + p.problem()))
                    .as("requests that failed or timed out while the job ran")
                    .isEmpty();
            assertThat(heap[3]).as("garbage collections logged").isPositive();
            assertThat(heap[0]).as("peak heap").isLessThanOrEqualTo(HEAP_BYTES);
            outcomes.forEach((name, outcome) ->
                    assertThat(outcome).as(name + " recorded").isNotEmpty());
            assertThat(outcomes.get("vanlig.txt")).isEqualTo("imported");
            assertThat(outcomes.get("nested-bomb.zip")).isIn("truncated", "imported");
        }
    }

    private static Poll poll(ServerProcess server, String what, String path, String token) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = server.get(path, token);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Poll(what, ms, r.statusCode() == 200 ? null : "status " + r.statusCode() + " " + r.body());
        } catch (IOException | InterruptedException e) {
            return new Poll(what, (System.nanoTime() - t0) / 1_000_000, e.toString());
        }
    }

    /**
     * "imported", "truncated", "imported with warning: …" or "failed (stage): reason"; empty if the
     * file is nowhere.
     */
    private static String outcomeOf(ServerProcess server, JsonNode job, Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        for (JsonNode f : job.get("failures")) {
            if (f.get("path").asText().equals(path)) {
                String reason = f.get("reason").asText("");
                return reason.isBlank() ? "" : "failed (" + f.get("stage").asText() + "): " + shorten(reason);
            }
        }
        List<Record> docs = server.bolt()
                .executableQuery(
                        """
                        MATCH (d:Document) WHERE $p IN d.paths
                        RETURN d.truncated AS truncated, d.parseWarning AS warning, d.complete AS complete
                        """)
                .withParameters(Map.of("p", path))
                .execute()
                .records();
        if (docs.size() != 1 || !docs.get(0).get("complete").asBoolean(false)) {
            return "";
        }
        Record d = docs.get(0);
        if (d.get("truncated").asBoolean(false)) {
            return "truncated";
        }
        String warning = d.get("warning").asString(null);
        return warning == null ? "imported" : "imported with warning: " + shorten(warning);
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }

    /**
     * From the GC log: the most heap used before a collection, the most still used after one (what
     * was live), the most committed, the number of collections and of full collections.
     */
    private static long[] gcFigures(Path gcLog) throws IOException {
        long[] f = new long[5];
        if (!Files.exists(gcLog)) {
            return f;
        }
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                f[0] = Math.max(f[0], bytes(m.group(1), m.group(2)));
                f[1] = Math.max(f[1], bytes(m.group(3), m.group(4)));
                f[2] = Math.max(f[2], bytes(m.group(5), m.group(6)));
                f[3]++;
                if (line.contains("Pause Full")) {
                    f[4]++;
                }
            }
        }
        return f;
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n * 1024;
            case "M" -> n * 1024 * 1024;
            default -> n * 1024 * 1024 * 1024;
        };
    }
}
