package no.govgraph.backend.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.backend.user.Role;

/** {@code GET /api/search}: full-text search with facets. */
@Controller("/api/search")
@Secured(Role.READER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "browse")
public class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @Get
    @Operation(
            summary = "Search passages and entity names",
            description = "Lucene syntax is allowed (\"phrases\", AND/OR/NOT, +/-, trailing *, ~); anything else"
                    + " is searched as text. Hits carry snippets with highlight ranges; facets count hits per"
                    + " entity type, document kind, year, language and office.")
    public SearchResult search(
            @QueryValue String q,
            @QueryValue @Nullable String type,
            @QueryValue @Nullable String kind,
            @QueryValue @Nullable String year,
            @QueryValue @Nullable String language,
            @QueryValue @Nullable String office,
            @QueryValue @Nullable Integer page,
            @QueryValue @Nullable Integer size) {
        return search.search(q, new SearchFilters(type, kind, year, language, office), PageRequest.of(page, size));
    }
}
