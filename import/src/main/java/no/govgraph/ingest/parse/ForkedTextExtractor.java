package no.govgraph.ingest.parse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import no.govgraph.ingest.ImportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses files in a child JVM ({@link ParseWorker}) started with this JVM's {@code java} and class
 * path, a capped heap and a per-file timeout. A file that makes the child hang is stopped by
 * killing the child; a child that runs out of memory or crashes ends with that file; either way
 * the file is reported {@link ExtractionResult.Failed} with the reason and the next file gets a
 * fresh child. Used by one thread at a time; each import worker thread owns one.
 */
public final class ForkedTextExtractor implements TextExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ForkedTextExtractor.class);

    /** Exit code of a JVM stopped by -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** A child is replaced after this many files, so that slow leaks in parsers cannot pile up. */
    private static final int FILES_PER_CHILD = 2_000;

    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final ParserSettings settings;
    private final WorkerLimits limits;
    private Child child;
    private long seq;

    /**
     * Limits of each child process.
     *
     * @param timeout longest time one file may take
     * @param heap the child's maximum heap, as for {@code -Xmx} (e.g. {@code 512m})
     */
    public record WorkerLimits(Duration timeout, String heap) {
        public static final WorkerLimits DEFAULTS = new WorkerLimits(Duration.ofSeconds(120), "512m");

        public WorkerLimits {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The parse timeout must be positive");
            }
            if (!heap.matches("\\d+[kKmMgG]?")) {
                throw new IllegalArgumentException("The worker heap looks like 512m or 2g, not '" + heap + "'");
            }
        }
    }

    public ForkedTextExtractor(ParserSettings settings, WorkerLimits limits) {
        this.settings = settings;
        this.limits = limits;
    }

    /** Starts the child now rather than on the first file (workers start in parallel this way). */
    public void start() {
        if (child == null) {
            child = Child.start(settings, limits);
        }
    }

    @Override
    public ExtractionResult extract(Path file) {
        if (child != null && child.files >= FILES_PER_CHILD) {
            child.stop();
            child = null;
        }
        if (child == null) {
            try {
                child = Child.start(settings, limits);
            } catch (ImportException e) {
                return new ExtractionResult.Failed(e.getMessage());
            }
        }
        Child current = child;
        long id = ++seq;
        try {
            WorkerProtocol.write(
                    current.in,
                    new WorkerProtocol.Request(id, file.toAbsolutePath().toString()));
        } catch (IOException e) {
            // The child was gone before this file reached it: not this file's fault; try a new one.
            current.death(false, limits, e);
            child = null;
            try {
                current = Child.start(settings, limits);
                child = current;
                WorkerProtocol.write(
                        current.in,
                        new WorkerProtocol.Request(id, file.toAbsolutePath().toString()));
            } catch (ImportException | IOException again) {
                child = null;
                return new ExtractionResult.Failed("could not hand the file to a parse worker: " + again.getMessage());
            }
        }
        return await(current, id);
    }

    private ExtractionResult await(Child current, long id) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> kill = WATCHDOG.schedule(
                () -> {
                    timedOut.set(true);
                    current.process.destroyForcibly();
                },
                limits.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            WorkerProtocol.Reply reply = WorkerProtocol.read(current.out, WorkerProtocol.Reply.class);
            kill.cancel(false);
            if (reply.seq() != id) {
                throw new IOException("answer to request " + reply.seq() + " where " + id + " was expected");
            }
            current.files++;
            return reply.result();
        } catch (IOException | RuntimeException e) {
            kill.cancel(false);
            child = null;
            return new ExtractionResult.Failed(current.death(timedOut.get(), limits, e));
        }
    }

    @Override
    public void close() {
        if (child != null) {
            child.stop();
            child = null;
        }
    }

    /** One running worker process and its pipes. */
    private static final class Child {
        private final Process process;
        private final DataOutputStream in;
        private final DataInputStream out;
        private final Deque<String> lastErrors = new ArrayDeque<>();
        private int files;

        private Child(Process process) {
            this.process = process;
            this.in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.out = new DataInputStream(new BufferedInputStream(process.getInputStream()));
            Thread errors = new Thread(this::drainErrors, "parse-worker-stderr-" + process.pid());
            errors.setDaemon(true);
            errors.start();
        }

        static Child start(ParserSettings settings, WorkerLimits limits) {
            Path argFile = null;
            try {
                argFile = Files.createTempFile("govgraph-worker", ".args");
                // An argument file keeps a long class path off the command line (and its length limits).
                Files.writeString(
                        argFile, "-cp\n" + quote(System.getProperty("java.class.path")) + "\n", StandardCharsets.UTF_8);
                List<String> command = new ArrayList<>(List.of(
                        javaExecutable(),
                        "-Xmx" + limits.heap(),
                        "-XX:+ExitOnOutOfMemoryError",
                        // The JVM's own fatal messages go to stdout by default: keep the protocol clean.
                        "-XX:+DisplayVMOutputToStderr",
                        "-XX:+UseSerialGC",
                        // C1 only: a worker lives for a few thousand files at most, and compiling Tika's
                        // parsers with C2 cost more CPU than it saved: on 1,000 generated files two workers
                        // used 37 CPU-s with C2 and 17 with C1 (docs/BENCHMARKS.md, "Import").
                        "-XX:TieredStopAtLevel=1",
                        "-Djava.awt.headless=true",
                        "-Dfile.encoding=UTF-8",
                        "@" + argFile,
                        ParseWorker.class.getName()));
                Process process = new ProcessBuilder(command).start();
                Child child = new Child(process);
                WorkerProtocol.write(child.in, settings);
                ScheduledFuture<?> kill =
                        WATCHDOG.schedule(process::destroyForcibly, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    WorkerProtocol.Ready ready = WorkerProtocol.read(child.out, WorkerProtocol.Ready.class);
                    LOG.debug("Parse worker {} is ready", ready.pid());
                } finally {
                    kill.cancel(false);
                    deleteQuietly(argFile);
                }
                return child;
            } catch (IOException e) {
                if (argFile != null) {
                    deleteQuietly(argFile);
                }
                throw new ImportException("Could not start a parse worker process: " + e.getMessage(), e);
            }
        }

        /** Why the child stopped answering, for the failure record. */
        String death(boolean timedOut, WorkerLimits limits, Exception cause) {
            process.destroyForcibly();
            int exit;
            try {
                exit = process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = -1;
            }
            if (timedOut) {
                return "timed out after " + limits.timeout().toSeconds() + " s (the parser was stopped)";
            }
            String errors = recentErrors();
            if (exit == OUT_OF_MEMORY_EXIT || errors.contains("OutOfMemoryError")) {
                return "out of memory (the parser's heap is " + limits.heap() + ")";
            }
            return "the parser process died (exit code " + exit + ")"
                    + (errors.isEmpty() ? ": " + cause.getMessage() : ": " + errors);
        }

        void stop() {
            try {
                in.close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private void drainErrors() {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    LOG.debug("parse worker {}: {}", process.pid(), line);
                    synchronized (lastErrors) {
                        lastErrors.addLast(line.length() > 300 ? line.substring(0, 300) : line);
                        if (lastErrors.size() > 5) {
                            lastErrors.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // The child is gone; nothing more to read.
            }
        }

        private String recentErrors() {
            // Give the stderr reader a moment to catch the child's last words.
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (lastErrors) {
                return String.join(" / ", lastErrors);
            }
        }
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "parse-watchdog");
            t.setDaemon(true);
            return t;
        });
        // Every file schedules a kill that is cancelled when its answer comes; without this the
        // cancelled ones stay queued for the whole timeout (about a thousand at 8 files/s).
        watchdog.setRemoveOnCancelPolicy(true);
        return watchdog;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElseGet(() -> Path.of(
                        System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    private static String quote(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A left-over argument file in the temporary directory is harmless.
        }
    }
}
