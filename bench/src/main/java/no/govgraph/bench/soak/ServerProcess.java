package no.govgraph.bench.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code govgraph serve} as its own JVM with a fixed heap, as users run it, so that the soak run
 * measures the server's heap, file descriptors and threads apart from its clients'.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private ServerProcess(Process process, PrintStream echo) {
        this.process = process;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            output.append(line).append('\n');
                            // Keep the server's warnings and errors visible in the run's log.
                            if (line.contains("WARN") || line.contains("ERROR") || line.startsWith("  ")) {
                                echo.println("[serve] " + line);
                            }
                        }
                    } catch (IOException e) {
                        output.append("<output closed: ").append(e.getMessage()).append(">\n");
                    }
                },
                "serve-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code serve --no-sample} on {@code dataDir} with {@code -Xmx heap}, the class path of
     * {@code classpath}, its GC log in {@code gcLog}, and waits until it serves.
     */
    static ServerProcess start(
            String classpath,
            String heap,
            Path dataDir,
            int port,
            int boltPort,
            String adminPassword,
            Path gcLog,
            Duration timeout,
            PrintStream echo)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                // The probe reads the heap after each full GC it asks for from here.
                "-Xlog:gc:file=" + gcLog,
                "-cp",
                classpath,
                "no.govgraph.backend.cli.Main",
                "serve",
                "--no-sample",
                "--data-dir",
                dataDir.toString(),
                "--port",
                String.valueOf(port),
                "--bolt-port",
                String.valueOf(boltPort)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("NEO4J_") || k.startsWith("GOVGRAPH_"));
        builder.environment().putAll(Map.of("GOVGRAPH_ADMIN_PASSWORD", adminPassword, "GOVGRAPH_LOG_LEVEL", "WARN"));
        ServerProcess server = new ServerProcess(builder.start(), echo);
        server.awaitOutput("govgraph is running", timeout);
        return server;
    }

    private void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.toString().contains(text)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "serve exited with " + process.exitValue() + " before it served:\n" + output);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("serve did not start within " + timeout + ":\n" + output);
            }
            Thread.sleep(200);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        return output.toString();
    }

    /** Stops the server as Ctrl-C would (SIGTERM); its exit code, or -1 if it had to be killed. */
    int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
