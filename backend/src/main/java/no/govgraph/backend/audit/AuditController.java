package no.govgraph.backend.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.govgraph.backend.support.Page;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.backend.user.Role;

/** The audit log, for administrators. */
@Controller("/api/audit")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "users")
public class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    @Operation(summary = "Audit events, newest first (admin)")
    public Page<AuditEvent> events(
            @QueryValue @Nullable String actor,
            @QueryValue @Nullable String action,
            @QueryValue @Nullable Integer page,
            @QueryValue @Nullable Integer size) {
        return audit.events(actor, action, PageRequest.of(page, size));
    }
}
