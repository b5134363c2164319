package no.govgraph.ingest.write;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one imported file adds to the graph: the file's document, the documents embedded in
 * it and how they nest. Written all or nothing.
 *
 * @param path the file
 * @param fileId the file's document id (SHA-256 of its bytes)
 * @param documents the file's document first, then the embedded ones (each id once)
 * @param containments which document holds which, under what name
 */
public record FileGraph(Path path, String fileId, List<DocumentRecord> documents, List<Containment> containments) {

    public FileGraph {
        documents = List.copyOf(documents);
        containments = List.copyOf(containments);
    }

    /** {@code (parent)-[:CONTAINS {names}]->(child)}: the child sits in the parent under these names. */
    public record Containment(String parentId, String childId, List<String> names) {
        public Containment {
            names = List.copyOf(names);
        }
    }

    /** Passages over all documents: the size of the write. */
    public int passageCount() {
        return documents.stream().mapToInt(d -> d.passages().size()).sum();
    }

    /** Pages over all documents that have pages. */
    public int pageCount() {
        return documents.stream()
                .filter(d -> !d.known())
                .mapToInt(d -> d.pages() == null ? 0 : d.pages())
                .sum();
    }
}
