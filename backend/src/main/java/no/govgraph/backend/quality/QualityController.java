package no.govgraph.backend.quality;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import no.govgraph.backend.user.Role;
import no.govgraph.ingest.quality.DataQuality;

/**
 * The data-quality report of the extraction, the same as {@code govgraph quality --json}: what a
 * researcher should look at before trusting the graph.
 */
@Controller("/api/quality")
@Secured(Role.READER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "import")
@SerdeImport(DataQuality.class)
@SerdeImport(DataQuality.DocumentRef.class)
@SerdeImport(DataQuality.OfficeRef.class)
@SerdeImport(DataQuality.LeaderRef.class)
@SerdeImport(DataQuality.FigureRef.class)
@SerdeImport(DataQuality.RelationshipRef.class)
public class QualityController {

    private final QualityService quality;

    QualityController(QualityService quality) {
        this.quality = quality;
    }

    @Get
    @Operation(
            summary = "The data-quality report",
            description = "Documents without entities, offices without an agreement on file, leaders of unknown"
                    + " background, figures without a year, weakly supported relationships; at most `limit`"
                    + " items per list (default 200).")
    public DataQuality quality(@QueryValue Optional<Integer> limit) {
        return quality.report(limit.orElse(QualityService.DEFAULT_LIMIT));
    }
}
