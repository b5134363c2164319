package no.govgraph.ingest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Running counts of one import, shared by its threads. */
final class ImportTally {

    private final AtomicLong files = new AtomicLong();
    private final AtomicLong imported = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong passages = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final List<ImportReport.Failure> failures = new ArrayList<>();

    record Counts(long files, long imported, long unchanged, long failed) {}

    void add(FileOutcome outcome) {
        files.incrementAndGet();
        switch (outcome.status()) {
            case IMPORTED -> {
                imported.incrementAndGet();
                documents.addAndGet(outcome.documents());
                passages.addAndGet(outcome.passages());
                pages.addAndGet(outcome.pages());
            }
            case UNCHANGED -> unchanged.incrementAndGet();
            case FAILED -> {
                failed.incrementAndGet();
                synchronized (failures) {
                    failures.add(new ImportReport.Failure(
                            outcome.path().toString(), outcome.stage().value(), outcome.reason()));
                }
            }
        }
    }

    Counts counts() {
        return new Counts(files.get(), imported.get(), unchanged.get(), failed.get());
    }

    ImportReport report(String runId, java.time.Duration elapsed) {
        List<ImportReport.Failure> copy;
        synchronized (failures) {
            copy = List.copyOf(failures);
        }
        return new ImportReport(
                runId,
                files.get(),
                imported.get(),
                unchanged.get(),
                failed.get(),
                copy,
                documents.get(),
                passages.get(),
                pages.get(),
                elapsed);
    }
}
