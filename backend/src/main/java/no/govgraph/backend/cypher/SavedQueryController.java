package no.govgraph.backend.cypher;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.user.Role;

/** Saved, shared queries (analyst). */
@Controller("/api/queries")
@Secured(Role.ANALYST_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cypher")
public class SavedQueryController {

    /**
     * A query to save.
     *
     * @param name its unique name
     * @param description what it answers
     * @param query the Cypher text
     * @param parameters its parameter names (default: the {@code $names} it uses)
     */
    @Serdeable
    public record SaveRequest(
            String name, @Nullable String description, String query, @Nullable List<String> parameters) {}

    /** Parameters for a run. */
    @Serdeable
    public record RunRequest(@Nullable Map<String, Object> params) {}

    private final SavedQueryService queries;

    SavedQueryController(SavedQueryService queries) {
        this.queries = queries;
    }

    @Get
    @Operation(summary = "All saved queries (analyst)")
    public List<SavedQuery> list() {
        return queries.list();
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Save a query under a unique name (analyst)")
    public SavedQuery save(@Body SaveRequest request, Authentication who) {
        if (request == null) {
            throw BackendException.badRequest("Send {\"name\": …, \"query\": …, \"description\": …}.");
        }
        return queries.save(
                request.name(), request.description(), request.query(), request.parameters(), who.getName());
    }

    @Get("/{name}")
    @Operation(summary = "One saved query (analyst)")
    public SavedQuery get(@PathVariable String name) {
        return queries.get(name);
    }

    @Put("/{name}")
    @Operation(summary = "Change a saved query (its owner or an admin)")
    public SavedQuery update(@PathVariable String name, @Body SaveRequest request, Authentication who) {
        if (request == null) {
            throw BackendException.badRequest("Send {\"query\": …, \"description\": …}.");
        }
        return queries.update(
                name, request.description(), request.query(), request.parameters(), who.getName(), isAdmin(who));
    }

    @Delete("/{name}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a saved query (its owner or an admin)")
    public void delete(@PathVariable String name, Authentication who) {
        queries.delete(name, who.getName(), isAdmin(who));
    }

    @Post("/{name}/run")
    @Operation(summary = "Run a saved query with parameters (analyst)")
    public CypherResult run(@PathVariable String name, @Body @Nullable RunRequest request, Authentication who) {
        return queries.run(name, request == null ? null : request.params(), who.getName());
    }

    private static boolean isAdmin(Authentication who) {
        return who.getRoles().contains(Role.ADMIN_NAME);
    }
}
