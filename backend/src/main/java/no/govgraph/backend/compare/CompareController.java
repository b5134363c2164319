package no.govgraph.backend.compare;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.govgraph.backend.user.Role;

/** The comparison of offices' outcomes. */
@Controller("/api/compare")
@Secured(Role.READER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "compare")
public class CompareController {

    private final CompareService compare;

    CompareController(CompareService compare) {
        this.compare = compare;
    }

    @Get
    @Operation(
            summary = "Offices × tools with each office's outcome value, and the outcome with vs without each tool,"
                    + " by leader background and by partnership",
            description = "period defaults to the outcome's latest; every value and tool cell links to its evidence.")
    public Comparison compare(@QueryValue String outcome, @QueryValue @Nullable String period) {
        return compare.compare(outcome, period);
    }

    @Get("/outcomes")
    @Operation(summary = "Outcomes and the periods that have values, to choose a comparison")
    public List<OutcomePeriods> outcomes() {
        return compare.outcomes();
    }
}
