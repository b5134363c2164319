package no.govgraph.ingest.parse;

/**
 * One block of a document's text as the parser laid it out: a paragraph, a heading or a table row
 * (cells joined by {@code " | "}). Passages are cut between blocks, never inside a table row.
 *
 * @param page the page the block is on, from 1 (1 for formats without pages)
 * @param kind what the block is
 * @param text its text, whitespace collapsed, never empty
 */
public record TextBlock(int page, Kind kind, String text) {

    /** The kinds of block that matter for cutting passages. */
    public enum Kind {
        PARAGRAPH,
        HEADING,
        ROW
    }
}
