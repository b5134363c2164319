package no.govgraph.backend.graph;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.govgraph.backend.user.Role;

/** Neighbourhoods and paths for graph views. */
@Controller("/api")
@Secured(Role.READER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "graph")
public class GraphController {

    private final GraphService graph;

    GraphController(GraphService graph) {
        this.graph = graph;
    }

    @Get("/entities/{id}/neighbourhood")
    @Operation(
            summary = "The entities and relationships around an entity",
            description = "depth 1–3 (default 1); types and labels filter (repeat or comma-separate); limit caps"
                    + " the nodes (default 100, max 500); more gives, per node, how many of its relationships are not shown;"
                    + " sources=false leaves the edges' sources (document ids) out.")
    public Neighbourhood neighbourhood(
            @PathVariable String id,
            @QueryValue @Nullable Integer depth,
            @QueryValue @Nullable List<String> types,
            @QueryValue @Nullable List<String> labels,
            @QueryValue @Nullable Integer limit,
            @QueryValue @Nullable Boolean sources) {
        return graph.neighbourhood(id, depth, types, labels, limit, sources == null || sources);
    }

    @Get("/paths")
    @Operation(
            summary = "Shortest paths between two entities",
            description = "all=true gives all shortest paths (up to 50); maxLength 1–10 (default 6).")
    public Paths paths(
            @QueryValue String from,
            @QueryValue String to,
            @QueryValue @Nullable Integer maxLength,
            @QueryValue @Nullable Boolean all,
            @QueryValue @Nullable List<String> types) {
        return graph.paths(from, to, maxLength, all != null && all, types);
    }
}
