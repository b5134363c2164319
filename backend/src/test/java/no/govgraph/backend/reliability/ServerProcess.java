package no.govgraph.backend.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.govgraph.neo4j.embedded.BoltPassword;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code govgraph serve} as its own process (the test class path, {@code no.govgraph.backend.cli.Main
 * serve}), on a data directory that outlives it, so tests can kill it and start it again. Ports and
 * the admin password stay the same across restarts.
 */
final class ServerProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "reliability-admin-password";
    private static final Duration START = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final String heap;
    private final List<String> jvmOptions;
    private final int port;
    private final int boltPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Process process;
    private Path log;
    private int starts;
    private Driver bolt;

    ServerProcess(Path dataDir, String heap, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.heap = heap;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
        this.boltPort = freePort();
    }

    /** Starts the server and waits until {@code /api/health} answers 200. */
    ServerProcess start() throws IOException, InterruptedException {
        starts++;
        log = dataDir.resolveSibling(dataDir.getFileName() + "-serve-" + starts + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "no.govgraph.backend.cli.Main",
                "serve",
                "--no-sample",
                "--data-dir",
                dataDir.toString(),
                "--port",
                String.valueOf(port),
                "--bolt-port",
                String.valueOf(boltPort)));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("NEO4J_") || k.startsWith("GOVGRAPH_"));
        builder.environment().put("GOVGRAPH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("GOVGRAPH_IMPORT_WORKERS", "2");
        process = builder.start();
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("serve exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/api/health", null).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("serve did not answer within " + START + ":\n" + log());
            }
            Thread.sleep(250);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * {@code kill -9}: the server gets no chance to clean up. Returns the server's child processes
     * (the parse workers) as they were at the kill, to check they end by themselves.
     */
    List<ProcessHandle> kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        closeBolt();
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("serve survived SIGKILL");
        }
        return children;
    }

    /** SIGTERM, as Ctrl-C: the shutdown hooks run. Returns the exit code. */
    int stop() throws InterruptedException {
        closeBolt();
        process.toHandle().destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not stop within 120 s of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    /** The server's embedded Neo4j over Bolt (opened once per start). */
    Driver bolt() {
        if (bolt == null) {
            try {
                String password = Files.readString(dataDir.resolve(BoltPassword.FILE_NAME))
                        .strip();
                bolt = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", password));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bolt;
    }

    private void closeBolt() {
        if (bolt != null) {
            bolt.close();
            bolt = null;
        }
    }

    /** A bearer token for the admin (one bcrypt check, not one per request as with Basic). */
    String token() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri("/api/login"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("login: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, token);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** {@code POST /api/imports} with every file as a part named {@code files}; the job as answered (202). */
    JsonNode upload(List<Path> files, String token) throws IOException, InterruptedException {
        String boundary = "----govgraph-" + UUID.randomUUID();
        // Streamed from the files: the full run uploads a 200 MB text.
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getFileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            parts.add(HttpRequest.BodyPublishers.ofFile(f));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri("/api/imports"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new AssertionError("upload: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Polls the job until it is finished or failed. */
    JsonNode awaitJob(String id, String token, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode job = getJson("/api/imports/" + id, token);
            String status = job.get("status").asText();
            if (status.equals("finished") || status.equals("failed")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " still " + status + " after " + timeout + ":\n" + job);
            }
            Thread.sleep(500);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path dataDir() {
        return dataDir;
    }

    /** What the current (or last) start printed and logged. */
    String log() {
        try {
            return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<log unreadable: " + e.getMessage() + ">";
        }
    }

    @Override
    public void close() {
        closeBolt();
        if (process != null && process.isAlive()) {
            process.toHandle().destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
