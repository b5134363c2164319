package no.govgraph.backend.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * What is in the graph and where it runs.
 *
 * @param neo4j where the graph is (embedded store or external URI)
 * @param version Neo4j's name, version and edition
 * @param schemaUpToDate whether every migration has been applied
 * @param counts nodes per label of the public data model
 * @param lastImport the latest import run, if any
 */
@Serdeable
public record GraphStatus(
        String neo4j,
        String version,
        boolean schemaUpToDate,
        Map<String, Long> counts,
        @Nullable LastImport lastImport) {

    /** The summary of one import run. */
    @Serdeable
    public record LastImport(
            String id,
            String startedAt,
            @Nullable String finishedAt,
            long files,
            long imported,
            long unchanged,
            long failed) {}
}
