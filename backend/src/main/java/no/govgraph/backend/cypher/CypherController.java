package no.govgraph.backend.cypher;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.user.Role;

/** Read-only Cypher for analysts, and the schema for their editor. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cypher")
public class CypherController {

    /**
     * A query to run.
     *
     * @param query the Cypher text, with {@code $parameters}
     * @param params the parameters' values
     */
    @Serdeable
    public record CypherRequest(String query, @Nullable Map<String, Object> params) {}

    private final CypherService cypher;
    private final SchemaService schema;

    CypherController(CypherService cypher, SchemaService schema) {
        this.cypher = cypher;
        this.schema = schema;
    }

    @Post("/cypher")
    @Secured(Role.ANALYST_NAME)
    @Operation(
            summary = "Run a read-only Cypher query (analyst)",
            description = "Write, schema and admin commands, LOAD CSV, CALL … IN TRANSACTIONS, several statements"
                    + " and procedures off the allowlist are refused with 422; a query that runs out of time or"
                    + " memory is stopped with 504; rows beyond the cap are cut and flagged truncated.")
    public CypherResult run(@Body CypherRequest request, Authentication who) {
        if (request == null) {
            throw BackendException.badRequest("Send {\"query\": \"MATCH …\", \"params\": {…}}.");
        }
        return cypher.run(request.query(), request.params() == null ? Map.of() : request.params(), who.getName());
    }

    @Get("/schema")
    @Secured(Role.READER_NAME)
    @Operation(summary = "Labels, relationship types and property keys, for autocompletion")
    public Schema schema() {
        return schema.schema();
    }
}
