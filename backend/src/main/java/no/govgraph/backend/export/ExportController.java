package no.govgraph.backend.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.cypher.CypherController.CypherRequest;
import no.govgraph.backend.cypher.SavedQueryController.RunRequest;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.user.Role;

/** Downloads: query results and comparisons as CSV or JSON; graphs as GraphML or JSON. */
@Controller("/api/export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "export")
public class ExportController {

    private final ExportService export;

    ExportController(ExportService export) {
        this.export = export;
    }

    @Post("/cypher")
    @Secured(Role.ANALYST_NAME)
    @Operation(summary = "A read-only query's result as csv (default), json or graphml (analyst)")
    public HttpResponse<byte[]> cypher(
            @Body CypherRequest request, @QueryValue @Nullable String format, Authentication who) {
        if (request == null) {
            throw BackendException.badRequest("Send {\"query\": \"MATCH …\", \"params\": {…}}.");
        }
        return file(export.query(
                request.query(), request.params() == null ? Map.of() : request.params(), format, who.getName()));
    }

    @Post("/queries/{name}")
    @Secured(Role.ANALYST_NAME)
    @Operation(summary = "A saved query's result as csv (default), json or graphml (analyst)")
    public HttpResponse<byte[]> savedQuery(
            @PathVariable String name,
            @Body @Nullable RunRequest request,
            @QueryValue @Nullable String format,
            Authentication who) {
        return file(export.savedQuery(name, request == null ? null : request.params(), format, who.getName()));
    }

    @Get("/compare")
    @Secured(Role.READER_NAME)
    @Operation(summary = "A comparison as csv (default) or json")
    public HttpResponse<byte[]> compare(
            @QueryValue String outcome, @QueryValue @Nullable String period, @QueryValue @Nullable String format) {
        return file(export.comparison(outcome, period, format));
    }

    @Get("/neighbourhood/{id}")
    @Secured(Role.READER_NAME)
    @Operation(summary = "A neighbourhood as graphml (default) or json; same parameters as the neighbourhood")
    public HttpResponse<byte[]> neighbourhood(
            @PathVariable String id,
            @QueryValue @Nullable Integer depth,
            @QueryValue @Nullable List<String> types,
            @QueryValue @Nullable List<String> labels,
            @QueryValue @Nullable Integer limit,
            @QueryValue @Nullable String format) {
        return file(export.neighbourhood(id, depth, types, labels, limit, format));
    }

    @Get("/paths")
    @Secured(Role.READER_NAME)
    @Operation(summary = "Shortest paths as graphml (default) or json")
    public HttpResponse<byte[]> paths(
            @QueryValue String from,
            @QueryValue String to,
            @QueryValue @Nullable Integer maxLength,
            @QueryValue @Nullable Boolean all,
            @QueryValue @Nullable String format) {
        return file(export.paths(from, to, maxLength, all != null && all, format));
    }

    private static HttpResponse<byte[]> file(ExportService.ExportFile f) {
        return HttpResponse.ok(f.content())
                .contentType(f.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + f.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff");
    }
}
