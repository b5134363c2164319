package no.govgraph.ingest.write;

import java.util.List;
import no.govgraph.ingest.extraction.Extraction;
import no.govgraph.ingest.passage.Passage;

/**
 * One {@code Document} node to write, with its passages and what the extractor found in them.
 *
 * @param id SHA-256 of its bytes
 * @param locations where it was seen in this file: the file's path, or {@code path!/entry} (and
 *     deeper: {@code path!/inner.zip!/entry}) for an embedded document
 * @param known whether the graph already holds this document complete (seen in another file):
 *     then only its new locations and containment are written
 * @param extraction entities, mentions and facts found in its passages
 */
public record DocumentRecord(
        String id,
        String fileName,
        List<String> locations,
        String mediaType,
        String title,
        String author,
        String created,
        String modified,
        Integer pages,
        Long size,
        String language,
        String kind,
        boolean truncated,
        String warning,
        boolean known,
        List<Passage> passages,
        Extraction extraction) {

    public DocumentRecord {
        locations = List.copyOf(locations);
        passages = List.copyOf(passages);
    }
}
