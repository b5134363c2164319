package no.govgraph.ingest.run;

/**
 * Follows an import as it runs: for a progress bar, an upload job's status, a log. Methods are
 * called from the import's threads (not one fixed thread) and must return quickly.
 */
public interface ImportListener {

    /** Does nothing. */
    ImportListener NONE = new ImportListener() {};

    /** The import has begun; its {@code ImportRun} node has this id. */
    default void started(String runId) {}

    /** The number of files to import is known (counted while importing already goes on). */
    default void total(long files) {}

    /** One file is done: written, found unchanged, or failed. */
    default void fileDone(FileOutcome outcome) {}

    /** The import is over. */
    default void finished(ImportReport report) {}
}
