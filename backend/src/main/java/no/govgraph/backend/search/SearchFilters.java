package no.govgraph.backend.search;

import io.micronaut.core.annotation.Nullable;

/**
 * Narrows a search. Each filter is optional; set ones must all hold.
 *
 * @param type an entity label: entity hits of that label, passages that mention one
 * @param kind a document kind: passages of such documents
 * @param year a year: passages of documents created then
 * @param language a language code: passages of documents in it
 * @param office an office id: that office, entities related to it, passages that mention it
 */
public record SearchFilters(
        @Nullable String type,
        @Nullable String kind,
        @Nullable String year,
        @Nullable String language,
        @Nullable String office) {

    public static final SearchFilters NONE = new SearchFilters(null, null, null, null, null);

    public SearchFilters {
        type = blankToNull(type);
        kind = blankToNull(kind);
        year = blankToNull(year);
        language = blankToNull(language);
        office = blankToNull(office);
    }

    boolean filtersDocuments() {
        return kind != null || year != null || language != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
