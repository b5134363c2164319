package no.govgraph.backend.importjob;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * An upload job as the API shows it.
 *
 * @param id the job's id
 * @param status {@code queued}, {@code running}, {@code finished}, {@code failed} (could not run at
 *     all; see {@code error}) or {@code interrupted} (the server stopped before the job was over; it
 *     is resumed from its kept upload files as the server starts again)
 * @param createdBy who uploaded
 * @param createdAt when
 * @param startedAt when the run started
 * @param finishedAt when it ended
 * @param files the uploaded file names
 * @param total files the run found (archives count their entries), once known
 * @param done files done so far
 * @param failed files that failed so far
 * @param filesPerSecond the rate so far
 * @param runId the import run's id, once finished
 * @param imported files imported (when finished)
 * @param unchanged files the graph held already (when finished)
 * @param failures what failed and why (when finished)
 * @param report the pipeline's whole report (when finished)
 * @param error why the job could not run, if it could not
 * @param interruptions how often the server stopped (or was killed) before the job was over, each
 *     time resuming it at its next start; 0 for a job that ran in one go
 */
@Serdeable
public record ImportJobView(
        String id,
        String status,
        String createdBy,
        String createdAt,
        @Nullable String startedAt,
        @Nullable String finishedAt,
        List<String> files,
        @Nullable Long total,
        long done,
        long failed,
        @Nullable Double filesPerSecond,
        @Nullable String runId,
        @Nullable Long imported,
        @Nullable Long unchanged,
        List<ImportPipeline.Failure> failures,
        @Nullable Map<String, Object> report,
        @Nullable String error,
        long interruptions) {

    public ImportJobView {
        files = List.copyOf(files);
        failures = List.copyOf(failures);
    }

    public boolean isOver() {
        return status.equals("finished") || status.equals("failed");
    }
}
