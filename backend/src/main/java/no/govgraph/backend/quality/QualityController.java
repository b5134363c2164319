package no.govgraph.backend.quality;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;
import no.govgraph.backend.user.Role;

/** The data-quality report of the extraction. */
@Controller("/api/quality")
@Secured(Role.READER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "import")
public class QualityController {

    @Get
    @Operation(summary = "The data-quality report")
    public Map<String, Object> quality() {
        // Wired to no.govgraph.ingest.quality.QualityReport once it is in main.
        throw new BackendException(Reason.UNAVAILABLE, "The data-quality report is not part of this build yet.");
    }
}
