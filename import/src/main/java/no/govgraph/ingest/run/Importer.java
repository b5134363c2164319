package no.govgraph.ingest.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Files hashed and looked up in the graph together, in one query. */
    private static final int LOOKUP_BATCH = 64;

    /**
     * A batch is written sooner when no file has finished for this long: a small import (an upload of
     * one file) does not wait the whole {@link ImportOptions#batchWait()}.
     */
    private static final Duration BATCH_IDLE = Duration.ofMillis(500);

    /** How often the run's counts are written while it runs. */
    private static final Duration COUNTS_EVERY = Duration.ofSeconds(5);

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
        private final BlockingQueue<FileJob> files = new ArrayBlockingQueue<>(256);
        private final List<WalkEntry> walked = new ArrayList<>();
        private final BlockingQueue<WriteJob> writes = new ArrayBlockingQueue<>(Math.max(32, 8 * options.workers()));
        private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        private final AtomicLong failureSeq = new AtomicLong();
        private final long started = System.nanoTime();
        private long countsWritten = started;
        /** Written by the writer thread only; read after it has been joined. */
        private long batchesWritten;

        private final Map<String, java.util.concurrent.atomic.LongAdder> stageNanos =
                new java.util.concurrent.ConcurrentHashMap<>();

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
                    walked.add(entry);
                    if (walked.size() >= LOOKUP_BATCH) {
                        dispatch();
                    }
                });
                dispatch();
            } catch (Aborted e) {
                // The writer hit a fatal error; the workers are stopping.
            } catch (RuntimeException e) {
                if (!isFatal(e)) {
                    throw e;
                }
                fatal.compareAndSet(null, e);
            } finally {
                for (int i = 0; i < workers.size(); i++) {
                    put(files, FileJob.END);
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
            if (LOG.isDebugEnabled()) {
                StringBuilder stages = new StringBuilder();
                stageNanos.forEach((stage, nanos) ->
                        stages.append(String.format(java.util.Locale.ROOT, " %s %.1f s", stage, nanos.sum() / 1e9)));
                LOG.debug(
                        "Import {} stage times (summed over threads):{}; {} write batches; statements so far"
                                + " (calls, rows, time):{}",
                        runId,
                        stages,
                        batchesWritten,
                        writer.times().describe());
            }
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
                FileJob job = take(files);
                if (job == FileJob.END) {
                    return;
                }
                WalkEntry entry = job.entry();
                if (fatal.get() != null) {
                    continue; // drain: the import is stopping
                }
                try {
                    handle(job, extractor);
                } catch (RuntimeException e) {
                    if (isFatal(e)) {
                        fatal.compareAndSet(null, e);
                    } else {
                        unexpected(entry, e);
                    }
                } catch (StackOverflowError | OutOfMemoryError e) {
                    // Every file must be accounted for, even when the importer itself is short of memory.
                    unexpected(entry, e);
                }
            }
        }

        /**
         * Hashes the files walked so far and looks them all up in the graph with one query, then
         * hands them to the workers.
         */
        private void dispatch() {
            List<FileJob> jobs = new ArrayList<>();
            for (WalkEntry entry : walked) {
                if (entry instanceof WalkEntry.File file && file.size() > 0) {
                    long t = System.nanoTime();
                    try {
                        jobs.add(new FileJob(entry, Sha256.ofFile(file.path()), null));
                    } catch (IOException e) {
                        jobs.add(new FileJob(entry, null, "cannot read the file: " + e.getMessage()));
                    }
                    time("hash", t);
                } else {
                    jobs.add(new FileJob(entry, null, null));
                }
            }
            walked.clear();
            long t = System.nanoTime();
            Map<String, GraphWriter.StoredPaths> stored = writer.findAll(jobs.stream()
                    .map(FileJob::id)
                    .filter(java.util.Objects::nonNull)
                    .toList());
            time("lookup", t);
            for (FileJob job : jobs) {
                put(files, job.id() == null ? job : job.with(stored.get(job.id())));
            }
        }

        private void handle(FileJob job, ForkedTextExtractor extractor) {
            WalkEntry entry = job.entry();
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
            if (job.readProblem() != null) {
                fail(path, null, FailureStage.READ, job.readProblem());
                return;
            }
            String id = job.id();
            String location = path.toString();
            if (job.stored() != null && job.stored().complete()) {
                if (job.stored().paths().contains(location)) {
                    done(FileOutcome.unchanged(path, id));
                } else {
                    put(writes, new WriteJob.AddLocation(path, id, location));
                }
                return;
            }
            long t = System.nanoTime();
            ExtractionResult result = extractor.extract(path);
            t = time("parse", t);
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
            t = time("assemble", t);
            put(writes, new WriteJob.File(graph));
            time("queue", t);
        }

        /** Adds the time since {@code since} to a stage; returns now. */
        private long time(String stage, long since) {
            long now = System.nanoTime();
            stageNanos
                    .computeIfAbsent(stage, k -> new java.util.concurrent.atomic.LongAdder())
                    .add(now - since);
            return now;
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
                // Gather what the workers finish in the next moment: one transaction for many small
                // files is far cheaper than one each (index updates, commit), at little latency.
                long deadline = System.nanoTime() + options.batchWait().toNanos();
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
                    job = poll(writes, Math.min(BATCH_IDLE.toNanos(), deadline - System.nanoTime()));
                }
                if (!batch.isEmpty() && fatal.get() == null) {
                    try {
                        long t = System.nanoTime();
                        writeBatch(batch);
                        time("write", t);
                        batchesWritten++;
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
            long now = System.nanoTime();
            if (now - countsWritten > COUNTS_EVERY.toNanos()) {
                runs.counts(runId, tally.counts());
                countsWritten = now;
            }
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

    /** A walked file for a worker: its id and what the graph knew of it when it was walked. */
    private record FileJob(WalkEntry entry, String id, String readProblem, GraphWriter.StoredPaths stored) {
        static final FileJob END = new FileJob(WalkEntry.END, null, null, null);

        FileJob(WalkEntry entry, String id, String readProblem) {
            this(entry, id, readProblem, null);
        }

        FileJob with(GraphWriter.StoredPaths found) {
            return new FileJob(entry, id, readProblem, found);
        }
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

    /** The next item within {@code nanos}, or null. */
    private static <T> T poll(BlockingQueue<T> queue, long nanos) {
        try {
            return nanos <= 0 ? queue.poll() : queue.poll(nanos, TimeUnit.NANOSECONDS);
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
