package no.govgraph.backend.entity;

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
import no.govgraph.backend.support.Page;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.backend.user.Role;

/** Entity pages and lookup. */
@Controller("/api/entities")
@Secured(Role.READER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "browse")
public class EntityController {

    private final EntityService entities;

    EntityController(EntityService entities) {
        this.entities = entities;
    }

    @Get
    @Operation(
            summary = "Find entities by name or alias",
            description = "For pickers and autocompletion: q matches anywhere in a name or alias, any case."
                    + " total is a lower bound when hasMore is true.")
    public Page<EntitySummary> find(
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String label,
            @QueryValue @Nullable Integer page,
            @QueryValue @Nullable Integer size) {
        return entities.find(q, label, PageRequest.of(page, size));
    }

    @Get("/{id}")
    @Operation(summary = "An entity: properties, relationships grouped by type with claim and source counts, documents")
    public EntityDetails entity(@PathVariable String id) {
        return entities.entity(id);
    }
}
