package no.govgraph.ingest;

/**
 * The one unchecked exception of the import module: an import (or removal) that cannot run at all,
 * e.g. because the graph became unreachable. A bad file is never an exception: it is recorded as an
 * {@code ImportFailure} and the import goes on.
 */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
