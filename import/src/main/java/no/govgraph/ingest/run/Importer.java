package no.govgraph.ingest.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import no.govgraph.ingest.ImportException;
import no.govgraph.ingest.extraction.FactExtractor;
import no.govgraph.ingest.parse.ExtractionResult;
import no.govgraph.ingest.parse.ForkedTextExtractor;
import no.govgraph.ingest.support.Sha256;
import no.govgraph.ingest.walk.FileWalker;
import no.govgraph.ingest.walk.WalkEntry;
import no.govgraph.ingest.write.FileGraph;
import no.govgraph.ingest.write.GraphWriter;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files, folders and archives into the graph: the public entry point of the import
 * pipeline, used by {@code govgraph import}, upload jobs and the sample corpus.
 *
 * <pre>{@code
 * try (Importer importer = new Importer(driver, ImportOptions.defaults(), FactExtractors.discover())) {
 *     ImportReport report = importer.run(List.of(Path.of("archive")), ImportListener.NONE);
 * }
 * }</pre>
 *
 * <p>The walk is streamed; {@code workers} threads each hash a file, skip it if the graph holds it
 * already, parse it in their own child JVM, cut passages, classify and extract; one writer thread
 * writes finished files in batched transactions. A file that fails is recorded as an
 * {@code ImportFailure} and the import goes on. A run ends with an {@link ImportReport}; it throws
 * {@link ImportException} only when it cannot go on at all (the graph is unreachable).
 *
 * <p>The worker processes are started by the first run and kept for later runs until
 * {@link #close()}. Runs of one importer take turns.
 */
public final class Importer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    /** Most files and passages one write transaction takes (unless a single file is bigger). */
    private static final int BATCH_FILES = 200;

    private static final int BATCH_PASSAGES = 5_000;

    private final Driver driver;
    private final ImportOptions options;
    private final GraphWriter writer;
    private final ImportRunRepository runs;
    private final FileAssembler assembler;
    private final List<ForkedTextExtractor> extractors = new ArrayList<>();

    public Importer(Driver driver, ImportOptions options, FactExtractor extractor) {
        this.driver = driver;
        this.options = options;
        this.writer = new GraphWriter(driver);
        this.runs = new ImportRunRepository(driver);
        this.assembler = new FileAssembler(extractor, writer::completeAmong);
    }

    /**
     * Imports {@code paths} (files and folders) and reports what became of each file.
     *
     * @throws ImportException when the import cannot run or go on (e.g. Neo4j is unreachable)
     */
    public synchronized ImportReport run(List<Path> paths, ImportListener listener) {
        String runId = UUID.randomUUID().toString();
        List<Path> roots =
                paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        try {
            runs.start(runId, roots.stream().map(Path::toString).toList());
        } catch (RuntimeException e) {
            throw new ImportException("Cannot record the import in the graph: " + e.getMessage(), e);
        }
        startWorkers();
        Run run = new Run(runId, roots, new SafeListener(listener));
        return run.execute();
    }

    private void startWorkers() {
        while (extractors.size() < options.workers()) {
            extractors.add(new ForkedTextExtractor(options.parser(), options.limits()));
        }
        List<Thread> starters = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (ForkedTextExtractor extractor : extractors) {
            Thread t = new Thread(
                    () -> {
                        try {
                            extractor.start();
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "parse-worker-start");
            t.start();
            starters.add(t);
        }
        join(starters);
        if (failure.get() != null) {
            throw failure.get() instanceof ImportException ie
                    ? ie
                    : new ImportException(
                            "Could not start the parse workers: "
                                    + failure.get().getMessage(),
                            failure.get());
        }
    }

    @Override
    public synchronized void close() {
        extractors.forEach(ForkedTextExtractor::close);
        extractors.clear();
    }

    /** One import run: its queues, threads and counts. */
    private final class Run {
        private final String runId;
        private final List<Path> roots;
        private final ImportListener listener;
        private final ImportTally tally = new ImportTally();
        private final BlockingQueue<WalkEntry> files = new ArrayBlockingQueue<>(256);
        private final BlockingQueue<WriteJob> writes = new ArrayBlockingQueue<>(Math.max(4, 2 * options.workers()));
        private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        private final AtomicLong failureSeq = new AtomicLong();
        private final long started = System.nanoTime();

        Run(String runId, List<Path> roots, ImportListener listener) {
            this.runId = runId;
            this.roots = roots;
            this.listener = listener;
        }

        ImportReport execute() {
            listener.started(runId);
            Thread counter = daemon("import-count", () -> listener.total(FileWalker.count(roots, n -> {})));
            counter.start();
            Thread writerThread = new Thread(this::writeLoop, "import-writer");
            writerThread.start();
            List<Thread> workers = new ArrayList<>();
            for (ForkedTextExtractor extractor : extractors) {
                Thread t = new Thread(() -> workLoop(extractor), "import-worker-" + workers.size());
                t.start();
                workers.add(t);
            }
            try {
                FileWalker.walk(roots, entry -> {
                    if (fatal.get() != null) {
                        throw new Aborted();
                    }
                    put(files, entry);
                });
            } catch (Aborted e) {
                // The writer hit a fatal error; the workers are stopping.
            } finally {
                for (int i = 0; i < workers.size(); i++) {
                    put(files, WalkEntry.END);
                }
                join(workers);
                put(writes, WriteJob.END);
                join(List.of(writerThread));
                counter.interrupt();
            }
            if (fatal.get() != null) {
                throw new ImportException("The import stopped: " + fatal.get().getMessage(), fatal.get());
            }
            ImportReport report = tally.report(runId, Duration.ofNanos(System.nanoTime() - started));
            try {
                runs.finish(runId, tally.counts());
            } catch (RuntimeException e) {
                throw new ImportException("Could not record the end of the import: " + e.getMessage(), e);
            }
            listener.finished(report);
            return report;
        }

        private void workLoop(ForkedTextExtractor extractor) {
            while (true) {
                WalkEntry entry = take(files);
                if (entry == WalkEntry.END) {
                    return;
                }
                if (fatal.get() != null) {
                    continue; // drain: the import is stopping
                }
                try {
                    handle(entry, extractor);
                } catch (RuntimeException e) {
                    if (isFatal(e)) {
                        fatal.compareAndSet(null, e);
                    } else {
                        LOG.warn("Unexpected failure on {}", entry.path(), e);
                        put(
                                writes,
                                new WriteJob.Failure(
                                        FileOutcome.failed(entry.path(), null, FailureStage.PARSE, "unexpected: " + e),
                                        null));
                    }
                }
            }
        }

        private void handle(WalkEntry entry, ForkedTextExtractor extractor) {
            if (entry instanceof WalkEntry.Problem problem) {
                fail(problem.path(), null, FailureStage.WALK, problem.reason());
                return;
            }
            WalkEntry.File file = (WalkEntry.File) entry;
            Path path = file.path();
            if (file.size() == 0) {
                fail(path, null, FailureStage.READ, "empty file (0 bytes)");
                return;
            }
            String id;
            try {
                id = Sha256.ofFile(path);
            } catch (IOException e) {
                fail(path, null, FailureStage.READ, "cannot read the file: " + e.getMessage());
                return;
            }
            String location = path.toString();
            Optional<GraphWriter.StoredDocument> stored = writer.find(id, location);
            if (stored.isPresent() && stored.get().complete()) {
                if (stored.get().seenAt()) {
                    done(FileOutcome.unchanged(path, id));
                } else {
                    put(writes, new WriteJob.AddLocation(path, id, location));
                }
                return;
            }
            ExtractionResult result = extractor.extract(path);
            if (result instanceof ExtractionResult.Failed failed) {
                fail(path, id, FailureStage.PARSE, failed.reason());
                return;
            }
            FileGraph graph;
            try {
                graph = assembler.assemble(path, id, file.size(), ((ExtractionResult.Parsed) result).documents());
            } catch (FileAssembler.ExtractionFailed e) {
                LOG.debug("Extraction failed on {}", path, e.getCause());
                fail(path, id, FailureStage.EXTRACT, e.getMessage());
                return;
            }
            put(writes, new WriteJob.File(graph));
        }

        private void unexpected(WalkEntry entry, Throwable e) {
            LOG.warn("Unexpected failure on {}", entry.path(), e);
            put(
                    writes,
                    new WriteJob.Failure(
                            FileOutcome.failed(
                                    entry.path(), null, FailureStage.PARSE, "unexpected error in the importer: " + e),
                            null));
        }

        private void fail(Path path, String id, FailureStage stage, String reason) {
            put(writes, new WriteJob.Failure(FileOutcome.failed(path, id, stage, reason), id));
        }

        private void writeLoop() {
            List<WriteJob> batch = new ArrayList<>();
            boolean end = false;
            while (!end) {
                batch.clear();
                WriteJob job = take(writes);
                int passages = 0;
                while (job != null) {
                    if (job == WriteJob.END) {
                        end = true;
                        break;
                    }
                    batch.add(job);
                    if (job instanceof WriteJob.File f) {
                        passages += f.graph().passageCount();
                    }
                    if (batch.size() >= BATCH_FILES || passages >= BATCH_PASSAGES) {
                        break;
                    }
                    job = writes.poll();
                }
                if (!batch.isEmpty() && fatal.get() == null) {
                    try {
                        writeBatch(batch);
                    } catch (RuntimeException e) {
                        LOG.debug("Fatal write error", e);
                        fatal.compareAndSet(null, e);
                    }
                }
            }
        }

        private void writeBatch(List<WriteJob> batch) {
            List<FileOutcome> outcomes = new ArrayList<>();
            List<FileGraph> graphs = new ArrayList<>();
            List<WriteJob.Failure> failures = new ArrayList<>();
            for (WriteJob job : batch) {
                if (job instanceof WriteJob.File f) {
                    graphs.add(f.graph());
                } else if (job instanceof WriteJob.AddLocation a) {
                    try {
                        writer.addLocation(
                                a.id(), a.location(), options.parser().maxEmbeddingDepth());
                        outcomes.add(FileOutcome.unchanged(a.path(), a.id()));
                    } catch (RuntimeException e) {
                        rethrowIfFatal(e);
                        FileOutcome failed = FileOutcome.failed(a.path(), a.id(), FailureStage.WRITE, message(e));
                        outcomes.add(failed);
                        failures.add(new WriteJob.Failure(failed, a.id()));
                    }
                } else if (job instanceof WriteJob.Failure f) {
                    outcomes.add(f.outcome());
                    failures.add(f);
                }
            }
            if (!graphs.isEmpty()) {
                try {
                    writer.write(graphs);
                    graphs.forEach(g -> outcomes.add(imported(g)));
                } catch (RuntimeException e) {
                    rethrowIfFatal(e);
                    // One bad file must not cost the batch: write them one by one to find it.
                    for (FileGraph g : graphs) {
                        try {
                            writer.write(List.of(g));
                            outcomes.add(imported(g));
                        } catch (RuntimeException single) {
                            rethrowIfFatal(single);
                            LOG.warn("Could not write {}", g.path(), single);
                            FileOutcome failed =
                                    FileOutcome.failed(g.path(), g.fileId(), FailureStage.WRITE, message(single));
                            outcomes.add(failed);
                            failures.add(new WriteJob.Failure(failed, g.fileId()));
                        }
                    }
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (WriteJob.Failure failure : failures) {
                FileOutcome outcome = failure.outcome();
                Map<String, Object> row = new HashMap<>();
                row.put("id", runId + ":" + failureSeq.incrementAndGet());
                row.put("path", outcome.path().toString());
                row.put("sha256", failure.sha256());
                row.put("stage", outcome.stage().value());
                row.put("reason", outcome.reason());
                rows.add(row);
            }
            runs.failures(runId, rows);
            outcomes.forEach(this::done);
            runs.counts(runId, tally.counts());
        }

        private void done(FileOutcome outcome) {
            tally.add(outcome);
            listener.fileDone(outcome);
        }

        private FileOutcome imported(FileGraph g) {
            int documents = (int) g.documents().stream().filter(d -> !d.known()).count();
            return new FileOutcome(
                    g.path(),
                    FileOutcome.Status.IMPORTED,
                    g.fileId(),
                    documents,
                    g.passageCount(),
                    g.pageCount(),
                    null,
                    null);
        }

        private void rethrowIfFatal(RuntimeException e) {
            if (isFatal(e)) {
                throw e;
            }
        }
    }

    private static boolean isFatal(RuntimeException e) {
        return e instanceof ServiceUnavailableException
                || e instanceof SessionExpiredException
                || e instanceof AuthenticationException
                || e instanceof IllegalStateException
                        && String.valueOf(e.getMessage()).contains("closed");
    }

    private static String message(RuntimeException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 500 ? m.substring(0, 500) : m));
    }

    /** Work for the writer thread. */
    private sealed interface WriteJob {
        WriteJob END = new Failure(null, null);

        record File(FileGraph graph) implements WriteJob {}

        record AddLocation(Path path, String id, String location) implements WriteJob {}

        record Failure(FileOutcome outcome, String sha256) implements WriteJob {}
    }

    /** Thrown out of the walk's callback to stop walking. */
    private static final class Aborted extends RuntimeException {
        Aborted() {
            super(null, null, false, false);
        }
    }

    /** A listener whose exceptions are logged, never allowed to break the import. */
    private record SafeListener(ImportListener delegate) implements ImportListener {
        @Override
        public void started(String runId) {
            safely(() -> delegate.started(runId));
        }

        @Override
        public void total(long files) {
            safely(() -> delegate.total(files));
        }

        @Override
        public void fileDone(FileOutcome outcome) {
            safely(() -> delegate.fileDone(outcome));
        }

        @Override
        public void finished(ImportReport report) {
            safely(() -> delegate.finished(report));
        }

        private static void safely(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("An import listener failed: {}", e.toString());
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("The import was interrupted", e);
        }
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("The import was interrupted", e);
        }
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.HOURS.toMillis(24));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportException("The import was interrupted", e);
            }
        }
    }
}
