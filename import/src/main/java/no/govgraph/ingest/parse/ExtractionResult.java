package no.govgraph.ingest.parse;

import java.util.List;

/** The outcome of parsing one file: its documents, or why there are none. */
public sealed interface ExtractionResult {

    /**
     * The file parsed: the file itself first, then its embedded documents, each after the one that
     * contains it.
     */
    record Parsed(List<ExtractedDocument> documents) implements ExtractionResult {
        public Parsed {
            documents = List.copyOf(documents);
            if (documents.isEmpty() || !documents.get(0).isContainer()) {
                throw new IllegalArgumentException("The file itself must come first");
            }
        }

        public ExtractedDocument container() {
            return documents.get(0);
        }
    }

    /**
     * The file could not be parsed.
     *
     * @param reason what went wrong, for people (e.g. "encrypted: no password", "timed out after 120 s")
     */
    record Failed(String reason) implements ExtractionResult {}
}
