package no.govgraph.ingest.extraction;

import java.util.List;
import java.util.Optional;

/**
 * What the extractor reads: one document's metadata and its passages in order.
 *
 * @param documentId the document's id (SHA-256 of its bytes)
 * @param fileName the file name it was imported from
 * @param title its title, if the file had one
 * @param kind its classified kind (agreement, management_letter, plan, report, interview, email, other)
 * @param language its detected language (e.g. {@code nb}, {@code nn}, {@code en}), if known
 * @param passages its passages, in document order
 */
public record DocumentText(
        String documentId,
        String fileName,
        Optional<String> title,
        String kind,
        Optional<String> language,
        List<PassageText> passages) {

    public DocumentText {
        passages = List.copyOf(passages);
    }

    /**
     * One passage of a document.
     *
     * @param id the passage's id
     * @param index its position in the document, from 0
     * @param page the page it starts on, from 1 (1 for formats without pages)
     * @param text its text
     */
    public record PassageText(String id, int index, int page, String text) {}
}
