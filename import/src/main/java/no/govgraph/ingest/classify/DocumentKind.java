package no.govgraph.ingest.classify;

import java.util.Locale;

/** What kind of governance document a document is: {@code Document.kind} in the graph. */
public enum DocumentKind {
    AGREEMENT,
    MANAGEMENT_LETTER,
    PLAN,
    REPORT,
    INTERVIEW,
    EMAIL,
    OTHER;

    /** The value stored in the graph, e.g. {@code management_letter}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
