package no.govgraph.ingest.run;

import java.nio.file.Path;

/**
 * What became of one file.
 *
 * @param path the file (or the path that could not be walked)
 * @param status imported, unchanged or failed
 * @param documentId the file's document id, if it was read
 * @param documents documents written for it (the file and what is embedded in it)
 * @param passages passages written
 * @param pages pages of the documents written
 * @param stage where it failed, if it did
 * @param reason why it failed, if it did
 */
public record FileOutcome(
        Path path,
        Status status,
        String documentId,
        int documents,
        int passages,
        int pages,
        FailureStage stage,
        String reason) {

    /** The three ends of a file's import, as counted in {@code ImportRun}. */
    public enum Status {
        IMPORTED,
        UNCHANGED,
        FAILED
    }

    public static FileOutcome failed(Path path, String documentId, FailureStage stage, String reason) {
        return new FileOutcome(path, Status.FAILED, documentId, 0, 0, 0, stage, reason);
    }

    public static FileOutcome unchanged(Path path, String documentId) {
        return new FileOutcome(path, Status.UNCHANGED, documentId, 0, 0, 0, null, null);
    }
}
