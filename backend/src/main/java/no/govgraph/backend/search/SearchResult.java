package no.govgraph.backend.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of search hits with facets.
 *
 * @param query the text searched for
 * @param page the page number, from 1
 * @param size hits per page
 * @param total hits in all (after filters)
 * @param hasMore whether a next page exists
 * @param totalCapped whether more matches exist than were considered ({@link SearchService#CAP} per index)
 * @param hits the hits of this page: matching entities first, then passages
 * @param facets counts of the hits per entity type, document kind, year, language and office
 */
@Serdeable
public record SearchResult(
        String query,
        int page,
        int size,
        long total,
        boolean hasMore,
        boolean totalCapped,
        List<Hit> hits,
        Facets facets) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /**
     * A matching entity or passage.
     *
     * @param kind {@code entity} or {@code passage}
     * @param id the entity's or passage's id
     * @param label the entity's label (Office, Tool …), or {@code Passage}
     * @param title the entity's name, or the title (or file name) of the passage's document
     * @param snippet the matching text with the matches marked
     * @param score the full-text score (comparable only within one kind)
     * @param documentId the passage's document
     * @param page the passage's page
     * @param documentKind the passage's document kind
     * @param year the year the passage's document was created
     * @param language the language of the passage's document
     */
    @Serdeable
    public record Hit(
            String kind,
            String id,
            String label,
            String title,
            Snippet snippet,
            double score,
            @Nullable String documentId,
            @Nullable Integer page,
            @Nullable String documentKind,
            @Nullable String year,
            @Nullable String language) {}

    /** Facet counts; each counts the hits that match all the other filters. */
    @Serdeable
    public record Facets(
            List<FacetValue> type,
            List<FacetValue> kind,
            List<FacetValue> year,
            List<FacetValue> language,
            List<FacetValue> office) {}

    /**
     * One value of a facet.
     *
     * @param value what to pass as the filter parameter
     * @param label what to show (an office's name, else the value)
     * @param count how many hits have it
     */
    @Serdeable
    public record FacetValue(String value, String label, long count) {}
}
