package no.govgraph.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A govgraph command run as its own process from the assembled application, as users run it. */
final class GovgraphProcess implements AutoCloseable {

    static final Path LIB = Path.of("target", "govgraph", "lib").toAbsolutePath();

    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private GovgraphProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("<output closed: ").append(e.getMessage()).append(">\n");
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code govgraph args…} with a clean environment plus {@code env}. */
    static GovgraphProcess start(Map<String, String> env, String... args) throws IOException {
        return start(List.of(), env, args);
    }

    /** As {@link #start(Map, String...)}, with extra JVM options (e.g. {@code -Dvaadin.…} settings). */
    static GovgraphProcess start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException("Run after 'package': " + LIB + " is missing");
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", LIB + "/*", "no.govgraph.backend.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("NEO4J_") || k.startsWith("GOVGRAPH_"));
        builder.environment().putAll(env);
        return new GovgraphProcess(builder.start());
    }

    /** Waits until the output contains {@code text}; fails with the output so far if the process ends or times out. */
    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!output.toString().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "govgraph exited with " + process.exitValue() + " before printing '" + text + "':\n" + output);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("govgraph did not print '" + text + "' within " + timeout + ":\n" + output);
            }
            Thread.sleep(200);
        }
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("govgraph did not exit within " + timeout + ":\n" + output);
        }
        // Let the reader thread take the last lines.
        Thread.sleep(200);
        return process.exitValue();
    }

    /** Asks the process to stop as Ctrl-C would (SIGTERM runs the same shutdown hooks). */
    int stop(Duration timeout) throws InterruptedException {
        // ProcessHandle.destroy sends SIGTERM without closing our end of the output (Process.destroy does).
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
