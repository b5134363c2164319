package no.govgraph.ingest.extraction;

/**
 * Finds entities, mentions and evidenced facts in one document. Implementations are pure (no I/O
 * per call) and thread-safe, so import workers can share one.
 */
public interface FactExtractor {

    Extraction extract(DocumentText document);
}
