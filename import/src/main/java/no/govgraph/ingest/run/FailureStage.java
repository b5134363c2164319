package no.govgraph.ingest.run;

import java.util.Locale;

/** Where in the pipeline a file failed: {@code ImportFailure.stage}. */
public enum FailureStage {
    /** The path does not exist, or a file or folder cannot be listed. */
    WALK,
    /** The file cannot be read, or is empty. */
    READ,
    /** The parser failed, timed out, ran out of memory, or does not know the type. */
    PARSE,
    /** The fact extractor failed on the file's text. */
    EXTRACT,
    /** The graph refused the file's write. */
    WRITE;

    /** The value stored in the graph and the report, e.g. {@code parse}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
