package no.govgraph.ingest.passage;

/**
 * A paragraph-sized piece of a document: the unit that is searched, shown and cited as evidence.
 *
 * @param index its position in the document, from 0
 * @param page the page it is on, from 1 (1 for formats without pages)
 * @param text its text: the blocks it holds, one per line
 */
public record Passage(int index, int page, String text) {

    /** The passage's id in the graph: {@code <documentId>:<index>}. */
    public String id(String documentId) {
        return documentId + ":" + index;
    }
}
