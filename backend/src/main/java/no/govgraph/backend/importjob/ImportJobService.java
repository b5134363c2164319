package no.govgraph.backend.importjob;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import no.govgraph.backend.audit.AuditLog;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;
import no.govgraph.backend.support.Page;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.ingest.sample.SampleCorpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload jobs: uploaded files are kept under the upload directory (documents keep pointing at them
 * for download), and imported in the background by the same pipeline as {@code govgraph import},
 * one job at a time. Progress is kept in memory while a job runs; its outcome is stored on its
 * {@code ImportJob} node. Jobs a stopped server left unfinished (stopped with Ctrl-C, killed, or
 * the machine went down) are run again from their kept upload files on the next start, and count
 * that interruption; imports are idempotent, so the files done before it come back "unchanged".
 */
@Singleton
public class ImportJobService implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobService.class);

    /** Who the audit log and the job list name as the importer of the sample corpus. */
    public static final String SAMPLE_USER = "govgraph (sample corpus)";

    /** An uploaded file before it is stored: its name as sent and its content. */
    public record Upload(String fileName, InputStream content) {}

    /** Progress of a running job. */
    private static final class Live {
        final long startedNanos = System.nanoTime();
        volatile Long total;
        final AtomicLong done = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
    }

    private final ImportJobRepository repository;
    private final Optional<ImportPipeline> pipeline;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Path uploads;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    /** Set when the server stops: a run that ends because of it is left to the next start, not failed. */
    private volatile boolean stopping;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "govgraph-import-jobs");
        t.setDaemon(true);
        return t;
    });

    ImportJobService(
            ImportJobRepository repository,
            Optional<ImportPipeline> pipeline,
            AuditLog audit,
            JsonMapper json,
            UploadSettings settings,
            @Value("${govgraph.data-dir:}") String dataDir) {
        this.repository = repository;
        this.pipeline = pipeline;
        this.audit = audit;
        this.json = json;
        this.uploads = uploadDir(settings, dataDir);
    }

    private static Path uploadDir(UploadSettings settings, String dataDir) {
        if (settings.dir() != null && !settings.dir().isBlank()) {
            return Path.of(settings.dir());
        }
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir).resolve("uploads");
        }
        return Path.of(System.getProperty("java.io.tmpdir")).resolve("govgraph-uploads");
    }

    /** Whether imports can run in this build. */
    public boolean isAvailable() {
        return pipeline.isPresent();
    }

    /** Stores the uploads and queues their import; the job's id is in the answer. */
    public ImportJobView submit(List<Upload> files, String user) {
        ImportPipeline p = pipeline.orElseThrow(() -> new BackendException(
                Reason.UNAVAILABLE, "Imports are not available: this build has no import pipeline."));
        if (files.isEmpty()) {
            throw BackendException.badRequest(
                    "Send one or more files (or a zip) as multipart form data, part name 'files'.");
        }
        String id = UUID.randomUUID().toString();
        Path dir = uploads.resolve(id);
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Upload f : files) {
                String name = unique(dir, safeName(f.fileName()));
                try (InputStream in = f.content()) {
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                names.add(name);
            }
        } catch (IOException e) {
            throw new BackendException(
                    Reason.UNAVAILABLE, "The upload could not be stored in " + dir + ": " + e.getMessage(), e);
        }
        repository.create(id, user, names, dir.toAbsolutePath().toString());
        audit.record(user, "import.upload", id, Map.of("files", names));
        queue(id, dir, user, p);
        return job(id);
    }

    /**
     * On a graph nothing was ever imported into, uploads the bundled sample corpus as an ordinary
     * job, so a first-time user has something to explore and sees the import page at work. A graph
     * whose documents were all removed again is left empty.
     *
     * @return the job, if one was started
     */
    public Optional<ImportJobView> importSampleCorpusIfFirstStart() {
        if (pipeline.isEmpty() || !repository.nothingImportedYet()) {
            return Optional.empty();
        }
        List<Upload> files = SampleCorpus.fileNames().stream()
                .map(name -> new Upload(name, SampleCorpus.open(name)))
                .toList();
        return Optional.of(submit(files, SAMPLE_USER));
    }

    private void queue(String id, Path dir, String user, ImportPipeline p) {
        live.put(id, new Live());
        runner.submit(() -> run(id, dir, user, p));
    }

    private void run(String id, Path dir, String user, ImportPipeline p) {
        Live progress = live.computeIfAbsent(id, k -> new Live());
        repository.status(id, "running");
        try {
            ImportPipeline.Outcome outcome = p.run(List.of(dir), new ImportPipeline.Progress() {
                @Override
                public void total(long files) {
                    progress.total = files;
                }

                @Override
                public void fileDone(boolean failed) {
                    progress.done.incrementAndGet();
                    if (failed) {
                        progress.failed.incrementAndGet();
                    }
                }
            });
            repository.finish(id, "finished", json.writeValueAsString(outcome), null);
            audit.record(
                    user,
                    "import.run",
                    id,
                    Map.of(
                            "runId", outcome.runId(),
                            "files", outcome.files(),
                            "imported", outcome.imported(),
                            "unchanged", outcome.unchanged(),
                            "failed", outcome.failed()));
        } catch (RuntimeException | IOException e) {
            if (stopping) {
                // The importer was interrupted by the server's shutdown: the job keeps its status
                // ('running') and its upload, so the next start resumes it instead of reporting a failure.
                LOG.info("Import job {} stopped with the server; it resumes on the next start", id);
                return;
            }
            LOG.error("Import job {} failed", id, e);
            repository.finish(id, "failed", null, String.valueOf(e.getMessage()));
            audit.record(user, "import.run", id, Map.of("error", String.valueOf(e.getMessage())));
        } finally {
            live.remove(id);
        }
    }

    /** The job with {@code id}, with live progress while it runs. */
    public ImportJobView job(String id) {
        return repository
                .find(id)
                .map(this::view)
                .orElseThrow(() -> BackendException.notFound("There is no import job '" + id + "'."));
    }

    /** Past and current jobs, newest first. */
    public Page<ImportJobView> jobs(PageRequest page) {
        List<ImportJobView> items = repository.list(page.offset(), page.size()).stream()
                .map(this::view)
                .toList();
        return Page.of(items, page, repository.count());
    }

    @SuppressWarnings("unchecked")
    private ImportJobView view(ImportJobRepository.StoredJob j) {
        Live progress = live.get(j.id());
        ImportPipeline.Outcome outcome = null;
        if (j.outcome() != null) {
            try {
                outcome = json.readValue(j.outcome(), ImportPipeline.Outcome.class);
            } catch (IOException e) {
                LOG.warn("Import job {} has an unreadable outcome: {}", j.id(), e.getMessage());
            }
        }
        Long total = progress != null ? progress.total : outcome == null ? null : outcome.files();
        long done = progress != null ? progress.done.get() : outcome == null ? 0 : outcome.files();
        long failed = progress != null ? progress.failed.get() : outcome == null ? 0 : outcome.failed();
        Double rate = null;
        if (progress != null && done > 0) {
            double seconds = (System.nanoTime() - progress.startedNanos) / 1e9;
            rate = seconds > 0 ? done / seconds : null;
        }
        Map<String, Object> report = outcome == null ? null : new LinkedHashMap<>(outcome.report());
        return new ImportJobView(
                j.id(),
                j.status(),
                j.createdBy(),
                j.createdAt(),
                j.startedAt(),
                j.finishedAt(),
                j.files(),
                total,
                done,
                failed,
                rate,
                outcome == null ? null : outcome.runId(),
                outcome == null ? null : outcome.imported(),
                outcome == null ? null : outcome.unchanged(),
                outcome == null ? List.of() : outcome.failures(),
                report,
                j.error(),
                j.interruptions());
    }

    /** Runs again what a stopped server left unfinished. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (pipeline.isEmpty()) {
            return;
        }
        for (ImportJobRepository.StoredJob j : repository.unfinished()) {
            Path dir = Path.of(j.uploadDir());
            if (Files.isDirectory(dir)) {
                LOG.info("Import job {} was left {}; running it again", j.id(), j.status());
                repository.interrupted(j.id());
                queue(j.id(), dir, j.createdBy(), pipeline.get());
            } else {
                repository.finish(j.id(), "failed", null, "Its uploaded files are gone (" + dir + ").");
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        runner.shutdownNow();
    }

    /** The file name without any directory, control or separator characters, never empty or hidden. */
    static String safeName(@Nullable String name) {
        String n = name == null ? "" : name;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        StringBuilder out = new StringBuilder();
        n.codePoints().forEach(c -> {
            boolean bad = Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    || c == ':'
                    || c == '*'
                    || c == '?'
                    || c == '"'
                    || c == '<'
                    || c == '>'
                    || c == '|';
            out.appendCodePoint(bad ? '_' : c);
        });
        String s = out.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            s = "upload";
        }
        return s.length() > 200 ? s.substring(s.length() - 200) : s;
    }

    private static String unique(Path dir, String name) {
        String candidate = name;
        for (int i = 2; Files.exists(dir.resolve(candidate)); i++) {
            int dot = name.lastIndexOf('.');
            candidate = dot > 0 ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i;
        }
        return candidate;
    }
}
