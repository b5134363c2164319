package no.govgraph.backend.evidence;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.user.Role;

/** Evidence for relationships, and its curation by archivists. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "evidence")
public class EvidenceController {

    /** Two entities to merge: {@code remove} goes into {@code keep}. */
    @Serdeable
    public record MergeRequest(String keep, String remove) {}

    private final CurationService curation;

    EvidenceController(CurationService curation) {
        this.curation = curation;
    }

    @Get("/evidence")
    @Secured(Role.READER_NAME)
    @Operation(
            summary = "The claims behind a relationship",
            description = "type is LEADS, PARTNERS_WITH, USES_TOOL or ACHIEVED; period narrows ACHIEVED.")
    public Evidence evidence(
            @QueryValue String type,
            @QueryValue String subject,
            @QueryValue String object,
            @QueryValue @Nullable String period) {
        return curation.evidence(type, subject, object, period);
    }

    @Post("/claims/{id}/accept")
    @Secured(Role.ARCHIVIST_NAME)
    @Operation(summary = "Accept a claim (archivist)")
    public ClaimView accept(@PathVariable String id, Authentication who) {
        return curation.accept(id, who.getName());
    }

    @Post("/claims/{id}/reject")
    @Secured(Role.ARCHIVIST_NAME)
    @Operation(summary = "Reject a claim; a relationship left without supporting claims is hidden (archivist)")
    public ClaimView reject(@PathVariable String id, Authentication who) {
        return curation.reject(id, who.getName());
    }

    @Post("/entities/merge")
    @Secured(Role.ARCHIVIST_NAME)
    @Operation(summary = "Merge two entities of the same label (archivist)")
    public MergeResult merge(@Body MergeRequest request, Authentication who) {
        if (request == null) {
            throw BackendException.badRequest("Send {\"keep\": id, \"remove\": id}.");
        }
        return curation.merge(request.keep(), request.remove(), who.getName());
    }
}
