package no.govgraph.backend.importjob;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The import pipeline as upload jobs use it: the same pipeline as {@code govgraph import}, behind
 * the one method jobs need, so the job plumbing does not depend on the pipeline's internals.
 */
public interface ImportPipeline {

    /**
     * Imports {@code paths} (files, folders, archives) and reports what became of them.
     *
     * @param progress told the number of files once known and each file as it is done
     */
    Outcome run(List<Path> paths, Progress progress);

    /** Hears how a run goes. */
    interface Progress {
        void total(long files);

        void fileDone(boolean failed);
    }

    /**
     * What a run did.
     *
     * @param runId the {@code ImportRun} node's id
     * @param files files seen
     * @param imported files imported
     * @param unchanged files the graph held already
     * @param failed files that failed
     * @param failures each failure: path, stage, reason
     * @param report the whole report, as the pipeline writes it
     */
    @io.micronaut.serde.annotation.Serdeable
    record Outcome(
            String runId,
            long files,
            long imported,
            long unchanged,
            long failed,
            List<Failure> failures,
            Map<String, Object> report) {

        public Outcome {
            failures = List.copyOf(failures);
            report = Map.copyOf(report);
        }
    }

    /** A file that could not be imported. */
    @io.micronaut.serde.annotation.Serdeable
    record Failure(String path, String stage, String reason) {}
}
