package no.govgraph.ingest.codebook;

/**
 * A term found in a text.
 *
 * @param term the codebook entry (or, for a municipality recognised by form, an entry made for it)
 * @param firstToken index of its first token
 * @param endToken index after its last token
 * @param start offset of its first character in the text
 * @param end offset after its last character
 * @param surface the text as written
 */
public record TermMatch(Term term, int firstToken, int endToken, int start, int end, String surface) {}
