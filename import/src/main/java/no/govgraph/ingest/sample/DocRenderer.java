package no.govgraph.ingest.sample;

/** Word 97–2003 binary (.doc). */
final class DocRenderer {

    private DocRenderer() {}

    static byte[] render(SourceDocument doc) {
        throw new UnsupportedOperationException("DOC rendering is not implemented yet: " + doc.file());
    }
}
