package no.govgraph.ingest.parse;

import java.nio.file.Path;

/**
 * Reads the text and metadata of one file and of everything embedded in it. The one seam between
 * the import pipeline and Apache Tika: {@link TikaTextExtractor} parses in this process,
 * {@link ForkedTextExtractor} in a child JVM with time and memory limits.
 *
 * <p>An implementation never throws for a bad file: it returns {@link ExtractionResult.Failed}. It
 * is used by one thread at a time.
 */
public interface TextExtractor extends AutoCloseable {

    ExtractionResult extract(Path file);

    @Override
    default void close() {}
}
